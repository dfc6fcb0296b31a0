import { useEffect, useState } from 'react';
import { descriptionId, errorId, type WidgetProps } from '@rjsf/utils';
import { describedBy } from '../components/field-error.js';
import { useI18n } from '../i18n.js';

/** "23.11.1988" (also "1.2.2024" and ISO "1988-11-23") → "1988-11-23"; anything else stays as typed. */
export function parseDate(text: string): string {
  const trimmed = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  if (german) return `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}`;
  return trimmed;
}

/** "1988-11-23" → "23.11.1988"; anything else as it is. */
export function showDate(value: unknown): string {
  if (typeof value !== 'string') return '';
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return iso ? `${iso[3]}.${iso[2]}.${iso[1]}` : value;
}

/**
 * A date as text with the format said beside it ("TT.MM.JJJJ"), as GOV.UK and KERN advise for
 * dates a person knows: the browser's own date field shows its format in the browser's language,
 * not the page's, so the hint could not match it. The form keeps ISO dates ("1988-11-23"); text
 * that is no date stays as typed and the schema's `format: date` reports it.
 */
export function DateWidget(props: WidgetProps) {
  const { t } = useI18n();
  const { id, htmlName, value, readonly, disabled, required, onChange, onBlur, onFocus, rawErrors, schema, options } = props;
  const [text, setText] = useState(showDate(value));
  // A value set from outside (a resumed draft, "Zurück") replaces what is shown.
  useEffect(() => {
    if (parseDate(text) !== (value ?? '')) setText(showDate(value));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [value]);
  const invalid = Boolean(rawErrors?.length);
  const hintId = `${id}__format`;
  const hasHint = Boolean(options.description ?? schema.description);
  return (
    <>
      <div id={hintId} className="kern-hint">{t.validation.dateHint}</div>
      <input
        type="text"
        inputMode="numeric"
        autoComplete={id.endsWith('birthDate') ? 'bday' : 'off'}
        id={id}
        name={htmlName || id}
        className={`kern-form-input__input date-input${invalid ? ' kern-form-input__input--error' : ''}`}
        value={text}
        readOnly={readonly}
        disabled={disabled}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(invalid && errorId(id), hasHint && descriptionId(id), hintId)}
        onChange={(e) => {
          setText(e.target.value);
          onChange(e.target.value.trim() === '' ? options.emptyValue : parseDate(e.target.value));
        }}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
    </>
  );
}
