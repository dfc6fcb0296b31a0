/**
 * Input contracts of the three Hundesteuer forms: the fields the workflows and their activities
 * read (residence check, assessment, notices, the registration a later form refers to). Names
 * are typed as paths of the submission types, so a renamed field fails type-checking here.
 */
import type { ContractField, FieldPath, InputContract } from '../contracts';
import type { RegisterDogSubmission } from './register-dog.form';
import type { DeregisterDogSubmission } from './deregister-dog.form';
import type { ExemptionSubmission } from './exemption.form';

type Holder = RegisterDogSubmission['holder'];
// checkResidence, recipientOf, registrationFor and every notice e-mail read these.
const holderFields = {
  'holder/familyName': { type: 'string' },
  'holder/givenName': { type: 'string' },
  'holder/birthDate': { type: 'string', format: 'date' },
  'holder/street': { type: 'string' },
  'holder/postalCode': { type: 'string' },
  'holder/email': { type: 'string', format: 'email' },
} satisfies Record<`holder/${keyof Holder & string}`, ContractField>;

const registration = {
  ...holderFields,
  'dog/name': { type: 'string' },
  'dog/breed': { type: 'string' },
  keptSince: { type: 'string', format: 'date' },
} satisfies Partial<Record<FieldPath<RegisterDogSubmission>, ContractField>>;

const deregistration = {
  ...holderFields,
  tagNumber: { type: 'string' },
  reason: { type: 'string' },
  endedOn: { type: 'string', format: 'date' },
  // The notice goes to the new address when the holder moved away; a refund names the account.
  newAddress: { type: 'object', optional: true },
  refundIban: { type: 'string', optional: true },
} satisfies Partial<Record<FieldPath<DeregisterDogSubmission>, ContractField>>;

const exemption = {
  ...holderFields,
  tagNumber: { type: 'string' },
  ground: { type: 'string' },
  // The caseworker decides on the evidence: an application without it cannot be decided.
  evidenceIds: { type: 'array' },
} satisfies Partial<Record<FieldPath<ExemptionSubmission>, ContractField>>;

export const dogTaxContracts: InputContract[] = [
  { procedure: 'dog-tax', action: { kind: 'start', name: 'dogRegistrationWorkflow' }, fields: registration },
  { procedure: 'dog-tax', action: { kind: 'start', name: 'dogDeregistrationWorkflow' }, fields: deregistration },
  { procedure: 'dog-tax', action: { kind: 'start', name: 'dogTaxExemptionWorkflow' }, fields: exemption },
];
