import { createHash } from 'node:crypto';
import type { SandboxCheckoutDoc } from './checkout-model';
import { TEST_CARD_DECLINED, TEST_CARD_OK, type BilingualText, type PaymentDecision } from './card-check';

/** Server-rendered hosted payment page: plain form POST, no JavaScript, no external assets. */

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
/** German first, English marked as such so screen readers switch pronunciation. */
const bi = (de: string, en: string) => `${esc(de)} / <span lang="en">${esc(en)}</span>`;
const euro = (cents: number) => new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' }).format(cents / 100);
const grouped = (ref: string) => ref.replace(/(.{4})(?=.)/g, '$1 ');

// Colours meet WCAG AA (text ≥ 7:1 on white, button 8.6:1); focus is a thick two-colour ring.
const CSS = `
body{font:1.05rem/1.5 system-ui,sans-serif;color:#1a1a1a;background:#fff;margin:0 auto;max-width:40rem;padding:1rem}
.sandbox{border:3px dashed #7a5b00;background:#fff4c2;padding:.75rem 1rem;font-weight:600}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
fieldset{border:1px solid #595959;margin:1rem 0;padding:.75rem 1rem}legend{font-weight:600;padding:0 .25rem}
label{display:block;font-weight:600;margin:.5rem 0 .25rem}.radio label{display:inline;font-weight:400}
input[type=text],input[type=email]{font:inherit;width:100%;max-width:24rem;padding:.4rem;border:2px solid #1a1a1a;box-sizing:border-box}
.hint{color:#3d3d3d;margin:.25rem 0}.error{color:#b00020;font-weight:600;margin:.25rem 0}
input[aria-invalid=true]{border-color:#b00020;border-width:3px}
.summary{border:3px solid #b00020;padding:.5rem 1rem;margin:1rem 0}
button{font:inherit;padding:.6rem 1.2rem;margin:.5rem .5rem 0 0;border:2px solid #004b8d;cursor:pointer}
.pay{background:#004b8d;color:#fff}.cancel{background:#fff;color:#004b8d}
a{color:#004b8d}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px;box-shadow:0 0 0 6px #ffd43b}
form:has(#method-paypal:checked) .card-fields,form:has(#method-card:checked) .paypal-fields{display:none}
`;

/** The page's one style block, allowed by its hash: the page's CSP needs no 'unsafe-inline'. */
export const PAGE_STYLE_HASH = `'sha256-${createHash('sha256').update(CSS, 'utf8').digest('base64')}'`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – Sandbox-Zahlungsanbieter</title><style>${CSS}</style></head>
<body><p class="sandbox" role="note">${bi('Sandbox-Zahlungsanbieter – es wird kein echtes Geld bewegt', 'Sandbox payment provider – no real money moves')}</p>
<main>${body}</main></body></html>`;
}

export interface PageState {
  /** Values the citizen submitted, re-shown after a decline. */
  form?: { method?: string; cardNumber?: string; paypalEmail?: string };
  decision?: PaymentDecision;
}

export function renderCheckoutPage(doc: SandboxCheckoutDoc, actionBase: string, state: PageState = {}): string {
  const summary = `<dl><dt>${bi('Betrag', 'Amount')}</dt><dd>${esc(euro(doc.amountCents))}</dd>
<dt>${bi('Verwendungszweck', 'Reference')}</dt><dd>${esc(grouped(doc.reference))}</dd>
<dt>${bi('Beschreibung', 'Description')}</dt><dd>${esc(doc.description)}</dd></dl>`;
  if (doc.status !== 'open') {
    const done = doc.status === 'paid' ? bi('Diese Zahlung ist bereits abgeschlossen.', 'This payment is already complete.')
      : bi('Diese Zahlung wurde abgebrochen.', 'This payment was cancelled.');
    return layout('Zahlung', `<h1>${bi('Zahlung', 'Payment')}</h1>${summary}<p>${done}</p>
<p><a href="${esc(doc.returnUrl)}">${bi('Zurück zum Dienst', 'Back to the service')}</a></p>`);
  }
  const f = state.form ?? {};
  const method = f.method === 'paypal' ? 'paypal' : 'card';
  const err = state.decision && !state.decision.ok ? state.decision : undefined;
  const errorFor = (field: string): BilingualText | undefined => (err?.field === field ? err.message : undefined);
  const field = (name: string, type: string, label: string, hint: string, value: string, autocomplete: string) => {
    const error = errorFor(name);
    const describedBy = [`${name}-hint`, error ? `${name}-error` : ''].filter(Boolean).join(' ');
    return `<label for="${name}">${label}</label><p class="hint" id="${name}-hint">${hint}</p>
${error ? `<p class="error" id="${name}-error">${bi(error.de, error.en)}</p>` : ''}
<input type="${type}" id="${name}" name="${name}" value="${esc(value)}" autocomplete="${autocomplete}"${
      type === 'text' ? ' inputmode="numeric"' : ''
    } aria-describedby="${describedBy}"${error ? ' aria-invalid="true" autofocus' : ''}>`;
  };
  const errorSummary = err
    ? `<div class="summary" role="alert"><h2>${bi('Zahlung nicht möglich', 'Payment not possible')}</h2>
<p><a href="#${err.field === 'method' ? 'method-card' : err.field}">${bi(err.message.de, err.message.en)}</a></p></div>`
    : '';
  const radio = (value: string, label: string) =>
    `<div class="radio"><input type="radio" id="method-${value}" name="method" value="${value}"${
      method === value ? ' checked' : ''
    }> <label for="method-${value}">${label}</label></div>`;
  const body = `<h1>${bi('Bezahlen', 'Pay')}</h1>${errorSummary}${summary}
<form method="post" action="${esc(actionBase)}/pay" novalidate>
<fieldset><legend>${bi('Zahlungsart', 'Payment method')}</legend>
${radio('card', bi('Kreditkarte', 'Credit card'))}${radio('paypal', 'PayPal')}
${err?.field === 'method' ? `<p class="error" id="method-error">${bi(err.message.de, err.message.en)}</p>` : ''}</fieldset>
<fieldset class="card-fields"><legend>${bi('Kreditkarte', 'Credit card')}</legend>
${field('cardNumber', 'text', bi('Kartennummer', 'Card number'),
    `${bi('Testkarte', 'Test card')}: ${TEST_CARD_OK} · ${bi('Test-Ablehnung', 'Test decline')}: ${TEST_CARD_DECLINED}`,
    f.cardNumber ?? TEST_CARD_OK, 'cc-number')}</fieldset>
<fieldset class="paypal-fields"><legend>PayPal (Sandbox)</legend>
${field('paypalEmail', 'email', bi('PayPal-E-Mail-Adresse', 'PayPal e-mail address'),
    `${bi('Beliebige Adresse, z. B.', 'Any address, e.g.')} buerger@example.org`, f.paypalEmail ?? '', 'email')}</fieldset>
<button type="submit" class="pay">${bi('Bezahlen', 'Pay')} ${esc(euro(doc.amountCents))}</button>
<button type="submit" class="cancel" formaction="${esc(actionBase)}/cancel">${bi('Abbrechen', 'Cancel')}</button>
</form>`;
  return layout(err ? 'Fehler: Zahlung' : 'Zahlung', body);
}
