/**
 * The collection runner: which collection or folder runs, with which environment and options, the run
 * in flight (one line per finished request from `run:progress`) and its report with every assertion.
 */
import { create } from 'zustand';
import { newId } from '../../app/common/ids';
import type { AppError } from '../../app/common/result';
import type { RunEvents, RunReport } from '../../app/contract/run-ops';
import { call, subscribe } from '../host';
import type { TreeItem } from '../components/collections/types';
import { collectionOf, findItem } from './collection-store';

export interface RunTarget {
  root: string;
  /** A folder inside the collection; `''` runs the whole collection. */
  relPath: string;
  /** What the user sees: the collection's name, or the folder's. */
  label: string;
}

export interface RunOptions {
  /** `''` is no environment. */
  environment: string;
  bail: boolean;
  concurrency: number;
}

type Progress = RunEvents['run:progress'];

interface RunnerState {
  open: boolean;
  target?: RunTarget;
  options: RunOptions;
  runId?: string;
  running: boolean;
  /** Requests finished so far, in the order they finished. */
  live: Progress[];
  total: number;
  report?: RunReport;
  error?: AppError;
  /** Opens the runner on a collection or folder; the environment starts as the collection's selected one. */
  openFor(target: RunTarget): void;
  close(): void;
  setOptions(patch: Partial<RunOptions>): void;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Requests in the open collection under `relPath` ('' = the whole collection, or one request file). */
function requestsUnder(root: string, relPath: string): number {
  const tree = collectionOf(root)?.tree;
  if (!tree) return 0;
  const count = (items: TreeItem[]): number =>
    items.reduce((n, i) => n + (i.kind === 'request' ? 1 : i.kind === 'folder' ? count(i.items) : 0), 0);
  if (relPath === '') return count(tree.items);
  const item = findItem(tree.items, relPath);
  return item === undefined
    ? 0
    : item.kind === 'folder'
      ? count(item.items)
      : item.kind === 'request'
        ? 1
        : 0;
}

export const useRunnerStore = create<RunnerState>()((set, get) => {
  subscribe('run:progress', (p) => {
    if (p.runId !== get().runId) return;
    set((s) => ({ live: [...s.live, p], total: p.total }));
  });
  return {
    open: false,
    options: { environment: '', bail: false, concurrency: 1 },
    running: false,
    live: [],
    total: 0,
    openFor: (target) => {
      // While a run is going, the runner shows it; a second run waits until it ends or is stopped.
      if (get().running) return set({ open: true });
      const environment = collectionOf(target.root)?.environment ?? '';
      set((s) => ({
        open: true,
        target,
        options: { ...s.options, environment },
        report: undefined,
        error: undefined,
        live: [],
        total: 0,
      }));
    },
    close: () => set({ open: false }),
    setOptions: (patch) => set((s) => ({ options: { ...s.options, ...patch } })),
    start: async () => {
      const { target, options } = get();
      if (!target) return;
      const runId = newId('run');
      // The tree already says how many requests the run covers; progress events confirm it as they come.
      set({
        runId,
        running: true,
        live: [],
        total: requestsUnder(target.root, target.relPath),
        report: undefined,
        error: undefined,
      });
      const result = await call('run:start', {
        root: target.root,
        relPath: target.relPath,
        ...(options.environment ? { environment: options.environment } : {}),
        bail: options.bail,
        concurrency: options.concurrency,
        runId,
      });
      if (get().runId !== runId) return;
      if (result.ok) set({ running: false, report: result.value });
      else set({ running: false, error: result.error });
    },
    stop: async () => {
      const { runId, running } = get();
      if (runId && running) await call('run:stop', { runId });
    },
  };
});
