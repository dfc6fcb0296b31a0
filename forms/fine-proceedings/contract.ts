/** Input contract of the hearing answer: what the decision task and the notices read. */
import type { ContractField, FieldPath, InputContract } from '../contracts';
import type { HearingAnswer } from './hearing-answer.form';

const fields = {
  'person/familyName': { type: 'string' },
  'person/givenName': { type: 'string' },
  'person/birthDate': { type: 'string', format: 'date' },
  'person/street': { type: 'string' },
  'person/postalCode': { type: 'string' },
  'person/city': { type: 'string' },
  facts: { type: 'string' },
  reasons: { type: 'string', optional: true },
  driver: { type: 'object', optional: true },
  email: { type: 'string', format: 'email', optional: true },
} satisfies Partial<Record<FieldPath<HearingAnswer>, ContractField>>;

export const fineHearingContract: InputContract = { procedure: 'parking-ticket', action: { kind: 'update', name: 'hearingAnswer' }, fields };
