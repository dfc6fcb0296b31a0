/**
 * The citizen portal of procedure 1: open a ticket with a code + plate, see it, pay it online.
 * The card's ticket code opens it for paying; the hearing letter's code (or the link mailed to
 * whoever answered the hearing) opens the whole case (see use-cases/parking-ticket/open-ticket.ts).
 */
import { AppError } from '../http/app-error';
import { defineRoutes, type RouteContext } from '../http/route';
import { citizenTicketView } from '../use-cases/parking-ticket/citizen-ticket-view';
import { openTicket, openWithAnswerLink, openWithLetterCode, portalScopeOf } from '../use-cases/parking-ticket/open-ticket';
import { bookCheckout, checkoutBelongsTo, startCheckout } from '../use-cases/parking-ticket/pay-ticket';
import { checkoutStarted, citizenTicket, errors, portalAccess } from './schemas';
import { admit, guardsOf, tooManyResponse } from '../security/citizen-guards';
import type { PaymentMethod } from '../../adapters/payments/payment-provider';

const code = { type: 'string', minLength: 4, maxLength: 40 };
const accessBody = {
  type: 'object', required: ['code', 'plate'], additionalProperties: false,
  properties: {
    code: { ...code, title: 'Ticket-Code oder Zugangscode', description: "The ticket code from the card (opens the ticket for paying) or the access code from the hearing letter (opens the whole case)" },
    plate: { type: 'string', minLength: 2, maxLength: 20, title: 'Kfz-Kennzeichen' },
  },
};
const letterCodeBody = {
  type: 'object', required: ['code'], additionalProperties: false,
  properties: { code: { ...code, title: 'Zugangscode', description: 'The access code printed in the hearing letter' } },
};
const answerLinkBody = {
  type: 'object', required: ['ticketNumber', 'token'], additionalProperties: false,
  properties: { ticketNumber: { type: 'string', minLength: 1, maxLength: 40 }, token: { type: 'string', minLength: 1, maxLength: 100, description: 'From the link mailed to whoever answered the hearing (its fragment)' } },
};
const checkoutBody = {
  type: 'object', required: ['method'], additionalProperties: false,
  properties: {
    method: { type: 'string', enum: ['card', 'paypal'] },
    email: { type: 'string', format: 'email', maxLength: 254 },
    code: { type: 'string', maxLength: 40, description: 'The ticket code, to return to the ticket page after paying' },
  },
};
const confirmBody = { type: 'object', required: ['checkoutId'], additionalProperties: false, properties: { checkoutId: { type: 'string', minLength: 1, maxLength: 100 } } };

const gone = () => new AppError('not_found', { de: 'Die Verwarnung wurde nicht gefunden.', en: 'The ticket was not found.' });
const attempts = (ctx: Pick<RouteContext, 'system'>) => guardsOf(ctx.system).attempts;

export const parkingTicketCitizenRoutes = defineRoutes([
  {
    method: 'post', path: '/api/parking-tickets/access', summary: 'Open a ticket with a code (card: to pay; hearing letter: the whole case) and the vehicle plate (attempts limited)', tags: ['parking-ticket'],
    roles: ['public'], body: accessBody,
    responses: { 200: { description: 'Portal token and ticket view', schema: portalAccess }, 401: { description: 'Code and plate do not match' }, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      const { code, plate } = ctx.body as { code: string; plate: string };
      const who = await admit(ctx, 'check');
      return { json: await openTicket(ctx.system, attempts(ctx), who, { code, plate }) };
    },
  },
  {
    method: 'post', path: '/api/parking-tickets/current/letter-code', summary: "Open the whole case from a session opened with the card: the hearing letter's access code (attempts limited per ticket and client)", tags: ['parking-ticket'],
    roles: ['citizen'], body: letterCodeBody,
    responses: { 200: { description: 'A new portal token (access: case) and the ticket view', schema: portalAccess }, 401: { description: 'Not the letter code of this ticket' }, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      const { code: letterCode } = ctx.body as { code: string };
      const who = await admit(ctx, 'check');
      return { json: await openWithLetterCode(ctx.system, attempts(ctx), who, { ticketNumber: ctx.principal.caseNumber!, code: letterCode }) };
    },
  },
  {
    method: 'post', path: '/api/parking-tickets/answer-link', summary: 'Open the case with the link mailed to whoever answered the hearing (token from the link fragment)', tags: ['parking-ticket'],
    roles: ['public'], body: answerLinkBody,
    responses: { 200: { description: 'Portal token (access: case) and ticket view', schema: portalAccess }, 401: { description: 'The link is not valid' }, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      const { ticketNumber, token } = ctx.body as { ticketNumber: string; token: string };
      const who = await admit(ctx, 'check');
      return { json: await openWithAnswerLink(ctx.system, attempts(ctx), who, { ticketNumber, token }) };
    },
  },
  {
    method: 'get', path: '/api/parking-tickets/current', summary: 'The ticket the portal token opens', tags: ['parking-ticket'], roles: ['citizen'],
    responses: { 200: { description: 'Ticket view', schema: citizenTicket }, 401: errors[401] },
    async handler({ principal, system, req }) {
      const view = await citizenTicketView(system, principal.caseNumber!, portalScopeOf(system, req));
      if (!view) throw gone();
      return { json: view };
    },
  },
  {
    method: 'post', path: '/api/parking-tickets/current/checkout', summary: 'Start an online payment (card or PayPal) with the payment provider', tags: ['parking-ticket'],
    roles: ['citizen'], body: checkoutBody,
    responses: { 200: { description: 'Where to send the browser', schema: checkoutStarted }, 401: errors[401], 403: errors[403], 409: { description: 'Already paid or closed' }, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      const input = ctx.body as { method: PaymentMethod; email?: string; code?: string };
      await admit(ctx, 'portal-write');
      return { json: await startCheckout(ctx.system, { ticketNumber: ctx.principal.caseNumber!, ...input, lang: ctx.lang }) };
    },
  },
  {
    method: 'post', path: '/api/parking-tickets/current/confirm-payment', summary: 'Report the return from the payment provider', tags: ['parking-ticket'],
    roles: ['citizen'], body: confirmBody,
    responses: { 200: { description: 'Updated ticket view', schema: citizenTicket }, 401: errors[401], 403: errors[403], 404: { description: 'No checkout of this ticket with that id' }, 422: errors[422], ...tooManyResponse },
    async handler(ctx) {
      const { body, principal, system, req } = ctx;
      const { checkoutId } = body as { checkoutId: string };
      await admit(ctx, 'portal-write');
      if (!(await checkoutBelongsTo(system, checkoutId, principal.caseNumber!))) throw gone();
      const outcome = await bookCheckout(system, checkoutId);
      const view = await citizenTicketView(system, principal.caseNumber!, portalScopeOf(system, req));
      // Paid after the case was closed (paid by transfer meanwhile, withdrawn): the page says it is refunded.
      return { json: outcome === 'refunding' ? { ...view, paymentOutcome: 'refunding' } : view };
    },
  },
  {
    method: 'post', path: '/api/payments/webhook', summary: 'Webhook of the payment provider (signed; the provider adapter checks its own signature header)', tags: ['payments'], roles: ['public'],
    responses: { 204: { description: 'Accepted' }, 401: { description: 'Bad signature' } },
    async handler({ req, system }) {
      const raw = (req as unknown as { rawBody?: string }).rawBody ?? '';
      if (!system.paymentProvider.verifyWebhook(raw, (name) => req.get(name) ?? undefined)) {
        throw new AppError('access_denied', { de: 'Ungültige Signatur.', en: 'Invalid signature.' });
      }
      const event = JSON.parse(raw) as { type?: string; checkout?: { id?: string } };
      if (event.type === 'checkout.paid' && event.checkout?.id) await bookCheckout(system, event.checkout.id);
      return { status: 204 };
    },
  },
]);
