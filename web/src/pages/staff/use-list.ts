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

export type PagedState<T> =
  | { kind: 'loading' }
  | { kind: 'failed'; message: string }
  | { kind: 'ready'; items: T[]; total: number; nextCursor: string | null; loadingMore: boolean; moreFailed?: string };

/**
 * GET a paged staff list (`{ items, nextCursor, total }`, newest first): the first page, and
 * `more()` appends the next one. Reloads from the first page when the URL changes and on demand.
 */
export function usePagedList<T>(url: string): [PagedState<T>, () => Promise<void>, () => Promise<void>] {
  const [state, setState] = useState<PagedState<T>>({ kind: 'loading' });
  const load = useCallback(async () => {
    setState({ kind: 'loading' });
    try {
      const page = await api<{ items: T[]; total: number; nextCursor: string | null }>(url);
      setState({ kind: 'ready', items: page.items, total: page.total, nextCursor: page.nextCursor, loadingMore: false });
    } catch (e) {
      setState({ kind: 'failed', message: messageOf(e) });
    }
  }, [url]);
  const more = useCallback(async () => {
    if (state.kind !== 'ready' || !state.nextCursor) return;
    const before = state;
    setState({ ...before, loadingMore: true, moreFailed: undefined });
    try {
      const sep = url.includes('?') ? '&' : '?';
      const page = await api<{ items: T[]; total: number; nextCursor: string | null }>(`${url}${sep}cursor=${encodeURIComponent(before.nextCursor!)}`);
      setState({ kind: 'ready', items: [...before.items, ...page.items], total: page.total, nextCursor: page.nextCursor, loadingMore: false });
    } catch (e) {
      setState({ ...before, loadingMore: false, moreFailed: messageOf(e) });
    }
  }, [state, url]);
  useEffect(() => {
    void load();
  }, [load]);
  return [state, load, more];
}
