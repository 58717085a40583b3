/**
 * Pieces of HTTP/1.1 message syntax (RFC 9112) shared by the lab's request reader, its response reader
 * and its writers. The lab parses by hand on raw `net` sockets because node:http's parser rejects unknown
 * and lower-case methods (and unknown transfer codings) before application code runs, and the lab must
 * answer exactly those requests itself.
 */
import type { HeaderPair } from '../contract/exchange';

/** RFC 9110 §5.6.2 token. */
export const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** Upper bounds that keep a misbehaving client from holding memory (the lab faces whatever a learner types). */
export const LIMITS = {
  /** Request line plus headers (RFC 9112 §2.3 leaves the limit to the server; 431 above it, RFC 6585 §5). */
  maxHeadBytes: 16 * 1024,
  /** Longest request line before the server answers 414 (RFC 9112 §3). */
  maxRequestLineBytes: 8 * 1024,
  maxHeaderCount: 100,
  /** Request bodies above this earn 413 (RFC 9110 §15.5.14). */
  maxRequestBodyBytes: 1024 * 1024,
  /** The proxy relays at most this much of an upstream response; the origin never sends more. */
  maxResponseBodyBytes: 8 * 1024 * 1024,
  /** A chunk-size line with extensions (RFC 9112 §7.1.1). */
  maxChunkLineBytes: 1024,
} as const;

export type HeaderParse = { ok: true; headers: HeaderPair[] } | { ok: false; reason: string };

/**
 * Parses header field lines. Rejects what RFC 9112 tells a server to reject rather than guess about:
 * whitespace between the name and the colon (§5.1, MUST 400) and obsolete line folding (§5.2, MAY 400).
 */
export function parseHeaderLines(lines: readonly string[]): HeaderParse {
  const headers: HeaderPair[] = [];
  for (const line of lines) {
    if (line.length === 0) continue;
    if (line.startsWith(' ') || line.startsWith('\t'))
      return { ok: false, reason: 'obsolete line folding in a header (RFC 9112 §5.2)' };
    const colon = line.indexOf(':');
    if (colon <= 0) return { ok: false, reason: 'a header line without a name and colon (RFC 9112 §5)' };
    const name = line.slice(0, colon);
    if (!TOKEN.test(name))
      return { ok: false, reason: `the header name ${JSON.stringify(name)} is not a token (RFC 9112 §5.1)` };
    const value = line.slice(colon + 1).trim();
    if (/[\0\r\n]/.test(value))
      return { ok: false, reason: 'a header value contains NUL, CR or LF (RFC 9110 §5.5)' };
    headers.push([name, value]);
  }
  return { ok: true, headers };
}

export function headerGet(headers: readonly HeaderPair[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  const values = headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
  return values.length === 0 ? undefined : values.join(', ');
}

export function headerHas(headers: readonly HeaderPair[], name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some(([n]) => n.toLowerCase() === wanted);
}

/** Comma-separated list members, lower-cased and trimmed (RFC 9110 §5.6.1). */
export function listMembers(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s.length > 0);
}

/**
 * Content-Length (RFC 9112 §6.3): digits only; repeated identical values may be collapsed, differing
 * values make the framing unreliable. Returns null when absent, 'invalid' when unusable.
 */
export function contentLength(headers: readonly HeaderPair[]): number | null | 'invalid' {
  const values = headers
    .filter(([n]) => n.toLowerCase() === 'content-length')
    .flatMap(([, v]) => v.split(','));
  if (values.length === 0) return null;
  const trimmed = new Set(values.map((v) => v.trim()));
  if (trimmed.size !== 1) return 'invalid';
  const [only] = [...trimmed];
  if (only === undefined || !/^\d{1,15}$/.test(only)) return 'invalid';
  return Number(only);
}

/** Hop-by-hop fields a proxy must not forward (RFC 9110 §7.6.1), plus every field `Connection` names. */
export function hopByHopNames(headers: readonly HeaderPair[]): Set<string> {
  const names = new Set([
    'connection',
    'keep-alive',
    'proxy-connection',
    'te',
    'transfer-encoding',
    'upgrade',
    'trailer',
  ]);
  for (const member of listMembers(headerGet(headers, 'connection'))) names.add(member);
  return names;
}

/** IMF-fixdate for the Date header (RFC 9110 §5.6.7). */
export function httpDate(at: Date = new Date()): string {
  return at.toUTCString();
}
