/**
 * The history of sent exchanges (kept by the host in the app's data dir): the list, filtered by the
 * host's query syntax (words match the URL or the method; `status:5xx`, `method:PATCH`), re-opening an
 * entry, saving one into a collection, clearing.
 */
import { create } from 'zustand';
import type { AppError } from '../../app/common/result';
import { call } from '../host';
import { specToDraft } from '../components/collections/draft-mapping';
import type { HistorySummary } from '../components/collections/types';
import { useExchangeStore } from './exchange-store';
import { useRawStore } from './raw-store';
import { useRequestStore } from './request-store';

interface HistoryState {
  entries: HistorySummary[];
  query: string;
  loading: boolean;
  error?: AppError;
  /** Id of the entry last re-opened, highlighted in the list. */
  openedId?: string;
  setQuery(query: string): void;
  reload(): Promise<void>;
  reopen(id: string): Promise<void>;
  clear(): Promise<number | undefined>;
  saveToCollection(id: string, root: string, folder: string, name: string): Promise<{ path: string; dropped: string[] } | AppError>;
}

let generation = 0;

export const useHistoryStore = create<HistoryState>()((set, get) => ({
  entries: [],
  query: '',
  loading: false,
  setQuery: (query) => {
    set({ query });
    void get().reload();
  },
  reload: async () => {
    const mine = ++generation;
    set({ loading: true });
    const listed = await call('history:list', { query: get().query, limit: 200 });
    // Typing fast sends several queries; only the newest answer is shown.
    if (mine !== generation) return;
    if (listed.ok) set({ entries: listed.value.entries, loading: false, error: undefined });
    else set({ loading: false, error: listed.error });
  },
  reopen: async (id) => {
    const entry = await call('history:get', { id });
    if (!entry.ok) {
      set({ error: entry.error });
      return;
    }
    const { request, exchange, source, raw } = entry.value;
    const name = source?.request?.name ?? `${request.method} ${request.url}`;
    if (raw) {
      // A raw-mode send comes back as raw mode: the exact bytes in the editor, the target in the URL bar.
      const bytes = atob(raw.bytesBase64);
      useRawStore.getState().setText(bytes.replace(/\r\n/g, '\n'));
      useRawStore.getState().setEnabled(true);
      useRequestStore.getState().load({ name, method: request.method, url: raw.target });
      useExchangeStore.getState().show(exchange, undefined, raw);
    } else {
      useRawStore.getState().setEnabled(false);
      // The request as it was sent (variables substituted): a scratch draft that re-sends exactly that.
      useRequestStore.getState().load(specToDraft(request, name));
      useExchangeStore.getState().show(exchange, request);
    }
    set({ openedId: id, error: undefined });
  },
  clear: async () => {
    const cleared = await call('history:clear', {});
    if (!cleared.ok) {
      set({ error: cleared.error });
      return undefined;
    }
    set({ entries: [], openedId: undefined, error: undefined });
    return cleared.value.removed;
  },
  saveToCollection: async (id, root, folder, name) => {
    const saved = await call('history:save-to-collection', { id, root, folder, name });
    return saved.ok ? { path: saved.value.path, dropped: saved.value.dropped } : saved.error;
  },
}));

// Any finished send may have added an entry (collection sends always do).
useExchangeStore.subscribe((now, before) => {
  if (now.status !== before.status && (now.status === 'done' || now.status === 'failed')) void useHistoryStore.getState().reload();
});
