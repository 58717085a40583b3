/**
 * Merges the scorers' passive and probe evidence into ranked findings. Points become a score in 0–1
 * (1 − e^(−points/3)) and a confidence; a lead that is thin or close to the runner-up is marked down
 * and says what would settle it, rather than guessing confidently.
 */
import { assertNever } from '../common/result';
import { CAUSE_IDS, type CauseId } from '../contract/collection';
import type { Confidence, Finding } from '../contract/diagnosis-ops';
import { scoreEndpointStub } from './causes/endpoint-stub';
import { scoreMethodSpelling } from './causes/method-spelling';
import { scoreMethodUnsupported } from './causes/method-unsupported';
import { scoreMisused501 } from './causes/misused-501';
import { scoreProtocolFeature } from './causes/protocol-feature';
import { scoreProxyOriginated } from './causes/proxy-originated';
import { scoreServedFromCache } from './causes/served-from-cache';
import type { CauseInput, CauseScore } from './causes/tally';

/** Findings below this many points are not shown: a single weak hint is not a finding. */
const MIN_POINTS = 0.9;
/** Two findings closer than this in score are "not separated by the evidence". */
const CLOSE = 0.06;

function scoreOne(cause: CauseId, input: CauseInput): CauseScore {
  switch (cause) {
    case 'proxy-originated':
      return scoreProxyOriginated(input);
    case 'method-unsupported':
      return scoreMethodUnsupported(input);
    case 'endpoint-stub':
      return scoreEndpointStub(input);
    case 'protocol-feature':
      return scoreProtocolFeature(input);
    case 'served-from-cache':
      return scoreServedFromCache(input);
    case 'method-spelling':
      return scoreMethodSpelling(input);
    case 'misused-501':
      return scoreMisused501(input);
    default:
      return assertNever(cause, 'cause');
  }
}

export function toScore(points: number): number {
  return points <= 0 ? 0 : Math.round((1 - Math.exp(-points / 3)) * 1000) / 1000;
}

export function confidenceOf(score: number): Confidence {
  return score >= 0.75 ? 'high' : score >= 0.45 ? 'medium' : 'low';
}

const lower = (c: Confidence): Confidence => (c === 'high' ? 'medium' : 'low');

/**
 * A proxy that wrote the 501 did so for a reason (the method, a transfer coding); once the proxy is
 * proven, that reason's evidence belongs to the proxy finding as well, so "who" ranks above "why".
 */
function foldProxyReason(scores: CauseScore[], input: CauseInput): void {
  const proxy = scores.find((c) => c.cause === 'proxy-originated');
  if (!proxy || proxy.points < 3) return;
  const reasons = scores.filter(
    (c) =>
      c.cause === 'protocol-feature' || c.cause === 'method-unsupported' || c.cause === 'method-spelling',
  );
  const best = reasons.reduce<CauseScore | null>((a, b) => (a === null || b.points > a.points ? b : a), null);
  if (!best || best.points <= 0) return;
  proxy.points += best.points * 0.6;
  const seen = new Set(proxy.evidence.map((e) => e.observed));
  proxy.evidence.push(...best.evidence.filter((e) => !seen.has(e.observed)).slice(0, 2));
  const s = input.s;
  const te = s.features.unusualTransferEncoding;
  proxy.summary +=
    best.cause === 'protocol-feature' && te
      ? ` It refuses Transfer-Encoding: ${te}.`
      : best.cause === 'method-unsupported'
        ? ` It refuses the method ${s.method}.`
        : best.cause === 'method-spelling'
          ? ` It refuses the method token "${s.method}"${s.methodFacts.suggestions[0] ? ` (${s.methodFacts.suggestions[0].method} is the registered spelling)` : ''}.`
          : '';
}

function toFinding(c: CauseScore): Finding {
  const score = toScore(c.points);
  return {
    cause: c.cause,
    confidence: confidenceOf(score),
    score,
    summary: c.summary,
    evidence: [...c.evidence, ...c.against.map((e) => ({ ...e, inference: `against: ${e.inference}` }))],
    ref: c.ref,
    nextSteps: c.nextSteps,
    ...(c.settle !== undefined && score < 0.75 ? { settle: c.settle } : {}),
  };
}

/** When nothing scores, say so with the default reading of a 501 and how to learn more. */
function thinFinding(input: CauseInput): Finding {
  const s = input.s;
  const stub = s.methodFacts.mustBeSupported;
  const base = stub ? scoreEndpointStub(input) : scoreMethodUnsupported(input);
  return {
    ...toFinding({ ...base, points: 0.5 }),
    confidence: 'low',
    summary:
      `${base.summary} (The response carries almost no evidence; this is the default reading of a 501 ${stub ? `to ${s.method}` : ''}.)`.replace(
        ' )',
        ')',
      ),
    settle: input.p
      ? base.settle
      : `Run the probes (a control GET, OPTIONS, the method on a sibling path): the response alone does not tell. ${base.settle ?? ''}`.trim(),
  };
}

/**
 * Pairs that answer different questions and so do not compete: a misspelt method is also a method the
 * server does not implement; a cached 501 still had a cause; a proxy refused for a reason.
 */
function complementary(a: CauseId, b: CauseId): boolean {
  const pair = new Set([a, b]);
  if (pair.has('served-from-cache')) return true;
  // A misspelt method is also one the server does not implement; but which one to fix is a real
  // question when both tie (passively), so that pair is a close call the method-upper probe settles.
  if (pair.has('method-spelling')) return !pair.has('method-unsupported');
  return pair.has('proxy-originated') && (pair.has('protocol-feature') || pair.has('method-unsupported'));
}

export function combineFindings(input: CauseInput): Finding[] {
  const scores = CAUSE_IDS.map((cause) => scoreOne(cause, input));
  foldProxyReason(scores, input);
  const findings = scores
    .filter((c) => c.points >= MIN_POINTS)
    .map(toFinding)
    .sort((a, b) => b.score - a.score || CAUSE_IDS.indexOf(a.cause) - CAUSE_IDS.indexOf(b.cause));
  if (findings.length === 0) return [thinFinding(input)];
  const [top, second] = findings;
  if (top && second && top.score - second.score < CLOSE && !complementary(top.cause, second.cause)) {
    // The evidence does not separate the two: both stay, the lead is marked down and says how to settle it.
    top.confidence = lower(top.confidence);
    const spelling = [top, second].find((f) => f.cause === 'method-spelling');
    const settle =
      scores.find((c) => c.cause === spelling?.cause)?.settle ??
      top.settle ??
      second.settle ??
      scores.find((c) => c.cause === top.cause)?.settle;
    if (settle) top.settle = `The evidence barely separates ${top.cause} from ${second.cause}. ${settle}`;
  }
  return findings;
}
