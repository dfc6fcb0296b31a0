/** Which procedure a case number belongs to: one `_id` lookup per procedure's read model. */
import type { Procedure } from '../../../domain/departments';
import { ticketExists } from '../../../store/parking-ticket/ticket-store';
import { dogTaxCaseExists } from '../../../store/dog-tax/case-store';
import type { System } from '../../../system/system';

/** The procedure of a case, or null when there is no such case. */
export async function procedureOfCase(system: System, caseNumber: string): Promise<Procedure | null> {
  if (!caseNumber || caseNumber.length > 100) return null;
  // The number's prefix says where to look first (VG-: tickets, HST-: Hundesteuer); both are looked at.
  const order: Procedure[] = caseNumber.startsWith('HST-') ? ['dog-tax', 'parking-ticket'] : ['parking-ticket', 'dog-tax'];
  for (const procedure of order) {
    if (procedure === 'parking-ticket' && await ticketExists(system.model, caseNumber)) return procedure;
    if (procedure === 'dog-tax' && await dogTaxCaseExists(system.model, caseNumber)) return procedure;
  }
  return null;
}
