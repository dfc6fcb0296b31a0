import {
  descriptionId,
  errorId,
  getSubmitButtonOptions,
  getUiOptions,
  type DescriptionFieldProps,
  type FieldErrorProps,
  type FieldTemplateProps,
  type ObjectFieldTemplateProps,
  type SubmitButtonProps,
  type TitleFieldProps,
} from '@rjsf/utils';

// rjsf's default theme emits Bootstrap 3 markup. These templates emit KERN markup instead and keep
// the accessibility wiring: every input has a <label for>, hints and errors are referenced by
// aria-describedby (see kern-widgets.tsx), groups are fieldsets with a legend. Several tiny
// components live in this one file because they only make sense together as a theme.

/** KERN marks the optional fields rather than starring the required ones ("optional" in de and en). */
export function Optional({ required }: { required?: boolean }) {
  return required ? null : <span className="kern-label__optional"> – optional</span>;
}

export function FieldTemplate(props: FieldTemplateProps) {
  const { id, label, children, errors, help, description, hidden, required, displayLabel, rawErrors, uiSchema } = props;
  if (hidden) return <div hidden>{children}</div>;
  const invalid = Boolean(rawErrors?.length);
  if (!displayLabel) {
    // Objects (own fieldset) and checkboxes (own label) label themselves.
    return (
      <div className="rjsf-field">
        {children}
        {errors}
        {help}
      </div>
    );
  }
  const widget = getUiOptions(uiSchema).widget;
  if (widget === 'radio' || widget === 'checkboxes') {
    return (
      <fieldset className={`kern-fieldset${invalid ? ' kern-fieldset--error' : ''}`} id={`${id}__group`}>
        <legend className="kern-label">
          {label}
          <Optional required={required} />
        </legend>
        {description}
        {errors}
        <div className="kern-fieldset__body">{children}</div>
        {help}
      </fieldset>
    );
  }
  return (
    <div className={`kern-form-input${invalid ? ' kern-form-input--error' : ''}`}>
      <label className="kern-label" htmlFor={id}>
        {label}
        <Optional required={required} />
      </label>
      {description}
      {errors}
      {children}
      {help}
    </div>
  );
}

export function FieldErrorTemplate({ errors = [], fieldPathId }: FieldErrorProps) {
  const shown = errors.filter(Boolean);
  if (shown.length === 0) return null;
  return (
    <div className="kern-error" id={errorId(fieldPathId)} role="alert">
      <span className="kern-icon kern-icon--danger" aria-hidden="true" />
      <span className="kern-body">
        {shown.map((error, i) => (
          <span key={i} className="rjsf-error-line">
            {error}
          </span>
        ))}
      </span>
    </div>
  );
}

export function DescriptionFieldTemplate({ id, description }: DescriptionFieldProps) {
  if (!description) return null;
  return (
    <div id={id} className="kern-hint">
      {description}
    </div>
  );
}

export function TitleFieldTemplate({ id, title, required }: TitleFieldProps) {
  return (
    <legend id={id} className="kern-label kern-label--large">
      {title}
      <Optional required={required} />
    </legend>
  );
}

export function ObjectFieldTemplate({ title, description, properties, fieldPathId, required, registry }: ObjectFieldTemplateProps) {
  const root = fieldPathId.path.length === 0;
  // A multi-step form renders only the current step's top-level fields (formContext.stepFields).
  const only = root ? (registry.formContext as { stepFields?: string[] } | undefined)?.stepFields : undefined;
  const shown = only ? properties.filter((p) => only.includes(p.name)) : properties;
  const content = <div className="stack">{shown.map((p) => p.content)}</div>;
  // The root object's title is the page's h1, so it gets no second legend.
  if (root) return content;
  return (
    <fieldset className="kern-fieldset rjsf-group" id={fieldPathId.$id}>
      <legend className="kern-label kern-label--large">
        {title}
        <Optional required={required} />
      </legend>
      {description ? (
        <div id={descriptionId(fieldPathId)} className="kern-hint">
          {description}
        </div>
      ) : null}
      <div className="kern-fieldset__body">{content}</div>
    </fieldset>
  );
}

export function SubmitButton({ uiSchema, registry }: SubmitButtonProps) {
  const { submitText, norender } = getSubmitButtonOptions(uiSchema);
  if (norender) return null;
  const busy = Boolean((registry.formContext as { submitting?: boolean } | undefined)?.submitting);
  return (
    <div className="form-actions">
      <button type="submit" className="kern-btn kern-btn--primary" disabled={busy} aria-disabled={busy || undefined}>
        <span className="kern-label">{submitText}</span>
      </button>
    </div>
  );
}
