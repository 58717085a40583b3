/**
 * The passive diagnosis: from one exchange, the status explanation, the lint, who wrote the response,
 * the hop diagram and, for a 501, the ranked findings. No network; probes feed in through `probes`.
 */
import type { AuthorGuess, Explanation, ProbeRecord } from '../contract/diagnosis-ops';
import type { ExchangeRecord } from '../contract/exchange';
import type { AuthorAnalysis } from './author';
import { combineFindings } from './combine';
import { explainStatus } from './explain-status';
import { buildHops } from './hops';
import { lintResponse } from './lint';
import type { ProbeObservations } from './probe-analysis';
import { buildReport } from './report';
import { extractSignals, type PassiveSignals } from './signals';

export function authorGuess(a: AuthorAnalysis): AuthorGuess {
  const f = a.fingerprint?.fingerprint ?? (a.kind === 'framework' ? a.identity?.fingerprint : undefined);
  return {
    fingerprint: f?.id ?? null,
    name:
      f?.name ??
      (a.kind === 'application'
        ? 'the application'
        : a.kind === 'proxy' && a.hop
          ? `the proxy "${a.hop.name}" (named in Via)`
          : a.identity
            ? `${a.identity.fingerprint.name} (from headers)`
            : 'unidentified'),
    kind: a.kind,
    confidence: a.confidence,
  };
}

export function explainSignals(
  exchange: ExchangeRecord,
  s: PassiveSignals,
  p: ProbeObservations | null,
  probes: readonly ProbeRecord[] = [],
): Explanation {
  const status = explainStatus(s);
  const findings = s.status === 501 ? combineFindings({ s, p }) : [];
  return {
    status,
    lint: lintResponse(s),
    findings,
    author: authorGuess(s.author),
    hops: buildHops(s, findings, p),
    reportText: buildReport(exchange, status, findings, probes),
  };
}

/** Passive explanation of any exchange that got a response. */
export function explainExchange(exchange: ExchangeRecord): Explanation {
  return explainSignals(exchange, extractSignals(exchange), null);
}
