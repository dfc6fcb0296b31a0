/** The citizen portal of procedure 1: open a ticket with code + plate, see it, pay it online. */
import { AppError } from '../http/app-error';
import { defineRoutes } from '../http/route';
import { citizenTicketView } from '../use-cases/parking-ticket/citizen-ticket-view';
import { openTicket } from '../use-cases/parking-ticket/open-ticket';
import { bookCheckout, checkoutBelongsTo, startCheckout } from '../use-cases/parking-ticket/pay-ticket';
import { checkoutStarted, citizenTicket, errors, portalAccess } from './schemas';
import type { PaymentMethod } from '../../adapters/payments/payment-provider';

const accessBody = {
  type: 'object', required: ['code', 'plate'], additionalProperties: false,
  properties: { code: { type: 'string', minLength: 4, maxLength: 40, title: 'Ticket-Code' }, plate: { type: 'string', minLength: 2, maxLength: 20, title: 'Kfz-Kennzeichen' } },
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

export const parkingTicketCitizenRoutes = defineRoutes([
  {
    method: 'post', path: '/api/parking-tickets/access', summary: 'Open a ticket with its code and the vehicle plate (attempts limited)', tags: ['parking-ticket'],
    roles: ['public'], body: accessBody,
    responses: { 200: { description: 'Portal token and ticket view', schema: portalAccess }, 401: { description: 'Code and plate do not match' }, 422: errors[422], 429: { description: 'Too many attempts' } },
    async handler({ body, req, system }) {
      const { code, plate } = body as { code: string; plate: string };
      return { json: await openTicket(system, req.app.locals.attemptLimiter, { code, plate, address: req.ip ?? 'unknown' }) };
    },
  },
  {
    method: 'get', path: '/api/parking-tickets/current', summary: 'The ticket the portal token opens', tags: ['parking-ticket'], roles: ['citizen'],
    responses: { 200: { description: 'Ticket view', schema: citizenTicket }, 401: errors[401] },
    async handler({ principal, system }) {
      const view = await citizenTicketView(system, principal.caseNumber!);
      if (!view) throw gone();
      return { json: view };
    },
  },
  {
    method: 'post', path: '/api/parking-tickets/current/checkout', summary: 'Start an online payment (card or PayPal) with the payment provider', tags: ['parking-ticket'],
    roles: ['citizen'], body: checkoutBody,
    responses: { 200: { description: 'Where to send the browser', schema: checkoutStarted }, 401: errors[401], 403: errors[403], 409: { description: 'Already paid or closed' }, 422: errors[422] },
    async handler({ body, principal, system, lang }) {
      const input = body as { method: PaymentMethod; email?: string; code?: string };
      return { json: await startCheckout(system, { ticketNumber: principal.caseNumber!, ...input, lang }) };
    },
  },
  {
    method: 'post', path: '/api/parking-tickets/current/confirm-payment', summary: 'Report the return from the payment provider', tags: ['parking-ticket'],
    roles: ['citizen'], body: confirmBody,
    responses: { 200: { description: 'Updated ticket view', schema: citizenTicket }, 401: errors[401], 403: errors[403], 422: errors[422] },
    async handler({ body, principal, system }) {
      const { checkoutId } = body as { checkoutId: string };
      if (!(await checkoutBelongsTo(system, checkoutId, principal.caseNumber!))) throw gone();
      await bookCheckout(system, checkoutId);
      return { json: await citizenTicketView(system, principal.caseNumber!) };
    },
  },
  {
    method: 'post', path: '/api/payments/sandbox/webhook', summary: 'Webhook of the payment provider (HMAC-signed)', tags: ['payments'], roles: ['public'],
    responses: { 204: { description: 'Accepted' }, 401: { description: 'Bad signature' } },
    async handler({ req, system }) {
      const raw = (req as unknown as { rawBody?: string }).rawBody ?? '';
      if (!system.paymentProvider.verifyWebhook(raw, req.get('X-Sandbox-Signature') ?? undefined)) {
        throw new AppError('access_denied', { de: 'Ungültige Signatur.', en: 'Invalid signature.' });
      }
      const event = JSON.parse(raw) as { type?: string; checkout?: { id?: string } };
      if (event.type === 'checkout.paid' && event.checkout?.id) await bookCheckout(system, event.checkout.id);
      return { status: 204 };
    },
  },
]);
