import type { Lang } from '../../../api/types.js';
import { formatDateTime, formatLastPayableDay, formatMoney } from '../../../format.js';

type Details = Record<string, unknown>;

/** Keys that identify things for administrators (ids, run ids, SMTP codes), not words for a caseworker. */
const TECHNICAL = new Set(['taskId', 'type', 'paymentId', 'documentId', 'formId', 'formVersion', 'notified', 'round', 'mail', 'smtp']);

const WORDS = {
  de: {
    yes: 'ja', no: 'nein',
    departments: { traffic: 'Verkehrsüberwachung', 'fine-office': 'Bußgeldstelle', 'tax-office': 'Steueramt', 'citizens-office': 'Bürgeramt' } as Record<string, string>,
    facts: { admits: 'räumt den Verstoß ein', denies: 'bestreitet den Verstoß', other_driver: 'nennt eine andere Person als Fahrer', no_statement: 'macht keine Angaben zur Sache' } as Record<string, string>,
    outcomes: { drop: 'Verfahren einstellen', fine_notice: 'Bußgeldbescheid erlassen', cost_notice: 'Kostenbescheid erlassen', withdraw: 'Zurücknehmen', keep: 'Aufrechterhalten', granted: 'Befreiung gewährt', reduced: 'Ermäßigung gewährt', rejected: 'Abgelehnt' } as Record<string, string>,
    labels: { offence: 'Tatbestand', amountCents: 'Betrag', paidTotalCents: 'Bezahlt insgesamt', overpaidCents: 'Überzahlt', letterDeadline: 'Zahlungsfrist', dueAt: 'Fällig am', reason: 'Begründung', department: 'Amt', annualCentsAfter: 'Jahressteuer danach', tagNumber: 'Steuermarke', from: 'Von', to: 'An', email: 'E-Mail-Adresse angegeben', facts: 'Angabe zur Sache', decision: 'Entscheidung', outcome: 'Entscheidung', fineEuros: 'Geldbuße (Euro)', note: 'Vermerk', fineCents: 'Geldbuße', feeCents: 'Gebühr', expensesCents: 'Auslagen', totalCents: 'Gesamtbetrag', registered: 'Hund angemeldet' } as Record<string, string>,
    nobody: 'niemand',
  },
  en: {
    yes: 'yes', no: 'no',
    departments: { traffic: 'Traffic enforcement', 'fine-office': 'Fine office', 'tax-office': 'Tax office', 'citizens-office': "Citizens' office" } as Record<string, string>,
    facts: { admits: 'admits the offence', denies: 'denies the offence', other_driver: 'names another person as the driver', no_statement: 'makes no statement on the matter' } as Record<string, string>,
    outcomes: { drop: 'Drop the proceedings', fine_notice: 'Issue a fine notice', cost_notice: 'Issue a cost notice', withdraw: 'Withdraw', keep: 'Keep', granted: 'Exemption granted', reduced: 'Reduction granted', rejected: 'Rejected' } as Record<string, string>,
    labels: { offence: 'Offence', amountCents: 'Amount', paidTotalCents: 'Paid in total', overpaidCents: 'Overpaid', letterDeadline: 'Payment deadline', dueAt: 'Due', reason: 'Reason', department: 'Department', annualCentsAfter: 'Annual tax after', tagNumber: 'Tax tag', from: 'From', to: 'To', email: 'E-mail address given', facts: 'On the matter', decision: 'Decision', outcome: 'Decision', fineEuros: 'Fine (euros)', note: 'Note', fineCents: 'Fine', feeCents: 'Fee', expensesCents: 'Expenses', totalCents: 'Total', registered: 'Dog registered' } as Record<string, string>,
    nobody: 'nobody',
  },
};

/** One value for people: money, dates, yes/no, departments, answers and outcomes by their words. */
function show(key: string, value: unknown, lang: Lang): string {
  const w = WORDS[lang];
  if (value === null || value === undefined || value === '') return w.nobody;
  if (/Cents$/.test(key) && typeof value === 'number') return formatMoney(value, lang);
  if (key === 'letterDeadline' && typeof value === 'string') return formatLastPayableDay(value, lang);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatDateTime(value, lang);
  if (typeof value === 'boolean') return value ? w.yes : w.no;
  if (key === 'department') return w.departments[String(value)] ?? String(value);
  if (key === 'facts') return w.facts[String(value)] ?? String(value);
  if (key === 'outcome') return w.outcomes[String(value)] ?? String(value);
  if (key === 'reason' || key === 'note') return lang === 'de' ? `„${String(value)}“` : `“${String(value)}”`;
  if (typeof value === 'object') return pairs(value as Details, lang);
  return String(value);
}

function pairs(details: Details, lang: Lang): string {
  return Object.entries(details)
    .filter(([k, v]) => !TECHNICAL.has(k) && v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${WORDS[lang].labels[k] ?? k}: ${show(k, v, lang)}`)
    .join('; ');
}

type Template = (d: Details, s: (key: string) => string) => string;
const SENTENCES: Record<Lang, Record<string, Template>> = {
  de: {
    'parking-ticket.recorded': (d, s) => `Tatbestand ${s('offence')}, Verwarnungsgeld ${s('amountCents')}.`,
    'parking-ticket.letter-queued': (_d, s) => `Schriftliche Verwarnung mit Zahlungsfrist bis ${s('letterDeadline')}.`,
    'parking-ticket.payment-booked': (d, s) => `${s('amountCents')} gebucht, insgesamt bezahlt: ${s('paidTotalCents')}.${d.overpaidCents ? ` Insgesamt überzahlt: ${s('overpaidCents')}, zurückzuzahlen.` : ''}`,
    // An over-payment is named by the booking that caused it, not again here.
    'parking-ticket.paid': (d) => [d.late ? 'Nach Ablauf der Wochenfrist.' : 'Innerhalb der Wochenfrist.',
      d.notice === 'fine_notice' ? 'Der Bußgeldbescheid war erlassen.' : d.notice === 'cost_notice' ? 'Der Kostenbescheid war erlassen.' : ''].filter(Boolean).join(' '),
    'parking-ticket.withdrawal-requested': (d, s) => `${d.source === 'citizen' ? 'Einwand über das Portal' : 'Von der Verwaltung beantragt'}. Begründung: ${s('reason')}.`,
    'parking-ticket.late-payment-refunded': (_d, s) => `${s('amountCents')} gingen ein, als das Verfahren schon abgeschlossen war; der Betrag wurde erstattet.`,
    'parking-ticket.withdrawn': (_d, s) => `Begründung: ${s('reason')}.`,
    'parking-ticket.refund-due': (_d, s) => `Bereits bezahlt: ${s('overpaidCents')}. Geschuldet ist nichts mehr, der Betrag ist zurückzuzahlen.`,
    'parking-ticket.payment-partial': (_d, s) => `${s('amountCents')} gebucht, insgesamt bezahlt: ${s('paidTotalCents')}.`,
    'fine-proceedings.hearing-answered': (d, s) => `Die Person ${s('facts')}; ${d.email ? 'mit' : 'ohne'} E-Mail-Adresse.`,
    'task.opened': (_d, s) => `Für ${s('department')}, fällig am ${s('dueAt')}.`,
    'task.claimed': (_d, s) => `Übernommen von ${s('to')}.`,
    'task.returned': (_d, s) => `Zurückgegeben von ${s('from')}.`,
    'task.reassigned': (_d, s) => `Von ${s('from')} an ${s('to')}.`,
    'task.escalated': (d, s) => `Fällig war ${s('dueAt')}; ${Array.isArray(d.notified) ? d.notified.length : 0} Leitung(en) informiert.`,
    'task.completed': (d, s) => {
      const decision = (d.decision ?? {}) as Details;
      return [`Entschieden: ${show('outcome', decision.outcome, 'de')}.`, decision.reason ? `Begründung: ${show('reason', decision.reason, 'de')}.` : '', decision.fineEuros ? `Geldbuße: ${String(decision.fineEuros)} €.` : '', d.reason ? `Begründung: ${s('reason')}.` : ''].filter(Boolean).join(' ');
    },
    'task.cancelled': (d, s) => (d.reason ? `Grund: ${s('reason')}.` : ''),
  },
  en: {
    'parking-ticket.recorded': (_d, s) => `Offence ${s('offence')}, warning fine ${s('amountCents')}.`,
    'parking-ticket.letter-queued': (_d, s) => `Written warning with a payment deadline of ${s('letterDeadline')}.`,
    'parking-ticket.payment-booked': (d, s) => `${s('amountCents')} booked, paid in total: ${s('paidTotalCents')}.${d.overpaidCents ? ` Over-paid in total: ${s('overpaidCents')}, to be paid back.` : ''}`,
    'parking-ticket.paid': (d) => [d.late ? 'After the one-week period.' : 'Within the week.',
      d.notice === 'fine_notice' ? 'The fine notice had been issued.' : d.notice === 'cost_notice' ? 'The cost notice had been issued.' : ''].filter(Boolean).join(' '),
    'parking-ticket.withdrawal-requested': (d, s) => `${d.source === 'citizen' ? 'Objection on the portal' : 'Requested by staff'}. Reason: ${s('reason')}.`,
    'parking-ticket.late-payment-refunded': (_d, s) => `${s('amountCents')} arrived after the case was closed; the amount was refunded.`,
    'parking-ticket.withdrawn': (_d, s) => `Reason: ${s('reason')}.`,
    'parking-ticket.refund-due': (_d, s) => `Already paid: ${s('overpaidCents')}. Nothing is owed any more; the amount is to be paid back.`,
    'parking-ticket.payment-partial': (_d, s) => `${s('amountCents')} booked, paid in total: ${s('paidTotalCents')}.`,
    'fine-proceedings.hearing-answered': (d, s) => `The person ${s('facts')}; ${d.email ? 'with' : 'without'} an e-mail address.`,
    'task.opened': (_d, s) => `For ${s('department')}, due ${s('dueAt')}.`,
    'task.claimed': (_d, s) => `Claimed by ${s('to')}.`,
    'task.returned': (_d, s) => `Returned by ${s('from')}.`,
    'task.reassigned': (_d, s) => `From ${s('from')} to ${s('to')}.`,
    'task.escalated': (d, s) => `Was due ${s('dueAt')}; ${Array.isArray(d.notified) ? d.notified.length : 0} lead(s) informed.`,
    'task.completed': (d, s) => {
      const decision = (d.decision ?? {}) as Details;
      return [`Decided: ${show('outcome', decision.outcome, 'en')}.`, decision.reason ? `Reason: ${show('reason', decision.reason, 'en')}.` : '', decision.fineEuros ? `Fine: €${String(decision.fineEuros)}.` : '', d.reason ? `Reason: ${s('reason')}.` : ''].filter(Boolean).join(' ');
    },
    'task.cancelled': (d, s) => (d.reason ? `Reason: ${s('reason')}.` : ''),
  },
};

/** The history's "Einzelheiten" of one audit event as a sentence in the page's language. */
export function historySentence(action: string, details: Details, lang: Lang): string {
  const template = SENTENCES[lang][action];
  if (template) return template(details, (key) => show(key, details[key], lang));
  return pairs(details, lang);
}

/** The technical part of the details (ids, codes), for administrators. */
export function technicalDetails(details: Details): [string, string][] {
  return Object.entries(details)
    .filter(([k, v]) => TECHNICAL.has(k) && v !== null && v !== undefined)
    .map(([k, v]) => [k, typeof v === 'object' ? JSON.stringify(v) : String(v)]);
}

/**
 * A step recorded twice in the trail: the workflow's "decision requested" / "awaiting decision"
 * next to the inbox's "task opened" for the same task. The history shows the task's line.
 */
export function isDoubledStep(action: string, details: Details, all: { action: string; details: Details }[]): boolean {
  if (!/\.(decision-requested|exemption-awaiting-decision)$/.test(action)) return false;
  const taskId = details.taskId;
  return all.some((e) => e.action === 'task.opened' && (taskId === undefined || e.details.taskId === taskId));
}
