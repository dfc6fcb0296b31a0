import type { Ref } from 'react';
import { describedBy } from '../../../components/field-error.js';
import { useI18n } from '../../../i18n.js';
import type { Parsed } from './parse-json.js';

type Props = { id: string; label: string; value: string; parsed: Parsed; onChange: (text: string) => void; inputRef?: Ref<HTMLTextAreaElement> };

/**
 * A JSON code editor: monospace textarea, syntax errors with line and column under the label.
 * The error is not a live region (it would interrupt on every keystroke); it is linked by
 * aria-describedby, and Prüfen/Veröffentlichen announce "fix the JSON first" and focus the field.
 */
export function JsonEditor({ id, label, value, parsed, onChange, inputRef }: Props) {
  const { t } = useI18n();
  const invalid = !parsed.ok;
  return (
    <div className={`kern-form-input${invalid ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
      </label>
      <div className="kern-hint" id={`${id}-hint`}>
        {t.designer.jsonHint}
      </div>
      {parsed.ok ? null : (
        <p className="kern-error" id={`${id}-error`}>
          <span className="kern-icon kern-icon--danger" aria-hidden="true" />
          <span className="kern-body">{t.designer.jsonError(parsed.line, parsed.column, parsed.message)}</span>
        </p>
      )}
      <textarea
        id={id}
        ref={inputRef}
        className={`kern-form-input__input json-editor${invalid ? ' kern-form-input__input--error' : ''}`}
        value={value}
        rows={16}
        spellCheck={false}
        autoCapitalize="off"
        autoCorrect="off"
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(invalid && `${id}-error`, `${id}-hint`)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
