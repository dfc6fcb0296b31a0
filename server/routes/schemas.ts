/** Response schemas shared by route files (requests come from the forms' JSON Schemas). */
const localText = { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } } };
export const ticketStatus = { type: 'string', enum: ['registering', 'open', 'paid', 'letter_sent', 'withdrawn', 'holder_unknown', 'handed_to_fine_office',
  'decision_pending', 'dropped', 'fine_notice_sent', 'fine_final', 'cost_notice_sent', 'cost_notice_final'] };

export const staffTicket = {
  type: 'object',
  properties: {
    ticketNumber: { type: 'string' }, offence: { type: 'object', properties: { code: { type: 'string' }, title: localText } },
    amountCents: { type: 'integer' }, plate: { type: 'string' }, place: { type: 'string' }, observedAt: { type: 'string', format: 'date-time' },
    paymentDeadline: { type: 'string', format: 'date-time' }, status: ticketStatus, paidCents: { type: 'integer' },
  },
};

export const citizenTicket = {
  type: 'object',
  properties: {
    ...staffTicket.properties,
    outstandingCents: { type: 'integer' },
    amountDueCents: { type: 'integer', description: 'The Verwarnungsgeld, or the total of an issued notice' },
    paidAt: { type: 'string', format: 'date-time' },
    accusation: { type: 'object', properties: { text: { type: 'string' }, legalBasis: { type: 'string' }, evidence: localText } },
    hearing: {
      type: 'object', description: 'The online hearing (§ 55 OWiG)',
      properties: { open: { type: 'boolean' }, answered: { type: 'boolean' }, deadline: { type: 'string', format: 'date-time' }, answeredAt: { type: 'string', format: 'date-time' } },
    },
    notice: {
      type: 'object', description: 'Bußgeldbescheid or Kostenbescheid, once issued',
      properties: {
        kind: { type: 'string', enum: ['fine_notice', 'cost_notice'] }, fineCents: { type: 'integer' }, feeCents: { type: 'integer' },
        postageCents: { type: 'integer' }, totalCents: { type: 'integer' }, deadline: { type: 'string', format: 'date-time' },
        issuedAt: { type: 'string', format: 'date-time' }, documentUrl: { type: 'string' },
      },
    },
    payment: {
      type: 'object',
      properties: {
        beneficiaryName: { type: 'string' }, iban: { type: 'string' }, bic: { type: 'string' },
        reference: { type: 'string', description: 'ISO 11649 RF creditor reference, in groups of 4' },
        epcPayload: { type: 'string', description: 'EPC069-12 (GiroCode) payload' }, epcQrSvg: { type: 'string' },
      },
    },
  },
};

export const recordedTicket = {
  type: 'object',
  properties: {
    ticketNumber: { type: 'string' }, reference: { type: 'string' }, accessCode: { type: 'string' }, portalUrl: { type: 'string' },
    paymentDeadline: { type: 'string', format: 'date-time' }, amountCents: { type: 'integer' }, noticeCardUrl: { type: 'string' }, status: ticketStatus,
  },
};

export const pdf = { description: 'PDF document', contentType: 'application/pdf' };
export const errors = {
  401: { description: 'Not signed in / no access' },
  403: { description: 'Role not allowed' },
  404: { description: 'Not found' },
  422: { description: 'Invalid input; fields name the problems' },
} as const;
