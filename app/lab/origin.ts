/**
 * The lab's origin server: a JSON API on a raw HTTP/1.1 server that decides every status itself, in
 * the order a real origin's layers would: message framing (transfer codings, Expect), then the
 * application's routes that answer any method (the stub), then the server-wide method check, then the
 * resource's own methods (405 with Allow), then 404.
 */
import type { HeaderPair } from '../contract/exchange';
import { startRawHttpServer, type HandlerContext, type RawHttpServer } from './connection';
import { headerGet, listMembers } from './http-head';
import { reasonPhrase, type LabResponse } from './http-response';
import {
  ORIGIN_METHODS,
  originJson,
  originResponse,
  RESOURCES,
  type OriginState,
  type Resource,
} from './origin-resources';
import type { LabRequest } from './request-reader';

export interface OriginOptions {
  port: number;
  slowDelayMs: number;
  unref: boolean;
  index(): unknown;
}

const ALLOW_ALL = ORIGIN_METHODS.join(', ');

function implemented(method: string): boolean {
  return (ORIGIN_METHODS as readonly string[]).includes(method);
}

/** Only a plain host[:port] is reflected into links; anything else falls back to the server's own address. */
function baseUrl(request: LabRequest, self: string): string {
  const host = headerGet(request.headers, 'host');
  return host !== undefined && /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)
    ? `http://${host}`
    : self;
}

/** origin-form, absolute-form (RFC 9112 §3.2.2: a server MUST accept it) or `*`. */
function targetUrl(target: string): URL | null {
  try {
    if (target.startsWith('/')) return new URL(target, 'http://lab.invalid');
    if (/^https?:\/\//i.test(target)) return new URL(target);
  } catch {
    return null;
  }
  return null;
}

function methodNotImplemented(method: string): LabResponse {
  return originResponse(
    501,
    [['Content-Type', 'text/plain; charset=utf-8']],
    `501 Not Implemented: this server does not implement the method "${method}" for any resource.\n` +
      `Methods are case-sensitive (RFC 9110 §9.1). Ask "OPTIONS *" for the methods it implements.\n`,
  );
}

function allowHeader(resource: Resource): HeaderPair {
  return ['Allow', resource.allow.join(', ')];
}

export function handleOriginRequest(
  request: LabRequest,
  ctx: HandlerContext,
  state: OriginState,
  self: string,
): Promise<LabResponse> | LabResponse {
  const { method } = request;
  // Framing comes first: a body in a coding the server cannot decode cannot be read at all (RFC 9112 §6.1).
  if (request.unknownTransferCoding !== null) {
    return originResponse(
      501,
      [['Content-Type', 'text/plain; charset=utf-8']],
      `501 Not Implemented: this server does not implement the transfer coding "${request.unknownTransferCoding}" (RFC 9112 §6.1).\n` +
        'Send the body with Content-Length, or with "Transfer-Encoding: chunked" alone.\n',
      { close: true },
    );
  }
  const expect = listMembers(headerGet(request.headers, 'expect'));
  if (expect.some((e) => e !== '100-continue')) {
    // RFC 9110 §10.1.1: an expectation the server cannot meet earns 417.
    return originJson(417, {
      error: 'expectation_failed',
      message: 'Only "Expect: 100-continue" is understood.',
    });
  }
  if (request.target === '*') {
    // RFC 9112 §3.2.4: the asterisk form is only for a server-wide OPTIONS (RFC 9110 §9.3.7).
    if (method === 'OPTIONS') return originResponse(204, [['Allow', ALLOW_ALL]]);
    return originJson(400, {
      error: 'bad_request',
      message: 'The request target "*" is only meaningful with OPTIONS.',
    });
  }
  const url = targetUrl(request.target);
  if (url === null)
    return originJson(400, {
      error: 'bad_request',
      message: 'The request target is not a path or an absolute http URL.',
    });
  const resource = RESOURCES[url.pathname];
  const resCtx = { request, url, base: baseUrl(request, self), state, signal: ctx.signal };
  if (resource?.anyMethod !== undefined) return resource.anyMethod(resCtx);
  if (!implemented(method)) return methodNotImplemented(method);
  if (resource === undefined)
    return originJson(404, {
      error: 'not_found',
      message: `Nothing lives at ${url.pathname} on this server.`,
      index: `${resCtx.base}/`,
    });
  if (method === 'OPTIONS') return originResponse(204, [allowHeader(resource)]);
  const handler = resource.handlers[method] ?? (method === 'HEAD' ? resource.handlers['GET'] : undefined);
  if (handler === undefined || !resource.allow.includes(method)) {
    const body = { error: 'method_not_allowed', message: `${method} is not allowed on ${url.pathname}.` };
    return originJson(405, body, resource.omitAllowOn405 === true ? [] : [allowHeader(resource)]);
  }
  return handler(resCtx);
}

export function originErrorPage(status: number, detail: string): LabResponse {
  return originResponse(
    status,
    [['Content-Type', 'text/plain; charset=utf-8']],
    `${status} ${reasonPhrase(status)}: ${detail}\n`,
  );
}

export async function startOrigin(opts: OriginOptions): Promise<RawHttpServer & { state: OriginState }> {
  const state: OriginState = { reportRequests: 0, slowDelayMs: opts.slowDelayMs, index: opts.index };
  let self = 'http://127.0.0.1';
  const server = await startRawHttpServer('127.0.0.1', opts.port, {
    handle: (request, ctx) => handleOriginRequest(request, ctx, state, self),
    errorPage: originErrorPage,
    unref: opts.unref,
  });
  self = `http://127.0.0.1:${server.port}`;
  return { ...server, state };
}
