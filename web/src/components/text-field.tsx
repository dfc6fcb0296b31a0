import type { InputHTMLAttributes, Ref } from 'react';
import { describedBy, FieldError } from './field-error.js';

type Props = Omit<InputHTMLAttributes<HTMLInputElement | HTMLTextAreaElement>, 'id' | 'className'> & {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  multiline?: boolean;
  /** KERN marks optional fields ("– optional") rather than starring required ones. */
  optional?: boolean;
  inputRef?: Ref<HTMLInputElement & HTMLTextAreaElement>;
};

/** KERN text input with label, hint and error wired up by id (WCAG 1.3.1, 3.3.1). */
export function TextField({ id, label, hint, error, multiline, optional, inputRef, ...input }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const inputClass = `kern-form-input__input${error ? ' kern-form-input__input--error' : ''}`;
  const common = {
    id,
    className: inputClass,
    'aria-describedby': describedBy(errorId, hintId),
    'aria-invalid': error ? true : undefined,
    ref: inputRef,
  };
  return (
    <div className={`kern-form-input${error ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
        {optional ? <span className="kern-label__optional"> – optional</span> : null}
      </label>
      {hint ? (
        <div className="kern-hint" id={hintId}>
          {hint}
        </div>
      ) : null}
      {error && errorId ? <FieldError id={errorId} message={error} /> : null}
      {multiline ? <textarea {...input} {...common} rows={4} /> : <input type="text" {...input} {...common} />}
    </div>
  );
}
