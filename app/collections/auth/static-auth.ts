/**
 * Auth schemes that need no round trip, applied to a request's headers or URL. A header the user typed
 * explicitly wins over the helper (the product promises exact control of what is sent).
 */
import { assertNever } from '../../common/result';
import type { Auth } from '../../contract/collection';
import type { HeaderPair } from '../../contract/exchange';

export function hasHeader(headers: readonly HeaderPair[], name: string): boolean {
  const wanted = name.toLowerCase();
  return headers.some(([n]) => n.toLowerCase() === wanted);
}

/** RFC 7617 §2: `Basic base64(user-id ":" password)`, encoded as UTF-8 (§2.1, charset="UTF-8"). */
export function basicCredentials(username: string, password: string): string {
  return `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;
}

/** Appends `name=value` to the query, before any fragment, without re-encoding what is already there. */
export function appendQuery(url: string, name: string, value: string): string {
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  const sep = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${sep}${encodeURIComponent(name)}=${encodeURIComponent(value)}${fragment}`;
}

export type StaticAuth = Extract<Auth, { type: 'none' | 'basic' | 'bearer' | 'apikey' }>;

export function isStaticAuth(auth: Auth): auth is StaticAuth {
  return auth.type === 'none' || auth.type === 'basic' || auth.type === 'bearer' || auth.type === 'apikey';
}

export function applyStaticAuth(
  auth: StaticAuth,
  url: string,
  headers: HeaderPair[],
): { url: string; headers: HeaderPair[] } {
  switch (auth.type) {
    case 'none':
      return { url, headers };
    case 'basic':
      return hasHeader(headers, 'authorization')
        ? { url, headers }
        : { url, headers: [...headers, ['Authorization', basicCredentials(auth.username, auth.password)]] };
    case 'bearer':
      // RFC 6750 §2.1: the Authorization request header field with the "Bearer" scheme.
      return hasHeader(headers, 'authorization')
        ? { url, headers }
        : { url, headers: [...headers, ['Authorization', `Bearer ${auth.token}`]] };
    case 'apikey':
      if (auth.in === 'query') return { url: appendQuery(url, auth.name, auth.value), headers };
      return hasHeader(headers, auth.name)
        ? { url, headers }
        : { url, headers: [...headers, [auth.name, auth.value]] };
    default:
      return assertNever(auth, 'auth type');
  }
}
