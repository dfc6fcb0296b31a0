import { describe, expect, it } from 'vitest';
import { lateRefundMail } from '../../activities/payments/refund-mail';

describe('the e-mail about a payment that reached a closed case', () => {
  const mail = lateRefundMail({ to: 'a@example.org', caseNumber: 'VG-2026-000042', amountCents: 2500, bookedAt: '2026-12-01T09:30:00Z' });

  it('when written, then each sentence stays in one paragraph and the facts are lines of one paragraph, German then English', () => {
    expect(mail.subject).toBe('Erstattung / Refund VG-2026-000042');
    expect(mail.html).toContain('<p>Ihre Zahlung für das Verfahren VG-2026-000042 ist eingegangen, nachdem das Verfahren bereits abgeschlossen war (zum Beispiel');
    expect(mail.html).toMatch(/<p>Aktenzeichen: VG-2026-000042<br>Betrag: 25,00\s€<br>Zahlungseingang: [^<]*10:30[^<]*<\/p>/);
    expect(mail.html).toContain('<div lang="en"><p>Hello,</p><p>your payment for case VG-2026-000042 arrived after the case had already been closed (for example paid by bank transfer');
    expect(mail.text.indexOf('Guten Tag')).toBeLessThan(mail.text.indexOf('Hello'));
    expect(mail.text).not.toMatch(/war\n|bank\n/); // no sentence broken by a hard wrap
  });
});
