/**
 * Client errors 418–451: the last of RFC 9110 §15.5 and the extension codes the IANA registry names
 * (RFC 4918 WebDAV, RFC 8470 early data, RFC 6585 additional codes, RFC 7725 legal obstacles).
 */
import { defineStatus } from './status-entry';
import type { StatusEntry } from './types';

export const STATUSES_418_451: readonly StatusEntry[] = [
  defineStatus({
    code: 418,
    reason: '(Unused)',
    registration: 'unused',
    ref: 'RFC 9110 §15.5.19',
    meaning:
      'Reserved and unused. RFC 2324 ("Hyper Text Coffee Pot Control Protocol", an April Fools\' joke) defined "418 I\'m a teapot"; because deployed code uses it as a joke, RFC 9110 reserves the code so it is not assigned to anything else. It has no defined meaning in HTTP.',
    cacheableByDefault: false,
    retry: {
      semantics: 'no-retry',
      advice: "No HTTP meaning: read the content, it is the server's joke or its private signal.",
    },
  }),
  defineStatus({
    code: 421,
    reason: 'Misdirected Request',
    ref: 'RFC 9110 §15.5.20',
    meaning:
      "The request was sent to a server that cannot produce a response for this target URI, typically because an HTTP/2 or HTTP/3 connection was reused for a host name the server's certificate covers but the server is not configured for. It is about the connection, not the resource.",
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-on-new-connection',
      advice: 'The client may retry, with or without content, over a different connection (§15.5.20).',
    },
    confusions: [
      {
        code: 404,
        rule: '421: wrong server for this authority on this connection. 404: right server, no such resource.',
      },
    ],
  }),
  defineStatus({
    code: 422,
    reason: 'Unprocessable Content',
    ref: 'RFC 9110 §15.5.21',
    meaning:
      'The server understands the content type and the content is syntactically correct, but it cannot process the instructions it contains: a validation failure such as a missing required field or an out-of-range value. Originally WebDAV\'s "Unprocessable Entity" (RFC 4918), now defined by RFC 9110.',
    cacheableByDefault: false,
    retry: { semantics: 'retry-after-fix', advice: 'Correct the fields the content names, then resubmit.' },
    confusions: [
      {
        code: 400,
        rule: '422 when the content parses but is semantically wrong; 400 when it does not parse.',
      },
      {
        code: 409,
        rule: "422 is about the content alone; 409 about a clash with the resource's current state.",
      },
    ],
  }),
  defineStatus({
    code: 423,
    reason: 'Locked',
    ref: 'RFC 4918 §11.3',
    meaning:
      'WebDAV: the source or destination resource of the method is locked (by a LOCK) and the request did not submit the lock token in an If header field.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Supply the lock token, or wait for the lock to be released.',
    },
    confusions: [{ code: 409, rule: '423 names the reason precisely: a WebDAV lock.' }],
  }),
  defineStatus({
    code: 424,
    reason: 'Failed Dependency',
    ref: 'RFC 4918 §11.4',
    meaning:
      'WebDAV: the method could not be performed on this resource because it depended on another action that failed, for example one command in a PROPPATCH failing makes the others fail with 424.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Fix the action that failed first; this one failed only because of it.',
    },
  }),
  defineStatus({
    code: 425,
    reason: 'Too Early',
    ref: 'RFC 8470 §5.2',
    meaning:
      'The server is unwilling to process a request sent in TLS 1.3 early data (0-RTT), because early data can be replayed by an attacker. Only sent to requests that were, or might have been, in early data.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-handshake',
      advice: 'Retry automatically once the TLS handshake has completed (RFC 8470 §5.2).',
    },
  }),
  defineStatus({
    code: 426,
    reason: 'Upgrade Required',
    ref: 'RFC 9110 §15.5.22',
    meaning:
      'The server refuses to perform the request using the current protocol but might after the client upgrades to a different one, which it names in Upgrade (for example a newer HTTP version or TLS).',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Switch to the protocol listed in Upgrade, then send again.',
    },
    headers: [
      {
        header: 'Upgrade',
        level: 'MUST',
        ref: 'RFC 9110 §15.5.22',
        why: 'Names the protocol(s) the client must switch to.',
      },
    ],
    confusions: [
      {
        code: 505,
        rule: '505 rejects the HTTP major version outright; 426 names the protocol that would work.',
      },
      {
        code: 101,
        rule: '426 refuses until the client upgrades; 101 performs an upgrade the client asked for.',
      },
    ],
  }),
  defineStatus({
    code: 428,
    reason: 'Precondition Required',
    ref: 'RFC 6585 §3',
    meaning:
      'The origin requires the request to be conditional (If-Match, typically) so that a client cannot overwrite changes it never saw: the "lost update" problem.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'GET the resource, then resend the change with If-Match and its ETag.',
    },
    confusions: [{ code: 412, rule: '428: send a precondition. 412: the precondition you sent failed.' }],
  }),
  defineStatus({
    code: 429,
    reason: 'Too Many Requests',
    ref: 'RFC 6585 §4',
    meaning:
      'The user has sent too many requests in a given amount of time (rate limiting). The content should explain the limit, and Retry-After may say how long to wait.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-later',
      advice: 'Wait for Retry-After (or back off exponentially), then retry.',
    },
    headers: [
      {
        header: 'Retry-After',
        level: 'MAY',
        ref: 'RFC 6585 §4',
        why: 'How long to wait before making a new request.',
      },
    ],
    confusions: [
      {
        code: 503,
        rule: "429 is about this client's request rate; 503 about the server's state for everyone.",
      },
      { code: 403, rule: 'A quota that will not reset is closer to 403; 429 means "slow down".' },
    ],
  }),
  defineStatus({
    code: 431,
    reason: 'Request Header Fields Too Large',
    ref: 'RFC 6585 §5',
    meaning:
      'The server will not process the request because its header fields are too large, either one field (often a Cookie grown out of hand) or the whole header section. The client may retry after reducing them.',
    cacheableByDefault: false,
    retry: {
      semantics: 'retry-after-fix',
      advice: 'Trim the header fields (clear cookies, shorten tokens), then retry.',
    },
    confusions: [
      { code: 413, rule: '431 is about the header section; 413 about the content.' },
      { code: 414, rule: '431 is about header fields; 414 about the URI.' },
    ],
  }),
  defineStatus({
    code: 451,
    reason: 'Unavailable For Legal Reasons',
    ref: 'RFC 7725 §3',
    meaning:
      'The server is denying access to the resource as a consequence of a legal demand, such as a court order or government censorship. The content should explain the demand. Cacheable by default (RFC 7725 §3).',
    cacheableByDefault: true,
    retry: { semantics: 'no-retry', advice: 'A legal block: retrying will not change it.' },
    headers: [
      {
        header: 'Link',
        level: 'SHOULD',
        ref: 'RFC 7725 §4',
        why: 'With rel="blocked-by", identifying the entity implementing the block.',
      },
    ],
    confusions: [
      { code: 403, rule: '451 says the refusal is legal, not a permission decision of the server.' },
    ],
  }),
];
