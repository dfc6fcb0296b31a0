/** Response schemas of the submission, status page and dog-tax staff routes. */
import { named } from '../http/openapi';
import { DOG_TAX_PROCEDURES, DOG_TAX_STATUSES } from '../../workflows/dog-tax/shared';
import { localText } from './schemas';

const dateTime = { type: 'string', format: 'date-time' };

export const submissionAccepted = named('SubmissionAccepted', {
  type: 'object', required: ['caseNumber', 'formId', 'formVersion', 'statusUrl', 'statusToken'],
  properties: {
    caseNumber: { type: 'string' }, formId: { type: 'string' }, formVersion: { type: 'integer', description: 'The version the submission was validated against' },
    statusUrl: { type: 'string', description: '${PUBLIC_BASE_URL}/vorgang/{caseNumber}#{statusToken} (the token in the fragment: never sent to a server)' },
    statusToken: { type: 'string', description: 'Secret: opens the status page of this case' },
  },
});

export const statusLinkReplaced = named('StatusLinkReplaced', {
  type: 'object', required: ['statusUrl', 'statusToken'],
  properties: { statusUrl: { type: 'string', description: 'The new link; every earlier link of the case stopped working' }, statusToken: { type: 'string' } },
});

export const caseStatus = named('CaseStatus', {
  type: 'object', required: ['caseNumber', 'procedure', 'formId', 'formVersion', 'title', 'status', 'statusText', 'receivedAt', 'steps', 'documents'],
  properties: {
    caseNumber: { type: 'string' }, procedure: { type: 'string' }, formId: { type: 'string' }, formVersion: { type: 'integer' },
    title: localText, status: { type: 'string', description: "The status of the case's procedure; statusText says it in words" }, statusText: localText,
    receivedAt: dateTime,
    steps: { type: 'array', items: { type: 'object', required: ['at', 'action', 'text'], properties: { at: dateTime, action: { type: 'string' }, text: localText } } },
    documents: {
      type: 'array',
      items: { type: 'object', required: ['id', 'kind', 'title', 'url'], properties: { id: { type: 'string' }, kind: { type: 'string' }, title: localText, url: { type: 'string', description: 'POST the status token ({"token": …}) to this URL to download' } } },
    },
  },
});

export const dogTaxStatus = named('DogTaxStatus', { type: 'string', enum: DOG_TAX_STATUSES });
export const dogTaxProcedure = named('DogTaxProcedure', { type: 'string', enum: Object.values(DOG_TAX_PROCEDURES) });

export const dogTaxCaseList = {
  type: 'object', required: ['items', 'nextCursor', 'total'],
  properties: {
    nextCursor: { type: ['string', 'null'], description: 'Fetches the next page (null: the last page)' },
    total: { type: 'integer' },
    items: {
      type: 'array',
      items: named('DogTaxCase', {
        type: 'object', required: ['caseNumber', 'procedure', 'status', 'formId', 'formVersion', 'receivedAt', 'submission'],
        properties: {
          caseNumber: { type: 'string' }, procedure: dogTaxProcedure, status: dogTaxStatus, formId: { type: 'string' }, formVersion: { type: 'integer' },
          receivedAt: dateTime, submission: { type: 'object' }, tagNumber: { type: 'string' },
          registrationCaseNumber: { type: 'string' }, decision: { type: 'object' },
        },
      }),
    },
  },
};

