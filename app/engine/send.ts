/**
 * sendExchange: the engine's one entry for ordinary requests. Validates what undici would refuse (with
 * a sentence naming the offending character), follows redirects hop by hop when asked, and returns the
 * exchange record. Any HTTP status is success; only transport failures are errors.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '../common/ids';
import { checkHeader, checkMethodToken } from '../common/method-token';
import { err, ok, type AppError, type Result } from '../common/result';
import type { ExchangeRecord, HeaderPair, RequestSpec } from '../contract/exchange';
import { runHop } from './hop';
import { prepareBody } from './request-body';
import type { StoredBody } from './response-body';

export interface SendOptions {
  exchangeId?: string;
  signal?: AbortSignal;
  tempDir?: string;
  onProgress?: (phase: string, receivedBytes: number) => void;
  /** Receives each hop's stored body so a caller can serve it later (the service's BodyStore). */
  onBody?: (exchangeId: string, hopIndex: number, body: StoredBody) => void;
}

export type ExchangeFailure = AppError & { exchange?: ExchangeRecord };

export const DEFAULT_TEMP_DIR = join(tmpdir(), 'statuscope-bodies');

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function validate(spec: RequestSpec): { url: URL } | ExchangeFailure {
  const token = checkMethodToken(spec.method);
  if (!token.valid) return { code: 'request.invalid-method', message: token.reason, phase: 'validate' };
  if (spec.method === 'CONNECT') {
    return {
      code: 'request.use-raw',
      message: 'CONNECT opens a tunnel rather than fetching a resource; send it in raw mode (statuscope send --raw).',
      phase: 'validate',
    };
  }
  let url: URL;
  try {
    url = new URL(spec.url);
  } catch {
    return { code: 'request.invalid-url', message: `"${spec.url}" is not an absolute URL (it needs a scheme and host, e.g. http://127.0.0.1:8080/).`, phase: 'validate' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { code: 'request.unsupported-scheme', message: `The scheme ${url.protocol} is not HTTP; Statuscope sends http: and https: URLs.`, phase: 'validate' };
  }
  for (const [name, value] of spec.headers) {
    const problem = checkHeader(name, value);
    if (problem) return { code: 'request.invalid-header', message: problem, phase: 'validate' };
  }
  return { url };
}

function hasHeader(headers: readonly HeaderPair[], name: string): boolean {
  return headers.some(([n]) => n.toLowerCase() === name);
}

/** RFC 9110 §15.4: 303 always becomes GET (HEAD stays HEAD); 301/302 turn POST into GET as user agents do. */
function redirectMethod(status: number, method: string): string {
  if (status === 303) return method === 'HEAD' ? 'HEAD' : 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

export async function sendExchange(spec: RequestSpec, opts: SendOptions = {}): Promise<Result<ExchangeRecord, ExchangeFailure>> {
  const id = opts.exchangeId ?? newId('ex');
  const startedAt = new Date();
  const started = performance.now();
  const checked = validate(spec);
  if (!('url' in checked)) return err(checked);

  const controller = new AbortController();
  const onAbort = () => controller.abort(opts.signal?.reason);
  opts.signal?.addEventListener('abort', onAbort, { once: true });
  if (opts.signal?.aborted) controller.abort();
  let totalTimedOut = false;
  const totalTimer =
    spec.options.totalTimeoutMs !== undefined
      ? setTimeout(() => {
          totalTimedOut = true;
          controller.abort();
        }, spec.options.totalTimeoutMs)
      : undefined;

  const record: ExchangeRecord = {
    id,
    mode: 'client',
    startedAt: startedAt.toISOString(),
    request: { method: spec.method, url: checked.url.href, headers: spec.headers, bodyKind: spec.body.kind, bodyBytes: 0 },
    hops: [],
    totalMs: 0,
  };

  try {
    let url = checked.url;
    let method = spec.method;
    let body = spec.body;
    let headers = spec.headers;
    for (let hopIndex = 0; ; hopIndex++) {
      let prepared;
      try {
        prepared = await prepareBody(body);
      } catch (e) {
        const detail = typeof e === 'object' && e !== null && 'code' in e ? { lowLevel: String(e.code) } : undefined;
        return err({ code: 'request.body-file', message: 'A file the request body names could not be read.', phase: 'send', ...(detail ? { detail } : {}) });
      }
      if (hopIndex === 0) record.request.bodyBytes = prepared.length;
      const wireHeaders: HeaderPair[] = [...headers];
      const ours: string[] = [];
      if (prepared.contentType && !hasHeader(wireHeaders, 'content-type')) {
        wireHeaders.push(['Content-Type', prepared.contentType]);
        ours.push('content-type');
      }
      // A streamed body (file, multipart with files) would otherwise go out chunked; its length is known.
      if (prepared.body !== undefined && !Buffer.isBuffer(prepared.body) && !hasHeader(wireHeaders, 'content-length') && !hasHeader(wireHeaders, 'transfer-encoding')) {
        wireHeaders.push(['content-length', String(prepared.length)]);
        ours.push('content-length');
      }
      const outcome = await runHop({
        url,
        method,
        headers: wireHeaders,
        body: prepared,
        options: spec.options,
        signal: controller.signal,
        tempDir: opts.tempDir ?? DEFAULT_TEMP_DIR,
        bodyName: `${id}-${hopIndex}`,
        ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
      });
      // Headers Statuscope added are the client's doing, not the user's: mark them as added.
      for (const h of outcome.hop.requestHeaders) if (ours.includes(h.name.toLowerCase())) h.added = true;
      record.hops.push(outcome.hop);
      if (outcome.stored) opts.onBody?.(id, hopIndex, outcome.stored);
      if (outcome.error) {
        const error = totalTimedOut
          ? { ...outcome.error, code: 'net.total-timeout', message: `The exchange took longer than its overall timeout of ${spec.options.totalTimeoutMs} ms (during the ${outcome.error.phase} phase).` }
          : outcome.error;
        record.error = error;
        record.totalMs = performance.now() - started;
        return err({ ...error, exchange: record });
      }
      const response = outcome.hop.response;
      const location = response?.headers.find(([n]) => n.toLowerCase() === 'location')?.[1];
      if (!response || !REDIRECTS.has(response.status) || location === undefined || hopIndex >= spec.options.maxRedirects) break;
      const next = new URL(location, url);
      if (next.protocol !== 'http:' && next.protocol !== 'https:') break;
      const nextMethod = redirectMethod(response.status, method);
      if (nextMethod !== method) body = { kind: 'none' };
      // Fetch §4.4: credentials do not follow a redirect to another origin.
      if (next.origin !== url.origin) headers = headers.filter(([n]) => !/^(authorization|cookie|proxy-authorization)$/i.test(n));
      if (body.kind === 'none') headers = headers.filter(([n]) => !/^(content-type|content-length)$/i.test(n));
      method = nextMethod;
      url = next;
    }
    record.totalMs = performance.now() - started;
    return ok(record);
  } finally {
    if (totalTimer) clearTimeout(totalTimer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
