import { StaffGate } from '../../../components/staff-gate.js';
import { useI18n, usePageTitle } from '../../../i18n.js';
import { FormEditor } from './form-editor.js';
import { FormList } from './form-list.js';

/** /dienst/formulare[/:formId] – process designers edit, check, publish and restore forms. */
export function DesignerPage({ formId }: { formId?: string }) {
  const { t } = useI18n();
  const title = formId ? t.designer.editTitle(formId) : t.designer.title;
  usePageTitle(title);
  return (
    <>
      <h1 className="kern-heading-x-large">{title}</h1>
      <StaffGate roles={['designer']}>{formId ? <FormEditor formId={formId} /> : <FormList />}</StaffGate>
    </>
  );
}
