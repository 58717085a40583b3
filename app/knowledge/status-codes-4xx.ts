/**
 * Client errors 400–417, RFC 9110 §15.5.1–15.5.18. A 4xx says the request is at fault; the server
 * SHOULD explain the situation in the content unless the method is HEAD (§15.5).
 */
import { defineStatus } from './status-entry';
import type { StatusEntry } from './types';

export const STATUSES_400_417: readonly StatusEntry[] = [
  defineStatus({
    code: 400,
    reason: 'Bad Request',
    ref: 'RFC 9110 §15.5.1',
    meaning:
      'The server will not process the request because of something it sees as a client error: malformed syntax, invalid framing, a deceptive routing, a body it cannot parse. It is the generic 4xx; a more specific code fits better when one exists.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Resending the same bytes fails the same way: fix the request first.',
    },
    confusions: [
      {
        code: 422,
        rule: '400 when the request cannot be parsed; 422 when it parses but its content makes no sense.',
      },
      { code: 501, rule: '400 blames the request; 501 admits the server lacks a feature the request needs.' },
      { code: 415, rule: 'An unsupported media type or content coding has its own code, 415.' },
    ],
  }),
  defineStatus({
    code: 401,
    reason: 'Unauthorized',
    ref: 'RFC 9110 §15.5.2',
    meaning:
      'The request lacks valid authentication credentials for the target. The response must carry a WWW-Authenticate challenge saying how to authenticate; if the request already had credentials, they were refused. Despite the name it is about authentication, not authorization.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-with-credentials',
      advice: 'Authenticate as the challenge describes, then send again.',
    },
    headers: [
      {
        header: 'WWW-Authenticate',
        level: 'MUST',
        ref: 'RFC 9110 §15.5.2',
        why: 'At least one challenge naming the scheme the client should use.',
      },
    ],
    confusions: [
      {
        code: 403,
        rule: '401: "who are you?" (credentials missing or bad); 403: "I know who you are, and no."',
      },
      {
        code: 407,
        rule: '401 is from the origin (WWW-Authenticate); 407 is from a proxy (Proxy-Authenticate).',
      },
    ],
  }),
  defineStatus({
    code: 402,
    reason: 'Payment Required',
    ref: 'RFC 9110 §15.5.3',
    meaning:
      'Reserved for future use. Some APIs use it for "your plan or balance does not allow this", but no standard defines that meaning, so its content is the only guide.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Read the content: typically a billing or quota problem to solve outside HTTP.',
    },
  }),
  defineStatus({
    code: 403,
    reason: 'Forbidden',
    ref: 'RFC 9110 §15.5.4',
    meaning:
      'The server understood the request but refuses to fulfil it. If credentials were sent, they were not enough; sending them again will not help. A server that does not want to reveal that the resource exists may answer 404 instead.',
    cacheableByDefault: false,
    retry: {
      semantics: 'no-retry',
      advice: 'Do not repeat with the same credentials; ask for the permission or use another account.',
    },
    confusions: [
      { code: 401, rule: '403 is not fixed by logging in again with the same identity; 401 is.' },
      { code: 404, rule: 'A server may hide a forbidden resource behind 404.' },
      { code: 405, rule: '405 forbids the method for every client; 403 forbids this client.' },
    ],
  }),
  defineStatus({
    code: 404,
    reason: 'Not Found',
    ref: 'RFC 9110 §15.5.5',
    meaning:
      'The origin server did not find a current representation for the target resource, or will not disclose that one exists. It says nothing about whether the absence is temporary or permanent (410 says permanent). Heuristically cacheable.',
    cacheableByDefault: true,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Check the URI (path, version prefix, trailing slash); the resource may also appear later.',
    },
    confusions: [
      { code: 405, rule: '404: no such resource. 405: the resource exists but not for this method.' },
      { code: 410, rule: '410 says the resource is gone for good; 404 makes no such promise.' },
      { code: 501, rule: '404 is about this URI; 501 is about the server lacking a capability for any URI.' },
    ],
  }),
  defineStatus({
    code: 405,
    reason: 'Method Not Allowed',
    ref: 'RFC 9110 §15.5.6',
    meaning:
      'The method is known to the origin server but the target resource does not support it, for example DELETE on a read-only collection. The response must list the methods the resource does support in Allow. Heuristically cacheable.',
    cacheableByDefault: true,
    retry: { semantics: 'retry-after-fix', advice: 'Use one of the methods in Allow.' },
    headers: [
      {
        header: 'Allow',
        level: 'MUST',
        ref: 'RFC 9110 §15.5.6',
        why: 'Lists the methods the target resource currently supports (it may be empty).',
      },
    ],
    confusions: [
      {
        code: 501,
        rule: '405: known method, not for this resource. 501: the method is not recognised or supported for any resource.',
      },
      { code: 404, rule: '405 says the resource exists; 404 says it does not (or will not say).' },
      { code: 403, rule: '405 applies to every client; 403 to this one.' },
    ],
  }),
  defineStatus({
    code: 406,
    reason: 'Not Acceptable',
    ref: 'RFC 9110 §15.5.7',
    meaning:
      "Proactive negotiation failed: the target has no representation acceptable by the request's Accept, Accept-Charset or Accept-Language, and the server chose to say so rather than send a default. The content should list the available representations.",
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Widen Accept (or Accept-Language), or ask for one of the listed representations.',
    },
    confusions: [
      {
        code: 415,
        rule: '406 is about the response format the client accepts; 415 about the request format it sent.',
      },
      {
        code: 200,
        rule: 'Servers may ignore Accept and send a default with 200; 406 is optional strictness.',
      },
    ],
  }),
  defineStatus({
    code: 407,
    reason: 'Proxy Authentication Required',
    ref: 'RFC 9110 §15.5.8',
    meaning:
      'Like 401, but a proxy on the path needs the client to authenticate with it before it forwards the request. The proxy must send a Proxy-Authenticate challenge.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-with-credentials',
      advice: "Send Proxy-Authorization for the proxy's challenge.",
    },
    headers: [
      {
        header: 'Proxy-Authenticate',
        level: 'MUST',
        ref: 'RFC 9110 §15.5.8',
        why: 'The challenge for the proxy, not for the origin.',
      },
    ],
    confusions: [{ code: 401, rule: '407 comes from a proxy on the path; 401 from the origin server.' }],
  }),
  defineStatus({
    code: 408,
    reason: 'Request Timeout',
    ref: 'RFC 9110 §15.5.9',
    meaning:
      'The server did not receive a complete request message within the time it was prepared to wait, and is closing the connection. Browsers often see it on idle keep-alive connections the server is tidying up.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-with-backoff',
      advice: 'Repeat on a new connection; if it recurs, send the body faster or smaller.',
    },
    headers: [
      {
        header: 'Connection',
        level: 'SHOULD',
        ref: 'RFC 9110 §15.5.9',
        why: 'The "close" option, since a 408 means the server is giving up on this connection.',
      },
    ],
    confusions: [
      {
        code: 504,
        rule: '408: the client was too slow sending. 504: an upstream was too slow answering a gateway.',
      },
    ],
  }),
  defineStatus({
    code: 409,
    reason: 'Conflict',
    ref: 'RFC 9110 §15.5.10',
    meaning:
      'The request conflicts with the current state of the target resource, such as a PUT based on an outdated version or a duplicate unique key. The content should explain the conflict so the user can resolve it and resubmit.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Fetch the current state, resolve the conflict, then resubmit.',
    },
    confusions: [
      {
        code: 412,
        rule: 'With conditional requests a stale version is reported as 412; 409 is the unconditional case.',
      },
      { code: 422, rule: "409 is about the resource's current state; 422 about the request content itself." },
    ],
  }),
  defineStatus({
    code: 410,
    reason: 'Gone',
    ref: 'RFC 9110 §15.5.11',
    meaning:
      'The target resource is no longer available at the origin and this is likely permanent; clients should remove links to it. Useful for retired API versions and expired promotions. Heuristically cacheable.',
    cacheableByDefault: true,
    retry: {
      semantics: 'no-retry',
      advice: 'Stop requesting it; look for a replacement resource or API version.',
    },
    confusions: [
      { code: 404, rule: '410 is a deliberate, lasting removal; 404 makes no claim about permanence.' },
    ],
  }),
  defineStatus({
    code: 411,
    reason: 'Length Required',
    ref: 'RFC 9110 §15.5.12',
    meaning:
      'The server refuses a request with content but no Content-Length (for instance one sent with chunked transfer coding). The client may repeat it with a valid Content-Length.',
    cacheableByDefault: false,
    retry: { semantics: 'retry-after-fix', advice: 'Send Content-Length instead of chunked framing.' },
    confusions: [
      {
        code: 501,
        rule: 'An unknown Transfer-Encoding earns 501 (RFC 9112 §6.1); refusing chunked framing earns 411.',
      },
    ],
  }),
  defineStatus({
    code: 412,
    reason: 'Precondition Failed',
    ref: 'RFC 9110 §15.5.13',
    meaning:
      'A condition in the request header fields (If-Match, If-Unmodified-Since, or If-None-Match on a state-changing method) evaluated to false, so the server did not apply the request. It protects against lost updates.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Fetch the current representation and its validator, then retry the change.',
    },
    confusions: [
      {
        code: 304,
        rule: '304 answers a failed If-None-Match/If-Modified-Since on GET or HEAD; 412 the other failed conditions.',
      },
      { code: 428, rule: '412: the condition you sent failed. 428: you must send a condition.' },
    ],
  }),
  defineStatus({
    code: 413,
    reason: 'Content Too Large',
    ref: 'RFC 9110 §15.5.14',
    meaning:
      'The request content is larger than the server is willing or able to process. The server may close the connection to stop the client sending. (Formerly "Payload Too Large" and "Request Entity Too Large".)',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: "Send less: split the upload, compress it, or use the API's upload mechanism.",
    },
    headers: [
      {
        header: 'Retry-After',
        level: 'SHOULD',
        ref: 'RFC 9110 §15.5.14',
        why: 'Only if the condition is temporary: says when the client may try again.',
      },
    ],
    confusions: [
      { code: 431, rule: '413 is about the content; 431 about the header section.' },
      { code: 414, rule: '413 is about the content; 414 about the target URI.' },
    ],
  }),
  defineStatus({
    code: 414,
    reason: 'URI Too Long',
    ref: 'RFC 9110 §15.5.15',
    meaning:
      'The target URI is longer than the server is willing to interpret: often a query string that grew too big, a redirect loop that keeps appending, or an attack. Heuristically cacheable.',
    cacheableByDefault: true,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Move the parameters into the content (POST, or QUERY where supported).',
    },
    confusions: [{ code: 431, rule: '414 is about the request target; 431 about header fields.' }],
  }),
  defineStatus({
    code: 415,
    reason: 'Unsupported Media Type',
    ref: 'RFC 9110 §15.5.16',
    meaning:
      'The origin refuses the request because the content is in a format this method on this resource does not support: the Content-Type, the Content-Encoding, or the data itself. An unsupported content coding is a 415, not a 501.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Send a supported Content-Type, or drop or change the Content-Encoding.',
    },
    headers: [
      {
        header: 'Accept-Encoding',
        level: 'MAY',
        ref: 'RFC 9110 §15.5.16',
        why: 'If a content coding was the problem, the spec says it "ought to" list the codings accepted.',
      },
      {
        header: 'Accept',
        level: 'MAY',
        ref: 'RFC 9110 §12.5.1',
        why: 'A server may list the media types it accepts for the request content.',
      },
    ],
    confusions: [
      {
        code: 501,
        rule: 'Unsupported Content-Encoding is 415 (§15.5.16); an unknown Transfer-Encoding is 501 (RFC 9112 §6.1).',
      },
      { code: 406, rule: '415 is about what the client sent; 406 about what it would accept back.' },
      { code: 400, rule: 'A body that is the right type but malformed is 400 or 422.' },
    ],
  }),
  defineStatus({
    code: 416,
    reason: 'Range Not Satisfiable',
    ref: 'RFC 9110 §15.5.17',
    meaning:
      "None of the ranges in the request's Range header field overlaps the current extent of the representation (for example bytes beyond its end), or the set of ranges was rejected as invalid or excessive.",
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Read the complete length in Content-Range and request a range inside it.',
    },
    headers: [
      {
        header: 'Content-Range',
        level: 'SHOULD',
        ref: 'RFC 9110 §15.5.17',
        why: 'For byte ranges, gives the current length, as "bytes */LENGTH".',
      },
    ],
    confusions: [{ code: 206, rule: '206 serves a range that overlaps; 416 says none does.' }],
  }),
  defineStatus({
    code: 417,
    reason: 'Expectation Failed',
    ref: 'RFC 9110 §15.5.18',
    meaning:
      "The expectation in the request's Expect header field could not be met by at least one inbound server. The only expectation HTTP defines is 100-continue; anything else earns 417.",
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Send the request again without the Expect header field.',
    },
    confusions: [
      { code: 100, rule: '417 refuses the expectation; 100 fulfils 100-continue.' },
      { code: 501, rule: 'An unmet expectation is 417, not 501.' },
    ],
  }),
];
