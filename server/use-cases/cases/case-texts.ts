/**
 * What the status page says, in German and English: the case's status, each step (from the
 * audit trail's actions) and each document's title. Internal details (who decided, amounts)
 * stay in the audit trail for staff; the citizen reads them in the notices.
 */
import { DOG_TAX_ACTIONS, type DogTaxStatus } from '../../../workflows/dog-tax/shared';

type Text = { de: string; en: string };

/** Every status of the dog-tax workflows' contract: a new status fails the type check until it has its text. */
export const STATUS_TEXT: Record<DogTaxStatus, Text> = {
  received: { de: 'Eingegangen – wird bearbeitet', en: 'Received – being processed' },
  registered: { de: 'Hund angemeldet, Steuerbescheid versandt', en: 'Dog registered, tax notice sent' },
  rejected_not_resident: { de: 'Abgelehnt: keine Meldeadresse in Hagen', en: 'Rejected: no registered residence in Hagen' },
  deregistered: { de: 'Hund abgemeldet', en: 'Dog deregistered' },
  rejected_unknown_tag: { de: 'Abgelehnt: Steuermarke und Angaben passen nicht zusammen', en: 'Rejected: tax tag and details do not match' },
  rejected_already_deregistered: { de: 'Abgelehnt: der Hund ist bereits abgemeldet', en: 'Rejected: the dog is already deregistered' },
  awaiting_decision: { de: 'Wartet auf die Entscheidung der Sachbearbeitung', en: 'Waiting for the caseworker’s decision' },
  granted: { de: 'Befreiung gewährt', en: 'Exemption granted' },
  reduced: { de: 'Ermäßigung gewährt', en: 'Reduction granted' },
  rejected: { de: 'Antrag abgelehnt', en: 'Application rejected' },
};

/** Every audit action of the dog-tax workflows: a new action fails the type check until it has its text. */
const ACTION_TEXT: Record<(typeof DOG_TAX_ACTIONS)[keyof typeof DOG_TAX_ACTIONS], Text> = {
  [DOG_TAX_ACTIONS.registrationReceived]: { de: 'Anmeldung eingegangen', en: 'Registration received' },
  [DOG_TAX_ACTIONS.deregistrationReceived]: { de: 'Abmeldung eingegangen', en: 'Deregistration received' },
  [DOG_TAX_ACTIONS.exemptionReceived]: { de: 'Antrag eingegangen', en: 'Application received' },
  [DOG_TAX_ACTIONS.receiptSent]: { de: 'Eingangsbestätigung per E-Mail versandt', en: 'Confirmation of receipt e-mailed' },
  [DOG_TAX_ACTIONS.mailUndeliverable]: { de: 'E-Mail konnte nicht zugestellt werden (Adresse abgelehnt) – Ihre Dokumente finden Sie auf dieser Seite', en: 'E-mail could not be delivered (address refused) – your documents are on this page' },
  [DOG_TAX_ACTIONS.registered]: { de: 'Wohnsitz geprüft, Steuermarke vergeben, Steuer festgesetzt', en: 'Residence checked, tax tag issued, tax assessed' },
  [DOG_TAX_ACTIONS.taxNoticeSent]: { de: 'Steuerbescheid per E-Mail versandt', en: 'Tax notice e-mailed' },
  [DOG_TAX_ACTIONS.notResident]: { de: 'Im Melderegister nicht gefunden – Anmeldung abgelehnt', en: 'Not found in the resident registry – registration rejected' },
  [DOG_TAX_ACTIONS.deregistered]: { de: 'Hund abgemeldet, Steuer abgerechnet, Bescheid versandt', en: 'Dog deregistered, tax settled, notice sent' },
  [DOG_TAX_ACTIONS.deregistrationRefusedUnknown]: { de: 'Keine passende Anmeldung gefunden – Abmeldung abgelehnt', en: 'No matching registration – deregistration rejected' },
  [DOG_TAX_ACTIONS.deregistrationRefusedAlready]: { de: 'Bereits abgemeldet – Abmeldung abgelehnt', en: 'Already deregistered – deregistration rejected' },
  [DOG_TAX_ACTIONS.exemptionAwaitingDecision]: { de: 'An die Sachbearbeitung zur Entscheidung gegeben', en: 'Passed to a caseworker for a decision' },
  [DOG_TAX_ACTIONS.exemptionGranted]: { de: 'Entschieden: Befreiung gewährt', en: 'Decided: exemption granted' },
  [DOG_TAX_ACTIONS.exemptionReduced]: { de: 'Entschieden: Ermäßigung gewährt', en: 'Decided: reduction granted' },
  [DOG_TAX_ACTIONS.exemptionRejected]: { de: 'Entschieden: Antrag abgelehnt', en: 'Decided: application rejected' },
};

const DOCUMENT_TITLE: Record<string, Text> = {
  submission_receipt: { de: 'Eingangsbestätigung', en: 'Confirmation of receipt' },
  dog_tax_notice: { de: 'Hundesteuerbescheid', en: 'Dog tax notice' },
  dog_tax_deregistration: { de: 'Bescheid über die Abmeldung', en: 'Deregistration notice' },
  dog_tax_exemption_decision: { de: 'Bescheid über Ihren Antrag', en: 'Decision on your application' },
};

export const statusText = (status: string): Text => (STATUS_TEXT as Record<string, Text>)[status] ?? { de: 'In Bearbeitung', en: 'In progress' };
export const actionText = (action: string): Text => (ACTION_TEXT as Record<string, Text | undefined>)[action] ?? { de: 'Bearbeitungsschritt', en: 'Processing step' };
export const documentTitle = (kind: string): Text => DOCUMENT_TITLE[kind] ?? { de: 'Dokument', en: 'Document' };
