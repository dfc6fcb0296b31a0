import { useEffect, useId, useRef, type MouseEvent, type Ref } from 'react';
import { useI18n } from '../i18n.js';

export type SummaryItem = { id: string; label: string; message: string };

type Props = {
  items: SummaryItem[];
  /** Messages that belong to no field (e.g. the server's general answer). */
  general?: string[];
  summaryRef?: Ref<HTMLDivElement>;
};

/**
 * The error summary (GOV.UK / KERN pattern): every problem of the step at once, counted, each a
 * link to its field. The form moves focus here after a failed "Weiter", so a screen reader reads
 * the count and the list, and a keyboard user follows a link straight into the field.
 */
export function ErrorSummary({ items, general = [], summaryRef }: Props) {
  const { t } = useI18n();
  const titleId = useId();
  const title = items.length ? t.wizard.fixErrors(items.length) : (general[0] ?? t.validation.fixErrors);
  const rest = items.length ? general : general.slice(1);
  return (
    <div ref={summaryRef} className="kern-alert kern-alert--danger error-summary" role="alert" tabIndex={-1} aria-labelledby={titleId}>
      <div className="kern-alert__header">
        <span className="kern-icon kern-icon--danger" aria-hidden="true" />
        <h2 id={titleId} className="kern-title">{title}</h2>
      </div>
      {items.length || rest.length ? (
        <div className="kern-alert__body">
          {rest.map((message, i) => <p key={i} className="kern-body">{message}</p>)}
          {items.length ? (
            <ul className="error-summary__list">
              {items.map((item, i) => (
                <li key={`${item.id}-${i}`}>
                  <a href={`#${item.id}`} className="kern-link" onClick={(e) => focusField(e, item.id)}>
                    {item.label ? `${item.label}: ${item.message}` : item.message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** The input behind an id: the field itself, the first option of a radio group, or the first input of a group. */
export function fieldElement(id: string): HTMLElement | null {
  const exact = document.getElementById(id);
  if (exact && /^(INPUT|SELECT|TEXTAREA)$/.test(exact.tagName)) return exact;
  const option = document.querySelector<HTMLElement>(`[id^="${CSS.escape(id)}-"]:is(input, select, textarea)`);
  if (option) return option;
  return (exact ?? document.getElementById(`${id}__group`))?.querySelector<HTMLElement>('input, select, textarea') ?? exact;
}

function focusField(event: MouseEvent, id: string) {
  const target = fieldElement(id);
  if (!target) return;
  event.preventDefault();
  target.focus();
  target.scrollIntoView({ block: 'center' });
}

/**
 * The summary's ref and a request to focus it after the next render (when it shows the new
 * problems): `focusSummary.current = true` before setting the errors.
 */
export function useSummaryFocus() {
  const summary = useRef<HTMLDivElement>(null);
  const focusSummary = useRef(false);
  useEffect(() => {
    if (!focusSummary.current) return;
    focusSummary.current = false;
    summary.current?.focus();
  });
  return { summary, focusSummary };
}
