/**
 * Header fields the status library and the 501 diagnosis talk about, each with its defining section and
 * a plain-words meaning. Which statuses carry a header is derived from the status table, never restated.
 */
import { STATUS_CODES } from './status-codes';
import type { HeaderMeaning, RequirementLevel } from './types';

export const HEADER_MEANINGS: readonly HeaderMeaning[] = [
  {
    name: 'Accept',
    ref: 'RFC 9110 §12.5.1',
    meaning: 'Media types the client accepts in the response (proactive negotiation).',
  },
  {
    name: 'Accept-Encoding',
    ref: 'RFC 9110 §12.5.3',
    meaning:
      'Content codings the client accepts in the response; in a 415 response, the codings the server accepts in requests. A server that can satisfy none of them just sends identity.',
  },
  {
    name: 'Accept-Patch',
    ref: 'RFC 5789 §3.1',
    meaning:
      'Patch document formats the resource accepts with PATCH; its presence also advertises PATCH support.',
  },
  {
    name: 'Accept-Query',
    ref: 'RFC 10008 §3',
    meaning: 'Query formats the resource accepts with QUERY; its presence also advertises QUERY support.',
  },
  {
    name: 'Accept-Ranges',
    ref: 'RFC 9110 §14.3',
    meaning: 'Whether the resource supports range requests, and in which unit (bytes).',
  },
  {
    name: 'Age',
    ref: 'RFC 9111 §5.1',
    meaning:
      'Seconds since the response was generated or validated at the origin; present means a cache served it.',
  },
  {
    name: 'Allow',
    ref: 'RFC 9110 §10.2.1',
    meaning:
      'The methods the target resource supports. Required in 405; a useful hint in OPTIONS responses and next to a 501.',
  },
  {
    name: 'Authorization',
    ref: 'RFC 9110 §11.6.2',
    meaning: "The client's credentials for the origin, answering a WWW-Authenticate challenge.",
  },
  {
    name: 'Cache-Control',
    ref: 'RFC 9111 §5.2',
    meaning: 'Caching directives (max-age, no-store, no-cache, …); overrides heuristic freshness.',
  },
  {
    name: 'Connection',
    ref: 'RFC 9110 §7.6.1',
    meaning: 'Options for this connection only, such as "close"; hop-by-hop fields are listed here.',
  },
  {
    name: 'Content-Encoding',
    ref: 'RFC 9110 §8.4',
    meaning:
      'Codings (gzip, br, …) applied to the representation. A request coding the server cannot decode earns 415, not 501.',
  },
  {
    name: 'Content-Length',
    ref: 'RFC 9110 §8.6',
    meaning: 'The length of the content in octets; a server may demand it with 411.',
  },
  {
    name: 'Content-Location',
    ref: 'RFC 9110 §8.7',
    meaning: 'A URI for the specific resource whose representation is in the content.',
  },
  {
    name: 'Content-Range',
    ref: 'RFC 9110 §14.4',
    meaning: 'Which part of the representation a 206 carries, or in a 416 the current complete length.',
  },
  {
    name: 'Content-Type',
    ref: 'RFC 9110 §8.3',
    meaning: 'The media type of the content; an unsupported one in a request earns 415.',
  },
  {
    name: 'Date',
    ref: 'RFC 9110 §6.6.1',
    meaning:
      'When the message was generated; an origin with a clock must send it in 2xx, 3xx and 4xx responses.',
  },
  {
    name: 'ETag',
    ref: 'RFC 9110 §8.8.3',
    meaning: 'An opaque validator for the selected representation, used with If-Match and If-None-Match.',
  },
  {
    name: 'Expect',
    ref: 'RFC 9110 §10.1.1',
    meaning: 'Expectations the server must meet; only "100-continue" is defined, anything else may earn 417.',
  },
  { name: 'Expires', ref: 'RFC 9111 §5.3', meaning: 'The date after which the response is stale.' },
  {
    name: 'If-Match',
    ref: 'RFC 9110 §13.1.1',
    meaning: 'Apply the request only if the current ETag matches: prevents lost updates (412 on mismatch).',
  },
  {
    name: 'If-None-Match',
    ref: 'RFC 9110 §13.1.2',
    meaning: 'Apply (or return content) only if no ETag matches: 304 for GET/HEAD, 412 otherwise.',
  },
  {
    name: 'Last-Modified',
    ref: 'RFC 9110 §8.8.2',
    meaning: 'When the origin believes the representation last changed; a weaker validator than ETag.',
  },
  {
    name: 'Link',
    ref: 'RFC 8288 §3',
    meaning: 'Typed links to other resources: preload hints in 103, rel="blocked-by" in 451.',
  },
  {
    name: 'Location',
    ref: 'RFC 9110 §10.2.2',
    meaning: 'The URI to redirect to (3xx) or of the resource just created (201).',
  },
  {
    name: 'Max-Forwards',
    ref: 'RFC 9110 §7.6.2',
    meaning:
      'Limits how many proxies may forward a TRACE or OPTIONS; 0 makes the next hop answer itself, which shows who says what.',
  },
  {
    name: 'Proxy-Authenticate',
    ref: 'RFC 9110 §11.7.1',
    meaning: "A proxy's authentication challenge; required in 407.",
  },
  {
    name: 'Proxy-Authorization',
    ref: 'RFC 9110 §11.7.2',
    meaning: "The client's credentials for a proxy, answering Proxy-Authenticate.",
  },
  {
    name: 'Range',
    ref: 'RFC 9110 §14.2',
    meaning: 'Asks for only part(s) of the representation: answered with 206, 416, or a full 200.',
  },
  {
    name: 'Retry-After',
    ref: 'RFC 9110 §10.2.3',
    meaning:
      'How long to wait (seconds or an HTTP date) before retrying: with 503, 429 and a temporary 413; after a 3xx, before following.',
  },
  {
    name: 'Server',
    ref: 'RFC 9110 §10.2.4',
    meaning:
      "The software of the origin server that handled the request; a proxy's own name here is a clue it generated the response.",
  },
  {
    name: 'Transfer-Encoding',
    ref: 'RFC 9112 §6.1',
    meaning:
      'HTTP/1.1 framing codings (chunked, …) applied to the message. A request with one the server does not understand SHOULD earn 501.',
  },
  {
    name: 'Upgrade',
    ref: 'RFC 9110 §7.8',
    meaning: 'Protocols to switch to: offered by a client, confirmed in 101, demanded in 426.',
  },
  {
    name: 'Vary',
    ref: 'RFC 9110 §12.5.5',
    meaning: 'Which request fields the response was selected by, so caches key on them.',
  },
  {
    name: 'Via',
    ref: 'RFC 9110 §7.6.3',
    meaning:
      'The intermediaries a message passed through, each adding its entry: who stands between client and origin.',
  },
  {
    name: 'WWW-Authenticate',
    ref: 'RFC 9110 §11.6.1',
    meaning: "The origin's authentication challenge(s); required in 401.",
  },
];

const byLowerName = new Map(HEADER_MEANINGS.map((h) => [h.name.toLowerCase(), h]));

/** Header names are case-insensitive (RFC 9110 §5.1). */
export function headerMeaning(name: string): HeaderMeaning | undefined {
  return byLowerName.get(name.toLowerCase());
}

export interface HeaderCarrier {
  code: number;
  reason: string;
  level: RequirementLevel;
  ref: string;
  why: string;
}

/** The statuses whose definition says this header should be present, strongest requirement first. */
export function statusesCarrying(name: string): HeaderCarrier[] {
  const wanted = name.toLowerCase();
  const order: Record<RequirementLevel, number> = { MUST: 0, SHOULD: 1, MAY: 2 };
  const out: HeaderCarrier[] = [];
  for (const s of STATUS_CODES) {
    for (const h of s.headers) {
      if (h.header.toLowerCase() === wanted)
        out.push({ code: s.code, reason: s.reason, level: h.level, ref: h.ref, why: h.why });
    }
  }
  return out.sort((a, b) => order[a.level] - order[b.level] || a.code - b.code);
}
