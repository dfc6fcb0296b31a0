/** Activities of the Abmeldung: find the dog's record, end its liability, settle the year, notify. */
import { settlementOnEnd } from '../../domain/dog-tax/pro-rata';
import { formatEuro } from '../../domain/money';
import { storeDocument } from '../../store/documents';
import { claimSerialNumber } from '../../store/serial-numbers';
import { sendCaseMail } from '../mail/send-case-mail';
import type { DeregisterDogSubmission } from '../../forms/dog-tax/deregister-dog.form';
import type { DeregistrationState, DogTaxAssessment } from '../../workflows/dog-tax/shared';
import { caseOf, registrationFor, updateDogTaxCase, type Traced } from '../../store/dog-tax/case-store';
import { renderPdfInThread } from '../../documents/threads/pool';
import { dogTaxCaseMail, dogTaxMail } from './notice-mail';
import { dateDe, recipientOf } from './registration';
import type { DogTaxActivityDeps } from '.';

type Settlement = NonNullable<DeregistrationState['settlement']>;
const REASON = {
  died: { de: 'Tod des Hundes', en: 'the dog died' },
  given_away: { de: 'Abgabe des Hundes', en: 'the dog was given away' },
  moved_away: { de: 'Wegzug aus Hagen', en: 'you moved away from Hagen' },
} as const;

export function createDeregistrationActivities(deps: DogTaxActivityDeps) {
  const { model } = deps;
  return {
    /**
     * Ends the liability of the registered dog. 'unknown' when tag and holder do not match a
     * registration; 'already' when another case deregistered it (claimed by insert, so two
     * concurrent deregistrations cannot both settle the year).
     */
    async deregisterDog({ workflowId, caseNumber }: Traced & { caseNumber: string }): Promise<
      { outcome: 'unknown' | 'already' } | { outcome: 'deregistered'; tagNumber: string; settlement: Settlement }> {
      const c = await caseOf(model, caseNumber);
      if (c.settlement && c.tagNumber) return { outcome: 'deregistered', tagNumber: c.tagNumber, settlement: c.settlement as Settlement };
      const s = c.submission as DeregisterDogSubmission;
      const registration = await registrationFor(model, s);
      if (!registration?.assessment || !registration.liableFrom) return { outcome: 'unknown' };
      if ((await claimSerialNumber(model, `dog-tax-deregistration:${s.tagNumber}`, workflowId)) !== 1) return { outcome: 'already' };
      const assessment = registration.assessment as DogTaxAssessment;
      // A granted exemption or reduction changed the yearly tax: settle on what is in force.
      const annualCents = (registration.exemption as { annualCentsAfter?: number } | undefined)?.annualCentsAfter ?? assessment.annualCents;
      const settlement = settlementOnEnd({ annualCents, liableFrom: registration.liableFrom, endedOn: s.endedOn });
      await updateDogTaxCase(model, registration.caseNumber, {
        status: 'deregistered', liableUntil: settlement.liableUntil, settlement: { ...settlement, deregistrationCaseNumber: caseNumber },
      });
      await updateDogTaxCase(model, caseNumber, {
        tagNumber: s.tagNumber, registrationCaseNumber: registration.caseNumber, liableUntil: settlement.liableUntil, settlement,
      });
      return { outcome: 'deregistered', tagNumber: s.tagNumber, settlement };
    },

    async sendDeregistrationNotice({ caseNumber }: { caseNumber: string }): Promise<void> {
      const c = await caseOf(model, caseNumber);
      const s = c.submission as DeregisterDogSubmission;
      const st = c.settlement as Settlement;
      const money = (cents: number, l: 'de' | 'en') => formatEuro(cents, l);
      const refundDe = st.refundCents > 0
        ? `Die Steuer für ${st.year} wird um ${money(st.refundCents, 'de')} auf ${money(st.owedCents, 'de')} herabgesetzt. Bereits gezahlte Beträge über diese Summe hinaus erstatten wir${s.refundIban ? ' auf das angegebene Konto' : '; bitte teilen Sie uns dazu Ihre IBAN mit'}.`
        : `Die Steuer für ${st.year} beträgt ${money(st.owedCents, 'de')}.`;
      const refundEn = st.refundCents > 0
        ? `Your tax for ${st.year} is reduced by ${money(st.refundCents, 'en')} to ${money(st.owedCents, 'en')}; anything paid beyond that will be refunded${s.refundIban ? ' to the account you gave' : ' (please send us your IBAN)'}.`
        : `Your tax for ${st.year} is ${money(st.owedCents, 'en')}.`;
      const pdf = await renderPdfInThread('dogTaxNotice', {
        title: 'Bescheid über die Abmeldung von der Hundesteuer', caseNumber, tagNumber: s.tagNumber, issuedAt: new Date().toISOString(),
        recipient: s.reason === 'moved_away' && s.newAddress ? { name: `${s.holder.givenName} ${s.holder.familyName}`, ...s.newAddress } : recipientOf(s.holder),
        appealable: true,
        paragraphs: [`Ihr Hund mit der Steuermarke ${s.tagNumber} ist abgemeldet (${REASON[s.reason].de} am ${dateDe(s.endedOn)}). ` +
          'Die Steuerpflicht endet mit Ablauf dieses Monats.', refundDe, 'Bitte senden Sie die Steuermarke an die Stadt Hagen zurück.'],
        facts: [['Steuermarke', s.tagNumber], ['Steuerpflicht bis', dateDe(st.liableUntil)], [`Steuer ${st.year} bisher`, money(st.assessedCents, 'de')],
          [`Steuer ${st.year} neu`, money(st.owedCents, 'de')], ['Erstattung', money(Math.max(st.refundCents, 0), 'de')]],
      });
      const documentId = await storeDocument(model, { id: `dog-tax-deregistration-${caseNumber}`, caseNumber, kind: 'dog_tax_deregistration',
        filename: `Hundesteuer-Abmeldung-${caseNumber}.pdf`, contentType: 'application/pdf', data: pdf });
      await updateDogTaxCase(model, caseNumber, { noticeDocumentId: documentId });
      await sendCaseMail(model, deps.mailer, dogTaxCaseMail(caseNumber, `dog-tax-deregistered:${caseNumber}`, dogTaxMail({
        to: s.holder.email, subject: `Abmeldung Hundesteuer / Dog tax deregistration ${caseNumber}`,
        pdf: { filename: `Hundesteuer-Abmeldung-${caseNumber}.pdf`, content: pdf },
        de: [`Ihr Hund mit der Steuermarke ${s.tagNumber} ist von der Hundesteuer abgemeldet. Die Steuerpflicht endet am ${dateDe(st.liableUntil)}.`, refundDe],
        en: [`Your dog with tax tag ${s.tagNumber} is deregistered from dog tax. Tax ends on ${st.liableUntil}.`, refundEn],
      })));
    },

    async sendDeregistrationRefused({ caseNumber, outcome }: { caseNumber: string; outcome: 'unknown' | 'already' }): Promise<void> {
      const c = await caseOf(model, caseNumber);
      const s = c.submission as DeregisterDogSubmission;
      await sendCaseMail(model, deps.mailer, dogTaxCaseMail(caseNumber, `dog-tax-deregistration-refused:${caseNumber}`, dogTaxMail({
        to: s.holder.email, subject: `Abmeldung Hundesteuer nicht möglich / Dog tax deregistration not possible ${caseNumber}`,
        de: [outcome === 'already' ? `Der Hund mit der Steuermarke ${s.tagNumber} ist bereits abgemeldet.`
          : `Zur Steuermarke ${s.tagNumber} haben wir keine Anmeldung mit Ihrem Namen und Geburtsdatum gefunden. Bitte prüfen Sie Ihre Angaben.`],
        en: [outcome === 'already' ? `The dog with tax tag ${s.tagNumber} is already deregistered.`
          : `We found no registration for tax tag ${s.tagNumber} with your name and date of birth. Please check your details.`],
      })));
    },
  };
}
