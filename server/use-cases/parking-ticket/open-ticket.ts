/**
 * Opening a ticket in the portal. Two codes open it, each with the vehicle's plate:
 *
 * - the **ticket code** on the card on the windscreen (from its QR link or typed): anyone next
 *   to the car can read card and plate, so this opens the ticket for paying only (`pay`);
 * - the **letter code** printed only in the hearing letter posted to the holder: it opens the
 *   whole case (`case`) — answering the hearing, objecting, reading notices.
 *
 * A `pay` session is raised to `case` by typing the letter code (no plate again), and whoever
 * answered the hearing with an e-mail address gets a link that opens the case (`case`).
 * Every check is limited per secret and per client (security/attempt-limiter.ts). The answer is a
 * short-lived portal token (scope inside, signed) and the ticket view.
 */
import { createHmac } from 'node:crypto';
import type { Request } from 'express';
import { deriveAnswererToken, deriveLetterCode, hashAccessCode, normalizeAccessCode, type CodeScope } from '../../../domain/parking-ticket/access-code';
import { tryNormalizePlate } from '../../../adapters/vehicle-registry/vehicle-registry';
import { AppError } from '../../http/app-error';
import { safeEqual, signToken, verifyToken } from '../../security/tokens';
import type { AttemptLimiter } from '../../security/attempt-limiter';
import type { ClientRef } from '../../security/client-id';
import type { System } from '../../../system/system';
import { findTicketByCodeHash, findTicketByNumber } from '../../../store/parking-ticket/ticket-store';
import { fineCases, answerOf } from '../../../store/fine-proceedings/fine-case';
import { MailBudget } from '../../../store/rate-limit/mail-budget';
import { citizenTicketView } from './citizen-ticket-view';

export const PORTAL_TOKEN_TTL_SECONDS = 30 * 60;

const denied = () => new AppError('access_denied', {
  de: 'Code und Kennzeichen passen nicht zusammen. Bitte prüfen Sie Ihre Eingabe.',
  en: 'Code and plate do not match. Please check your input.',
});
const wrongLetterCode = () => new AppError('access_denied', {
  de: 'Dieser Zugangscode passt nicht zu dieser Verwarnung. Bitte prüfen Sie den Code im Anhörungsschreiben.',
  en: 'This access code does not belong to this ticket. Please check the code in the hearing letter.',
});
const linkInvalid = () => new AppError('access_denied', {
  de: 'Dieser Link ist nicht (mehr) gültig. Öffnen Sie die Verwarnung mit dem Zugangscode aus dem Anhörungsschreiben.',
  en: 'This link is not (or no longer) valid. Open the ticket with the access code from the hearing letter.',
});
export const letterCodeRequired = () => new AppError('letter_code_required', {
  de: 'Dafür brauchen Sie den Zugangscode aus dem Anhörungsschreiben, das per Post an die Halterin oder den Halter ging. Der Ticket-Code auf der Karte am Fahrzeug reicht nur zum Bezahlen.',
  en: 'For this you need the access code from the hearing letter sent by post to the vehicle\'s keeper. The ticket code on the card on the vehicle is only enough to pay.',
});

interface PortalClaims extends Record<string, unknown> { t: string; s?: CodeScope }

const issue = async (system: System, ticketNumber: string, scope: CodeScope) => ({
  portalToken: signToken(system.secrets.portalToken, { t: ticketNumber, s: scope }, PORTAL_TOKEN_TTL_SECONDS),
  ticket: (await citizenTicketView(system, ticketNumber, scope))!,
});

/**
 * Code and plate, each limited as a secret: the code (someone guessing plates for a code) and
 * the plate (someone guessing codes — the card's or the letter's — for a plate they read on the
 * car; without this key, a plate's codes could be guessed without ever meeting a per-ticket
 * lock). Both keys are keyed hashes of what was typed, counted whether or not a ticket exists,
 * so a lock says nothing about existence. A wrong guess counts on both; a right one resets both.
 */
export async function openTicket(system: System, limiter: AttemptLimiter, who: ClientRef, args: { code: string; plate: string }) {
  const codeHash = hashAccessCode(system.secrets.accessCode, args.code);
  const plate = tryNormalizePlate(args.plate);
  const secretKeys = [`code:${codeHash}`, ...(plate ? [`plate:${hashPlate(system.secrets.accessCode, plate)}`] : [])];
  for (const key of secretKeys) await limiter.check(key, who);
  const ticket = await findTicketByCodeHash(system.model, codeHash);
  if (!ticket || !plate || !safeEqual(plate, ticket.plate)) {
    await limiter.recordFailures(secretKeys, who);
    throw denied();
  }
  for (const key of secretKeys) await limiter.recordSuccess(key);
  return issue(system, ticket.ticketNumber, ticket.scope);
}

const hashPlate = (secret: Buffer, plate: string) => createHmac('sha256', secret).update(`plate-guesses:${plate}`).digest('hex');

/** A `pay` session raised to `case` with the letter's code; limited per ticket and per client. */
export async function openWithLetterCode(system: System, limiter: AttemptLimiter, who: ClientRef, args: { ticketNumber: string; code: string }) {
  const secretKey = `letter:${args.ticketNumber}`;
  await limiter.check(secretKey, who);
  const ticket = await findTicketByNumber(system.model, args.ticketNumber);
  const expected = ticket ? deriveLetterCode(system.secrets.accessCode, ticket.workflowId) : '';
  if (!ticket || !safeEqual(normalizeAccessCode(args.code), expected)) {
    await limiter.recordFailure(secretKey, who);
    throw wrongLetterCode();
  }
  await limiter.recordSuccess(secretKey);
  return issue(system, ticket.ticketNumber, 'case');
}

/**
 * The link mailed to whoever answered the hearing with an address (`/knoellchen/antwort#<ticket>.<token>`):
 * valid once an answer is recorded. Tokens are 128 bits: the lock is per ticket and client (so a
 * stranger cannot lock the answerer out), plus the client's own failure budget.
 */
export async function openWithAnswerLink(system: System, limiter: AttemptLimiter, who: ClientRef, args: { ticketNumber: string; token: string }) {
  const secretKey = `answer-link:${args.ticketNumber}:${who.client}`;
  await limiter.check(secretKey, who);
  const ticket = await findTicketByNumber(system.model, args.ticketNumber);
  const fineCase = ticket ? await fineCases(system.conn).findById(ticket.ticketNumber, { answeredAt: 1, answer: 1 }).lean() : null;
  if (!ticket || !fineCase?.answeredAt || !safeEqual(args.token, deriveAnswererToken(system.secrets.accessCode, ticket.workflowId))) {
    await limiter.recordFailure(secretKey, who);
    throw linkInvalid();
  }
  await limiter.recordSuccess(secretKey);
  // The link went only to that address: its owner has confirmed it (a larger daily mail budget).
  const email = answerOf<{ email?: string }>(system.conn, ticket.ticketNumber, fineCase.answer)?.email;
  if (email) await new MailBudget(system.conn).confirm(email);
  return issue(system, ticket.ticketNumber, 'case');
}

function portalClaims(system: System, token: string | undefined): PortalClaims | null {
  return verifyToken<PortalClaims>(system.secrets.portalToken, token);
}

export function ticketNumberFromPortalToken(system: System, token: string | undefined): string | null {
  return portalClaims(system, token)?.t ?? null;
}

/** What the request's portal token allows (its Bearer token; a token from before scopes existed: pay). */
export function portalScopeOf(system: System, req: Request): CodeScope {
  const bearer = /^Bearer (.+)$/.exec(req.get('Authorization') ?? '')?.[1];
  return portalClaims(system, bearer)?.s === 'case' ? 'case' : 'pay';
}

/** Answering the hearing, objecting and reading notices: only with the letter's code (or the answerer's link). */
export function requireCaseScope(system: System, req: Request): void {
  if (portalScopeOf(system, req) !== 'case') throw letterCodeRequired();
}
