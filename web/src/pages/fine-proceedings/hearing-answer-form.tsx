import { api, ApiError } from '../../api.js';
import { ErrorState } from '../../components/error-state.js';
import { Loading } from '../../components/loading.js';
import { useIdempotencyKey } from '../../idempotency.js';
import { useI18n } from '../../i18n.js';
import { useFormDefinition } from '../staff/use-form-definition.js';
import type { CitizenTicketView } from '../../api/types.js';
import { FormWizard } from '../forms/wizard/form-wizard.js';

/**
 * The registry form `fine-proceedings-hearing-answer`, rendered from the same JSON Schema the API validates
 * with; the server's 422 fields land next to the fields, its 409 (closed, answered) above them.
 * The same answer sent again (after a lost answer or a 503) carries the same Idempotency-Key and
 * gets the first answer, not 409 "already answered".
 */
export function HearingAnswerForm({ token, onAnswered }: { token: string; onAnswered: (ticket: CitizenTicketView) => void }) {
  const { lang } = useI18n();
  const [definition, reload] = useFormDefinition('fine-proceedings-hearing-answer');
  const idempotency = useIdempotencyKey();
  if (definition.kind === 'loading') return <Loading />;
  if (definition.kind === 'failed') return <ErrorState message={definition.message} onRetry={reload} />;
  const { form } = definition;
  const texts = form.texts[lang] ?? form.texts.de;
  return (
    <div className="stack">
      {texts.description ? <p className="kern-body">{texts.description}</p> : null}
      <FormWizard
        form={form}
        onSubmit={async (data) => {
          let answered: CitizenTicketView;
          try {
            answered = await api<CitizenTicketView>('/api/fine-proceedings/current/hearing-answer', {
              method: 'POST', token, body: data, headers: { 'Form-Version': String(form.version), 'Idempotency-Key': idempotency.keyFor([form.version, data]) },
            });
          } catch (e) {
            if (e instanceof ApiError && e.status === 409) idempotency.forget();
            throw e;
          }
          onAnswered(answered);
        }}
      />
    </div>
  );
}
