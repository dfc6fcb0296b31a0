import {
  enumOptionSelectedValue,
  enumOptionsIsSelected,
  enumOptionValueDecoder,
  enumOptionValueEncoder,
  getOptionValueFormat,
  optionId,
  type WidgetProps,
} from '@rjsf/utils';
import { useI18n } from '../i18n.js';
import { a11y } from './kern-widgets.js';

// Enum fields as a KERN select or KERN radio buttons. Radio groups get their fieldset and legend
// from FieldTemplate (ui:widget "radio"), so each radio here only needs its own label.

/** Options carry their real value ("112454") in the DOM, not rjsf's default index, unless a form says otherwise. */
const valueFormat = (options: WidgetProps['options']) =>
  options.optionValueFormat ? getOptionValueFormat(options) : ('realValue' as const);

export function SelectWidget(props: WidgetProps) {
  const { t } = useI18n();
  const { id, htmlName, value, readonly, disabled, required, onChange, onBlur, onFocus, options, schema, placeholder } = props;
  const { enumOptions = [], enumDisabled, emptyValue } = options;
  const format = valueFormat(options);
  const { invalid, ...aria } = a11y(props);
  const decode = (raw: string) => enumOptionValueDecoder(raw, enumOptions, format, emptyValue);
  return (
    <div className="kern-form-input__select-wrapper">
      <select
        id={id}
        name={htmlName || id}
        className={`kern-form-input__select${invalid ? ' kern-form-input__select--error' : ''}`}
        value={enumOptionSelectedValue(value, enumOptions, false, format, '') as string}
        disabled={disabled || readonly}
        required={required}
        {...aria}
        onChange={(e) => onChange(decode(e.target.value))}
        onBlur={(e) => onBlur(id, decode(e.target.value))}
        onFocus={(e) => onFocus(id, decode(e.target.value))}
      >
        {schema.default === undefined ? <option value="">{placeholder || t.validation.choose}</option> : null}
        {enumOptions.map((option, i) => (
          <option key={String(option.value)} value={enumOptionValueEncoder(option.value, i, format)} disabled={enumDisabled?.includes(option.value)}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function RadioWidget(props: WidgetProps) {
  const { id, htmlName, value, readonly, disabled, required, onChange, onBlur, onFocus, options } = props;
  const { enumOptions = [], enumDisabled, emptyValue } = options;
  const format = valueFormat(options);
  const { invalid, ...aria } = a11y(props);
  const decode = (raw: string) => enumOptionValueDecoder(raw, enumOptions, format, emptyValue);
  return (
    <>
      {enumOptions.map((option, i) => (
        <div key={String(option.value)} className="kern-form-check">
          <input
            type="radio"
            id={optionId(id, i)}
            name={htmlName || id}
            className={`kern-form-check__radio${invalid ? ' kern-form-check__radio--error' : ''}`}
            value={enumOptionValueEncoder(option.value, i, format)}
            checked={enumOptionsIsSelected(option.value, value)}
            disabled={disabled || readonly || enumDisabled?.includes(option.value)}
            required={required}
            {...aria}
            onChange={() => onChange(option.value)}
            onBlur={(e) => onBlur(id, decode(e.target.value))}
            onFocus={(e) => onFocus(id, decode(e.target.value))}
          />
          <label className="kern-label" htmlFor={optionId(id, i)}>
            {option.label}
          </label>
        </div>
      ))}
    </>
  );
}
