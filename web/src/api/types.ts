/**
 * Short names for the API's types. Every shape comes from schema.d.ts, which is generated from
 * the OpenAPI document (scripts/generate-api-types.ts): change a route's schema, not this file.
 */
import type { components, paths } from './schema.js';

type Schemas = components['schemas'];

export type LocalText = Schemas['LocalText'];
export type Lang = keyof LocalText;
export type ApiErrorBody = Schemas['Error'];
export type FieldError = Schemas['FieldError'];

export type FormDefinition = Schemas['FormDefinition'];
export type FormTexts = Schemas['FormTexts'];
export type FormSummary = Schemas['FormSummary'];
export type FormVersionMeta = Schemas['FormVersionMeta'];
export type FormVersion = Schemas['FormVersion'];
export type FormCheck = Schemas['FormCheck'];
export type FormChange = Schemas['FormChange'];
export type SubmissionAccepted = Schemas['SubmissionAccepted'];
export type CaseView = Schemas['CaseStatus'];
export type StatusLinkReplaced = Schemas['StatusLinkReplaced'];
export type Draft = Schemas['Draft'];
export type DraftSaved = Schemas['DraftSaved'];
export type Attachment = Schemas['Attachment'];

export type TicketStatus = Schemas['TicketStatus'];
export type Offence = Schemas['Offence'];
export type RecordedTicket = Schemas['RecordedTicket'];
export type StaffTicket = Schemas['StaffTicket'];
export type CitizenTicketView = Schemas['CitizenTicket'];
export type PortalAccess = Schemas['PortalAccess'];
export type CheckoutStarted = Schemas['CheckoutStarted'];
export type PaymentMethod = paths['/api/parking-tickets/current/checkout']['post']['requestBody']['content']['application/json']['method'];
export type WithdrawalRequested = Schemas['WithdrawalRequested'];
export type OutboxItem = Schemas['OutboxItem'];

export type StaffRole = Schemas['StaffRole'];
export type Department = Schemas['Department'];
export type StaffSession = Schemas['StaffSession'];
export type Account = Schemas['Account'];
export type AccountWithPassword = Schemas['AccountWithPassword'];
export type SecondFactorEnrolment = Schemas['SecondFactorEnrolment'];
export type StaffCase = Schemas['StaffCase'];
export type StaffCaseDocument = Schemas['StaffCaseDocument'];
export type HistoryEvent = Schemas['HistoryEvent'];

export type Person = Schemas['Person'];
export type TaskListItem = Schemas['TaskListItem'];
export type TaskDetail = Schemas['TaskDetail'];
export type TaskPage = Schemas['TaskPage'];

type Method = 'get' | 'post' | 'put' | 'delete';
type Success<R> = R extends { 200: infer A } ? A : R extends { 201: infer A } ? A : R extends { 202: infer A } ? A : never;
/** The JSON answer of an operation (its 200, 201 or 202), for answers without a name of their own. */
export type Answer<P extends keyof paths, M extends Method> =
  Success<NonNullable<paths[P][M]> extends { responses: infer R } ? R : never> extends { content: { 'application/json': infer J } } ? J : never;
