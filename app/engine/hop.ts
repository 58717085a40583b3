/**
 * One request/response on a fresh connection. A fresh undici Client per hop keeps every timing phase
 * visible (DNS, connect, TLS) and makes the captured bytes belong to exactly one request.
 */
import { performance } from 'node:perf_hooks';
import { buildConnector, Client } from 'undici';
import type { HeaderPair, Hop, InterimResponse, RequestOptions, WireHeader } from '../contract/exchange';
import { classifyError, type EngineError } from './errors';
import type { PreparedBody } from './request-body';
import { BodySink, describeBody, drainBody, planDecoding, type StoredBody } from './response-body';
import { parseHeadLines, responseHeads, WireCapture } from './wire-capture';

export interface HopInput {
  url: URL;
  method: string;
  headers: HeaderPair[];
  body: PreparedBody;
  options: RequestOptions;
  signal: AbortSignal;
  tempDir: string;
  bodyName: string;
  onProgress?: (phase: string, receivedBytes: number) => void;
}

export interface HopOutcome {
  hop: Hop;
  stored?: StoredBody;
  error?: EngineError;
}

/** Marks which wire headers the client added: a header counts as the user's while the user has one left of that name. */
export function markAdded(wire: Array<[string, string]>, user: readonly HeaderPair[]): WireHeader[] {
  const remaining = new Map<string, number>();
  for (const [n] of user) remaining.set(n.toLowerCase(), (remaining.get(n.toLowerCase()) ?? 0) + 1);
  return wire.map(([name, value]) => {
    const key = name.toLowerCase();
    const left = remaining.get(key) ?? 0;
    if (left > 0) remaining.set(key, left - 1);
    return { name, value, added: left === 0 };
  });
}

function parseStatusLine(line: string): { httpVersion: string; reason: string } {
  const m = /^HTTP\/(\d(?:\.\d)?)\s+\d{3}(?:\s(.*))?$/.exec(line);
  return { httpVersion: m?.[1] ?? '1.1', reason: m?.[2] ?? '' };
}

/** The 1xx responses that came before the final one (e.g. 100 Continue), from the captured heads. */
function interimFrom(heads: string): InterimResponse[] {
  const blocks = heads.split(/\r?\n\r?\n/).filter((b) => b.length > 0);
  return blocks.slice(0, -1).map((block) => {
    const { startLine, headers } = parseHeadLines(block);
    const m = /^HTTP\/\d(?:\.\d)?\s+(\d{3})\s?(.*)$/.exec(startLine);
    return { status: Number(m?.[1] ?? 100), reason: m?.[2] ?? '', headers };
  });
}

export async function runHop(input: HopInput): Promise<HopOutcome> {
  const t0 = performance.now();
  const capture = new WireCapture(t0);
  const { url, options } = input;
  const connector = buildConnector({
    rejectUnauthorized: options.rejectUnauthorized,
    timeout: options.connectTimeoutMs,
    ...(options.http2 ? { allowH2: true, ALPNProtocols: ['h2', 'http/1.1'] } : {}),
  });
  const client = new Client(url.origin, {
    connect: (opts, callback) => {
      // undici's connector returns the socket synchronously (lib/core/connect.js) although its type says void.
      const socket: unknown = (connector as (...a: Parameters<typeof connector>) => unknown)(opts, callback);
      if (socket && typeof socket === 'object' && 'write' in socket && 'read' in socket) {
        capture.attach(socket as Parameters<WireCapture['attach']>[0]);
      }
    },
    headersTimeout: options.headersTimeoutMs,
    bodyTimeout: options.bodyTimeoutMs,
    allowH2: options.http2,
    pipelining: 1,
  });

  const flat = input.headers.flatMap(([n, v]) => [n, v]);
  const hop: Hop = {
    url: url.href,
    method: input.method,
    requestHead: '',
    requestHeaders: [],
    requestBodyBytes: input.body.length,
    timings: capture.timings,
  };
  const fillRequestSide = () => {
    const sock = capture.socket;
    if (sock?.remoteAddress) {
      const tls = 'getProtocol' in sock ? sock : undefined;
      hop.remote = {
        address: sock.remoteAddress,
        port: sock.remotePort ?? 0,
        ...(tls ? { tlsProtocol: tls.getProtocol() ?? undefined, alpn: tls.alpnProtocol || undefined } : {}),
      };
    }
    if (hop.remote?.alpn === 'h2') {
      // HTTP/2 has no textual head on the wire; show the pseudo-headers and fields as sent (lower-cased by h2).
      const lines = [`:method: ${input.method}`, `:path: ${url.pathname}${url.search}`, `:scheme: ${url.protocol.replace(':', '')}`, `:authority: ${url.host}`, ...input.headers.map(([n, v]) => `${n.toLowerCase()}: ${v}`)];
      hop.requestHead = `${lines.join('\r\n')}\r\n\r\n`;
      hop.requestHeaders = input.headers.map(([name, value]) => ({ name: name.toLowerCase(), value, added: false }));
      return;
    }
    const out = capture.outbound().toString('latin1');
    const end = out.indexOf('\r\n\r\n');
    hop.requestHead = end >= 0 ? out.slice(0, end + 4) : out;
    hop.requestHeaders = markAdded(parseHeadLines(hop.requestHead).headers, input.headers);
  };

  let sent = false;
  try {
    const res = await client.request({
      path: `${url.pathname}${url.search}`,
      method: input.method,
      headers: flat,
      body: input.body.body,
      signal: input.signal,
      responseHeaders: 'raw',
    });
    sent = true;
    input.onProgress?.('headers', 0);
    const rawHeads = responseHeads(capture.inbound());
    const finalBlock = rawHeads.split(/\r?\n\r?\n/).filter((b) => b.length > 0).pop() ?? '';
    const status = parseStatusLine(parseHeadLines(finalBlock).startLine);
    const rawList = res.headers as unknown as string[];
    const headers: HeaderPair[] = [];
    for (let i = 0; i + 1 < rawList.length; i += 2) headers.push([String(rawList[i]), String(rawList[i + 1])]);
    const isH2 = capture.socket !== undefined && 'alpnProtocol' in capture.socket && capture.socket.alpnProtocol === 'h2';
    fillRequestSide();

    const plan = planDecoding(headers, options.decompress);
    const sink = new BodySink(input.tempDir, input.bodyName);
    let lastReport = 0;
    const drained = await drainBody(res.body, plan, sink, (n) => {
      const now = performance.now();
      if (now - lastReport > 100) {
        lastReport = now;
        input.onProgress?.('body', n);
      }
    });
    const stored = await sink.finish();
    capture.timings.end = capture.now();
    hop.response = {
      httpVersion: isH2 ? '2' : status.httpVersion,
      status: res.statusCode,
      reason: isH2 ? '' : (res.statusText ?? status.reason),
      headers,
      interim: isH2 ? [] : interimFrom(rawHeads),
      rawHead: isH2 ? `:status: ${res.statusCode}\r\n${headers.map(([n, v]) => `${n}: ${v}`).join('\r\n')}\r\n\r\n` : rawHeads,
      body: describeBody(stored, headers, drained.encodedBytes, drained.decodeError ? [] : plan.decoded, drained.decodeError ?? plan.note),
    };
    return { hop, stored };
  } catch (thrown) {
    fillRequestSide();
    capture.timings.end = capture.now();
    const error = classifyError(thrown, {
      connected: capture.connected,
      sent: sent || capture.timings.requestSent !== undefined,
      firstByte: capture.firstByte,
      host: url.host,
    });
    return { hop, error };
  } finally {
    await client.destroy().catch(() => undefined);
  }
}
