import type { RJSFSchema, UiSchema } from '@rjsf/utils';
import { useI18n } from '../../../i18n.js';
import type { Step } from '../../../rjsf/form-steps.js';
import { reviewEntries, type ReviewEntry } from '../../../rjsf/review-entries.js';
import { uploadedName } from '../../../rjsf/evidence-note-field.js';

type Props = {
  steps: Step[];
  schema: RJSFSchema;
  uiSchema: UiSchema;
  data: Record<string, unknown>;
  onChange: (step: number) => void;
};

/** The last step: every answer, grouped by step, each group with an "Ändern" button. */
export function FormReview({ steps, schema, uiSchema, data, onChange }: Props) {
  const { t, lang } = useI18n();
  return (
    <div className="stack">
      <p className="kern-body">{t.wizard.reviewIntro}</p>
      {steps.map((step, i) => (
        <section key={step.id} className="review-section" aria-labelledby={`review-${step.id}`}>
          <div className="section-head">
            <h3 id={`review-${step.id}`} className="review-section__title">
              {step.title}
            </h3>
            {/* The name starts with the visible word (WCAG 2.5.3) and says which step. */}
            <button
              type="button"
              className="kern-btn kern-btn--tertiary kern-btn--small"
              aria-label={`${t.wizard.change}: ${step.title}`}
              onClick={() => onChange(i)}
            >
              <span className="kern-icon kern-icon--edit" aria-hidden="true" />
              <span className="kern-label">{t.wizard.change}</span>
            </button>
          </div>
          <StepAnswers fields={step.fields} entries={[...reviewEntries(step.fields, schema, uiSchema, data, lang, t), ...evidenceEntry(step.fields, schema, data, t.wizard.evidenceFile)]} />
        </section>
      ))}
    </div>
  );
}

/** The uploaded evidence by file name (the upload field is not a plain answer, so reviewEntries skips it). */
function evidenceEntry(fields: string[], schema: RJSFSchema, data: Record<string, unknown>, fallback: (n: number) => string): ReviewEntry[] {
  const ids = data.evidenceIds;
  if (!fields.includes('evidenceIds') || !Array.isArray(ids) || ids.length === 0) return [];
  const title = String((schema.properties?.evidenceIds as { title?: string } | undefined)?.title ?? '');
  const value = ids.map((id, i) => uploadedName(String(id)) ?? fallback(i + 1)).join(', ');
  return [{ kind: 'value', key: 'evidenceIds', label: title, value }];
}

function StepAnswers({ fields, entries }: { fields: string[]; entries: ReviewEntry[] }) {
  const { t } = useI18n();
  if (entries.length) return <Entries entries={entries} />;
  return <p className="kern-body">{fields.includes('evidenceIds') ? t.wizard.evidenceLater : t.wizard.noAnswers}</p>;
}

function Entries({ entries }: { entries: ReviewEntry[] }) {
  // Runs of plain answers become one description list; a group (an object field) gets its own heading.
  const chunks: ReviewEntry[][] = [];
  for (const entry of entries) {
    const last = chunks.at(-1);
    if (entry.kind === 'value' && last?.[0]?.kind === 'value') last.push(entry);
    else chunks.push([entry]);
  }
  return (
    <>
      {chunks.map((chunk) => {
        const first = chunk[0]!;
        if (first.kind === 'group') {
          return (
            <div key={first.key} className="review-group">
              <h4 className="review-group__title">{first.label}</h4>
              <Entries entries={first.entries} />
            </div>
          );
        }
        return (
          <dl key={first.key} className="kern-description-list">
            {chunk.map((e) =>
              e.kind === 'value' ? (
                <div key={e.key} className="kern-description-list-item">
                  <dt className="kern-description-list-item__key">{e.label}</dt>
                  <dd className="kern-description-list-item__value">{e.value}</dd>
                </div>
              ) : null,
            )}
          </dl>
        );
      })}
    </>
  );
}
