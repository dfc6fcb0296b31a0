/**
 * Response schemas shared by route files (requests come from the forms' JSON Schemas). Named
 * schemas become components of the OpenAPI document and, generated from it, the web app's
 * types; `required` says what every answer carries.
 */
import { named } from '../http/openapi';
import { TICKET_STATUSES } from '../../workflows/parking-ticket/shared';
import { STAFF_ROLES } from '../../store/accounts/staff-accounts';
import { OUTBOX_LETTER_STATES } from '../../store/models';
import { DEPARTMENT_IDS } from '../../domain/departments';

const dateTime = { type: 'string', format: 'date-time' };
export const localText = named('LocalText', { type: 'object', required: ['de', 'en'], properties: { de: { type: 'string' }, en: { type: 'string' } } });
export const ticketStatus = named('TicketStatus', { type: 'string', enum: [...TICKET_STATUSES] });
export const staffRole = named('StaffRole', { type: 'string', enum: [...STAFF_ROLES] });
export const department = named('Department', { type: 'string', enum: DEPARTMENT_IDS });
const offence = named('Offence', { type: 'object', required: ['code', 'title'], properties: { code: { type: 'string' }, title: localText } });

const ticketProperties = {
  ticketNumber: { type: 'string' }, offence, amountCents: { type: 'integer' }, plate: { type: 'string' }, place: { type: 'string' },
  observedAt: dateTime, paymentDeadline: dateTime, status: ticketStatus,
};
const ticketRequired = ['ticketNumber', 'offence', 'amountCents', 'plate', 'place', 'observedAt', 'paymentDeadline', 'status'];

export const staffTicket = named('StaffTicket', {
  type: 'object', required: [...ticketRequired, 'paidCents'],
  properties: { ...ticketProperties, paidCents: { type: 'integer' }, letterDeadline: { ...dateTime, description: 'End of the hearing, once the letter is sent' } },
});

const auditEntry = {
  type: 'object', required: ['at', 'actor', 'action', 'details'],
  properties: { at: dateTime, actor: { type: 'string' }, action: { type: 'string' }, details: { type: 'object' } },
};
export const ticketWithAudit = named('StaffTicketWithAudit', {
  type: 'object', required: [...staffTicket.required, 'reference', 'auditTrail'],
  properties: { ...staffTicket.properties, reference: { type: 'string' }, auditTrail: { type: 'array', items: auditEntry } },
});

export const citizenTicket = named('CitizenTicket', {
  type: 'object',
  required: [...ticketRequired, 'access', 'outstandingCents', 'amountDueCents', 'accusation', 'hearing', 'payment'],
  properties: {
    ...ticketProperties,
    access: {
      type: 'string', enum: ['pay', 'case'],
      description: "What this portal session may do: 'pay' (opened with the card's ticket code: see and pay), 'case' (opened with the hearing letter's code or the link sent to whoever answered: also answer the hearing, object, read notices)",
    },
    outstandingCents: { type: 'integer', description: 'What is left to pay (less than amountDueCents after a partial transfer)' },
    amountDueCents: { type: 'integer', description: 'The Verwarnungsgeld, or the total of an issued notice' },
    paidAt: dateTime,
    paymentOutcome: {
      type: 'string', enum: ['refunding'],
      description: "Only in the answer to confirm-payment: 'refunding' when the payment reached a case that was already closed (paid by transfer, withdrawn) and is refunded in full",
    },
    accusation: { type: 'object', required: ['evidence'], properties: { text: { type: 'string' }, legalBasis: { type: 'string' }, evidence: localText } },
    hearing: {
      type: 'object', description: 'The online hearing (§ 55 OWiG)', required: ['open', 'answered'],
      properties: { open: { type: 'boolean' }, answered: { type: 'boolean' }, deadline: dateTime, answeredAt: dateTime },
    },
    notice: {
      type: 'object', description: 'Bußgeldbescheid or Kostenbescheid, once issued',
      required: ['kind', 'fineCents', 'feeCents', 'postageCents', 'totalCents', 'deadline', 'issuedAt', 'documentUrl'],
      properties: {
        kind: { type: 'string', enum: ['fine_notice', 'cost_notice'] }, fineCents: { type: 'integer' }, feeCents: { type: 'integer' },
        postageCents: { type: 'integer' }, totalCents: { type: 'integer' }, deadline: dateTime, issuedAt: dateTime, documentUrl: { type: 'string' },
      },
    },
    payment: {
      type: 'object', required: ['beneficiaryName', 'iban', 'reference', 'epcPayload', 'epcQrSvg'],
      properties: {
        beneficiaryName: { type: 'string' }, iban: { type: 'string' }, bic: { type: 'string' },
        reference: { type: 'string', description: 'ISO 11649 RF creditor reference, in groups of 4' },
        epcPayload: { type: 'string', description: 'EPC069-12 (GiroCode) payload' }, epcQrSvg: { type: 'string' },
      },
    },
  },
});

export const portalAccess = named('PortalAccess', {
  type: 'object', required: ['portalToken', 'ticket'],
  properties: { portalToken: { type: 'string', description: 'Bearer token for the /current routes' }, ticket: citizenTicket },
});

export const checkoutStarted = named('CheckoutStarted', {
  type: 'object', required: ['redirectUrl', 'checkoutId'],
  properties: { redirectUrl: { type: 'string', description: 'Where to send the browser' }, checkoutId: { type: 'string' } },
});

export const recordedTicket = named('RecordedTicket', {
  type: 'object', required: ['ticketNumber', 'reference', 'accessCode', 'portalUrl', 'paymentDeadline', 'amountCents', 'noticeCardUrl', 'status'],
  properties: {
    ticketNumber: { type: 'string' }, reference: { type: 'string' }, accessCode: { type: 'string' }, portalUrl: { type: 'string' },
    paymentDeadline: dateTime, amountCents: { type: 'integer' }, noticeCardUrl: { type: 'string' }, status: ticketStatus,
  },
});

export const outboxItem = named('OutboxItem', {
  type: 'object', required: ['id', 'ticketNumber', 'kind', 'recipientName', 'createdAt', 'status', 'documentUrl'],
  properties: {
    id: { type: 'string' }, ticketNumber: { type: 'string' }, kind: { type: 'string', description: 'e.g. warning_letter' }, recipientName: { type: 'string' },
    recipientAddress: { type: 'string' }, createdAt: dateTime, status: { type: 'string', enum: [...OUTBOX_LETTER_STATES] }, documentUrl: { type: 'string' },
  },
});

/** `{ items: [...] }`, the shape of every list answer. */
export const listOf = (items: object) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items } } });
/** One page of a staff list, newest first: `nextCursor` fetches the next (null: the last page); `total` counts the whole list. */
export const pageOf = (items: object) => ({
  type: 'object', required: ['items', 'nextCursor', 'total'],
  properties: { items: { type: 'array', items }, nextCursor: { type: ['string', 'null'] }, total: { type: 'integer' } },
});
/** The query of a paged staff list. */
export const pageQuery = {
  cursor: { type: 'string', maxLength: 300, description: 'nextCursor of the previous page' },
  limit: { type: 'string', pattern: '^([1-9]|[1-9][0-9]|100)$', description: '1–100, default 50' },
};

export const pdf = { description: 'PDF document', contentType: 'application/pdf' };
export const errors = {
  401: { description: 'Not signed in / no access' },
  403: { description: 'Role not allowed' },
  404: { description: 'Not found' },
  422: { description: 'Invalid input; fields name the problems' },
} as const;
