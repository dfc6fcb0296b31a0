/**
 * What the sandbox PSP "authorises". Test numbers follow the convention citizens and testers
 * know from real PSP sandboxes: 4242… succeeds, 4000 0000 0000 0002 is a generic decline.
 */
export const TEST_CARD_OK = '4242 4242 4242 4242';
export const TEST_CARD_DECLINED = '4000 0000 0000 0002';

/** German for the page, English marked up separately so screen readers switch language. */
export interface BilingualText { de: string; en: string }

export type PaymentDecision = { ok: true } | { ok: false; field: 'cardNumber' | 'paypalEmail' | 'method'; message: BilingualText };

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function decideCard(cardNumber: string): PaymentDecision {
  const digits = cardNumber.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits) || !luhnValid(digits)) {
    return {
      ok: false,
      field: 'cardNumber',
      message: { de: 'Kartennummer ungültig – bitte prüfen.', en: 'Invalid card number – please check.' },
    };
  }
  if (digits === TEST_CARD_DECLINED.replaceAll(' ', '')) {
    return {
      ok: false,
      field: 'cardNumber',
      message: { de: 'Zahlung von der Bank abgelehnt.', en: 'Payment declined by the bank.' },
    };
  }
  return { ok: true };
}

export function decidePaypal(email: string): PaymentDecision {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
    return {
      ok: false,
      field: 'paypalEmail',
      message: { de: 'Bitte eine gültige E-Mail-Adresse angeben.', en: 'Please enter a valid e-mail address.' },
    };
  }
  return { ok: true };
}

export function decidePayment(form: Record<string, unknown>): PaymentDecision {
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  if (form.method === 'card') return decideCard(text(form.cardNumber));
  if (form.method === 'paypal') return decidePaypal(text(form.paypalEmail));
  return { ok: false, field: 'method', message: { de: 'Bitte Zahlungsart wählen.', en: 'Please choose a payment method.' } };
}
