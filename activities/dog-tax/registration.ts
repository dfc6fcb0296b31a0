/** Activities of the Anmeldung: residence check, tag number and assessment, the tax notice. */
import { annualTaxCents, listedBreedGroup, type RateCategory } from '../../domain/dog-tax/tariff';
import { liabilityStart, liableMonthsInYear, parseDate, proRataCents } from '../../domain/dog-tax/pro-rata';
import { berlinParts, formatBerlinDate } from '../../domain/berlin-time';
import { formatEuro } from '../../domain/money';
import { storeDocument } from '../../store/documents';
import { claimSerialNumber } from '../../store/serial-numbers';
import { sendCaseMail } from '../mail/send-case-mail';
import type { RegisterDogSubmission } from '../../forms/dog-tax/register-dog.form';
import type { DogTaxAssessment } from '../../workflows/dog-tax/shared';
import {
  caseOf, recordRegistrationTag, recordResidentOfCase, registeredDogsOfResident, updateDogTaxCase, type Traced,
} from '../../store/dog-tax/case-store';
import { renderPdfInThread } from '../../documents/threads/pool';
import { dogTaxCaseMail, dogTaxMail } from './notice-mail';
import type { DogTaxActivityDeps } from '.';

const CATEGORY_DE: Record<RateCategory, string> = {
  one_dog: 'ein Hund', two_dogs: 'zwei Hunde, je Hund', three_or_more: 'drei oder mehr Hunde, je Hund', listed_dog: 'gefährlicher Hund (LHundG NRW)',
};
export const dateDe = (d: string) => formatBerlinDate(new Date(`${d}T12:00:00Z`), 'de');
export const recipientOf = (h: { givenName: string; familyName: string; street: string; postalCode: string }) =>
  ({ name: `${h.givenName} ${h.familyName}`, street: h.street, postalCode: h.postalCode, city: 'Hagen' });

export function createRegistrationActivities(deps: DogTaxActivityDeps) {
  const { model } = deps;
  const submissionOf = async (caseNumber: string) => {
    const c = await caseOf(model, caseNumber);
    return { c, s: c.submission as RegisterDogSubmission };
  };

  return {
    /** null when the holder is not registered as living in Hagen. */
    async checkResidence({ caseNumber }: { caseNumber: string }): Promise<{ residentId: string } | null> {
      const { s } = await submissionOf(caseNumber);
      const { familyName, givenName, birthDate, street, postalCode } = s.holder;
      const resident = await deps.residentRegistry.findResident({ familyName, givenName, birthDate, street, postalCode });
      if (!resident) return null;
      await recordResidentOfCase(model, caseNumber, resident.residentId);
      return { residentId: resident.residentId };
    },

    /** Issues the tag number and assesses the tax; a retry returns what the first attempt stored. */
    async assessDogTax({ workflowId, caseNumber, residentId }: Traced & { caseNumber: string; residentId: string }): Promise<{ tagNumber: string; assessment: DogTaxAssessment }> {
      const { c, s } = await submissionOf(caseNumber);
      if (c.tagNumber && c.assessment) return { tagNumber: c.tagNumber, assessment: c.assessment as DogTaxAssessment };
      // Every dog of the holder still registered counts (Hagen taxes each dog at the household's rate).
      const others = await registeredDogsOfResident(model, residentId, caseNumber);
      const { cents, category } = annualTaxCents({ dogsInHousehold: others + 1, listedBreed: listedBreedGroup(s.dog.breed) !== null });
      const liableFrom = liabilityStart(s.keptSince);
      const { year } = parseDate(liableFrom);
      const assessment: DogTaxAssessment = {
        annualCents: cents, category, dogsInHousehold: others + 1, liableFrom, year, yearCents: proRataCents(cents, liableMonthsInYear(liableFrom, null, year)),
      };
      const tagYear = berlinParts(new Date()).year;
      const tagNumber = `HSM-${tagYear}-${String(await claimSerialNumber(model, `dog-tax-tag-${tagYear}`, workflowId)).padStart(4, '0')}`;
      await recordRegistrationTag(model, caseNumber, { tagNumber, assessment, liableFrom });
      return { tagNumber, assessment };
    },

    /** mailed false: the relay refused the address for good (recorded); the notice stays on the status page. */
    async sendTaxNotice({ caseNumber }: { caseNumber: string }): Promise<{ documentId: string; mailed: boolean }> {
      const { c, s } = await submissionOf(caseNumber);
      const a = c.assessment as DogTaxAssessment;
      const tag = c.tagNumber!;
      const pdf = await renderPdfInThread('dogTaxNotice', {
        title: 'Bescheid über die Festsetzung der Hundesteuer', caseNumber, tagNumber: tag, issuedAt: new Date().toISOString(),
        recipient: recipientOf(s.holder), appealable: true, payee: deps.payee,
        paragraphs: [
          `für das Halten Ihres Hundes „${s.dog.name}“ (${s.dog.breed}) wird nach der Hundesteuersatzung der Stadt Hagen die folgende Hundesteuer festgesetzt. ` +
          'Die Steuerpflicht beginnt am 1. des Monats, der auf die Aufnahme des Hundes bzw. den Zuzug folgt.',
          `Die Steuermarke ${tag} erhalten Sie per Post. Der Hund muss sie außerhalb Ihrer Wohnung oder Ihres umfriedeten Grundbesitzes sichtbar tragen.`,
          'Die Steuer ist zu je einem Viertel am 15.02., 15.05., 15.08. und 15.11. fällig; für bereits verstrichene Fälligkeiten einen Monat nach Bekanntgabe dieses Bescheides. ' +
          'Die Festsetzung gilt auch für die folgenden Jahre, bis ein neuer Bescheid ergeht.',
        ],
        facts: [
          ['Hund', `${s.dog.name}, ${s.dog.breed}`], ['Steuermarke', tag], ['Steuerpflicht ab', dateDe(a.liableFrom)],
          ['Steuersatz', `${formatEuro(a.annualCents, 'de')} jährlich (${CATEGORY_DE[a.category]})`],
          [`Steuer ${a.year}`, `${formatEuro(a.yearCents, 'de')} (${liableMonthsInYear(a.liableFrom, null, a.year)} Monate)`],
        ],
      });
      const documentId = await storeDocument(model, { id: `dog-tax-notice-${caseNumber}`, caseNumber, kind: 'dog_tax_notice',
        filename: `Hundesteuerbescheid-${caseNumber}.pdf`, contentType: 'application/pdf', data: pdf });
      await updateDogTaxCase(model, caseNumber, { noticeDocumentId: documentId });
      const outcome = await sendCaseMail(model, deps.mailer, dogTaxCaseMail(caseNumber, `dog-tax-notice:${caseNumber}`, dogTaxMail({
        to: s.holder.email, subject: `Hundesteuerbescheid / Dog tax notice ${caseNumber}`,
        pdf: { filename: `Hundesteuerbescheid-${caseNumber}.pdf`, content: pdf },
        de: [`Ihr Hund „${s.dog.name}“ ist zur Hundesteuer angemeldet. Den Steuerbescheid finden Sie im Anhang.`, '',
          `Aktenzeichen: ${caseNumber}`, `Steuermarke: ${tag}`, `Steuerpflicht ab: ${dateDe(a.liableFrom)}`,
          `Jahressteuer: ${formatEuro(a.annualCents, 'de')}`, `Steuer ${a.year}: ${formatEuro(a.yearCents, 'de')}`],
        en: [`Your dog "${s.dog.name}" is registered for dog tax. The tax notice (in German) is attached.`, '',
          `Case number: ${caseNumber}`, `Tax tag: ${tag}`, `Tax due from: ${formatBerlinDate(new Date(`${a.liableFrom}T12:00:00Z`), 'en')}`,
          `Yearly tax: ${formatEuro(a.annualCents, 'en')}`, `Tax for ${a.year}: ${formatEuro(a.yearCents, 'en')}`],
      })));
      return { documentId, mailed: outcome === 'sent' };
    },

    async sendNotResidentNotice({ caseNumber }: { caseNumber: string }): Promise<void> {
      const { s } = await submissionOf(caseNumber);
      await sendCaseMail(model, deps.mailer, dogTaxCaseMail(caseNumber, `dog-tax-rejected:${caseNumber}`, dogTaxMail({
        to: s.holder.email, subject: `Hundesteuer: Anmeldung nicht möglich / Dog tax: registration not possible ${caseNumber}`,
        de: [`Ihre Anmeldung (Aktenzeichen ${caseNumber}) konnten wir nicht bearbeiten: Unter den angegebenen Daten ist im Melderegister ` +
          'der Stadt Hagen keine Person gemeldet. Es wurde keine Steuermarke ausgegeben.', '',
          'Bitte prüfen Sie Name, Geburtsdatum und Anschrift (wie im Personalausweis) und melden Sie den Hund erneut an. ' +
          'Wohnen Sie nicht in Hagen, ist Ihre Wohnortgemeinde für die Hundesteuer zuständig.'],
        en: [`We could not process your registration (case ${caseNumber}): no person with these details is registered as a resident of Hagen. ` +
          'No tax tag was issued.', '', 'Please check your name, date of birth and address (as in your ID card) and register again. ' +
          'If you do not live in Hagen, the municipality you live in is responsible for dog tax.'],
      })));
    },
  };
}
