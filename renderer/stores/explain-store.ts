/**
 * The explainer's state: the passive explanation of the current exchange (fetched whenever an exchange
 * completes) and, on request, the full diagnosis with probes, probe by probe as they finish.
 */
import { create } from 'zustand';
import type { AppError } from '../../app/common/result';
import type { DiagnosisReport, Explanation, ProbeRecord } from '../../app/contract/diagnosis-ops';
import type { ExchangeRecord, RequestSpecInput } from '../../app/contract/exchange';
import { call, subscribe } from '../host';

export type ProbeStatus = 'idle' | 'running' | 'done' | 'failed';

interface ExplainState {
  exchangeId?: string;
  explanation?: Explanation;
  explainError?: AppError;
  probeStatus: ProbeStatus;
  diagnosisId?: string;
  liveProbes: ProbeRecord[];
  probeTotal: number;
  report?: DiagnosisReport;
  probeError?: AppError;
  allowUnsafe: boolean;
  /** Probe whose raw exchange is open in the panel. */
  openProbeId?: string;
  explain(exchange: ExchangeRecord): Promise<void>;
  runProbes(exchange: ExchangeRecord, spec: RequestSpecInput | undefined, raw: { target: string; bytesBase64: string } | undefined): Promise<void>;
  setAllowUnsafe(allow: boolean): void;
  openProbe(id: string | undefined): void;
  reset(): void;
}

let counter = 0;

export const useExplainStore = create<ExplainState>()((set, get) => {
  subscribe('diagnosis:probe', (p) => {
    if (p.diagnosisId !== get().diagnosisId) return;
    set((s) => ({ liveProbes: [...s.liveProbes.filter((x) => x.id !== p.probe.id), p.probe], probeTotal: p.total }));
  });
  return {
    probeStatus: 'idle',
    liveProbes: [],
    probeTotal: 0,
    allowUnsafe: false,
    explain: async (exchange) => {
      set({ exchangeId: exchange.id, explanation: undefined, explainError: undefined, report: undefined, probeStatus: 'idle', liveProbes: [], probeError: undefined, openProbeId: undefined });
      const result = await call('diagnosis:explain', { exchange });
      if (get().exchangeId !== exchange.id) return;
      if (result.ok) set({ explanation: result.value });
      else set({ explainError: result.error });
    },
    runProbes: async (exchange, spec, raw) => {
      counter += 1;
      const diagnosisId = `dg${counter}${Date.now().toString(36)}`;
      set({ probeStatus: 'running', diagnosisId, liveProbes: [], probeTotal: 0, probeError: undefined, report: undefined });
      const original = raw ? { kind: 'raw' as const, request: raw } : spec ? { kind: 'spec' as const, request: spec } : undefined;
      if (!original) {
        set({ probeStatus: 'failed', probeError: { code: 'diagnosis.no-request', message: 'The request behind this exchange is not known, so probes cannot be derived from it; send it again.' } });
        return;
      }
      const result = await call('diagnosis:run', { diagnosisId, exchange, original, probes: { enabled: true, allowUnsafe: get().allowUnsafe } });
      if (get().diagnosisId !== diagnosisId) return;
      if (result.ok) set({ probeStatus: 'done', report: result.value, explanation: { ...result.value.explanation, findings: result.value.findings } });
      else set({ probeStatus: 'failed', probeError: result.error });
    },
    setAllowUnsafe: (allowUnsafe) => set({ allowUnsafe }),
    openProbe: (openProbeId) => set({ openProbeId }),
    reset: () => set({ exchangeId: undefined, explanation: undefined, report: undefined, probeStatus: 'idle', liveProbes: [] }),
  };
});
