import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ErrorSchema } from '@rjsf/utils';
import validator from '../../../rjsf/validator.js';
import { ApiError, messageOf } from '../../../api.js';
import type { FormDefinition } from '../../../api/types.js';
import { Alert } from '../../../components/alert.js';
import { ErrorSummary } from '../../../components/error-summary.js';
import { useI18n } from '../../../i18n.js';
import { applyTexts } from '../../../rjsf/apply-texts.js';
import { EvidenceNoteField } from '../../../rjsf/evidence-note-field.js';
import { errorItems, hiddenFields, withoutFields, withRequiredGroups } from '../../../rjsf/error-items.js';
import { deferEvidence, firstStepWithError, pickErrors, reviewTitleOf, stepsOf } from '../../../rjsf/form-steps.js';
import { KernForm } from '../../../rjsf/kern-form.js';
import { localizeErrors } from '../../../rjsf/localize-errors.js';
import { pruneData } from '../../../rjsf/prune-data.js';
import { toErrorSchema } from '../../../rjsf/server-errors.js';
import { BackButton } from './back-button.js';
import { FormReview } from './form-review.js';
import { StepIndicator } from './step-indicator.js';

type Data = Record<string, unknown>;
type Props = {
  form: FormDefinition;
  /** Sends the answers; an ApiError with fields puts them next to the fields. */
  onSubmit: (data: Data) => Promise<void>;
  /** Answers to start from (a resumed draft). */
  initialData?: Data;
  /** Shown below the steps with the answers so far (e.g. "Zwischenspeichern"). */
  footer?: (data: Data) => ReactNode;
};

/** A registry form as steps ("ui:steps") plus a review step; validates each step before going on. */
export function FormWizard({ form, onSubmit, initialData, footer }: Props) {
  const { t, lang } = useI18n();
  const view = useMemo(() => {
    const localized = applyTexts(form, lang);
    deferEvidence(localized.schema, localized.uiSchema, EvidenceNoteField);
    localized.uiSchema['ui:submitButtonOptions'] = { norender: true };
    const texts = form.texts[lang] ?? form.texts.de;
    const steps = stepsOf(localized.schema, localized.uiSchema, texts, t.wizard.details);
    return { ...localized, steps, reviewTitle: reviewTitleOf(localized.uiSchema, texts, t.wizard.reviewTitle) };
  }, [form, lang, t]);
  const transformErrors = useMemo(() => localizeErrors(t, view.schema), [t, view]);
  const { steps } = view;
  const [step, setStep] = useState(0);
  const [data, setData] = useState<Data>(initialData ?? {});
  const [errors, setErrors] = useState<ErrorSchema>();
  const [general, setGeneral] = useState<string>();
  // Messages of a server answer that came with field errors but name no field.
  const [notes, setNotes] = useState<string[]>([]);
  const [sending, setSending] = useState(false);
  const [fromReview, setFromReview] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const focusAfter = useRef<'heading' | 'summary'>(undefined);
  const review = step >= steps.length;
  const current = Math.min(step, steps.length);

  useEffect(() => {
    const target = focusAfter.current;
    focusAfter.current = undefined;
    if (target === 'heading') heading.current?.focus();
    if (target === 'summary') summary.current?.focus();
  });

  /** The answers as they count: empty ones dropped, and fields the other answers rule out. */
  function effective(source: Data): Data {
    const pruned = pruneData(source, view.schema) as Data;
    return withoutFields(pruned, hiddenFields(validator, view.schema, pruned));
  }

  function validate(source: Data, fields?: string[]): ErrorSchema | undefined {
    const clean = withRequiredGroups(effective(source), view.schema) as Data;
    const { errorSchema } = validator.validateFormData(clean, view.schema, undefined, transformErrors, view.uiSchema);
    return pickErrors(errorSchema, fields ?? steps.flatMap((s) => s.fields));
  }

  function go(to: number) {
    setErrors(undefined);
    setGeneral(undefined);
    setNotes([]);
    setStep(to);
    focusAfter.current = 'heading';
  }

  function showErrors(found: ErrorSchema, messages: string[] = []) {
    const at = firstStepWithError(steps, found);
    if (at >= 0) setStep(at);
    // Sent back from the review: after the fix, "Weiter" returns there.
    if (review) setFromReview(true);
    setErrors(found);
    setGeneral(undefined);
    setNotes(messages);
    focusAfter.current = 'summary';
  }

  function next() {
    const found = validate(data, steps[current]?.fields);
    if (found) return showErrors(found);
    go(fromReview ? steps.length : current + 1);
  }

  async function send() {
    if (sending) return;
    const found = validate(data);
    if (found) return showErrors(found);
    setSending(true);
    setGeneral(undefined);
    try {
      await onSubmit(effective(data));
    } catch (e) {
      if (e instanceof ApiError && e.fields.length > 0) {
        const mapped = toErrorSchema(e.fields);
        showErrors(mapped.schema, [e.message, ...mapped.general]);
      } else {
        setGeneral(messageOf(e));
        focusAfter.current = 'heading';
      }
    } finally {
      setSending(false);
    }
  }

  function change(next: Data) {
    setData(next);
    // Errors shown in this step follow the corrections as the person types.
    if (errors && !review) setErrors(validate(next, steps[current]?.fields));
  }

  const titles = [...steps.map((s) => s.title), view.reviewTitle];
  const shownErrors = review ? undefined : pickErrors((errors ?? {}) as ErrorSchema, steps[current]?.fields ?? []);
  const items = errorItems(shownErrors, view.schema, view.uiSchema);
  const hidden = hiddenFields(validator, view.schema, pruneData(data, view.schema));
  return (
    <div className="stack wizard">
      <StepIndicator titles={titles} current={current} headingRef={heading} />
      {general ? <Alert type="danger" title={general} live="alert" /> : null}
      {items.length || (errors && notes.length) ? <ErrorSummary items={items} general={notes} summaryRef={summary} /> : null}
      {review ? (
        <>
          <FormReview steps={steps} schema={view.schema} uiSchema={view.uiSchema} data={effective(data)} onChange={(i) => { setFromReview(true); go(i); }} />
          <div className="button-row">
            <BackButton onClick={() => go(steps.length - 1)} />
            <button type="button" className="kern-btn kern-btn--primary" onClick={() => void send()} disabled={sending}>
              <span className="kern-label">{view.submit || t.wizard.send}</span>
            </button>
          </div>
          <p className="kern-body kern-body--small" role="status">{sending ? t.wizard.sending : ''}</p>
        </>
      ) : (
        <KernForm
          key={current}
          className="stack"
          schema={view.schema}
          uiSchema={view.uiSchema}
          validator={validator}
          formData={data}
          onChange={(event) => change((event.formData ?? {}) as Data)}
          onSubmit={next}
          noValidate
          noHtml5Validate
          showErrorList={false}
          extraErrors={errors}
          formContext={{ stepFields: steps[current]?.fields.filter((f) => !hidden.includes(f)) }}
          experimental_defaultFormStateBehavior={{ constAsDefaults: 'never', emptyObjectFields: 'skipEmptyDefaults' }}
        >
          <div className="button-row">
            {current > 0 ? <BackButton onClick={() => go(current - 1)} /> : null}
            <button type="submit" className="kern-btn kern-btn--primary">
              <span className="kern-label">{t.wizard.next}</span>
            </button>
          </div>
        </KernForm>
      )}
      {footer?.(data)}
    </div>
  );
}
