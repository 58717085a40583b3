/**
 * Runs the diagnosis over corpus cases, passively or with probes against a replay server of the same
 * recorded server, and compares the top finding with the label. Shared by the accuracy script
 * (app/diagnosis/accuracy.ts) and the corpus tests.
 */
import type { CauseId } from '../../contract/collection';
import type { Finding, ProbeRecord } from '../../contract/diagnosis-ops';
import { diagnoseExchange } from '../diagnose';
import { explainExchange } from '../explain';
import { exchangeFromCase, labelCause, requestBytes, requestTarget, type CorpusCase } from './corpus';
import { startReplayServer } from './replay-server';

export interface CaseResult {
  c: CorpusCase;
  want: CauseId | null;
  findings: Finding[];
  ok: boolean;
  /** A finding names proxy-originated although the origin answered (the label says otherwise). */
  proxyViolation: boolean;
  probes: ProbeRecord[];
}

function judge(c: CorpusCase, findings: Finding[], probes: ProbeRecord[]): CaseResult {
  const want = labelCause(c.label);
  const ok = want === null ? findings.length === 0 : findings[0]?.cause === want;
  const proxyViolation = want !== 'proxy-originated' && findings.some((f) => f.cause === 'proxy-originated');
  return { c, want, findings, ok, proxyViolation, probes };
}

export function evaluatePassive(cases: readonly CorpusCase[]): CaseResult[] {
  return cases.map((c) => judge(c, explainExchange(exchangeFromCase(c)).findings, []));
}

/** Probes run with consent for unsafe methods: the replay server has no state to harm. */
export async function evaluateWithProbes(
  cases: readonly CorpusCase[],
  all: readonly CorpusCase[],
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const groups = [...new Set(cases.map((c) => c.group))];
  for (const group of groups) {
    const server = await startReplayServer(all.filter((c) => c.group === group));
    try {
      for (const c of cases.filter((x) => x.group === group)) {
        server.setPrimary(requestTarget(c));
        const exchange = exchangeFromCase(c, server.url);
        const report = await diagnoseExchange(
          exchange,
          {
            kind: 'raw',
            request: {
              target: server.url,
              bytesBase64: requestBytes(c).toString('base64'),
              timeoutMs: 2000,
              rejectUnauthorized: true,
            },
          },
          { enabled: true, allowUnsafe: true, timeoutMs: 2000 },
        );
        results.push(judge(c, report.findings, report.probes));
      }
    } finally {
      await server.close();
    }
  }
  return results;
}

export function accuracy(results: readonly CaseResult[]): {
  total: number;
  correct: number;
  percent: number;
  proxyViolations: number;
} {
  const scored = results.filter((r) => r.want !== null);
  const correct = scored.filter((r) => r.ok).length;
  return {
    total: scored.length,
    correct,
    percent: scored.length === 0 ? 100 : Math.round((1000 * correct) / scored.length) / 10,
    proxyViolations: results.filter((r) => r.proxyViolation).length,
  };
}
