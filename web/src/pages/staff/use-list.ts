import { useCallback, useEffect, useState } from 'react';
import { api, messageOf } from '../../api.js';

export type ListState<T> = { kind: 'loading' } | { kind: 'failed'; message: string } | { kind: 'ready'; items: T[] };

/** GET a `{ items: [...] }` list; reloads when the URL changes and on demand. */
export function useList<T>(url: string): [ListState<T>, () => Promise<void>] {
  const [state, setState] = useState<ListState<T>>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const { items } = await api<{ items: T[] }>(url);
      setState({ kind: 'ready', items });
    } catch (e) {
      setState({ kind: 'failed', message: messageOf(e) });
    }
  }, [url]);
  useEffect(() => {
    void load();
  }, [load]);
  return [state, load];
}
