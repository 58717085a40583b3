/**
 * The proxy's cache, holding one stale 501 by design: a response an earlier release of the origin sent for
 * /api/legacy/export before the export shipped, stored with an explicit lifetime. 501 is heuristically
 * cacheable (RFC 9110 §15.6.2), so caches do keep them; this one serves it with `Age` (RFC 9111 §5.1)
 * until a client bypasses it. The origin's current answer carries `no-store`, so a bypass shows it without
 * replacing the stored 501, and the case stays reproducible for a whole class.
 */
import type { HeaderPair } from '../contract/exchange';
import { headerGet, httpDate, listMembers } from './http-head';
import { jsonBody } from './http-response';
import { ORIGIN_SERVER } from './origin-resources';
import { PROXY_NAME } from './proxy-pages';
import type { LabRequest } from './request-reader';

interface StoredResponse {
  status: number;
  headers: HeaderPair[];
  body: string;
  /** When the response was received from the origin (ms since epoch). */
  storedAt: number;
  /** From `Cache-Control: max-age` of the stored response, in seconds. */
  maxAge: number;
}

export const CACHED_PATH = '/api/legacy/export';
/** How old the stored 501 already is when the lab starts. */
const INITIAL_AGE_S = 37 * 60;

export class ProxyCache {
  private readonly entries = new Map<string, StoredResponse>();

  constructor(now = Date.now()) {
    const storedAt = now - INITIAL_AGE_S * 1000;
    this.entries.set(CACHED_PATH, {
      status: 501,
      headers: [
        ['Server', ORIGIN_SERVER],
        ['Date', httpDate(new Date(storedAt))],
        ['Content-Type', 'application/json'],
        ['Cache-Control', 'public, max-age=86400'],
      ],
      body: jsonBody({ error: 'not_implemented', message: 'CSV export is not implemented in this release.' }),
      storedAt,
      maxAge: 86_400,
    });
  }

  /** A fresh stored response for a GET or HEAD, with `Age` and `X-Cache: HIT`, unless the request bypasses the cache. */
  lookup(
    request: LabRequest,
    path: string,
    now = Date.now(),
  ): { status: number; headers: HeaderPair[]; body: string } | null {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    if (bypassesCache(request)) return null;
    const entry = this.entries.get(path);
    if (entry === undefined) return null;
    const age = Math.max(0, Math.floor((now - entry.storedAt) / 1000));
    if (age >= entry.maxAge) return null;
    return {
      status: entry.status,
      headers: [...entry.headers, ['Age', String(age)], ['X-Cache', `HIT from ${PROXY_NAME}`]],
      body: entry.body,
    };
  }

  /** RFC 9111 §4.4: a non-error response to an unsafe method invalidates the stored response for the target. */
  invalidateAfter(method: string, path: string, status: number): void {
    const safe = method === 'GET' || method === 'HEAD' || method === 'OPTIONS' || method === 'TRACE';
    if (!safe && status >= 200 && status < 400) this.entries.delete(path);
  }
}

/** `Cache-Control: no-cache` / `no-store` / `max-age=0`, or `Pragma: no-cache` without Cache-Control (RFC 9111 §5.2.1, §5.4). */
export function bypassesCache(request: LabRequest): boolean {
  const cc = headerGet(request.headers, 'cache-control');
  if (cc === undefined) return listMembers(headerGet(request.headers, 'pragma')).includes('no-cache');
  return listMembers(cc).some((d) => d === 'no-cache' || d === 'no-store' || /^max-age\s*=\s*"?0"?$/.test(d));
}
