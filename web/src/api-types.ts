// The contract of the lead's express API, as the web app relies on it.
export type Lang = 'de' | 'en';
export type LocalText = { de: string; en: string };

export type TicketStatus = 'open' | 'paid' | 'letter_sent' | 'withdrawn' | 'holder_unknown' | 'handed_to_fine_office';
export const TICKET_STATUSES: TicketStatus[] = ['open', 'paid', 'letter_sent', 'withdrawn', 'holder_unknown', 'handed_to_fine_office'];

export type FieldError = { field: string; message: string };
export type ApiErrorBody = { error: { code: string; message: string; fields?: FieldError[]; retryAfterSeconds?: number } };

export type FormTexts = {
  title: string;
  description?: string;
  submit: string;
  fields: Record<string, { title: string; description?: string; enumNames?: string[] }>;
  /** Step titles by step id, for a uiSchema with "ui:steps". */
  steps?: Record<string, string>;
};
export type FormDefinition = {
  id: string;
  version: number;
  procedure: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  texts: Record<Lang, FormTexts>;
  action?: { kind: 'start' | 'signal' | 'update'; name: string };
  publishedAt?: string;
};

/** One entry of GET /api/forms. */
export type FormSummary = {
  id: string;
  version: number;
  versionCount?: number;
  procedure: string;
  action?: { kind: string; name: string };
  audience?: 'citizen' | 'staff';
  publishedAt?: string;
  title: LocalText;
  description: LocalText;
};

export type SubmissionAccepted = { caseNumber: string; formId: string; formVersion: number; statusUrl: string; statusToken: string };

export type CaseView = {
  caseNumber: string;
  procedure: string;
  formId: string;
  formVersion: number;
  title: LocalText;
  status: string;
  statusText: LocalText;
  receivedAt: string;
  steps: { at: string; action: string; text: LocalText }[];
  documents: { id: string; kind: string; title: LocalText; url: string }[];
};

export type FormVersionMeta = {
  version: number;
  publishedAt: string;
  publishedBy: string;
  note?: string;
  restoredFrom?: number;
  source: 'built-in' | 'designer';
};

export type FormChange = { path: string; kind: 'added' | 'removed' | 'changed'; message: LocalText | string };
export type FormCheck = { formId: string; publishable: boolean; problems: FieldError[]; against: number | null; diff: FormChange[] };

export type RecordedTicket = {
  ticketNumber: string;
  reference: string;
  accessCode: string;
  portalUrl: string;
  paymentDeadline: string;
  amountCents: number;
  noticeCardUrl: string;
  status: TicketStatus;
};

export type Offence = { code: string; title: LocalText };

export type StaffTicket = {
  ticketNumber: string;
  offence: Offence;
  amountCents: number;
  plate: string;
  place: string;
  observedAt: string;
  paymentDeadline: string;
  status: TicketStatus;
};

export type OutboxItem = {
  id: string;
  ticketNumber: string;
  kind: 'warning_letter';
  recipientName: string;
  createdAt: string;
  status: 'queued' | 'dispatched';
  documentUrl: string;
};

export type CitizenTicketView = {
  ticketNumber: string;
  status: TicketStatus;
  offence: Offence;
  amountCents: number;
  /** What is left to pay (less than amountCents after a partial transfer). */
  outstandingCents: number;
  place: string;
  observedAt: string;
  paymentDeadline: string;
  plate: string;
  paidAt?: string;
  payment: {
    beneficiaryName: string;
    iban: string;
    bic?: string;
    reference: string;
    epcPayload: string;
    epcQrSvg: string;
  };
};

export type PortalAccess = { portalToken: string; ticket: CitizenTicketView };
export type PaymentMethod = 'card' | 'paypal';
