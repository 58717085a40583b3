/**
 * The full diagnosis: the passive explanation, then (for a 501, when enabled) the probes, whose
 * evidence is folded into the same ranked findings.
 */
import type {
  DiagnosisReport,
  OriginalRequest,
  ProbeOptions,
  ProbeRecord,
  SkippedProbe,
} from '../contract/diagnosis-ops';
import type { ExchangeRecord } from '../contract/exchange';
import { explainSignals } from './explain';
import { analyseProbes } from './probe-analysis';
import { runProbes, type ProbeTransport } from './probe-run';
import { planProbes } from './probes';
import { extractSignals } from './signals';

export interface DiagnoseHooks {
  onProbe?: (record: ProbeRecord, done: number, total: number) => void;
  signal?: AbortSignal;
  transport?: ProbeTransport;
  tempDir?: string;
}

export async function diagnoseExchange(
  exchange: ExchangeRecord,
  original: OriginalRequest,
  options: ProbeOptions,
  hooks: DiagnoseHooks = {},
): Promise<DiagnosisReport> {
  const s = extractSignals(exchange);
  let skipped: SkippedProbe[] = [];
  let probeNote: string | null = null;
  let records: ProbeRecord[] = [];
  let observations = null;
  if (s.status !== 501) {
    probeNote = `no probes: they diagnose 501 responses, and this one is ${s.status}`;
  } else if (!options.enabled) {
    probeNote = 'no probes: turned off for this run (passive diagnosis from the response alone)';
  } else {
    const plan = planProbes(s, original, options);
    skipped = plan.skipped;
    const run = await runProbes(plan.probes, {
      deadlineMs: options.timeoutMs * 2,
      ...(hooks.transport ? { transport: hooks.transport } : {}),
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      ...(hooks.tempDir !== undefined ? { tempDir: hooks.tempDir } : {}),
      ...(hooks.onProbe ? { onProbe: hooks.onProbe } : {}),
    });
    records = run.records;
    observations = analyseProbes(s, run.outcomes);
  }
  const explanation = explainSignals(exchange, s, observations, records);
  return {
    exchange,
    explanation,
    findings: explanation.findings,
    probes: records,
    skippedProbes: skipped,
    probeNote,
  };
}
