/** The access code printed only in a ticket's hearing letter, derived like the letter activity does (tests cannot read the posted letter). */
import { deriveLetterCode } from '../../domain/parking-ticket/access-code';
import type { System } from '../../system/system';

export async function letterCodeOf(app: { system: Pick<System, 'model' | 'secrets'> }, ticketNumber: string): Promise<string> {
  const ticket = await app.system.model.tickets.findOne({ ticketNumber }).lean();
  if (!ticket) throw new Error(`no ticket ${ticketNumber}`);
  return deriveLetterCode(app.system.secrets.accessCode, ticket.workflowId);
}
