import type { FieldProps } from '@rjsf/utils';
import { useI18n } from '../i18n.js';

/** Stands in for the attachment ids until uploads exist: the field's title and a note. */
export function EvidenceNoteField({ schema, fieldPathId }: FieldProps) {
  const { t } = useI18n();
  return (
    <div className="kern-form-input" id={fieldPathId.$id}>
      <p className="kern-label">{schema.title}</p>
      <p className="kern-hint">{t.wizard.evidenceLater}</p>
    </div>
  );
}
