/** Response schemas of the submission, status page and dog-tax staff routes. */
const localText = { type: 'object', properties: { de: { type: 'string' }, en: { type: 'string' } } };

export const submissionAccepted = {
  type: 'object',
  properties: {
    caseNumber: { type: 'string' }, formId: { type: 'string' }, formVersion: { type: 'integer', description: 'The version the submission was validated against' },
    statusUrl: { type: 'string', description: '${PUBLIC_BASE_URL}/vorgang/{caseNumber}?token={statusToken}' },
    statusToken: { type: 'string', description: 'Secret: opens the status page of this case' },
  },
};

export const caseStatus = {
  type: 'object',
  properties: {
    caseNumber: { type: 'string' }, procedure: { type: 'string' }, formId: { type: 'string' }, formVersion: { type: 'integer' },
    title: localText, status: { type: 'string' }, statusText: localText, receivedAt: { type: 'string', format: 'date-time' },
    steps: { type: 'array', items: { type: 'object', properties: { at: { type: 'string', format: 'date-time' }, action: { type: 'string' }, text: localText } } },
    documents: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, kind: { type: 'string' }, title: localText, url: { type: 'string' } } } },
  },
};

export const dogTaxStatus = {
  type: 'string',
  enum: ['received', 'registered', 'rejected_not_resident', 'deregistered', 'rejected_unknown_tag', 'rejected_already_deregistered',
    'awaiting_decision', 'decision_overdue', 'granted', 'reduced', 'rejected'],
};

export const dogTaxCaseList = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          caseNumber: { type: 'string' }, procedure: { type: 'string' }, status: dogTaxStatus, formId: { type: 'string' }, formVersion: { type: 'integer' },
          receivedAt: { type: 'string', format: 'date-time' }, submission: { type: 'object' }, tagNumber: { type: 'string' },
          registrationCaseNumber: { type: 'string' }, decision: { type: 'object' },
        },
      },
    },
  },
};

export const exemptionDecisionBody = {
  type: 'object', required: ['decision', 'reason'], additionalProperties: false,
  properties: { decision: { type: 'string', enum: ['granted', 'reduced', 'rejected'] }, reason: { type: 'string', minLength: 3, maxLength: 2000 } },
};
