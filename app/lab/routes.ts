/**
 * The lab's documented cases: the single source for the CLI's route list, the "Lab" collection, the
 * origin's index page and the tests that hold the servers to what is written here.
 */
import type { CauseId } from '../contract/collection';
import type { HeaderPair } from '../contract/exchange';
import type { LabHop, LabRoute, PromisedHeader } from '../contract/lab-ops';
import { ORIGIN_METHODS, ORIGIN_SERVER } from './origin-resources';
import { PROXY_METHODS } from './proxy';
import { PROXY_NAME, PROXY_SERVER, PROXY_VIA } from './proxy-pages';

type RouteSpec = Omit<LabRoute, 'url' | 'headers' | 'body' | 'expectHeaders'> & {
  headers?: HeaderPair[];
  body?: string;
  expectHeaders?: PromisedHeader[];
};

const has = (name: string, equals?: string): PromisedHeader =>
  equals === undefined ? { name, present: true } : { name, present: true, equals };
const lacks = (name: string): PromisedHeader => ({ name, present: false });
const fromOrigin = has('Server', ORIGIN_SERVER);
const fromProxy = has('Server', PROXY_SERVER);
const relayedBy = has('Via', PROXY_VIA);

function route(
  id: string,
  via: LabHop,
  method: string,
  path: string,
  expectedStatus: number,
  cause: CauseId | null,
  rest: Omit<RouteSpec, 'id' | 'via' | 'method' | 'path' | 'expectedStatus' | 'cause'>,
): RouteSpec {
  return { id, via, method, path, expectedStatus, cause, ...rest };
}

const SPECS: RouteSpec[] = [
  route('ok', 'origin', 'GET', '/api/users/42', 200, null, {
    title: 'A request that works',
    explanation:
      'The control case: the origin implements GET and the resource exists. Compare every other case with this one.',
    rfc: 'RFC 9110 §9.3.1',
    expectHeaders: [fromOrigin, has('Content-Type', 'application/json')],
  }),
  route('method-unsupported', 'origin', 'PROPFIND', '/api/users/42', 501, 'method-unsupported', {
    title: 'A method the server does not implement anywhere',
    explanation:
      'The origin implements GET, HEAD, POST, PUT, DELETE, PATCH and OPTIONS. PROPFIND (WebDAV) earns 501 on every path, while GET on the same path works: the method is unknown to the server, not forbidden on this resource.',
    rfc: 'RFC 9110 §15.6.2',
    expectHeaders: [fromOrigin, lacks('Via')],
  }),
  route('method-unsupported-via-proxy', 'proxy', 'PROPFIND', '/api/users/42', 501, 'method-unsupported', {
    title: 'The same 501, relayed by the proxy',
    explanation:
      'The proxy knows PROPFIND and forwards it; the origin answers 501 and the proxy relays that answer, adding Via. Server still names the origin: the origin said it, the proxy only carried it.',
    rfc: 'RFC 9110 §7.6.3',
    expectHeaders: [fromOrigin, relayedBy],
  }),
  route('proxy-unknown-method', 'proxy', 'BREW', '/api/users/42', 501, 'proxy-originated', {
    title: 'A 501 written by the proxy',
    explanation:
      'The proxy does not know the method BREW, so it answers 501 with its own page and never forwards the request. Server, Via and the body all name the proxy; GET through the same proxy reaches the origin.',
    rfc: 'RFC 9110 §15.6.2',
    expectHeaders: [fromProxy, relayedBy, has('Content-Type', 'text/html; charset=utf-8')],
  }),
  route('proxy-relay', 'proxy', 'GET', '/api/users/42', 200, null, {
    title: 'A request relayed through the proxy',
    explanation:
      'The proxy forwards GET and relays the answer: Server names the origin, Via names the proxy.',
    rfc: 'RFC 9110 §7.6.3',
    expectHeaders: [fromOrigin, relayedBy, has('X-Cache')],
  }),
  route('proxy-max-forwards', 'proxy', 'OPTIONS', '/api/users/42', 200, null, {
    title: 'OPTIONS with Max-Forwards: 0 stops at the proxy',
    headers: [['Max-Forwards', '0']],
    explanation:
      'Max-Forwards: 0 tells the first hop to answer OPTIONS itself. The answer lists the methods the proxy knows: a way to ask each hop in turn.',
    rfc: 'RFC 9110 §7.6.2',
    expectHeaders: [fromProxy, has('Allow', PROXY_METHODS.join(', '))],
  }),
  route('method-spelling', 'origin', 'patch', '/api/users/42', 501, 'method-spelling', {
    title: 'A lower-case method',
    headers: [['Content-Type', 'application/merge-patch+json']],
    body: '{"name":"Ada King"}',
    explanation:
      'Method names are case-sensitive: "patch" is not PATCH. The origin does not implement "patch" and answers 501; the same request as PATCH succeeds.',
    rfc: 'RFC 9110 §9.1',
    expectHeaders: [fromOrigin],
  }),
  route('patch', 'origin', 'PATCH', '/api/users/42', 200, null, {
    title: 'The method spelled right',
    headers: [['Content-Type', 'application/merge-patch+json']],
    body: '{"name":"Ada King"}',
    explanation: 'PATCH, upper-case, is implemented on /api/users/42.',
    rfc: 'RFC 5789 §2',
    expectHeaders: [fromOrigin],
  }),
  route('options', 'origin', 'OPTIONS', '/api/users/42', 204, null, {
    title: 'Ask a resource which methods it allows',
    explanation: 'OPTIONS on a resource answers with Allow: the methods this resource supports.',
    rfc: 'RFC 9110 §9.3.7',
    expectHeaders: [fromOrigin, has('Allow', 'GET, HEAD, PATCH, OPTIONS')],
  }),
  route('options-star', 'origin', 'OPTIONS', '*', 204, null, {
    title: 'Ask the server which methods it implements',
    explanation:
      'OPTIONS * asks about the server as a whole. A method missing here is one the server does not implement anywhere: the server-wide 501 case.',
    rfc: 'RFC 9110 §9.3.7',
    expectHeaders: [fromOrigin, has('Allow', ORIGIN_METHODS.join(', '))],
  }),
  route('endpoint-stub', 'origin', 'GET', '/api/v2/payments/refunds', 501, 'endpoint-stub', {
    title: 'A stubbed endpoint',
    explanation:
      'The application routes this endpoint but has not built it: every method gets 501, GET included, with a JSON body naming documentation_url and planned_for_version. Other paths on the same server work.',
    rfc: 'RFC 9110 §15.6.2',
    expectHeaders: [fromOrigin, has('Content-Type', 'application/json')],
  }),
  route('versioned-v1', 'origin', 'GET', '/v1/search?q=teapot', 200, null, {
    title: 'Version 1 of a search API',
    explanation: 'v1 takes ?q=<terms>.',
    rfc: 'RFC 9110 §9.3.1',
    expectHeaders: [fromOrigin],
  }),
  route('versioned-old-syntax', 'origin', 'GET', '/v2/search?q=teapot', 501, 'endpoint-stub', {
    title: 'Old syntax on the new version',
    explanation:
      "v2 does not implement v1's ?q= syntax and says so with 501 and a JSON body pointing at the new syntax (?query=) and its documentation. The endpoint exists; this form of the request is what is not implemented.",
    rfc: 'RFC 9110 §15.6.2',
    expectHeaders: [fromOrigin, has('Content-Type', 'application/json')],
  }),
  route('versioned-new-syntax', 'origin', 'GET', '/v2/search?query=teapot', 200, null, {
    title: 'New syntax on the new version',
    explanation: "The same search in v2's syntax works.",
    rfc: 'RFC 9110 §9.3.1',
    expectHeaders: [fromOrigin],
  }),
  route('transfer-coding', 'origin', 'POST', '/api/echo', 501, 'protocol-feature', {
    title: 'An unknown transfer coding',
    headers: [
      ['Content-Type', 'text/plain'],
      ['Transfer-Encoding', 'foo'],
    ],
    body: 'hello',
    explanation:
      'The request declares Transfer-Encoding: foo, a coding the origin does not implement, so it cannot even find where the body ends: 501, then it closes the connection. The same POST with Content-Length works. (Send it in raw mode: ordinary clients refuse to.)',
    rfc: 'RFC 9112 §6.1',
    expectHeaders: [fromOrigin, has('Connection', 'close')],
  }),
  route('transfer-coding-via-proxy', 'proxy', 'POST', '/api/echo', 501, 'proxy-originated', {
    title: 'An unknown transfer coding, stopped at the proxy',
    headers: [
      ['Content-Type', 'text/plain'],
      ['Transfer-Encoding', 'foo'],
    ],
    body: 'hello',
    explanation:
      'A proxy must frame the body to forward it, so the proxy itself answers 501 and the origin never sees the request.',
    rfc: 'RFC 9112 §6.1',
    expectHeaders: [fromProxy, relayedBy, has('Connection', 'close')],
  }),
  route('misused-501', 'origin', 'GET', '/api/reports/daily', 501, 'misused-501', {
    title: 'A crash reported as 501',
    explanation:
      'Every other GET of this report fails with 501 and a stack trace; the next one succeeds. A server that lacks a feature lacks it every time: this is a runtime failure (500) dressed as 501. The first GET after the lab starts fails.',
    rfc: 'RFC 9110 §15.6.1',
    expectHeaders: [fromOrigin, has('Content-Type', 'text/plain; charset=utf-8')],
  }),
  route('cached-501', 'proxy', 'GET', '/api/legacy/export', 501, 'served-from-cache', {
    title: "A 501 served from the proxy's cache",
    explanation:
      '501 is cacheable by default. The proxy stored this 501 from an older release of the origin and still serves it: Age and X-Cache: HIT say so. The origin now implements the export.',
    rfc: 'RFC 9111 §4.2.2',
    expectHeaders: [fromOrigin, has('Age'), has('X-Cache', `HIT from ${PROXY_NAME}`), relayedBy],
  }),
  route('cache-bypass', 'proxy', 'GET', '/api/legacy/export', 200, null, {
    title: 'The same request, bypassing the cache',
    headers: [['Cache-Control', 'no-cache']],
    explanation: 'Cache-Control: no-cache makes the proxy ask the origin, which answers 200 today.',
    rfc: 'RFC 9111 §5.2.1.4',
    expectHeaders: [fromOrigin, has('X-Cache', `MISS from ${PROXY_NAME}`), lacks('Age'), relayedBy],
  }),
  route('405-with-allow', 'origin', 'DELETE', '/api/users/42', 405, null, {
    title: '405: known method, not allowed here',
    explanation:
      'The server implements DELETE, but this resource does not allow it. 405 names what it does allow in Allow.',
    rfc: 'RFC 9110 §15.5.6',
    expectHeaders: [fromOrigin, has('Allow', 'GET, HEAD, PATCH, OPTIONS')],
  }),
  route('405-without-allow', 'origin', 'DELETE', '/api/orders/7', 405, null, {
    title: '405 without Allow (a lint finding)',
    explanation:
      'The same 405, but the server forgot Allow, which a 405 must carry. The client is left guessing; OPTIONS on the resource still lists the methods.',
    rfc: 'RFC 9110 §15.5.6',
    expectHeaders: [fromOrigin, lacks('Allow')],
  }),
  route('not-found', 'origin', 'GET', '/api/nothing-here', 404, null, {
    title: '404: no such resource',
    explanation: 'The method is fine; the resource does not exist.',
    rfc: 'RFC 9110 §15.5.5',
    expectHeaders: [fromOrigin],
  }),
  route('server-error', 'origin', 'GET', '/api/crash', 500, null, {
    title: '500: the server failed',
    explanation: 'A runtime failure, reported correctly: 500, not 501.',
    rfc: 'RFC 9110 §15.6.1',
    expectHeaders: [fromOrigin],
  }),
  route('unavailable', 'origin', 'GET', '/api/maintenance', 503, null, {
    title: '503 with Retry-After',
    explanation:
      'Temporarily unavailable; Retry-After says when to come back. Unlike 501, retrying later is the right move.',
    rfc: 'RFC 9110 §15.6.4',
    expectHeaders: [fromOrigin, has('Retry-After', '120')],
  }),
  route('bad-gateway', 'proxy', 'GET', '/api/upstream/garbage', 502, null, {
    title: '502: the proxy got garbage from the origin',
    explanation:
      'The origin answers this path with bytes that are not HTTP; the proxy says so with its own 502.',
    rfc: 'RFC 9110 §15.6.3',
    expectHeaders: [fromProxy, relayedBy],
  }),
  route('gateway-timeout', 'proxy', 'GET', '/api/upstream/slow', 504, null, {
    title: '504: the origin was too slow for the proxy',
    explanation:
      'The origin takes longer than the proxy is willing to wait, so the proxy answers 504. Directly, the origin answers 200 after a few seconds.',
    rfc: 'RFC 9110 §15.6.5',
    expectHeaders: [fromProxy, relayedBy],
  }),
];

/** The routes of a lab whose servers listen at `originUrl` and `proxyUrl` (no trailing slash). */
export function labRoutes(originUrl: string, proxyUrl: string): LabRoute[] {
  return SPECS.map((spec) => {
    const base = spec.via === 'origin' ? originUrl : proxyUrl;
    return {
      ...spec,
      url: spec.path === '*' ? base : `${base}${spec.path}`,
      headers: spec.headers ?? [],
      body: spec.body ?? null,
      expectHeaders: spec.expectHeaders ?? [],
    };
  });
}
