/**
 * Operations of the diagnosis domain, and the shapes of what it returns: the status explanation every
 * response gets, and for 501 the findings (cause, evidence, next steps) and the probes behind them.
 * The shapes live here, not in app/diagnosis, so the renderer can type-import them from the contract.
 */
import { z } from 'zod';
import { exchangeRecordSchema } from './exchange-record-schema';
import type { CauseId } from './collection';
import { operation } from './define';
import {
  rawRequestSchema,
  requestSpecSchema,
  type ExchangeRecord,
  type HeaderPair,
} from './exchange';

export { exchangeRecordSchema } from './exchange-record-schema';

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** One piece of evidence, read as "observed → inference". */
export interface Evidence {
  observed: string;
  inference: string;
  /** `response`, `request`, or the id of the probe whose exchange showed it (`probe:control-get`). */
  source: string;
}

/** What a UI button does for a next step. A closed union: every switch over `kind` ends in assertNever. */
export type NextAction =
  | { kind: 'retry-with-method'; method: string }
  | { kind: 'retry-with-header'; name: string; value: string; method?: string }
  | { kind: 'retry-without-header'; name: string }
  | { kind: 'open-url'; url: string }
  | { kind: 'copy-report' };
export const NEXT_ACTION_KINDS = [
  'retry-with-method',
  'retry-with-header',
  'retry-without-header',
  'open-url',
  'copy-report',
] as const;
export type NextActionKind = NextAction['kind'];

export interface NextStep {
  title: string;
  detail: string;
  action?: NextAction;
}

export interface Finding {
  cause: CauseId;
  confidence: Confidence;
  /** 0–1; findings are ordered by it. */
  score: number;
  summary: string;
  evidence: Evidence[];
  /** The RFC section that defines the situation. */
  ref: string;
  nextSteps: NextStep[];
  /** Present when the evidence is thin or conflicting: what observation would settle it. */
  settle?: string;
}

export const LINT_LEVELS = ['violation', 'warning', 'note'] as const;
export type LintLevel = (typeof LINT_LEVELS)[number];

/** Something the response should (or must) carry and does not, or carries wrongly. */
export interface LintIssue {
  id: string;
  level: LintLevel;
  /** The BCP 14 keyword of the rule broken. */
  keyword: 'MUST' | 'SHOULD' | 'MAY';
  header?: string;
  message: string;
  ref: string;
}

export interface StatusExplanation {
  code: number;
  /** The registered reason phrase, or null for an unregistered code. */
  registeredReason: string | null;
  /** The reason phrase exactly as sent. */
  sentReason: string;
  statusClass: string;
  ref: string | null;
  meaning: string;
  cacheableByDefault: boolean;
  retry: { semantics: string; advice: string };
  /** Codes this one is mixed up with, and how to tell them apart. */
  confusions: { code: number; rule: string }[];
  /** Remarks on this particular response (an unusual reason phrase, a 501 to GET, …). */
  notes: string[];
}

export const HOP_ROLES = ['client', 'proxy', 'origin'] as const;
export type HopRole = (typeof HOP_ROLES)[number];

export interface HopNode {
  role: HopRole;
  /** `nginx 1.22.1`, `Via: 1.1 cache-1 (squid/5.7)`, `origin (unidentified)`. */
  label: string;
  fingerprint?: string;
  /** Where this hop was learned from: `Via`, `Server`, `body`, `probe:control-get`. */
  source: string;
  /** True for the hop that wrote the response. */
  authored: boolean;
}

export interface HopDiagram {
  /** client first, origin last. */
  hops: HopNode[];
  /** How sure the engine is about which hop authored the response. */
  authorConfidence: Confidence;
  note: string;
}

/** Who wrote the response, as far as the passive signals tell. */
export interface AuthorGuess {
  /** Fingerprint id (`nginx`, `squid`, `werkzeug`) or null when unidentified. */
  fingerprint: string | null;
  name: string;
  /** What kind of hop wrote it. `application` = the app's own body, not a server's error page. */
  kind: 'proxy' | 'server' | 'framework' | 'application' | 'unknown';
  confidence: Confidence;
}

export interface Explanation {
  status: StatusExplanation;
  lint: LintIssue[];
  /** Ranked by score; empty unless the status is 501. */
  findings: Finding[];
  author: AuthorGuess;
  hops: HopDiagram;
  /** The plain-text report (finding + raw exchange) a user can send to the API owner. */
  reportText: string;
}

export const PROBE_KINDS = [
  'control-get',
  'control-head',
  'options-target',
  'options-star',
  'sibling-path',
  'max-forwards',
  'cache-bypass',
  'without-feature',
  'method-upper',
] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export interface ProbeRequestView {
  method: string;
  url: string;
  /** The request-target as sent: a path with query, or `*` for OPTIONS * (RFC 9112 §3.2.4). */
  target: string;
  headers: HeaderPair[];
  mode: 'client' | 'raw';
}

export interface ProbeResponseView {
  status: number;
  reason: string;
  headers: HeaderPair[];
  /** Body preview (text), empty when none. */
  body: string;
}

export interface ProbeRecord {
  id: string;
  kind: ProbeKind;
  why: string;
  request: ProbeRequestView;
  response: ProbeResponseView | null;
  /** Transport failure, when the probe got no response. */
  error: { code: string; message: string } | null;
  /** The raw exchange: request head and response head as on the wire. */
  rawRequest: string;
  rawResponse: string;
  ms: number;
}

export interface SkippedProbe {
  kind: ProbeKind;
  why: string;
}

export interface DiagnosisReport {
  exchange: ExchangeRecord;
  explanation: Explanation;
  /** Same as explanation.findings once probes are folded in, ordered by score. */
  findings: Finding[];
  probes: ProbeRecord[];
  skippedProbes: SkippedProbe[];
  /** Why no probes ran at all (turned off, or the status is not 501), else null. */
  probeNote: string | null;
}

export const originalRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('spec'), request: requestSpecSchema }),
  z.object({ kind: z.literal('raw'), request: rawRequestSchema }),
]);
export type OriginalRequest = z.infer<typeof originalRequestSchema>;

export const probeOptionsSchema = z.object({
  /** Off → passive only. */
  enabled: z.boolean().default(true),
  /** Consent to send the original (unsafe) method to other URLs. */
  allowUnsafe: z.boolean().default(false),
  /** Bounds each probe. */
  timeoutMs: z.number().int().min(100).max(60_000).default(5_000),
});
export type ProbeOptions = z.infer<typeof probeOptionsSchema>;

const diagnosisId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

export const diagnosisOps = {
  /** Passive: the status explanation, lint, hops and (for 501) findings from the exchange alone. */
  'diagnosis:explain': operation<Explanation>()(z.object({ exchange: exchangeRecordSchema })),
  /** Passive plus active probes; each probe is pushed as `diagnosis:probe` when it completes. */
  'diagnosis:run': operation<DiagnosisReport>()(
    z.object({
      diagnosisId: diagnosisId.optional(),
      exchange: exchangeRecordSchema,
      original: originalRequestSchema,
      probes: probeOptionsSchema.default(probeOptionsSchema.parse({})),
    }),
  ),
};

export interface DiagnosisEvents {
  /** One probe finished (UI progress). */
  'diagnosis:probe': { diagnosisId: string; probe: ProbeRecord; done: number; total: number };
}
