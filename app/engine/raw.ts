/**
 * Raw mode: the user's bytes over TCP or TLS exactly as typed, for what undici will not send (unknown
 * transfer codings, HTTP/1.0, CONNECT, malformed framing). The reply is parsed leniently into the same
 * exchange record the client mode produces.
 */
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import tls from 'node:tls';
import { newId } from '../common/ids';
import { err, ok, type Result } from '../common/result';
import type { ExchangeRecord, Hop, RawRequest } from '../contract/exchange';
import { classifyError } from './errors';
import { parseRequestHead, parseResponse, type ParsedResponse } from './parse-http1';
import { decodeBuffer, describeBody, storeBuffer, type StoredBody } from './response-body';
import { DEFAULT_TEMP_DIR, type ExchangeFailure, type SendOptions } from './send';
import { WireCapture } from './wire-capture';

/** A reply larger than this is cut (raw mode is for heads and odd framing, not downloads). */
const RAW_LIMIT = 64 * 1024 * 1024;

function targetOf(raw: string): URL | ExchangeFailure {
  try {
    const url = new URL(raw);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
    return url;
  } catch {
    return { code: 'request.invalid-url', message: `"${raw}" is not an http: or https: URL to connect to.`, phase: 'validate' };
  }
}

function buildHop(url: URL, requestBytes: Buffer, parsed: ParsedResponse | undefined, stored: StoredBody | undefined, decodeNote: string | undefined, decoded: string[], timings: Hop['timings']): Hop {
  const req = parseRequestHead(requestBytes);
  const hop: Hop = {
    url: url.href,
    method: req.method,
    requestHead: req.head,
    // In raw mode every byte is the user's: nothing is added.
    requestHeaders: req.headers.map(([name, value]) => ({ name, value, added: false })),
    requestBodyBytes: req.bodyBytes,
    timings,
  };
  if (parsed && stored) {
    const notes = [...parsed.notes, ...(decodeNote ? [decodeNote] : []), ...(parsed.complete ? [] : ['The response was incomplete when the connection ended or the timeout passed.'])];
    hop.response = {
      httpVersion: parsed.httpVersion,
      status: parsed.status,
      reason: parsed.reason,
      headers: parsed.headers,
      interim: parsed.interim,
      rawHead: parsed.rawHead,
      body: describeBody(stored, parsed.headers, parsed.body.length, decoded, notes.length > 0 ? notes.join(' ') : undefined),
    };
  }
  return hop;
}

export async function sendRaw(request: RawRequest, opts: SendOptions = {}): Promise<Result<ExchangeRecord, ExchangeFailure>> {
  const id = opts.exchangeId ?? newId('ex');
  const url = targetOf(request.target);
  if (!(url instanceof URL)) return err(url);
  const bytes = Buffer.from(request.bytesBase64, 'base64');
  if (bytes.length === 0) return err({ code: 'request.empty', message: 'There are no bytes to send.', phase: 'validate' });
  const reqHead = parseRequestHead(bytes);
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const capture = new WireCapture(started);
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');

  const outcome = await new Promise<{ data: Buffer; closed: boolean; error?: unknown }>((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const socket =
      url.protocol === 'https:'
        ? tls.connect({ host, port, servername: net.isIP(host) ? undefined : host, rejectUnauthorized: request.rejectUnauthorized, ALPNProtocols: ['http/1.1'] })
        : net.connect({ host, port });
    capture.attach(socket);
    const finish = (closed: boolean, error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks), closed, ...(error !== undefined ? { error } : {}) });
    };
    const onAbort = () => finish(false, Object.assign(new Error('aborted'), { name: 'AbortError' }));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    if (opts.signal?.aborted) onAbort();
    const timer = setTimeout(() => {
      const phase = !capture.connected ? 'UND_ERR_CONNECT_TIMEOUT' : chunks.length === 0 ? 'UND_ERR_HEADERS_TIMEOUT' : '';
      // With part of a reply in hand, a timeout ends the read and what arrived is shown.
      finish(false, phase ? Object.assign(new Error('timeout'), { code: phase }) : undefined);
    }, request.timeoutMs);
    socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => socket.write(bytes));
    socket.on('data', (chunk: Buffer) => {
      capture.noteInbound(chunk);
      if (size < RAW_LIMIT) chunks.push(chunk);
      size += chunk.length;
      const parsed = parseResponse(Buffer.concat(chunks), reqHead.method, false);
      if (parsed?.complete && parsed.framing !== 'close') finish(false);
      else if (size >= RAW_LIMIT) finish(false);
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (e) => finish(true, chunks.length > 0 ? undefined : e));
  });
  capture.timings.end = capture.now();

  const parsed = outcome.data.length > 0 ? parseResponse(outcome.data, reqHead.method, outcome.closed) : undefined;
  let stored: StoredBody | undefined;
  let decodeNote: string | undefined;
  let decoded: string[] = [];
  if (parsed) {
    const d = decodeBuffer(parsed.body, parsed.headers, true);
    decodeNote = d.note;
    decoded = d.decoded;
    stored = await storeBuffer(d.bytes, opts.tempDir ?? DEFAULT_TEMP_DIR, `${id}-0`);
    opts.onBody?.(id, 0, stored);
  }
  const hop = buildHop(url, bytes, parsed, stored, decodeNote, decoded, capture.timings);
  const record: ExchangeRecord = {
    id,
    mode: 'raw',
    startedAt,
    request: { method: reqHead.method, url: url.href, headers: reqHead.headers, bodyKind: 'raw', bodyBytes: bytes.length },
    hops: [hop],
    totalMs: performance.now() - started,
  };
  if (!parsed) {
    const error =
      outcome.error !== undefined
        ? classifyError(outcome.error, { connected: capture.connected, sent: true, firstByte: false, host: url.host })
        : { code: 'net.empty-reply', phase: 'headers' as const, message: 'The server closed the connection without sending a single byte.' };
    record.error = error;
    return err({ ...error, exchange: record });
  }
  return ok(record);
}

/** Builds an exchange record from recorded bytes (fixtures, imports of raw captures). */
export function exchangeFromRaw(requestBytes: Buffer, responseBytes: Buffer, targetUrl: string): ExchangeRecord {
  const url = new URL(targetUrl);
  const reqHead = parseRequestHead(requestBytes);
  const parsed = parseResponse(responseBytes, reqHead.method, true);
  let stored: StoredBody | undefined;
  let decodeNote: string | undefined;
  let decoded: string[] = [];
  if (parsed) {
    const d = decodeBuffer(parsed.body, parsed.headers, true);
    decodeNote = d.note;
    decoded = d.decoded;
    stored = { storage: 'memory', buffer: d.bytes, bytes: d.bytes.length, head: d.bytes.subarray(0, 1024 * 1024) };
  }
  return {
    id: newId('ex'),
    mode: 'raw',
    startedAt: new Date(0).toISOString(),
    request: { method: reqHead.method, url: url.href, headers: reqHead.headers, bodyKind: 'raw', bodyBytes: requestBytes.length },
    hops: [buildHop(url, requestBytes, parsed, stored, decodeNote, decoded, {})],
    totalMs: 0,
  };
}
