import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';
import type { FormDefinition } from '../../api/types.js';

export type DefinitionState = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; form: FormDefinition };

/** Loads a form (schema, uiSchema, texts in both languages) from the form registry. */
export function useFormDefinition(formId: string): [DefinitionState, () => void] {
  const [state, setState] = useState<DefinitionState>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      setState({ kind: 'ready', form: await api<FormDefinition>(`/api/forms/${encodeURIComponent(formId)}`) });
    } catch (e) {
      setState({ kind: 'failed', message: messageOf(e) });
    }
  }, [formId]);
  useEffect(() => {
    void load();
  }, [load]);
  return [state, load];
}
