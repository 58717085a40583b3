/**
 * The OpenAPI audit: every documented operation probed with the spec's own examples (unsafe ones only with
 * consent) and classified; then, on each documented path, the standard methods the spec leaves out (safe
 * ones unless consent), to find what answers although nobody wrote it down. Same limiter as the scan.
 */
import { fail, ok, type Result } from '../../common/result';
import type { RequestSpec } from '../../contract/exchange';
import type {
  AuditOperation,
  AuditReport,
  AuditRequest,
  AuditUndocumented,
  AuditVerdict,
  RunEvents,
} from '../../contract/run-ops';
import { mapLimited, RateGate } from '../limiter';
import { methodSafety } from '../methods';
import { bareSpec, observe, type Observation, type Send } from '../observe';
import { classifyDocumented, classifyUndocumented, type Classified } from './classify';
import { fillPath, joinUrl, mergedParameters, operationSpec } from './request';
import { loadSpec, type LoadedSpec } from './spec';

/** Tried on each documented path when the spec omits them. OPTIONS is left out (servers and CORS layers answer it for any path). */
export const UNDOCUMENTED_CANDIDATES = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH'] as const;

export interface AuditDeps {
  send: Send;
  auditId: string;
  signal?: AbortSignal;
  onProgress?: (event: RunEvents['audit:progress']) => void;
}

interface Probe {
  kind: 'documented' | 'undocumented';
  index: number;
  method: string;
  path: string;
  spec: RequestSpec;
}

const CONSENT = 'unsafe (it may change state): not sent without consent for unsafe methods';
/** The note of a probe that was planned but never went out; a sent probe overwrites it. */
const CANCELLED = 'cancelled before it was sent';

/** The methods the spec omits on a path; HEAD counts as documented wherever GET is (RFC 9110 §9.3.2: HEAD is GET without content). */
export function undocumentedMethods(documented: readonly string[]): string[] {
  const has = new Set(documented);
  if (has.has('GET')) has.add('HEAD');
  return UNDOCUMENTED_CANDIDATES.filter((m) => !has.has(m));
}

function baseUrlOf(request: AuditRequest, spec: LoadedSpec): Result<string> {
  const base = request.baseUrl ?? spec.servers[0];
  if (base === undefined)
    return fail(
      'audit.no-base-url',
      'The spec names no absolute server URL; pass the base URL the API runs at (--base-url).',
    );
  try {
    const url = new URL(base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return fail('audit.no-base-url', `${base} is not an http(s) URL.`);
  } catch {
    return fail('audit.no-base-url', `"${base}" is not an absolute URL.`);
  }
  return ok(base);
}

function probeFields(
  o: Observation | undefined,
  error: { code: string; message: string } | undefined,
  c: Classified<string>,
) {
  return {
    ...(o?.status === undefined ? {} : { status: o.status, reason: o.reason ?? '' }),
    ...(o?.allow ? { allow: o.allow } : {}),
    ...(o?.cause ? { cause: o.cause } : {}),
    ...(o?.answeredBy ? { answeredBy: o.answeredBy.name } : {}),
    ...(o?.ms === undefined ? {} : { ms: o.ms }),
    ...(error ? { error } : {}),
    note: c.note,
  };
}

interface Planned {
  operations: AuditOperation[];
  undocumented: AuditUndocumented[];
  probes: Probe[];
}

function planProbes(request: AuditRequest, spec: LoadedSpec, baseUrl: string): Planned {
  const allowed = (method: string) => methodSafety(method) === 'safe' || request.allowUnsafe;
  const operations: AuditOperation[] = [];
  const undocumented: AuditUndocumented[] = [];
  const probes: Probe[] = [];
  for (const op of spec.operations) {
    const sendable = operationSpec(spec.doc, op, baseUrl, request.headers, request.timeoutMs);
    operations.push({
      method: op.method,
      path: op.path,
      url: sendable.url,
      ...(op.operationId ? { operationId: op.operationId } : {}),
      ...(op.summary ? { summary: op.summary } : {}),
      verdict: 'skipped',
      note: allowed(op.method) ? CANCELLED : CONSENT,
    });
    if (allowed(op.method))
      probes.push({
        kind: 'documented',
        index: operations.length - 1,
        method: op.method,
        path: op.path,
        spec: sendable,
      });
  }
  if (!request.undocumented) return { operations, undocumented, probes };
  for (const path of spec.paths) {
    const onPath = spec.operations.filter((o) => o.path === path);
    const first = onPath[0];
    const url = joinUrl(
      baseUrl,
      fillPath(path, first ? mergedParameters(first.pathItem, first.operation) : []),
    );
    for (const method of undocumentedMethods(onPath.map((o) => o.method))) {
      undocumented.push({
        method,
        path,
        url,
        verdict: 'skipped',
        note: allowed(method) ? CANCELLED : CONSENT,
      });
      if (allowed(method))
        probes.push({
          kind: 'undocumented',
          index: undocumented.length - 1,
          method,
          path,
          spec: bareSpec(method, url, request.headers, request.timeoutMs),
        });
    }
  }
  return { operations, undocumented, probes };
}

export async function runAudit(
  request: AuditRequest,
  specText: string,
  deps: AuditDeps,
): Promise<Result<AuditReport>> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loaded = await loadSpec(specText);
  if (!loaded.ok) return loaded;
  const spec = loaded.value;
  const base = baseUrlOf(request, spec);
  if (!base.ok) return base;
  const baseUrl = base.value;
  const signal = deps.signal ?? new AbortController().signal;

  const { operations, undocumented, probes } = planProbes(request, spec, baseUrl);
  let done = 0;
  await mapLimited(
    probes,
    async (probe) => {
      const sent = await deps.send(probe.spec, signal);
      const o = sent.ok ? observe(sent.value) : undefined;
      const error = sent.ok ? undefined : { code: sent.error.code, message: sent.error.message };
      if (!sent.ok && signal.aborted) return;
      if (probe.kind === 'documented') {
        const current = operations[probe.index];
        const c = classifyDocumented(o, error, /\{[^}]+\}/.test(probe.path));
        if (current)
          operations[probe.index] = { ...current, ...probeFields(o, error, c), verdict: c.verdict };
      } else {
        const current = undocumented[probe.index];
        const c = classifyUndocumented(o, error);
        if (current)
          undocumented[probe.index] = { ...current, ...probeFields(o, error, c), verdict: c.verdict };
      }
      done += 1;
      deps.onProgress?.({
        auditId: deps.auditId,
        done,
        total: probes.length,
        method: probe.method,
        path: probe.path,
        status: o?.status ?? null,
      });
    },
    { concurrency: request.concurrency, rate: new RateGate(request.ratePerSecond), signal },
  );
  const totals: Record<AuditVerdict, number> = {
    implemented: 0,
    'not-built': 0,
    'auth-gated': 0,
    erroring: 0,
    skipped: 0,
  };
  for (const o of operations) totals[o.verdict] += 1;
  return ok({
    title: spec.title,
    version: spec.version,
    baseUrl,
    startedAt,
    ms: Math.round(performance.now() - started),
    operations,
    undocumented,
    totals: { ...totals, undocumentedAnswering: undocumented.filter((u) => u.verdict === 'answers').length },
    cancelled: signal.aborted,
  });
}
