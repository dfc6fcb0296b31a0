import type { WidgetProps } from '@rjsf/utils';
import { berlinLocalToIso, isoToBerlinLocal } from '../berlin-time.js';
import { useI18n } from '../i18n.js';
import { a11y } from './kern-widgets.js';

/**
 * Date and time of an offence. rjsf's own widget converts with the device's time zone; this one
 * uses Berlin time (see berlin-time.ts) and offers "now", the usual answer on the street.
 */
export function DateTimeWidget(props: WidgetProps) {
  const { t } = useI18n();
  const { id, htmlName, value, readonly, disabled, required, onChange, onBlur, onFocus, label } = props;
  const { invalid, ...aria } = a11y(props);
  const local = isoToBerlinLocal(value);
  return (
    <div className="datetime">
      <input
        type="datetime-local"
        id={id}
        name={htmlName || id}
        className={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
        value={local}
        max={isoToBerlinLocal(new Date().toISOString())}
        readOnly={readonly}
        disabled={disabled}
        required={required}
        {...aria}
        onChange={(e) => onChange(berlinLocalToIso(e.target.value))}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <button
        type="button"
        className="kern-btn kern-btn--secondary"
        disabled={disabled || readonly}
        onClick={() => onChange(berlinLocalToIso(isoToBerlinLocal(new Date().toISOString())))}
      >
        <span className="kern-label">
          {t.validation.now}
          <span className="sr-only">: {label}</span>
        </span>
      </button>
    </div>
  );
}
