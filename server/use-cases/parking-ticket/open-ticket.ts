/**
 * Opening a ticket in the portal: the ticket code (from the QR link or typed from the card)
 * plus the vehicle's plate. Answers with a short-lived portal token and the ticket view.
 */
import { hashAccessCode } from '../../../domain/parking-ticket/access-code';
import { tryNormalizePlate } from '../../../adapters/vehicle-registry/vehicle-registry';
import { AppError } from '../../http/app-error';
import { safeEqual, signToken, verifyToken } from '../../security/tokens';
import type { AttemptLimiter } from '../../security/attempt-limiter';
import type { System } from '../../../system/system';
import { findTicketByAccessCodeHash } from '../../../store/parking-ticket/ticket-store';
import { citizenTicketView } from './citizen-ticket-view';

export const PORTAL_TOKEN_TTL_SECONDS = 30 * 60;

const denied = () => new AppError('access_denied', {
  de: 'Ticket-Code und Kennzeichen passen nicht zusammen. Bitte prüfen Sie Ihre Eingabe.',
  en: 'Ticket code and plate do not match. Please check your input.',
});

export async function openTicket(system: System, limiter: AttemptLimiter, args: { code: string; plate: string; address: string }) {
  const codeHash = hashAccessCode(args.code);
  await limiter.check(codeHash, args.address);
  const ticket = await findTicketByAccessCodeHash(system.model, codeHash);
  const plate = tryNormalizePlate(args.plate);
  if (!ticket || !plate || !safeEqual(plate, ticket.plate)) {
    await limiter.recordFailure(codeHash, args.address);
    throw denied();
  }
  await limiter.recordSuccess(codeHash);
  const portalToken = signToken(system.secrets.portalToken, { t: ticket.ticketNumber }, PORTAL_TOKEN_TTL_SECONDS);
  return { portalToken, ticket: (await citizenTicketView(system, ticket.ticketNumber))! };
}

export function ticketNumberFromPortalToken(system: System, token: string | undefined): string | null {
  return verifyToken<{ t: string }>(system.secrets.portalToken, token)?.t ?? null;
}
