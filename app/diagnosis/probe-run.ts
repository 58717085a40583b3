/**
 * Sends the planned probes concurrently through the engine (sendExchange / sendRaw), each bounded by
 * its own timeout and all by one deadline, and records each with its raw exchange. A probe that fails
 * at the transport level is recorded with its error: it teaches nothing, but the user sees it.
 */
import { finalHop } from '../common/exchange';
import type { Result } from '../common/result';
import type { ProbeRecord } from '../contract/diagnosis-ops';
import type { ExchangeRecord, RawRequest, RequestSpec } from '../contract/exchange';
import { sendRaw } from '../engine/raw';
import { sendExchange } from '../engine/send';
import { bodyText } from './body';
import type { ProbeOutcome } from './probe-analysis';
import type { PlannedProbe } from './probes';

/** How probes reach the network; tests use the real engine, the seam is for callers with their own. */
export interface ProbeTransport {
  send(spec: RequestSpec, opts: { signal: AbortSignal; tempDir?: string }): Promise<Result<ExchangeRecord>>;
  sendRaw(raw: RawRequest, opts: { signal: AbortSignal; tempDir?: string }): Promise<Result<ExchangeRecord>>;
}

export const engineTransport: ProbeTransport = {
  send: (spec, opts) => sendExchange(spec, opts),
  sendRaw: (raw, opts) => sendRaw(raw, opts),
};

const PREVIEW = 2048;

function recordOf(
  p: PlannedProbe,
  result: Result<ExchangeRecord> | null,
  ms: number,
): { record: ProbeRecord; exchange: ExchangeRecord | null } {
  const exchange = result?.ok ? result.value : null;
  const hop = exchange ? finalHop(exchange) : undefined;
  const response = hop?.response;
  const url = p.send.mode === 'raw' ? p.send.url : p.send.spec.url;
  const body = response ? bodyText(response.body) : '';
  const record: ProbeRecord = {
    id: p.id,
    kind: p.kind,
    why: p.why,
    request: {
      method: p.method,
      url,
      target:
        p.send.mode === 'raw'
          ? p.send.target
          : `${new URL(p.send.spec.url).pathname}${new URL(p.send.spec.url).search}`,
      headers: hop
        ? hop.requestHeaders.map((h) => [h.name, h.value])
        : p.send.mode === 'client'
          ? p.send.spec.headers
          : [],
      mode: p.send.mode,
    },
    response: response
      ? {
          status: response.status,
          reason: response.reason,
          headers: response.headers,
          body: body.slice(0, PREVIEW),
        }
      : null,
    error:
      result === null
        ? { code: 'probe.aborted', message: 'The probe was cancelled.' }
        : result.ok
          ? null
          : { code: result.error.code, message: result.error.message },
    rawRequest: hop?.requestHead ?? '',
    rawResponse: response ? `${response.rawHead}${body.slice(0, PREVIEW)}` : '',
    ms: Math.round(ms * 10) / 10,
  };
  return { record, exchange: exchange && response ? exchange : null };
}

export interface RunProbesOptions {
  transport?: ProbeTransport;
  /** Bounds every probe together (each also has its own timeout in its request). */
  deadlineMs: number;
  signal?: AbortSignal;
  tempDir?: string;
  onProbe?: (record: ProbeRecord, done: number, total: number) => void;
}

export async function runProbes(
  plan: readonly PlannedProbe[],
  opts: RunProbesOptions,
): Promise<{ records: ProbeRecord[]; outcomes: ProbeOutcome[] }> {
  const transport = opts.transport ?? engineTransport;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), opts.deadlineMs);
  const onAbort = () => controller.abort();
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  let done = 0;
  try {
    const results = await Promise.all(
      plan.map(async (p) => {
        const started = performance.now();
        const sendOpts = {
          signal: controller.signal,
          ...(opts.tempDir !== undefined ? { tempDir: opts.tempDir } : {}),
        };
        let result: Result<ExchangeRecord> | null;
        try {
          result =
            p.send.mode === 'raw'
              ? await transport.sendRaw(p.send.raw, sendOpts)
              : await transport.send(p.send.spec, sendOpts);
        } catch {
          result = null;
        }
        const r = recordOf(p, result, performance.now() - started);
        done += 1;
        opts.onProbe?.(r.record, done, plan.length);
        return { p, ...r };
      }),
    );
    return {
      records: results.map((r) => r.record),
      outcomes: results.map((r) => ({
        id: r.p.id,
        kind: r.p.kind,
        method: r.p.method,
        exchange: r.exchange,
      })),
    };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
