/**
 * Common beliefs about statuses and methods that the specs contradict, each with the citation that
 * settles it. Several feed the 501 explainer directly (which status a server should have sent).
 */
import type { Myth } from './types';

export const MYTHS: readonly Myth[] = [
  {
    id: 'content-encoding-is-501',
    myth: "A server that cannot decode the request's Content-Encoding (say, a gzip body it does not handle) should answer 501 Not Implemented.",
    fact: 'An unsupported content coding in a request is a 415 Unsupported Media Type, and the response ought to list the codings the server accepts in Accept-Encoding. 501 is for functionality the server lacks for any request, such as an unknown method.',
    refs: ['RFC 9110 §15.5.16', 'RFC 9110 §12.5.3'],
    related: ['415', '501', 'Content-Encoding', 'Accept-Encoding'],
  },
  {
    id: 'unknown-transfer-encoding-is-400',
    myth: 'A request with a Transfer-Encoding the server does not know is simply a bad request (400).',
    fact: 'A server that receives a request with a transfer coding it does not understand SHOULD respond with 501 Not Implemented: the framing is valid HTTP, the server just lacks the coding. (Transfer-Encoding is hop-by-hop framing; Content-Encoding is a property of the representation.)',
    refs: ['RFC 9112 §6.1'],
    related: ['501', '400', 'Transfer-Encoding'],
  },
  {
    id: 'accept-encoding-unsatisfiable-is-error',
    myth: "If none of the codings in the request's Accept-Encoding is available, the server must fail with 406 or 501.",
    fact: 'It is not an error: the origin SHOULD send the response without any content coding (identity), unless the request explicitly marked identity as unacceptable.',
    refs: ['RFC 9110 §12.5.3'],
    related: ['406', '501', 'Accept-Encoding'],
  },
  {
    id: '501-is-never-cached',
    myth: 'Error responses are never cached, so a 501 always comes fresh from the server.',
    fact: '501 is heuristically cacheable: without explicit Cache-Control a cache may store and reuse it for a heuristic freshness lifetime. A CDN can keep serving a 501 after the origin has gained the feature; check Age and X-Cache.',
    refs: ['RFC 9110 §15.6.2', 'RFC 9110 §15.1', 'RFC 9111 §4.2.2'],
    related: ['501', 'Age', 'Cache-Control'],
  },
  {
    id: 'get-head-optional',
    myth: 'A server may answer 501 (or 405) to every GET or HEAD if it only wants to offer POST.',
    fact: 'All general-purpose servers MUST support GET and HEAD; all other methods are optional. A resource may still disallow GET with 405, but a server that answers 501 to GET does not implement HTTP.',
    refs: ['RFC 9110 §9.1'],
    related: ['GET', 'HEAD', '501', '405'],
  },
  {
    id: '405-allow-optional',
    myth: '405 Method Not Allowed is enough on its own; listing the allowed methods is a courtesy.',
    fact: 'The origin server MUST generate an Allow header field in a 405 response listing the methods the target resource currently supports (the list may be empty).',
    refs: ['RFC 9110 §15.5.6', 'RFC 9110 §10.2.1'],
    related: ['405', 'Allow'],
  },
  {
    id: 'methods-case-insensitive',
    myth: 'Method names are case-insensitive, like header field names, so "patch" and "PATCH" are the same request.',
    fact: 'The method token is case-sensitive. By convention standardised methods are all upper case; "patch" is a different, unregistered method, and a server may answer it with 501, 405 or 400.',
    refs: ['RFC 9110 §9.1'],
    related: ['PATCH', '501', '405'],
  },
  {
    id: '501-means-retry',
    myth: '501 is a server error, and server errors go away if you retry.',
    fact: 'A 501 states that the server does not support the functionality the request needs. Nothing about it is temporary: the same request gets the same answer until the server changes. Temporary conditions are 503 (with Retry-After) or 502/504 on a gateway.',
    refs: ['RFC 9110 §15.6.2', 'RFC 9110 §15.6.4'],
    related: ['501', '503', '502', '504'],
  },
  {
    id: '418-is-a-status',
    myth: "418 I'm a teapot is an official HTTP status code.",
    fact: '418 comes from an April Fools\' RFC for coffee pots. HTTP reserves it as "(Unused)" so it is never assigned, but it has no HTTP meaning.',
    refs: ['RFC 9110 §15.5.19'],
    related: ['418'],
  },
  {
    id: '401-means-not-permitted',
    myth: '401 Unauthorized means the user is not allowed to do this.',
    fact: '401 means the request lacks valid authentication credentials and must carry a WWW-Authenticate challenge. "Authenticated but not allowed" is 403 Forbidden.',
    refs: ['RFC 9110 §15.5.2', 'RFC 9110 §15.5.4'],
    related: ['401', '403', 'WWW-Authenticate'],
  },
];
