/**
 * Redirection (3xx) statuses, RFC 9110 §15.4. A user agent MAY follow Location automatically (§15.4);
 * 301 and 302 allow it to change POST to GET, 307 and 308 forbid changing the method.
 */
import { defineStatus } from './status-entry';
import type { HeaderExpectation, StatusEntry } from './types';

function locationShould(ref: string, why: string): HeaderExpectation {
  return { header: 'Location', level: 'SHOULD', ref, why };
}

export const STATUSES_3XX: readonly StatusEntry[] = [
  defineStatus({
    code: 300,
    reason: 'Multiple Choices',
    ref: 'RFC 9110 §15.4.1',
    meaning:
      'The target has more than one representation (different formats or languages, say) and the server leaves the choice to the client, usually with a list in the content. Rare in practice. Heuristically cacheable.',
    cacheableByDefault: true,
    retry: {
      semantics: 'follow',
      advice: 'Pick one of the listed alternatives, or follow Location if the server prefers one.',
    },
    headers: [
      locationShould('RFC 9110 §15.4.1', 'If the server has a preferred choice it names it in Location.'),
    ],
    confusions: [
      { code: 406, rule: '300 offers alternatives; 406 says none matches what the client would accept.' },
    ],
  }),
  defineStatus({
    code: 301,
    reason: 'Moved Permanently',
    ref: 'RFC 9110 §15.4.2',
    meaning:
      'The resource has a new permanent URI; clients should use it from now on (and update links). For historical reasons a user agent may change a POST into a GET when following it. Heuristically cacheable.',
    cacheableByDefault: true,
    retry: {
      semantics: 'follow',
      advice: 'Follow Location and update stored links; use 308 if the method must be kept.',
    },
    headers: [locationShould('RFC 9110 §15.4.2', 'Gives the new permanent URI.')],
    confusions: [
      { code: 308, rule: 'Both are permanent; only 308 forbids changing the method (POST stays POST).' },
      { code: 302, rule: '301 is permanent and cacheable by default; 302 is temporary.' },
    ],
  }),
  defineStatus({
    code: 302,
    reason: 'Found',
    ref: 'RFC 9110 §15.4.3',
    meaning:
      'The resource is temporarily at a different URI; keep using the original URI for future requests. A user agent may change a POST into a GET when following it, which is why 303 and 307 exist to make the intent explicit.',
    cacheableByDefault: false,
    retry: { semantics: 'follow', advice: 'Follow Location for this request only; keep the original URI.' },
    headers: [locationShould('RFC 9110 §15.4.3', 'Gives the temporary URI.')],
    confusions: [
      { code: 307, rule: 'Both are temporary; only 307 forbids changing the method.' },
      { code: 303, rule: 'Use 303 to send the client to a different resource with GET, e.g. after a POST.' },
    ],
  }),
  defineStatus({
    code: 303,
    reason: 'See Other',
    ref: 'RFC 9110 §15.4.4',
    meaning:
      'The server sends the client to a different resource, named in Location, that gives an indirect answer to the request; the client retrieves it with GET (or HEAD). The typical use is the redirect after a POST, so that reloading the page does not resubmit the form.',
    cacheableByDefault: false,
    retry: { semantics: 'follow', advice: 'GET the URI in Location; do not resend the original method.' },
    headers: [
      locationShould(
        'RFC 9110 §15.4.4',
        'The 303 is defined by the URI it points to; without it the client has nowhere to go.',
      ),
    ],
    confusions: [
      { code: 302, rule: '303 always means "now GET this other resource"; 302 leaves the method ambiguous.' },
    ],
  }),
  defineStatus({
    code: 304,
    reason: 'Not Modified',
    ref: 'RFC 9110 §15.4.5',
    meaning:
      "A conditional GET or HEAD (If-None-Match, If-Modified-Since) found the representation unchanged, so the server sends no content and the client should use the copy it already has. It is a redirect to the client's own cache.",
    cacheableByDefault: false,
    retry: {
      semantics: 'use-cached',
      advice: 'Serve the stored response, refreshed with the header fields of the 304.',
    },
    headers: [
      {
        header: 'ETag',
        level: 'MUST',
        ref: 'RFC 9110 §15.4.5',
        why: 'Content-Location, Date, ETag and Vary (and Cache-Control, Expires) must be sent if a 200 would carry them.',
      },
    ],
    confusions: [
      {
        code: 412,
        rule: '304 answers a failed If-None-Match/If-Modified-Since on GET/HEAD; 412 answers other failed preconditions.',
      },
      { code: 200, rule: "A 304 has no content; the body comes from the client's cache." },
    ],
  }),
  defineStatus({
    code: 305,
    reason: 'Use Proxy',
    ref: 'RFC 9110 §15.4.6',
    meaning:
      "Deprecated: it asked the client to repeat the request through a proxy named in Location. Letting a server choose the client's proxy was a security problem, so clients ignore it.",
    cacheableByDefault: false,
    retry: {
      semantics: 'no-retry',
      advice: 'Do not switch proxies because a server said so; treat it as an error from that server.',
    },
  }),
  defineStatus({
    code: 306,
    reason: '(Unused)',
    registration: 'unused',
    ref: 'RFC 9110 §15.4.7',
    meaning:
      'Was defined in an earlier draft ("Switch Proxy") and is no longer used; the code is reserved so it is never reassigned. A server that sends it is broken.',
    cacheableByDefault: false,
    retry: { semantics: 'no-retry', advice: 'No defined meaning: report it to the server owner.' },
  }),
  defineStatus({
    code: 307,
    reason: 'Temporary Redirect',
    ref: 'RFC 9110 §15.4.8',
    meaning:
      'The resource is temporarily at the URI in Location and the client must repeat the request there with the same method and content. Keep using the original URI for future requests.',
    cacheableByDefault: false,
    retry: {
      semantics: 'follow',
      advice: 'Resend the same method and body to Location; keep the original URI.',
    },
    headers: [locationShould('RFC 9110 §15.4.8', 'Gives the temporary URI.')],
    confusions: [
      { code: 302, rule: '307 keeps the method; 302 allows POST to become GET.' },
      { code: 308, rule: '307 is temporary; 308 is permanent and cacheable by default.' },
    ],
  }),
  defineStatus({
    code: 308,
    reason: 'Permanent Redirect',
    ref: 'RFC 9110 §15.4.9',
    meaning:
      'The resource has a new permanent URI and the client must repeat the request there with the same method and content, and should use the new URI from now on. Heuristically cacheable.',
    cacheableByDefault: true,
    retry: {
      semantics: 'follow',
      advice: 'Resend the same method and body to Location and update stored links.',
    },
    headers: [locationShould('RFC 9110 §15.4.9', 'Gives the new permanent URI.')],
    confusions: [
      { code: 301, rule: '308 keeps the method; 301 allows POST to become GET.' },
      { code: 307, rule: '308 is permanent; 307 is temporary.' },
    ],
  }),
];
