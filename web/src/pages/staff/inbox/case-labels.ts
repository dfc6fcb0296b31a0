import { useEffect, useState } from 'react';
import { api } from '../../../api.js';
import type { FormDefinition, Lang } from '../../../api/types.js';

/** A case data field as people read it: its title and, for a choice, the label of each value. */
export type FieldLabel = { title: string; options?: Record<string, string> };
export type CaseLabels = Record<string, FieldLabel>;
type Node = Record<string, unknown>;

/**
 * Where a task's case data comes from: the forms whose answers it carries (at which key). Their
 * titles and option labels are the single source of the words; what the workflow adds itself
 * (letter sent, holder known, amounts) is named in WORKFLOW_WORDS.
 */
const SOURCES: Record<string, { formId: string; at: string }[]> = {
  'fine-proceedings.decision': [{ formId: 'record-parking-ticket', at: '' }, { formId: 'fine-proceedings-hearing-answer', at: 'answer' }],
  'parking-ticket.withdrawal': [{ formId: 'record-parking-ticket', at: '' }],
  'dog-tax.exemption-decision': [{ formId: 'dog-tax-exemption', at: '' }],
};

const WORKFLOW_WORDS: Record<Lang, CaseLabels> = {
  de: {
    offence: { title: 'Tatbestand' }, 'offence.code': { title: 'Tatbestandsnummer' }, 'offence.title': { title: 'Bezeichnung' }, 'offence.amountCents': { title: 'Verwarnungsgeld' },
    letterSent: { title: 'Schriftliche Verwarnung versandt' }, holderKnown: { title: 'Halterin oder Halter bekannt' }, answered: { title: 'Anhörung beantwortet' },
    answer: { title: 'Antwort auf die Anhörung' }, amounts: { title: 'Beträge' }, 'amounts.warningCents': { title: 'Verwarnungsgeld' },
    'amounts.fineNotice': { title: 'Bei Bußgeldbescheid' }, 'amounts.costNotice': { title: 'Bei Kostenbescheid' },
    fineCents: { title: 'Geldbuße' }, feeCents: { title: 'Gebühr' }, postageCents: { title: 'Zustellung' }, totalCents: { title: 'Gesamt' },
    wardenNote: { title: 'Bemerkung der Verkehrsüberwachung' }, status: { title: 'Status der Verwarnung' },
    request: { title: 'Antrag' }, 'request.source': { title: 'Gestellt von', options: { citizen: 'Bürgerin oder Bürger', staff: 'Dienstkraft' } },
    'request.reason': { title: 'Begründung' }, 'request.by': { title: 'Person' },
    applicant: { title: 'Antragstellerin oder Antragsteller' }, birthDate: { title: 'Geburtsdatum' }, address: { title: 'Anschrift' }, email: { title: 'E-Mail-Adresse' },
    registered: { title: 'Hund angemeldet' }, evidenceCount: { title: 'Anzahl der Nachweise' },
    outcome: { title: 'Entscheidung' }, reason: { title: 'Begründung' }, fineEuros: { title: 'Geldbuße in Euro' }, note: { title: 'Vermerk' },
  },
  en: {
    offence: { title: 'Offence' }, 'offence.code': { title: 'Offence code' }, 'offence.title': { title: 'Description' }, 'offence.amountCents': { title: 'Warning fine' },
    letterSent: { title: 'Written warning sent' }, holderKnown: { title: 'Vehicle holder known' }, answered: { title: 'Hearing answered' },
    answer: { title: 'Answer to the hearing' }, amounts: { title: 'Amounts' }, 'amounts.warningCents': { title: 'Warning fine' },
    'amounts.fineNotice': { title: 'With a fine notice' }, 'amounts.costNotice': { title: 'With a cost notice' },
    fineCents: { title: 'Fine' }, feeCents: { title: 'Fee' }, postageCents: { title: 'Delivery' }, totalCents: { title: 'Total' },
    wardenNote: { title: "Traffic warden's note" }, status: { title: 'Ticket status' },
    request: { title: 'Request' }, 'request.source': { title: 'Made by', options: { citizen: 'Citizen', staff: 'Staff member' } },
    'request.reason': { title: 'Reason' }, 'request.by': { title: 'Person' },
    applicant: { title: 'Applicant' }, birthDate: { title: 'Date of birth' }, address: { title: 'Address' }, email: { title: 'E-mail address' },
    registered: { title: 'Dog registered' }, evidenceCount: { title: 'Number of pieces of evidence' },
    outcome: { title: 'Decision' }, reason: { title: 'Reason' }, fineEuros: { title: 'Fine in euros' }, note: { title: 'Note' },
  },
};

/** Titles and option labels of a form's fields in one language, keyed by path ("answer.person.givenName"). */
export function formLabels(form: FormDefinition, lang: Lang, at: string): CaseLabels {
  const texts = form.texts[lang] ?? form.texts.de;
  const out: CaseLabels = {};
  for (const [path, text] of Object.entries(texts.fields)) {
    const parts = path.split(/[./]/).filter(Boolean);
    let node: Node | undefined = form.schema as Node;
    for (const part of parts) node = (node?.properties as Record<string, Node> | undefined)?.[part];
    const values = (node?.enum ?? (node?.items as Node | undefined)?.enum) as unknown[] | undefined;
    const options = values && text.enumNames ? Object.fromEntries(values.map((v, i) => [String(v), text.enumNames![i] ?? String(v)])) : undefined;
    out[[at, ...parts].filter(Boolean).join('.')] = { title: text.title, ...(options ? { options } : {}) };
  }
  return out;
}

/** The labels of a task type's case data in the page language: the forms' words over the workflow's. */
export function useCaseLabels(taskType: string, lang: Lang): CaseLabels {
  const [forms, setForms] = useState<{ form: FormDefinition; at: string }[]>([]);
  useEffect(() => {
    let alive = true;
    const sources = SOURCES[taskType] ?? [];
    void Promise.all(sources.map(async ({ formId, at }) => {
      try {
        return { form: await api<FormDefinition>(`/api/forms/${encodeURIComponent(formId)}`), at };
      } catch {
        return undefined; // Without the form the workflow's words (or the key) still label the field.
      }
    })).then((found) => { if (alive) setForms(found.filter((f): f is { form: FormDefinition; at: string } => Boolean(f))); });
    return () => { alive = false; };
  }, [taskType]);
  const labels: CaseLabels = { ...WORKFLOW_WORDS[lang] };
  for (const { form, at } of forms) Object.assign(labels, formLabels(form, lang, at));
  return labels;
}

export const decisionWords = (lang: Lang): CaseLabels => WORKFLOW_WORDS[lang];
