/**
 * Operations of the run domain: what an API really implements (the capability matrix, `scan:*`), how a
 * server measures up to its OpenAPI document (`audit:*`), and running a collection's requests with their
 * assertions (`run:*`, the CI runner). The result shapes live here so the renderer can type-import them.
 */
import { z } from 'zod';
import { exchangeRecordSchema } from './exchange-record-schema';
import { CAUSE_IDS, type Assertion, type CauseId } from './collection';
import { operation } from './define';
import { headerPairSchema } from './exchange';

const runId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

// ---------------------------------------------------------------------------------------------------
// Capability matrix

/** Groups of methods a scan can send (app/scan/methods.ts lists each group's tokens and why). */
export const METHOD_SETS = ['standard', 'webdav', 'query', 'unknown', 'lowercase'] as const;
export type MethodSet = (typeof METHOD_SETS)[number];

/**
 * `safe` / `unsafe`: RFC 9110 §9.2.1, the IANA registry's column (a case variant takes its method's).
 * `unregistered`: no registry lists it; only the scan's own unknown token is sent without consent.
 */
export const METHOD_SAFETIES = ['safe', 'unsafe', 'unregistered'] as const;
export type MethodSafety = (typeof METHOD_SAFETIES)[number];

export const scanTargetSchema = z.discriminatedUnion('kind', [
  /** URLs the user names: the only targets unsafe methods may go to, and only with `allowUnsafe`. */
  z.object({ kind: z.literal('urls'), urls: z.array(z.string().min(1).max(8192)).min(1).max(500) }),
  /** Every request of a collection folder (URL and headers resolved with the environment); safe methods only. */
  z.object({
    kind: z.literal('collection'),
    root: z.string().min(1),
    relPath: z.string().default(''),
    environment: z.string().optional(),
  }),
]);
export type ScanTarget = z.infer<typeof scanTargetSchema>;

export const scanRequestSchema = z.object({
  target: scanTargetSchema,
  methodSets: z.array(z.enum(METHOD_SETS)).default([...METHOD_SETS]),
  /** Extra tokens to try, case kept (`BREW`, `purge`). */
  extraMethods: z.array(z.string().min(1).max(64)).max(64).default([]),
  allowUnsafe: z.boolean().default(false),
  /** Added to every request of the scan (e.g. Authorization). */
  headers: z.array(headerPairSchema).max(100).default([]),
  concurrency: z.number().int().min(1).max(32).default(4),
  ratePerSecond: z.number().min(0.1).max(1000).default(20),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
});
export type ScanRequest = z.infer<typeof scanRequestSchema>;
export type ScanRequestInput = z.input<typeof scanRequestSchema>;

const causeField = z.enum(CAUSE_IDS);

export const plannedCellSchema = z.object({
  method: z.string(),
  set: z.enum([...METHOD_SETS, 'options', 'extra']),
  safety: z.enum(METHOD_SAFETIES),
  send: z.boolean(),
  /** Why the cell is not sent (an unsafe method without consent, or to a URL the user did not name). */
  skipReason: z.string().optional(),
});
export type PlannedCell = z.infer<typeof plannedCellSchema>;

export interface PlannedTarget {
  url: string;
  /** The request's name for collection targets, else the URL. */
  label: string;
  /** Collection-relative path of the request, for collection targets. */
  source?: string;
  /** Headers every cell of this target carries. */
  headers: Array<[string, string]>;
  /** True when the user named this URL (unsafe methods may go there with consent). */
  named: boolean;
  cells: PlannedCell[];
}

const problemSchema = z.object({ source: z.string(), message: z.string() });

export interface ScanPlan {
  targets: PlannedTarget[];
  /** Column order of the matrix: OPTIONS first, then the chosen sets in order. */
  methods: string[];
  /** Targets that could not be planned (a broken request file, unresolved variables). */
  problems: Array<z.infer<typeof problemSchema>>;
  totals: { cells: number; toSend: number; skipped: number };
  limits: { concurrency: number; ratePerSecond: number; timeoutMs: number };
}

// The matrix comes back from the UI for `scan:export`, so it has a schema (the types derive from it).
export const scanCellSchema = plannedCellSchema.extend({
  status: z.number().int().optional(),
  reason: z.string().optional(),
  /** The `Allow` header of this response, split into members, when it carried one. */
  allow: z.array(z.string()).optional(),
  /** Who wrote the response (passive fingerprinting). */
  answeredBy: z.object({ fingerprint: z.string().nullable(), name: z.string(), kind: z.string() }).optional(),
  /** For a 501: the passive diagnosis' top cause. */
  cause: causeField.optional(),
  causeSummary: z.string().optional(),
  /** SHA-256 (hex, first 16 chars) of the decoded body; empty bodies have none. */
  bodyHash: z.string().optional(),
  bodyBytes: z.number().optional(),
  ms: z.number().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
  /** The exchange itself (body preview cut to 4 KB), so a cell opens with its wire view and explanation. */
  exchange: exchangeRecordSchema.optional(),
});
export type ScanCell = z.infer<typeof scanCellSchema>;

export const CONTRADICTION_KINDS = [
  'allowed-but-refused',
  '405-without-allow',
  '501-on-get-head',
  '404-not-405',
  'identical-bodies',
] as const;
export type ContradictionKind = (typeof CONTRADICTION_KINDS)[number];

export const contradictionSchema = z.object({
  kind: z.enum(CONTRADICTION_KINDS),
  methods: z.array(z.string()),
  message: z.string(),
  ref: z.string(),
});
export type Contradiction = z.infer<typeof contradictionSchema>;

export const scanRowSchema = z.object({
  url: z.string(),
  label: z.string(),
  source: z.string().optional(),
  /** Members of the `Allow` the OPTIONS answer carried, or null when it carried none. */
  optionsAllow: z.array(z.string()).nullable(),
  cells: z.array(scanCellSchema),
  contradictions: z.array(contradictionSchema),
});
export type ScanRow = z.infer<typeof scanRowSchema>;

export const scanMatrixSchema = z.object({
  scanId: z.string(),
  startedAt: z.string(),
  ms: z.number(),
  methods: z.array(z.string()),
  rows: z.array(scanRowSchema).max(10_000),
  problems: z.array(problemSchema),
  cancelled: z.boolean(),
  totals: z.object({ sent: z.number(), skipped: z.number(), errors: z.number(), contradictions: z.number() }),
});
export type ScanMatrix = z.infer<typeof scanMatrixSchema>;

export const SCAN_EXPORT_FORMATS = ['csv', 'markdown'] as const;
export type ScanExportFormat = (typeof SCAN_EXPORT_FORMATS)[number];

// ---------------------------------------------------------------------------------------------------
// OpenAPI audit

export const AUDIT_VERDICTS = ['implemented', 'not-built', 'auth-gated', 'erroring', 'skipped'] as const;
export type AuditVerdict = (typeof AUDIT_VERDICTS)[number];

export const UNDOCUMENTED_VERDICTS = ['answers', 'refused', 'auth-gated', 'erroring', 'skipped'] as const;
export type UndocumentedVerdict = (typeof UNDOCUMENTED_VERDICTS)[number];

export const auditRequestSchema = z.object({
  spec: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: z.string().max(20 * 1024 * 1024) }),
    z.object({ kind: z.literal('path'), path: z.string().min(1) }),
  ]),
  /** Where the API runs; defaults to the spec's first absolute server URL. */
  baseUrl: z.string().max(8192).optional(),
  allowUnsafe: z.boolean().default(false),
  /** Try the standard methods the spec omits on each documented path. */
  undocumented: z.boolean().default(true),
  headers: z.array(headerPairSchema).max(100).default([]),
  concurrency: z.number().int().min(1).max(32).default(4),
  ratePerSecond: z.number().min(0.1).max(1000).default(20),
  timeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  auditId: runId.optional(),
});
export type AuditRequest = z.infer<typeof auditRequestSchema>;
export type AuditRequestInput = z.input<typeof auditRequestSchema>;

export interface AuditProbe {
  method: string;
  /** The path template as documented, e.g. `/items/{id}`. */
  path: string;
  /** The URL sent, examples filled in. */
  url: string;
  status?: number;
  reason?: string;
  allow?: string[];
  /** For a 501: the passive diagnosis' top cause. */
  cause?: CauseId;
  answeredBy?: string;
  /** One sentence: why this verdict. */
  note: string;
  ms?: number;
  error?: { code: string; message: string };
}

export interface AuditOperation extends AuditProbe {
  operationId?: string;
  summary?: string;
  verdict: AuditVerdict;
}

export interface AuditUndocumented extends AuditProbe {
  verdict: UndocumentedVerdict;
}

export interface AuditReport {
  title: string;
  version: string;
  baseUrl: string;
  startedAt: string;
  ms: number;
  operations: AuditOperation[];
  undocumented: AuditUndocumented[];
  totals: Record<AuditVerdict, number> & { undocumentedAnswering: number };
  cancelled: boolean;
}

// ---------------------------------------------------------------------------------------------------
// Collection runner

export interface AssertionResult {
  assertion: Assertion;
  passed: boolean;
  /** What was observed, as text (`404`, `"application/json"`, `(absent)`). */
  actual: string;
  message: string;
}

export interface RunItemResult {
  /** Collection-relative path of the request file. */
  path: string;
  name: string;
  /** Folder path (`''` for the collection root) and its display name. */
  folder: string;
  folderName: string;
  method: string;
  url: string;
  outcome: 'passed' | 'failed' | 'error' | 'skipped';
  status?: number;
  reason?: string;
  ms: number;
  assertions: AssertionResult[];
  /** Transport failure, unresolved variables or a broken request file. */
  error?: { code: string; message: string };
  /** Why it did not run (bail, stop). */
  skipReason?: string;
}

export interface RunReport {
  runId: string;
  collection: { root: string; name: string };
  relPath: string;
  environment: string | null;
  startedAt: string;
  ms: number;
  results: RunItemResult[];
  totals: {
    requests: number;
    passed: number;
    failed: number;
    errors: number;
    skipped: number;
    assertions: number;
    assertionsFailed: number;
  };
  bailed: boolean;
  stopped: boolean;
}

export const runStartSchema = z.object({
  root: z.string().min(1),
  /** A folder or a single request file inside the collection; `''` runs everything. */
  relPath: z.string().default(''),
  environment: z.string().optional(),
  bail: z.boolean().default(false),
  concurrency: z.number().int().min(1).max(64).default(1),
  runId,
});
export type RunStartInput = z.input<typeof runStartSchema>;

export const runOps = {
  /** The dry run: which cells would be sent, which are skipped and why. Sends nothing. */
  'scan:plan': operation<ScanPlan>()(scanRequestSchema),
  /** Sends the plan, bounded by concurrency and rate; each cell is pushed as `scan:progress`. */
  'scan:run': operation<ScanMatrix>()(scanRequestSchema.extend({ scanId: runId })),
  /** Stops a scan at once: requests in flight are aborted, the rest marked cancelled. */
  'scan:cancel': operation<{ cancelled: boolean }>()(z.object({ scanId: runId })),
  'scan:export': operation<{ text: string; mediaType: string }>()(
    z.object({ matrix: scanMatrixSchema, format: z.enum(SCAN_EXPORT_FORMATS) }),
  ),
  /** Probes every documented operation (and, optionally, the methods the spec omits) and classifies each answer. */
  /** The report, plus the same report as Markdown (what `statuscope audit --format markdown` prints) for downloads. */
  'audit:run': operation<AuditReport & { markdown: string }>()(auditRequestSchema),
  'audit:cancel': operation<{ cancelled: boolean }>()(z.object({ auditId: runId })),
  /** Runs a collection (or one folder) in its order, evaluating each request's assertions. */
  'run:start': operation<RunReport>()(runStartSchema),
  'run:stop': operation<{ stopped: boolean }>()(z.object({ runId })),
};

export interface RunEvents {
  'scan:progress': {
    scanId: string;
    done: number;
    total: number;
    url: string;
    method: string;
    status: number | null;
  };
  'audit:progress': {
    auditId: string;
    done: number;
    total: number;
    method: string;
    path: string;
    status: number | null;
  };
  'run:progress': {
    runId: string;
    done: number;
    total: number;
    path: string;
    name: string;
    outcome: RunItemResult['outcome'];
  };
}
