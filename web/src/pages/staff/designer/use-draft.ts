import { useMemo, useState } from 'react';
import type { FormDefinition } from '../../../api/types.js';
import { useI18n } from '../../../i18n.js';
import { parseJson, type Parsed } from './parse-json.js';

export type DraftPart = 'schema' | 'uiSchema' | 'texts';
export const PARTS: DraftPart[] = ['schema', 'uiSchema', 'texts'];

const pretty = (value: unknown) => JSON.stringify(value ?? {}, null, 2);

/** The three JSON texts being edited, their parse results, and the draft built from them. */
export function useDraft(form: FormDefinition) {
  const { t } = useI18n();
  const initial = () => ({ schema: pretty(form.schema), uiSchema: pretty(form.uiSchema), texts: pretty(form.texts) });
  const [text, setText] = useState<Record<DraftPart, string>>(initial);
  const parsed = useMemo(
    () => Object.fromEntries(PARTS.map((p) => [p, parseJson(text[p], t.designer.notObject)])) as Record<DraftPart, Parsed>,
    [text, t],
  );
  const body = useMemo(() => {
    const { schema, uiSchema, texts } = parsed;
    if (!schema.ok || !uiSchema.ok || !texts.ok) return undefined;
    return { schema: schema.value, uiSchema: uiSchema.value, texts: texts.value };
  }, [parsed]);
  /** The draft as the preview renders it (the published form with the edited parts). */
  const preview = useMemo<FormDefinition | undefined>(
    () => (body ? { ...form, schema: body.schema, uiSchema: body.uiSchema, texts: body.texts as FormDefinition['texts'] } : undefined),
    [form, body],
  );
  return {
    text,
    parsed,
    body,
    preview,
    set: (part: DraftPart, value: string) => setText((old) => ({ ...old, [part]: value })),
    reset: () => setText(initial()),
  };
}
