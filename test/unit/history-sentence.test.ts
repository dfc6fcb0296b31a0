/** The staff case history's sentences (web/src/pages/staff/case-history/history-sentence.ts): money in words, an over-payment named. */
import { describe, expect, it } from 'vitest';
import { historySentence as sentence } from '../../web/src/pages/staff/case-history/history-sentence';

/** Money is formatted with a no-break space before the euro sign; compared with plain spaces here. */
const historySentence = (...args: Parameters<typeof sentence>) => sentence(...args).replace(/\u00a0/g, ' ');

describe('case history sentences', () => {
  it('when a booked payment over-pays the case, then the sentence says how much is to be paid back, in German and English', () => {
    const details = { paymentId: 'pay-1', amountCents: 2500, paidTotalCents: 2500, overpaidCents: 2500 };
    expect(historySentence('parking-ticket.payment-booked', details, 'de')).toBe('25,00 € gebucht, insgesamt bezahlt: 25,00 €. Insgesamt überzahlt: 25,00 €, zurückzuzahlen.');
    expect(historySentence('parking-ticket.payment-booked', details, 'en')).toBe('€25.00 booked, paid in total: €25.00. Over-paid in total: €25.00, to be paid back.');
  });

  it('when a booked payment settles the case exactly, then no over-payment is mentioned', () => {
    const details = { paymentId: 'pay-2', amountCents: 2500, paidTotalCents: 2500 };
    expect(historySentence('parking-ticket.payment-booked', details, 'de')).toBe('25,00 € gebucht, insgesamt bezahlt: 25,00 €.');
    expect(historySentence('parking-ticket.payment-booked', details, 'en')).toBe('€25.00 booked, paid in total: €25.00.');
  });

  it('when a ticket is paid, then the sentence says when in words (no raw keys such as "late"), and not the over-payment a second time', () => {
    expect(historySentence('parking-ticket.paid', { overpaidCents: 500, late: false }, 'de')).toBe('Innerhalb der Wochenfrist.');
    expect(historySentence('parking-ticket.paid', { overpaidCents: 0, late: true, notice: 'fine_notice' }, 'de')).toBe('Nach Ablauf der Wochenfrist. Der Bußgeldbescheid war erlassen.');
    expect(historySentence('parking-ticket.paid', { overpaidCents: 0, late: true }, 'en')).toBe('After the one-week period.');
    expect(historySentence('parking-ticket.paid', { overpaidCents: 0, late: true, notice: 'cost_notice' }, 'en')).toBe('After the one-week period. The cost notice had been issued.');
  });

  it('when a withdrawal is requested, then who asked is said in words (no "source: citizen")', () => {
    expect(historySentence('parking-ticket.withdrawal-requested', { source: 'citizen', reason: 'Parkausweis lag aus', taskId: 't-1' }, 'de')).toBe('Einwand über das Portal. Begründung: „Parkausweis lag aus“.');
    expect(historySentence('parking-ticket.withdrawal-requested', { source: 'staff', reason: 'Kennzeichen falsch', taskId: 't-1' }, 'en')).toBe('Requested by staff. Reason: “Kennzeichen falsch”.');
  });

  it('when a ticket is withdrawn, then the reason ends the sentence like every other one', () => {
    expect(historySentence('parking-ticket.withdrawn', { reason: 'Ausweis erkennbar' }, 'de')).toBe('Begründung: „Ausweis erkennbar“.');
    expect(historySentence('parking-ticket.withdrawn', { reason: 'Permit visible' }, 'en')).toBe('Reason: “Permit visible”.');
  });

  it('when a case that owes nothing had been paid, then the refund-due sentence names the amount to pay back', () => {
    expect(historySentence('parking-ticket.refund-due', { overpaidCents: 1000 }, 'de')).toBe('Bereits bezahlt: 10,00 €. Geschuldet ist nichts mehr, der Betrag ist zurückzuzahlen.');
    expect(historySentence('parking-ticket.refund-due', { overpaidCents: 1000 }, 'en')).toBe('Already paid: €10.00. Nothing is owed any more; the amount is to be paid back.');
  });
});
