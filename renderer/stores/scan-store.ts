/**
 * The capability scan's form, its dry-run plan, the scan in flight (progress from `scan:progress`) and
 * the matrix it produced. The host decides what is sent and what is skipped (app/scan/plan.ts); this
 * store only asks, so the plan shown is exactly what `scan:run` sends.
 */
import { create } from 'zustand';
import { newId } from '../../app/common/ids';
import type { AppError } from '../../app/common/result';
import type {
  MethodSet,
  PlannedCell,
  ScanCell,
  ScanExportFormat,
  ScanMatrix,
  ScanPlan,
  ScanRequestInput,
  ScanRow,
} from '../../app/contract/run-ops';
import { call, subscribe } from '../host';
import { collectionOf } from './collection-store';

export type ScanSource = 'url' | 'collection';

export interface ScanForm {
  source: ScanSource;
  /** One URL per line. */
  urls: string;
  root: string;
  relPath: string;
  methodSets: MethodSet[];
  /** Extra tokens, separated by spaces or commas; case kept. */
  extraMethods: string;
  allowUnsafe: boolean;
  concurrency: number;
  ratePerSecond: number;
}

export interface ScanProgress {
  done: number;
  total: number;
  last?: { url: string; method: string; status: number | null };
}

interface ScanState {
  open: boolean;
  form: ScanForm;
  plan?: ScanPlan;
  /**
   * The form's request planned without consent, refreshed as the form changes: the columns it makes and,
   * for named URLs, the methods that go only with consent (the consent sentence is worded from these).
   */
  preview?: ScanPreview;
  scanId?: string;
  running: boolean;
  progress?: ScanProgress;
  matrix?: ScanMatrix;
  error?: AppError;
  selected?: { row: number; method: string };
  show(open: boolean, prefill?: Partial<ScanForm>): void;
  setForm(patch: Partial<ScanForm>): void;
  refreshPreview(): Promise<void>;
  showPlan(): Promise<void>;
  run(): Promise<void>;
  cancel(): Promise<void>;
  select(selected: ScanState['selected']): void;
  exportAs(format: ScanExportFormat): Promise<{ text: string; mediaType: string } | undefined>;
}

export interface ScanPreview {
  key: string;
  columns: Array<Pick<PlannedCell, 'method' | 'set' | 'safety'>>;
  consentMethods: string[];
  namedUrls: string[];
}

export const DEFAULT_SCAN_FORM: ScanForm = {
  source: 'url',
  urls: '',
  root: '',
  relPath: '',
  methodSets: ['standard', 'webdav', 'query', 'unknown', 'lowercase'],
  extraMethods: '',
  allowUnsafe: false,
  concurrency: 4,
  ratePerSecond: 20,
};

export function urlList(text: string): string[] {
  return text
    .split('\n')
    .map((u) => u.trim())
    .filter((u) => u !== '');
}

export function extraList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((m) => m.trim())
    .filter((m) => m !== '');
}

/** The environment is the collection's selected one (the collection store knows it). */
export function scanRequest(
  form: ScanForm,
  environment: string | undefined,
  allowUnsafe = form.allowUnsafe,
): ScanRequestInput {
  const target: ScanRequestInput['target'] =
    form.source === 'url'
      ? { kind: 'urls', urls: urlList(form.urls) }
      : {
          kind: 'collection',
          root: form.root,
          relPath: form.relPath,
          ...(environment ? { environment } : {}),
        };
  return {
    target,
    methodSets: form.methodSets,
    extraMethods: extraList(form.extraMethods),
    allowUnsafe,
    concurrency: form.concurrency,
    ratePerSecond: form.ratePerSecond,
  };
}

export function cellOf(
  matrix: ScanMatrix | undefined,
  selected: ScanState['selected'],
): { row: ScanRow; cell: ScanCell } | undefined {
  if (!matrix || !selected) return undefined;
  const row = matrix.rows[selected.row];
  const cell = row?.cells.find((c) => c.method === selected.method);
  return row && cell ? { row, cell } : undefined;
}

export const useScanStore = create<ScanState>()((set, get) => {
  subscribe('scan:progress', (p) => {
    if (p.scanId !== get().scanId) return;
    set({
      progress: { done: p.done, total: p.total, last: { url: p.url, method: p.method, status: p.status } },
    });
  });
  const request = (allowUnsafe?: boolean) => {
    const { form } = get();
    return scanRequest(
      form,
      form.source === 'collection' ? collectionOf(form.root)?.environment : undefined,
      allowUnsafe,
    );
  };
  return {
    open: false,
    form: DEFAULT_SCAN_FORM,
    running: false,
    show: (open, prefill) => set((s) => ({ open, ...(prefill ? { form: { ...s.form, ...prefill } } : {}) })),
    setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch }, plan: undefined })),
    refreshPreview: async () => {
      const { form } = get();
      const empty = form.source === 'url' ? urlList(form.urls).length === 0 : form.root === '';
      if (empty) return set({ preview: undefined });
      const input = request(false);
      const key = JSON.stringify(input);
      if (get().preview?.key === key) return;
      const planned = await call('scan:plan', input);
      if (JSON.stringify(request(false)) !== key) return;
      if (!planned.ok) return set({ preview: undefined });
      const { targets, methods } = planned.value;
      const cells = targets.flatMap((t) => t.cells);
      const columns = methods.flatMap((method) => {
        const c = cells.find((x) => x.method === method);
        return c ? [{ method, set: c.set, safety: c.safety }] : [];
      });
      // Cells a named URL would send only with consent are exactly the ones this plan skips.
      const named = targets.filter((t) => t.named);
      const consentMethods = methods.filter((m) =>
        named.some((t) => t.cells.some((c) => c.method === m && !c.send)),
      );
      set({ preview: { key, columns, consentMethods, namedUrls: named.map((t) => t.url) } });
    },
    showPlan: async () => {
      const planned = await call('scan:plan', request());
      if (planned.ok) set({ plan: planned.value, error: undefined });
      else set({ plan: undefined, error: planned.error });
    },
    run: async () => {
      const scanId = newId('scan');
      set({
        scanId,
        running: true,
        error: undefined,
        progress: { done: 0, total: 0 },
        matrix: undefined,
        selected: undefined,
      });
      const result = await call('scan:run', { ...request(), scanId });
      if (get().scanId !== scanId) return;
      if (result.ok) set({ running: false, matrix: result.value, plan: undefined });
      else set({ running: false, error: result.error });
    },
    cancel: async () => {
      const { scanId, running } = get();
      if (scanId && running) await call('scan:cancel', { scanId });
    },
    select: (selected) => set({ selected }),
    exportAs: async (format) => {
      const matrix = get().matrix;
      if (!matrix) return undefined;
      const out = await call('scan:export', { matrix, format });
      if (out.ok) return out.value;
      set({ error: out.error });
      return undefined;
    },
  };
});
