/**
 * The OpenAPI audit: the spec text and base URL the user gave, the audit in flight (progress from
 * `audit:progress`) and its report. The classification is the host's (app/scan/audit/classify.ts).
 */
import { create } from 'zustand';
import { newId } from '../../app/common/ids';
import type { AppError } from '../../app/common/result';
import type { AuditReport } from '../../app/contract/run-ops';
import { call, subscribe } from '../host';

export interface AuditForm {
  spec: string;
  /** Empty: the spec's first absolute server URL. */
  baseUrl: string;
  allowUnsafe: boolean;
  undocumented: boolean;
  concurrency: number;
  ratePerSecond: number;
}

export interface AuditProgress {
  done: number;
  total: number;
  last?: { method: string; path: string; status: number | null };
}

interface AuditState {
  open: boolean;
  form: AuditForm;
  auditId?: string;
  running: boolean;
  progress?: AuditProgress;
  report?: AuditReport & { markdown: string };
  error?: AppError;
  show(open: boolean): void;
  setForm(patch: Partial<AuditForm>): void;
  run(): Promise<void>;
  cancel(): Promise<void>;
}

export const DEFAULT_AUDIT_FORM: AuditForm = {
  spec: '',
  baseUrl: '',
  allowUnsafe: false,
  undocumented: true,
  concurrency: 4,
  ratePerSecond: 20,
};

export const useAuditStore = create<AuditState>()((set, get) => {
  subscribe('audit:progress', (p) => {
    if (p.auditId !== get().auditId) return;
    set({
      progress: { done: p.done, total: p.total, last: { method: p.method, path: p.path, status: p.status } },
    });
  });
  return {
    open: false,
    form: DEFAULT_AUDIT_FORM,
    running: false,
    show: (open) => set({ open }),
    setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch } })),
    run: async () => {
      const { form } = get();
      const auditId = newId('audit');
      set({ auditId, running: true, error: undefined, report: undefined, progress: { done: 0, total: 0 } });
      const result = await call('audit:run', {
        spec: { kind: 'text', text: form.spec },
        ...(form.baseUrl.trim() ? { baseUrl: form.baseUrl.trim() } : {}),
        allowUnsafe: form.allowUnsafe,
        undocumented: form.undocumented,
        concurrency: form.concurrency,
        ratePerSecond: form.ratePerSecond,
        auditId,
      });
      if (get().auditId !== auditId) return;
      if (result.ok) set({ running: false, report: result.value });
      else set({ running: false, error: result.error });
    },
    cancel: async () => {
      const { auditId, running } = get();
      if (auditId && running) await call('audit:cancel', { auditId });
    },
  };
});
