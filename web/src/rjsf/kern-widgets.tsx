import type { ChangeEvent } from 'react';
import {
  descriptionId,
  errorId,
  getInputProps,
  type BaseInputTemplateProps,
  type WidgetProps,
} from '@rjsf/utils';
import { describedBy } from '../components/field-error.js';
import { Optional } from './kern-templates.js';

// KERN-styled inputs for rjsf. Unlike rjsf's defaults, aria-describedby lists only the hint and
// error elements that are actually on the page, and invalid fields carry aria-invalid.

export function a11y({ id, schema, options, rawErrors }: WidgetProps) {
  const invalid = Boolean(rawErrors?.length);
  const hasHint = Boolean(options.description ?? schema.description);
  return {
    invalid,
    'aria-invalid': invalid || undefined,
    'aria-describedby': describedBy(invalid && errorId(id), hasHint && descriptionId(id)),
  };
}

export function BaseInputTemplate(props: BaseInputTemplateProps) {
  const { id, htmlName, value, readonly, disabled, autofocus, onBlur, onFocus, onChange, onChangeOverride, options, schema, type, required, placeholder } = props;
  const { invalid, ...aria } = a11y(props);
  const inputProps = getInputProps(schema, type, options);
  return (
    <input
      id={id}
      name={htmlName || id}
      className={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
      readOnly={readonly}
      disabled={disabled}
      autoFocus={autofocus}
      required={required}
      placeholder={placeholder}
      value={value ?? ''}
      {...inputProps}
      {...aria}
      onChange={onChangeOverride ?? ((e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value === '' ? options.emptyValue : e.target.value))}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}

export function TextareaWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, required, onChange, onBlur, onFocus, options } = props;
  const { invalid, ...aria } = a11y(props);
  return (
    <textarea
      id={id}
      name={htmlName || id}
      className={`kern-form-input__input${invalid ? ' kern-form-input__input--error' : ''}`}
      value={value ?? ''}
      rows={typeof options.rows === 'number' ? options.rows : 3}
      readOnly={readonly}
      disabled={disabled}
      required={required}
      {...aria}
      onChange={(e) => onChange(e.target.value === '' ? options.emptyValue : e.target.value)}
      onBlur={(e) => onBlur(id, e.target.value)}
      onFocus={(e) => onFocus(id, e.target.value)}
    />
  );
}

export function CheckboxWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, required, onChange, onBlur, onFocus, label, schema, options } = props;
  const { invalid, ...aria } = a11y(props);
  const hint = options.description ?? schema.description;
  return (
    <div className={`kern-form-check${invalid ? ' kern-form-check--error' : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={htmlName || id}
        className={`kern-form-check__checkbox${invalid ? ' kern-form-check__checkbox--error' : ''}`}
        checked={value === true}
        disabled={disabled || readonly}
        required={required}
        {...aria}
        onChange={(e) => onChange(e.target.checked)}
        onBlur={() => onBlur(id, value)}
        onFocus={() => onFocus(id, value)}
      />
      <label className="kern-label" htmlFor={id}>
        {label}
        <Optional required={required} />
      </label>
      {hint ? (
        <div id={descriptionId(id)} className="kern-hint">
          {String(hint)}
        </div>
      ) : null}
    </div>
  );
}
