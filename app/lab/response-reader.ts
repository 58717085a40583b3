/**
 * Reads HTTP/1.1 responses (RFC 9112 §4, §6.3) from raw bytes: what the lab's proxy gets back from the
 * origin, and what the lab's tests get back from either server. Strict about the status line (a proxy
 * must answer 502 to garbage, RFC 9110 §15.6.3) and bounded in size.
 */
import net from 'node:net';
import type { HeaderPair } from '../contract/exchange';
import { fail, ok, type Result } from '../common/result';
import { decodeChunked } from './chunked';
import { contentLength, headerGet, LIMITS, listMembers, parseHeaderLines } from './http-head';

export interface WireResponse {
  version: string;
  status: number;
  reason: string;
  headers: HeaderPair[];
  body: Buffer;
  /** 1xx responses received before the final one. */
  interim: Array<{ status: number; reason: string; headers: HeaderPair[] }>;
}

export type ResponseParse =
  | { kind: 'need-more' }
  | { kind: 'error'; reason: string }
  | { kind: 'done'; response: WireResponse; end: number };

/**
 * Parses one response starting at `start`. `ended` says the peer closed, which completes a body that is
 * delimited by the close (RFC 9112 §6.3 rule 8).
 */
export function parseResponse(
  buf: Buffer,
  start: number,
  requestMethod: string,
  ended: boolean,
  maxBody = LIMITS.maxResponseBodyBytes,
): ResponseParse {
  const interim: WireResponse['interim'] = [];
  let pos = start;
  for (;;) {
    const end = buf.indexOf('\r\n\r\n', pos, 'latin1');
    if (end < 0) {
      if (buf.length - pos > LIMITS.maxHeadBytes * 4)
        return { kind: 'error', reason: 'the response head is too large' };
      if (ended)
        return {
          kind: 'error',
          reason:
            buf.length > pos
              ? 'the connection closed inside the response head'
              : 'the connection closed without a response',
        };
      // Fail fast on bytes that cannot start a status line, instead of waiting for a blank line.
      const prefix = buf.toString('latin1', pos, Math.min(buf.length, pos + 5));
      if (prefix.length > 0 && !'HTTP/'.startsWith(prefix) && !prefix.startsWith('HTTP/'))
        return { kind: 'error', reason: 'the reply does not start with an HTTP status line' };
      return { kind: 'need-more' };
    }
    const lines = buf.toString('latin1', pos, end).split('\r\n');
    const m = /^HTTP\/(1\.[01]) (\d{3})(?: (.*))?$/.exec(lines[0] ?? '');
    if (!m || m[1] === undefined || m[2] === undefined)
      return {
        kind: 'error',
        reason: `not an HTTP/1.x status line: ${JSON.stringify((lines[0] ?? '').slice(0, 60))}`,
      };
    const status = Number(m[2]);
    const parsed = parseHeaderLines(lines.slice(1));
    if (!parsed.ok) return { kind: 'error', reason: parsed.reason };
    pos = end + 4;
    if (status >= 100 && status < 200 && status !== 101) {
      interim.push({ status, reason: m[3] ?? '', headers: parsed.headers });
      continue;
    }
    const head = { version: m[1], status, reason: m[3] ?? '', headers: parsed.headers, interim };
    const noBody = requestMethod === 'HEAD' || status === 204 || status === 304 || status < 200;
    if (noBody) return { kind: 'done', response: { ...head, body: Buffer.alloc(0) }, end: pos };
    const te = headerGet(parsed.headers, 'transfer-encoding');
    if (te !== undefined) {
      const codings = listMembers(te);
      if (codings[codings.length - 1] !== 'chunked') {
        if (!ended) return { kind: 'need-more' };
        return { kind: 'done', response: { ...head, body: buf.subarray(pos) }, end: buf.length };
      }
      const decoded = decodeChunked(buf, pos, maxBody);
      if (decoded.kind === 'need-more')
        return ended ? { kind: 'error', reason: 'the connection closed inside a chunked body' } : decoded;
      if (decoded.kind === 'error') return decoded;
      return { kind: 'done', response: { ...head, body: decoded.body }, end: decoded.end };
    }
    const length = contentLength(parsed.headers);
    if (length === 'invalid') return { kind: 'error', reason: 'an invalid Content-Length in the response' };
    if (length !== null) {
      if (length > maxBody)
        return { kind: 'error', reason: `the response body is larger than ${maxBody} bytes` };
      if (buf.length < pos + length)
        return ended
          ? { kind: 'error', reason: 'the connection closed before the whole body arrived' }
          : { kind: 'need-more' };
      return {
        kind: 'done',
        response: { ...head, body: Buffer.from(buf.subarray(pos, pos + length)) },
        end: pos + length,
      };
    }
    if (buf.length - pos > maxBody)
      return { kind: 'error', reason: `the response body is larger than ${maxBody} bytes` };
    if (!ended) return { kind: 'need-more' };
    return { kind: 'done', response: { ...head, body: Buffer.from(buf.subarray(pos)) }, end: buf.length };
  }
}

export interface RawExchangeOptions {
  host: string;
  port: number;
  /** The request bytes, exactly. */
  bytes: Buffer;
  /** The method of each request in `bytes`, in order: one response is read per entry. */
  methods: readonly string[];
  /** Bounds the whole exchange, connect included. */
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Error codes: `upstream.refused`, `upstream.timeout`, `upstream.malformed`, `upstream.aborted`, `upstream.io`. */
export function rawExchange(opts: RawExchangeOptions): Promise<Result<WireResponse[]>> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: opts.host, port: opts.port });
    const responses: WireResponse[] = [];
    let buf = Buffer.alloc(0);
    let offset = 0;
    let settled = false;
    const finish = (result: Result<WireResponse[]>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve(result);
    };
    const onAbort = () => finish(fail('upstream.aborted', 'the exchange was aborted'));
    const timer = setTimeout(
      () =>
        finish(
          fail('upstream.timeout', `no complete response within ${opts.timeoutMs} ms`, {
            detail: { received: responses.length },
          }),
        ),
      opts.timeoutMs,
    );
    if (opts.signal?.aborted === true) return onAbort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });

    const drain = (ended: boolean) => {
      while (responses.length < opts.methods.length) {
        const parsed = parseResponse(buf, offset, opts.methods[responses.length] ?? 'GET', ended);
        if (parsed.kind === 'need-more') return;
        if (parsed.kind === 'error') return finish(fail('upstream.malformed', parsed.reason));
        responses.push(parsed.response);
        offset = parsed.end;
      }
      finish(ok(responses));
    };
    socket.on('connect', () => socket.write(opts.bytes));
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      drain(false);
    });
    socket.on('end', () => drain(true));
    socket.on('close', () => drain(true));
    socket.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED')
        return finish(fail('upstream.refused', `nothing listens on ${opts.host}:${opts.port}`));
      if (e.code === 'ECONNRESET' || e.code === 'EPIPE') return drain(true);
      finish(fail('upstream.io', e.message, { detail: { errno: e.code ?? null } }));
    });
  });
}
