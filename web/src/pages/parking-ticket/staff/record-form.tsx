import { useEffect, useMemo, useRef, useState } from 'react';
import type { ErrorSchema } from '@rjsf/utils';
import validator from '../../../rjsf/validator.js';
import { api, ApiError, messageOf } from '../../../api.js';
import type { FormDefinition, RecordedTicket } from '../../../api/types.js';
import { Alert } from '../../../components/alert.js';
import { ErrorSummary } from '../../../components/error-summary.js';
import { errorItems, withRequiredGroups } from '../../../rjsf/error-items.js';
import { pruneData } from '../../../rjsf/prune-data.js';
import { useI18n } from '../../../i18n.js';
import { applyTexts } from '../../../rjsf/apply-texts.js';
import { KernForm } from '../../../rjsf/kern-form.js';
import { localizeErrors } from '../../../rjsf/localize-errors.js';
import { toErrorSchema } from '../../../rjsf/server-errors.js';
import { useIdempotencyKey } from '../../../idempotency.js';

type Props = {
  form: FormDefinition;
  onRecorded: (ticket: RecordedTicket) => void;
  /** After "next ticket" the warden should land in the first field, not at the page top. */
  focusFirstField?: boolean;
};
type Data = Record<string, unknown>;

/** The warden's form, rendered by rjsf from the registry's schema; the server validates again. */
export function RecordForm({ form, onRecorded, focusFirstField }: Props) {
  const { t, lang } = useI18n();
  const localized = useMemo(() => applyTexts(form, lang), [form, lang]);
  const transformErrors = useMemo(() => localizeErrors(t, localized.schema), [t, localized]);
  const [formData, setFormData] = useState<Data>({});
  const [extraErrors, setExtraErrors] = useState<ErrorSchema>();
  const [general, setGeneral] = useState<string>();
  const [notes, setNotes] = useState<string[]>([]);
  const [submitting, setSubmitting] = useState(false);
  const inFlight = useRef(false);
  // One Idempotency-Key per filled-in form: a double click or a retry after a lost answer reuses
  // it, so the server creates one ticket; changed data is a new request and gets a new key.
  const idempotency = useIdempotencyKey();
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusFirstField) wrapper.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
  }, [focusFirstField]);

  const summary = useRef<HTMLDivElement>(null);
  const focusSummary = useRef(false);
  useEffect(() => {
    // Every problem at once: focus goes to the summary, whose links lead to the fields.
    if (!focusSummary.current) return;
    focusSummary.current = false;
    summary.current?.focus();
  });

  /** The same JSON Schema check as the API's, with every required field of a group reported. */
  function check(data: Data): ErrorSchema | undefined {
    const clean = withRequiredGroups(pruneData(data, localized.schema), localized.schema);
    const { errorSchema, errors } = validator.validateFormData(clean, localized.schema, undefined, transformErrors, localized.uiSchema);
    return errors.length ? errorSchema : undefined;
  }

  function change(data: Data) {
    setFormData(data);
    // Errors on the page follow the corrections as the warden types.
    if (extraErrors && !notes.length) setExtraErrors(check(data));
  }

  function submitChecked(data: Data) {
    const found = check(data);
    if (found) {
      setGeneral(undefined);
      setNotes([]);
      setExtraErrors(found);
      focusSummary.current = true;
      return;
    }
    void submit(data);
  }

  async function submit(data: Data) {
    if (inFlight.current) return;
    inFlight.current = true;
    const key = idempotency.keyFor(data);
    setSubmitting(true);
    setGeneral(undefined);
    setNotes([]);
    setExtraErrors(undefined);
    try {
      const ticket = await api<RecordedTicket>('/api/parking-tickets', {
        method: 'POST',
        body: data,
        headers: { 'Idempotency-Key': key },
      });
      onRecorded(ticket);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) idempotency.forget();
      if (e instanceof ApiError && e.fields.length > 0) {
        const mapped = toErrorSchema(e.fields);
        setExtraErrors(mapped.schema);
        setNotes([e.message, ...mapped.general]);
        focusSummary.current = true;
      } else {
        setGeneral(messageOf(e));
      }
    } finally {
      inFlight.current = false;
      setSubmitting(false);
    }
  }

  return (
    <div ref={wrapper} className="panel">
      {localized.description ? <p className="kern-body">{localized.description}</p> : null}
      {general ? <Alert type="danger" title={general} live="alert" /> : null}
      {extraErrors ? <ErrorSummary items={errorItems(extraErrors, localized.schema, localized.uiSchema)} general={notes} summaryRef={summary} /> : null}
      <KernForm
        className="record-form stack"
        schema={localized.schema}
        uiSchema={localized.uiSchema}
        validator={validator}
        formData={formData}
        onChange={(event) => change((event.formData ?? {}) as Data)}
        onSubmit={(event) => submitChecked((event.formData ?? {}) as Data)}
        extraErrors={extraErrors}
        transformErrors={transformErrors}
        formContext={{ submitting }}
        showErrorList={false}
        noValidate
        noHtml5Validate
        // rjsf would preselect the first offence (const values count as defaults); the warden must choose.
        experimental_defaultFormStateBehavior={{ constAsDefaults: 'never' }}
      />
      <p className="kern-body kern-body--small" role="status">
        {submitting ? t.staff.submitting : ''}
      </p>
    </div>
  );
}
