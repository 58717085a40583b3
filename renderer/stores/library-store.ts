/** The library dialog (Ctrl/Cmd+K): query, results, and the entry being read. */
import { create } from 'zustand';
import type { AppError } from '../../app/common/result';
import type { KnowledgeList } from '../../app/contract/knowledge-ops';
import { call } from '../host';

type SearchResults = Extract<Awaited<ReturnType<typeof call<'knowledge:search'>>>, { ok: true }>['value'];
export type LibraryKind = SearchResults[number]['kind'];

export type LibraryEntry =
  | { kind: 'status'; data: Extract<Awaited<ReturnType<typeof call<'knowledge:status'>>>, { ok: true }>['value'] }
  | { kind: 'method'; data: Extract<Awaited<ReturnType<typeof call<'knowledge:method'>>>, { ok: true }>['value'] }
  | { kind: 'comparison'; data: Extract<Awaited<ReturnType<typeof call<'knowledge:compare'>>>, { ok: true }>['value'] }
  | { kind: 'header'; data: Extract<Awaited<ReturnType<typeof call<'knowledge:header'>>>, { ok: true }>['value'] }
  | { kind: 'myth'; data: Extract<Awaited<ReturnType<typeof call<'knowledge:myth'>>>, { ok: true }>['value'] };

interface LibraryState {
  open: boolean;
  query: string;
  results: SearchResults;
  toc?: KnowledgeList;
  entry?: LibraryEntry;
  error?: AppError;
  show(open: boolean): void;
  search(query: string): Promise<void>;
  select(kind: LibraryKind, id: string): Promise<void>;
  compare(codes: number[]): Promise<void>;
}

let seq = 0;

export const useLibraryStore = create<LibraryState>()((set, get) => ({
  open: false,
  query: '',
  results: [],
  show: (open) => {
    set({ open });
    if (open && !get().toc) void call('knowledge:list', {}).then((r) => r.ok && set({ toc: r.value }));
  },
  search: async (query) => {
    set({ query });
    const mine = ++seq;
    if (query.trim() === '') return set({ results: [] });
    const r = await call('knowledge:search', { query, limit: 12 });
    if (mine === seq) set(r.ok ? { results: r.value, error: undefined } : { error: r.error });
  },
  select: async (kind, id) => {
    const done = (r: { ok: true; value: unknown } | { ok: false; error: AppError }, make: (v: never) => LibraryEntry) =>
      set(r.ok ? { entry: make(r.value as never), error: undefined } : { error: r.error });
    switch (kind) {
      case 'status':
        return done(await call('knowledge:status', { code: Number(id) }), (data) => ({ kind: 'status', data }));
      case 'method':
        return done(await call('knowledge:method', { name: id }), (data) => ({ kind: 'method', data }));
      case 'comparison':
        return done(await call('knowledge:comparison', { id }), (data) => ({ kind: 'comparison', data }));
      case 'header':
        return done(await call('knowledge:header', { name: id }), (data) => ({ kind: 'header', data }));
      case 'myth':
        return done(await call('knowledge:myth', { id }), (data) => ({ kind: 'myth', data }));
    }
  },
  compare: async (codes) => {
    const r = await call('knowledge:compare', { codes });
    set(r.ok ? { entry: { kind: 'comparison', data: r.value }, error: undefined } : { error: r.error });
  },
}));
