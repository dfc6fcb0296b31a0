/** The receipt PDF: what was submitted, under the form's own titles and choices. */
import { describe, expect, it } from 'vitest';
import { registerDogForm } from '../../forms/dog-tax/register-dog.form';
import { deregisterDogForm } from '../../forms/dog-tax/deregister-dog.form';
import { emailOf, receiptRows, summaryRows } from '../../documents/submission-rows';
import { renderSubmissionSummaryPdf } from '../../documents/submission-summary';
import { pdfText } from './pdf-inspect';

const holder = { familyName: 'Mustermann', givenName: 'Erika', birthDate: '1964-08-12', street: 'Elberfelder Str. 12', postalCode: '58095', email: 'erika@example.org' };
const submission = { holder, dog: { name: 'Bello', breed: 'Labrador', sex: 'male' }, keepingStart: 'acquired', keptSince: '2026-03-14', evidenceIds: [] };
const de = { schema: registerDogForm.schema, uiSchema: registerDogForm.uiSchema, texts: registerDogForm.texts.de };

describe('submission summary', () => {
  it('lists the fields in the form order with their German titles, choices as shown and dates as dates; empty ones left out', () => {
    const rows = summaryRows(de, submission);
    expect(rows.slice(0, 3)).toEqual([
      { label: 'Halterin oder Halter', level: 0 }, { label: 'Vorname', value: 'Erika', level: 1 }, { label: 'Familienname', value: 'Mustermann', level: 1 },
    ]);
    expect(rows).toContainEqual({ label: 'Geburtsdatum', value: '12.08.1964', level: 1 });
    expect(rows).toContainEqual({ label: 'Geschlecht', value: 'Rüde', level: 1 });
    expect(rows).toContainEqual({ label: 'Seit wann halten Sie den Hund in Hagen?', value: 'Ich habe den Hund aufgenommen', level: 0 });
    expect(rows.map((r) => r.label)).not.toContain('Nachweise (z. B. Abmeldung der früheren Gemeinde)');
  });

  it('the receipt names every field that arrived but repeats only what the form wrote (choices), never what was typed', async () => {
    const withEvidence = { ...submission, evidenceIds: ['a1', 'a2'], holder: { ...holder, familyName: 'Besuchen Sie http://phish.example' } };
    const rows = receiptRows(de, withEvidence);
    expect(rows.map((r) => r.label)).toEqual(summaryRows(de, withEvidence).map((r) => r.label));
    expect(rows).toContainEqual({ label: 'Familienname', value: 'angegeben', level: 1 });
    expect(rows).toContainEqual({ label: 'Geburtsdatum', value: 'angegeben', level: 1 });
    expect(rows).toContainEqual({ label: 'Geschlecht', value: 'Rüde', level: 1 });
    expect(rows).toContainEqual({ label: 'Seit wann halten Sie den Hund in Hagen?', value: 'Ich habe den Hund aufgenommen', level: 0 });
    expect(rows.find((r) => r.label.startsWith('Nachweise'))?.value).toBe('2 Angaben erhalten');
    const pdf = await renderSubmissionSummaryPdf({ formTitle: 'Hund zur Hundesteuer anmelden', caseNumber: 'HST-2026-000043', formId: 'dog-tax-registration',
      formVersion: 1, receivedAt: '2026-03-14T09:30:00Z', rows }, { compress: false });
    const text = pdfText(pdf);
    for (const typed of ['phish', 'Erika', '1964', 'Elberfelder', '58095', 'erika@example.org', 'Bello', 'Labrador']) expect(text).not.toContain(typed);
    for (const s of ['HST-2026-000043', 'Eingegangene Angaben', 'Familienname', 'Rüde']) expect(text).toContain(s);
  });

  it('finds the e-mail address by the schema format, nested or not', () => {
    expect(emailOf(registerDogForm.schema, submission)).toBe('erika@example.org');
    expect(emailOf(deregisterDogForm.schema, { holder: { ...holder, email: undefined } })).toBeUndefined();
  });

  it('renders a PDF with the case number and the values', async () => {
    const pdf = await renderSubmissionSummaryPdf({ formTitle: 'Hund zur Hundesteuer anmelden', caseNumber: 'HST-2026-000042', formId: 'dog-tax-registration',
      formVersion: 2, receivedAt: '2026-03-14T09:30:00Z', rows: summaryRows(de, submission) }, { compress: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf);
    for (const s of ['Eingangsbestätigung', 'HST-2026-000042', 'Version 2', 'Mustermann', 'Rüde', '14.03.2026']) expect(text).toContain(s);
  });
});
