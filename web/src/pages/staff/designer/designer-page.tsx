import { StaffGate } from '../../../components/staff-gate.js';
import { useI18n, usePageTitle } from '../../../i18n.js';
import { useFormDefinition } from '../use-form-definition.js';
import { FormEditor } from './form-editor.js';
import { FormList } from './form-list.js';

/** /dienst/formulare[/:formId] – process designers edit, check, publish and restore forms. */
export function DesignerPage({ formId }: { formId?: string }) {
  return formId ? <EditorPage key={formId} formId={formId} /> : <ListPage />;
}

function ListPage() {
  const { t } = useI18n();
  usePageTitle(t.designer.title);
  return (
    <>
      <h1 className="kern-heading-x-large">{t.designer.title}</h1>
      <StaffGate roles={['designer']}><FormList /></StaffGate>
    </>
  );
}

/** The form's own title in the page language names the page; the id only for a form never published. */
function EditorPage({ formId }: { formId: string }) {
  const { t, lang } = useI18n();
  const [definition] = useFormDefinition(formId);
  const name = definition.kind === 'ready' ? (definition.form.texts[lang] ?? definition.form.texts.de).title : formId;
  const title = t.designer.editTitle(name);
  usePageTitle(title);
  return (
    <>
      <h1 className="kern-heading-x-large">{title}</h1>
      <StaffGate roles={['designer']}><FormEditor formId={formId} /></StaffGate>
    </>
  );
}
