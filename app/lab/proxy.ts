/**
 * The lab's reverse proxy: the first hop of a real two-hop path. It relays to the origin and adds
 * `Via` (RFC 9110 §7.6.3), but answers some requests itself, as gateways do: methods it does not know
 * (501, its own page), transfer codings it cannot frame (501), `Max-Forwards: 0` on OPTIONS/TRACE
 * (RFC 9110 §7.6.2), a stored response from its cache, and an origin that breaks (502) or stalls (504).
 */
import type { HeaderPair } from '../contract/exchange';
import { startRawHttpServer, type HandlerContext, type RawHttpServer } from './connection';
import { headerGet, headerHas, hopByHopNames, listMembers } from './http-head';
import type { LabResponse } from './http-response';
import { ProxyCache } from './proxy-cache';
import { PROXY_NAME, PROXY_VIA, proxyHeaders, proxyPage } from './proxy-pages';
import type { LabRequest } from './request-reader';
import { rawExchange, type WireResponse } from './response-reader';

/**
 * Methods the proxy knows, from the IANA HTTP Method Registry: RFC 9110's, PATCH (RFC 5789) and WebDAV's
 * (RFC 4918), as general-purpose proxies do. CONNECT is absent: a reverse proxy opens no tunnels.
 */
export const PROXY_METHODS = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'DELETE',
  'OPTIONS',
  'TRACE',
  'PATCH',
  'PROPFIND',
  'PROPPATCH',
  'MKCOL',
  'COPY',
  'MOVE',
  'LOCK',
  'UNLOCK',
] as const;

export interface ProxyOptions {
  port: number;
  originPort: number;
  /** How long the proxy waits for the origin's whole answer before it gives up with 504. */
  upstreamTimeoutMs: number;
  unref: boolean;
}

interface ProxyContext {
  originPort: number;
  upstreamTimeoutMs: number;
  cache: ProxyCache;
  self: string;
}

function knows(method: string): boolean {
  return (PROXY_METHODS as readonly string[]).includes(method);
}

/** Only the path and query travel upstream; an absolute-form target is reduced to them (RFC 9112 §3.2.2). */
function upstreamTarget(target: string): string | null {
  if (target === '*' || target.startsWith('/')) return target;
  try {
    const url = new URL(target);
    return url.protocol === 'http:' || url.protocol === 'https:' ? `${url.pathname}${url.search}` : null;
  } catch {
    return null;
  }
}

function appendList(headers: HeaderPair[], name: string, member: string): void {
  const existing = headerGet(headers, name);
  const rest = headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  headers.splice(0, headers.length, ...rest, [
    name,
    existing === undefined ? member : `${existing}, ${member}`,
  ]);
}

/** The request as forwarded: hop-by-hop fields removed, body re-framed with Content-Length, Via added. */
function forwardedRequest(
  request: LabRequest,
  target: string,
  remoteAddress: string,
  maxForwards: number | null,
): Buffer {
  const hop = hopByHopNames(request.headers);
  const headers: HeaderPair[] = request.headers.filter(([n, v]) => {
    const name = n.toLowerCase();
    if (hop.has(name) || name === 'content-length' || name === 'max-forwards') return false;
    // The proxy answered 100-continue itself and holds the whole body.
    return !(name === 'expect' && listMembers(v).every((e) => e === '100-continue'));
  });
  if (maxForwards !== null) headers.push(['Max-Forwards', String(maxForwards)]);
  appendList(headers, 'Via', PROXY_VIA);
  appendList(headers, 'X-Forwarded-For', remoteAddress);
  const framed =
    request.body.length > 0 ||
    headerHas(request.headers, 'content-length') ||
    headerHas(request.headers, 'transfer-encoding');
  if (framed) headers.push(['Content-Length', String(request.body.length)]);
  headers.push(['Connection', 'close']);
  const head = `${request.method} ${target} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), request.body]);
}

/** The origin's answer as relayed: hop-by-hop fields dropped, `X-Cache` and `Via` added. */
function relayed(upstream: WireResponse, method: string): LabResponse {
  const hop = hopByHopNames(upstream.headers);
  const headers = upstream.headers.filter(([n]) => {
    const name = n.toLowerCase();
    // The body is re-framed with a fresh Content-Length, except for HEAD, whose length describes the GET body.
    return !hop.has(name) && (method === 'HEAD' || name !== 'content-length');
  });
  headers.push(['X-Cache', `MISS from ${PROXY_NAME}`]);
  appendList(headers, 'Via', PROXY_VIA);
  return {
    status: upstream.status,
    reason: upstream.reason,
    headers,
    body: upstream.body,
    headOnly: method === 'HEAD',
  };
}

/** RFC 9110 §9.3.8: TRACE reflects the request as received, minus fields likely to hold credentials. */
function traceReflection(request: LabRequest): LabResponse {
  const sensitive = /^(authorization|proxy-authorization|cookie)$/i;
  const lines = request.rawHead
    .split('\r\n')
    .filter((line) => !sensitive.test(line.slice(0, line.indexOf(':'))));
  return { status: 200, headers: proxyHeaders([['Content-Type', 'message/http']]), body: lines.join('\r\n') };
}

export async function handleProxyRequest(
  request: LabRequest,
  hctx: HandlerContext,
  pctx: ProxyContext,
): Promise<LabResponse> {
  const { method } = request;
  if (request.unknownTransferCoding !== null) {
    return proxyPage(
      501,
      `The proxy does not implement the transfer coding "${request.unknownTransferCoding}", so it could not read the request body and did not forward the request (RFC 9112 §6.1).`,
      pctx.self,
      true,
    );
  }
  if (!knows(method)) {
    return proxyPage(
      501,
      `The proxy does not implement the request method "${method}", so it did not forward the request to the origin server. Method names are case-sensitive (RFC 9110 §9.1).`,
      pctx.self,
    );
  }
  const target = upstreamTarget(request.target);
  if (target === null || (target === '*' && method !== 'OPTIONS')) {
    return proxyPage(
      400,
      'The request target is neither a path nor an http URL (or "*" with a method other than OPTIONS).',
      pctx.self,
      true,
    );
  }
  let maxForwards: number | null = null;
  const mf = headerGet(request.headers, 'max-forwards');
  if ((method === 'OPTIONS' || method === 'TRACE') && mf !== undefined && /^\d+$/.test(mf.trim())) {
    maxForwards = Number(mf.trim());
    if (maxForwards === 0) {
      // RFC 9110 §7.6.2: the last recipient allowed answers as the final recipient.
      if (method === 'TRACE') return traceReflection(request);
      return {
        status: 200,
        headers: proxyHeaders([
          ['Allow', PROXY_METHODS.join(', ')],
          ['Content-Length', '0'],
        ]),
      };
    }
    maxForwards -= 1;
  }
  const path = target.split('?')[0] ?? target;
  const stored = pctx.cache.lookup(request, path);
  if (stored !== null)
    return { status: stored.status, headers: [...stored.headers, ['Via', PROXY_VIA]], body: stored.body };

  const result = await rawExchange({
    host: '127.0.0.1',
    port: pctx.originPort,
    bytes: forwardedRequest(request, target, hctx.remoteAddress, maxForwards),
    methods: [method],
    timeoutMs: pctx.upstreamTimeoutMs,
    signal: hctx.signal,
  });
  if (!result.ok) {
    if (result.error.code === 'upstream.timeout') {
      return proxyPage(
        504,
        `The origin server did not answer within ${pctx.upstreamTimeoutMs} ms, so the proxy gave up waiting (RFC 9110 §15.6.5).`,
        pctx.self,
      );
    }
    return proxyPage(
      502,
      `The proxy received an invalid response from the origin server (${result.error.message}) (RFC 9110 §15.6.3).`,
      pctx.self,
    );
  }
  const [upstream] = result.value;
  if (upstream === undefined) return proxyPage(502, 'The origin server sent no response.', pctx.self);
  pctx.cache.invalidateAfter(method, path, upstream.status);
  return relayed(upstream, method);
}

export async function startProxy(opts: ProxyOptions): Promise<RawHttpServer> {
  const pctx: ProxyContext = {
    originPort: opts.originPort,
    upstreamTimeoutMs: opts.upstreamTimeoutMs,
    cache: new ProxyCache(),
    self: '127.0.0.1',
  };
  const server = await startRawHttpServer('127.0.0.1', opts.port, {
    handle: (request, ctx) => handleProxyRequest(request, ctx, pctx),
    errorPage: (status, detail) =>
      proxyPage(status, `The proxy could not read the request: ${detail}.`, pctx.self, true),
    unref: opts.unref,
  });
  pctx.self = `127.0.0.1:${server.port}`;
  return server;
}
