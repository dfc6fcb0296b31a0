import { useState, type FormEvent } from 'react';
import { api, ApiError, messageOf } from '../../api.js';
import type { CheckoutStarted, PaymentMethod } from '../../api/types.js';
import { Alert } from '../../components/alert.js';
import { ErrorSummary, useSummaryFocus, type SummaryItem } from '../../components/error-summary.js';
import { describedBy, FieldError } from '../../components/field-error.js';
import { TextField } from '../../components/text-field.js';
import { useI18n } from '../../i18n.js';

type Props = {
  token: string;
  /** The ticket code from the address; the server uses it to send the person back to this page. */
  code: string;
  onAlreadyPaid: () => void;
};
type Errors = { method?: string; email?: string; form?: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const METHODS: PaymentMethod[] = ['card', 'paypal'];

/** Card or PayPal through the payment provider's hosted page; it sends the person back with ?checkout=. */
export function PayOnline({ token, code, onAlreadyPaid }: Props) {
  const { t } = useI18n();
  const [method, setMethod] = useState<PaymentMethod>();
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [redirecting, setRedirecting] = useState(false);
  const { summary, focusSummary } = useSummaryFocus();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const next: Errors = {};
    if (!method) next.method = t.pay.methodRequired;
    if (email.trim() && !EMAIL.test(email.trim())) next.email = t.pay.emailInvalid;
    setErrors(next);
    if (!method || next.email) {
      // Every problem in the summary, whose links lead to the fields.
      focusSummary.current = true;
      return;
    }

    setRedirecting(true);
    try {
      const body = { method, code, ...(email.trim() ? { email: email.trim() } : {}) };
      const { redirectUrl } = await api<CheckoutStarted>('/api/parking-tickets/current/checkout', {
        method: 'POST',
        body,
        token,
      });
      window.location.assign(redirectUrl);
    } catch (e) {
      setRedirecting(false);
      if (e instanceof ApiError && e.code === 'already_paid') onAlreadyPaid();
      const found = toErrors(e);
      setErrors(found);
      if (found.method || found.email) focusSummary.current = true;
    }
  }

  const methodError = errors.method ? 'pay-method-error' : undefined;
  const items: SummaryItem[] = [
    ...(errors.method ? [{ id: 'pay-method-card', label: t.pay.methodLegend, message: errors.method }] : []),
    ...(errors.email ? [{ id: 'pay-email', label: t.pay.emailLabel, message: errors.email }] : []),
  ];
  return (
    <section aria-labelledby="pay-title" className="panel">
      <h2 id="pay-title" className="kern-heading-medium">
        {t.pay.title}
      </h2>
      <form onSubmit={submit} noValidate className="stack">
        {items.length ? <ErrorSummary items={items} general={errors.form ? [errors.form] : []} summaryRef={summary} />
          : errors.form ? <Alert type="danger" title={errors.form} live="alert" /> : null}
        <fieldset
          className={`kern-fieldset${errors.method ? ' kern-fieldset--error' : ''}`}
          aria-describedby={describedBy(methodError)}
        >
          <legend className="kern-label">{t.pay.methodLegend}</legend>
          {errors.method && methodError ? <FieldError id={methodError} message={errors.method} /> : null}
          <div className="kern-fieldset__body">
            {METHODS.map((value) => (
              <div key={value} className="kern-form-check">
                <input
                  className={`kern-form-check__radio${errors.method ? ' kern-form-check__radio--error' : ''}`}
                  type="radio"
                  id={`pay-method-${value}`}
                  name="pay-method"
                  value={value}
                  checked={method === value}
                  onChange={() => setMethod(value)}
                />
                <label className="kern-label" htmlFor={`pay-method-${value}`}>
                  {value === 'card' ? t.pay.card : t.pay.paypal}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <TextField
          id="pay-email"
          type="email"
          label={t.pay.emailLabel}
          optional
          hint={t.pay.emailHint}
          autoComplete="email"
          value={email}
          error={errors.email}
          onChange={(e) => setEmail(e.target.value)}
        />
        <div>
          <button type="submit" className="kern-btn kern-btn--primary" disabled={redirecting}>
            <span className="kern-label">{t.pay.submit}</span>
            <span className="kern-icon kern-icon--arrow-forward" aria-hidden="true" />
          </button>
        </div>
        <p className="kern-body kern-body--small" role="status">
          {redirecting ? t.pay.redirecting : ''}
        </p>
      </form>
    </section>
  );
}

function toErrors(e: unknown): Errors {
  if (!(e instanceof ApiError)) return { form: messageOf(e) };
  const field = (name: string) => e.fields.find((f) => f.field.replace(/^\//, '') === name)?.message;
  return { method: field('method'), email: field('email'), form: e.message };
}
