/**
 * Server errors (5xx): RFC 9110 §15.6 and the extension codes the IANA registry names (RFC 2295, 4918,
 * 5842, 2774, 6585). A 5xx says the server (or a gateway on the path) failed a request that looked valid.
 */
import { defineStatus } from './status-entry';
import type { StatusEntry } from './types';

export const STATUSES_5XX: readonly StatusEntry[] = [
  defineStatus({
    code: 500,
    reason: 'Internal Server Error',
    ref: 'RFC 9110 §15.6.1',
    meaning:
      'The server met an unexpected condition that prevented it from fulfilling the request: an unhandled exception, a crash in a handler, a misconfiguration. It is the generic 5xx and says nothing about whether the failure is lasting.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-with-backoff',
      advice:
        'Safe or idempotent requests may be retried with backoff; if it persists it is a bug to report.',
    },
    confusions: [
      {
        code: 501,
        rule: '500: something broke unexpectedly. 501: a deliberate, lasting "this is not supported".',
      },
      {
        code: 502,
        rule: '500 comes from the server that failed; 502 from a gateway whose upstream answered badly.',
      },
      {
        code: 503,
        rule: '503 says the failure is temporary and may say when to come back; 500 promises nothing.',
      },
    ],
  }),
  defineStatus({
    code: 501,
    reason: 'Not Implemented',
    ref: 'RFC 9110 §15.6.2',
    meaning:
      'The server does not support the functionality required to fulfil the request. It is the right answer when the server does not recognise the request method and cannot support it for any resource, and it is also what a server must send for a transfer coding it does not understand (RFC 9112 §6.1). It is a lasting statement about the server, not the resource, and it is heuristically cacheable, so a cache may replay it.',
    cacheableByDefault: true,
    retry: {
      semantics: 'no-retry',
      advice:
        'Repeating it gets the same answer: change the method or drop the unsupported feature, or ask the API owner.',
    },
    confusions: [
      {
        code: 405,
        rule: '501: the method is unknown to the server for any resource. 405: known, but not allowed on this resource (Allow lists what is).',
      },
      { code: 404, rule: "501 is about the server's capabilities; 404 about this URI." },
      { code: 400, rule: '501 admits a missing feature; 400 blames a malformed request.' },
      { code: 500, rule: '501 is deliberate and lasting; 500 is an unexpected failure.' },
      {
        code: 502,
        rule: "A proxy may generate the 501 itself; 502 means the upstream's answer was invalid.",
      },
      { code: 503, rule: '501 will not go away by waiting; 503 is temporary.' },
      { code: 415, rule: 'An unsupported Content-Encoding is 415; an unknown Transfer-Encoding is 501.' },
    ],
  }),
  defineStatus({
    code: 502,
    reason: 'Bad Gateway',
    ref: 'RFC 9110 §15.6.3',
    meaning:
      'The server, acting as a gateway or proxy, received an invalid response from the inbound server it contacted: a refused or reset connection, garbage instead of HTTP, a crashed upstream process. The origin may never have handled the request.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-with-backoff',
      advice: 'Retry idempotent requests with backoff; a persistent 502 means the upstream is down.',
    },
    confusions: [
      {
        code: 504,
        rule: '502: the upstream answered badly (or refused). 504: the upstream did not answer in time.',
      },
      { code: 500, rule: '502 is reported by a gateway about its upstream; 500 by the server that failed.' },
      { code: 501, rule: '502 is transient and about the upstream; a 501 is a lasting "not supported".' },
    ],
  }),
  defineStatus({
    code: 503,
    reason: 'Service Unavailable',
    ref: 'RFC 9110 §15.6.4',
    meaning:
      'The server cannot handle the request right now because of a temporary overload or scheduled maintenance, which will likely be resolved after some delay. It may say when in Retry-After. Servers are not required to use it: some simply refuse connections.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-later',
      advice: 'Wait for Retry-After if given (otherwise back off), then retry.',
    },
    headers: [
      {
        header: 'Retry-After',
        level: 'MAY',
        ref: 'RFC 9110 §15.6.4',
        why: 'Suggests how long the client should wait before retrying.',
      },
    ],
    confusions: [
      { code: 501, rule: '503 is temporary; 501 is lasting.' },
      { code: 429, rule: "503 is about the server's state; 429 about this client's request rate." },
      { code: 500, rule: '503 signals an expected, temporary condition; 500 an unexpected one.' },
    ],
  }),
  defineStatus({
    code: 504,
    reason: 'Gateway Timeout',
    ref: 'RFC 9110 §15.6.5',
    meaning:
      'The server, acting as a gateway or proxy, did not receive a timely response from an upstream server it needed to complete the request. The upstream may still be working on it, so a non-idempotent request may or may not have taken effect.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-with-backoff',
      advice: 'Retry idempotent requests with backoff; check the effect before retrying a POST.',
    },
    confusions: [
      { code: 502, rule: '504: no answer in time. 502: an invalid answer (or a refused connection).' },
      { code: 408, rule: '504: the upstream was slow. 408: the client was slow sending its request.' },
    ],
  }),
  defineStatus({
    code: 505,
    reason: 'HTTP Version Not Supported',
    ref: 'RFC 9110 §15.6.6',
    meaning:
      'The server does not support, or refuses to support, the major version of HTTP used in the request (for example "HTTP/2.0" or "HTTP/3.0" written into an HTTP/1.x request line). The content should say why and which versions it supports.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Send the request as HTTP/1.1 (or the version the server names).',
    },
    confusions: [
      { code: 426, rule: '426 names the protocol to upgrade to; 505 rejects the version used.' },
      { code: 501, rule: 'An unsupported HTTP version has its own code, 505.' },
    ],
  }),
  defineStatus({
    code: 506,
    reason: 'Variant Also Negotiates',
    ref: 'RFC 2295 §8.1',
    meaning:
      'Transparent content negotiation is misconfigured on the server: the variant it chose is itself set up to negotiate, so negotiation would not terminate. A server configuration error the client cannot fix.',
    cacheableByDefault: false,
    retry: {
      semantics: 'no-retry',
      advice: 'Report it to the server owner; no change on the client side helps.',
    },
  }),
  defineStatus({
    code: 507,
    reason: 'Insufficient Storage',
    ref: 'RFC 4918 §11.5',
    meaning:
      'WebDAV: the method could not be performed because the server cannot store the representation needed to complete the request, such as a full disk or an exhausted quota. The condition is considered temporary.',
    cacheableByDefault: false,
    retry: { semantics: 'retry-later', advice: 'Retry after space is freed or the quota is raised.' },
    confusions: [
      {
        code: 413,
        rule: '413: this request is too big. 507: the server has no room left, whatever the size.',
      },
    ],
  }),
  defineStatus({
    code: 508,
    reason: 'Loop Detected',
    ref: 'RFC 5842 §7.2',
    meaning:
      'WebDAV bindings: the server ended an operation because it found an infinite loop while processing a request with "Depth: infinity". The whole operation failed.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Use a finite Depth or remove the binding that forms the cycle.',
    },
    confusions: [{ code: 208, rule: '208 lists a cycle once and carries on; 508 aborts the operation.' }],
  }),
  defineStatus({
    code: 510,
    reason: 'Not Extended',
    registration: 'obsoleted',
    ref: 'RFC 2774 §7',
    meaning:
      'From the experimental HTTP Extension Framework: the policy for accessing the resource was not met by the request, which should have declared a mandatory extension. RFC 2774 has been moved to Historic and the registry marks the code OBSOLETED; modern servers should not send it.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Historic: read the content for the extension the server wanted, or report it.',
    },
    confusions: [
      {
        code: 501,
        rule: '510 asks for a declared extension (historic); 501 says the functionality is not supported.',
      },
    ],
  }),
  defineStatus({
    code: 511,
    reason: 'Network Authentication Required',
    ref: 'RFC 6585 §6',
    meaning:
      'An intercepting proxy on the network (a captive portal in a hotel or airport) requires the client to authenticate before it may reach the network. Origin servers must not send it, and caches must not store it.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-with-credentials',
      advice: 'Open the portal page the content links to, log in to the network, then retry.',
    },
    confusions: [
      { code: 401, rule: '511 is the network asking (captive portal); 401 is the origin.' },
      {
        code: 407,
        rule: '407 is a configured proxy asking for Proxy-Authorization; 511 is an intercepting one.',
      },
    ],
  }),
];
