/**
 * HTTP Digest Access Authentication, RFC 7616: the response computation as a pure function.
 * Supported: algorithms MD5, SHA-256, SHA-512-256 and their -sess variants (§3.4.2), qop=auth (§3.4.1)
 * and the RFC 2069 form without qop (kept by §3.4.1's backward-compatibility note), userhash (§3.4.4),
 * and `username*` (RFC 8187 encoding) for non-ASCII names without userhash (§3.4.4). qop=auth-int needs
 * the entity body hash and is not offered by Statuscope: such a challenge is reported, not answered.
 */
import { createHash, randomBytes } from 'node:crypto';
import { quote, type Challenge } from './challenges';

export const DIGEST_ALGORITHMS = [
  'MD5',
  'MD5-sess',
  'SHA-256',
  'SHA-256-sess',
  'SHA-512-256',
  'SHA-512-256-sess',
] as const;
export type DigestAlgorithm = (typeof DIGEST_ALGORITHMS)[number];

/** Stronger first: the order a client picks in when a server offers several (RFC 7616 §3.7). */
const PREFERENCE: readonly DigestAlgorithm[] = [
  'SHA-512-256',
  'SHA-512-256-sess',
  'SHA-256',
  'SHA-256-sess',
  'MD5',
  'MD5-sess',
];

export interface DigestChallenge {
  realm: string;
  nonce: string;
  opaque?: string;
  algorithm: DigestAlgorithm;
  /** The qop values offered; empty for an RFC 2069-style challenge. */
  qop: string[];
  userhash: boolean;
  stale: boolean;
}

export interface DigestInput {
  challenge: DigestChallenge;
  username: string;
  password: string;
  method: string;
  /** The request-target as sent (origin-form: path and query), §3.4.6. */
  uri: string;
  /** Client nonce; random when omitted (tests pass the RFC's). */
  cnonce?: string;
  /** Nonce count; 1 for the first request with a nonce. */
  nc?: number;
}

function hashName(algorithm: DigestAlgorithm): string {
  if (algorithm.startsWith('SHA-512-256')) return 'sha512-256';
  if (algorithm.startsWith('SHA-256')) return 'sha256';
  return 'md5';
}

function h(algorithm: DigestAlgorithm, data: string): string {
  return createHash(hashName(algorithm)).update(data, 'utf8').digest('hex');
}

function toAlgorithm(raw: string | undefined): DigestAlgorithm | undefined {
  if (raw === undefined) return 'MD5'; // §3.3: "If this is not present, it is assumed to be 'MD5'."
  return DIGEST_ALGORITHMS.find((a) => a.toLowerCase() === raw.toLowerCase());
}

/** The Digest challenge to answer among those offered, or why none can be answered. */
export function pickDigestChallenge(
  challenges: readonly Challenge[],
): { ok: true; challenge: DigestChallenge } | { ok: false; reason: string } {
  const candidates: DigestChallenge[] = [];
  const reasons: string[] = [];
  for (const c of challenges) {
    if (c.scheme.toLowerCase() !== 'digest') continue;
    const { realm, nonce } = c.params;
    const algorithm = toAlgorithm(c.params.algorithm);
    const qop = (c.params.qop ?? '')
      .split(',')
      .map((q) => q.trim().toLowerCase())
      .filter((q) => q !== '');
    if (realm === undefined || nonce === undefined) {
      reasons.push('a Digest challenge without realm or nonce');
      continue;
    }
    if (!algorithm) {
      reasons.push(`algorithm ${c.params.algorithm ?? ''} is not supported`);
      continue;
    }
    if (qop.length > 0 && !qop.includes('auth')) {
      reasons.push(`the server offers only qop=${qop.join(',')}, which needs the body hash (auth-int)`);
      continue;
    }
    candidates.push({
      realm,
      nonce,
      ...(c.params.opaque === undefined ? {} : { opaque: c.params.opaque }),
      algorithm,
      qop,
      userhash: (c.params.userhash ?? '').toLowerCase() === 'true',
      stale: (c.params.stale ?? '').toLowerCase() === 'true',
    });
  }
  candidates.sort((a, b) => PREFERENCE.indexOf(a.algorithm) - PREFERENCE.indexOf(b.algorithm));
  const best = candidates[0];
  if (best) return { ok: true, challenge: best };
  return { ok: false, reason: reasons[0] ?? 'the response carries no Digest challenge in WWW-Authenticate' };
}

export function newCnonce(): string {
  return randomBytes(16).toString('hex');
}

/** The `response` value, §3.4.1, and the other values that go into the Authorization header. */
export function digestResponse(input: DigestInput): {
  response: string;
  cnonce: string;
  nc: string;
  qop?: 'auth';
} {
  const { challenge: c, username, password, method, uri } = input;
  const alg = c.algorithm;
  const cnonce = input.cnonce ?? newCnonce();
  const nc = (input.nc ?? 1).toString(16).padStart(8, '0');
  let ha1 = h(alg, `${username}:${c.realm}:${password}`);
  // §3.4.2: for -sess algorithms A1 is computed once per session from the nonce and cnonce.
  if (alg.endsWith('-sess')) ha1 = h(alg, `${ha1}:${c.nonce}:${cnonce}`);
  const ha2 = h(alg, `${method}:${uri}`);
  if (c.qop.length === 0) return { response: h(alg, `${ha1}:${c.nonce}:${ha2}`), cnonce, nc };
  return { response: h(alg, `${ha1}:${c.nonce}:${nc}:${cnonce}:auth:${ha2}`), cnonce, nc, qop: 'auth' };
}

/** RFC 8187 ext-value for `username*`. */
function extValue(value: string): string {
  return `UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The full `Authorization: Digest …` value (§3.4), parameters in the RFC's example order. */
export function digestAuthorization(input: DigestInput): string {
  const c = input.challenge;
  const r = digestResponse(input);
  const parts: string[] = [];
  if (c.userhash) parts.push(`username=${quote(h(c.algorithm, `${input.username}:${c.realm}`))}`);
  // eslint-disable-next-line no-control-regex -- the ASCII range is exactly the test RFC 7616 §3.4.4 describes
  else if (/^[\x00-\x7f]*$/.test(input.username)) parts.push(`username=${quote(input.username)}`);
  else parts.push(`username*=${extValue(input.username)}`);
  parts.push(
    `realm=${quote(c.realm)}`,
    `uri=${quote(input.uri)}`,
    `algorithm=${c.algorithm}`,
    `nonce=${quote(c.nonce)}`,
  );
  if (r.qop) parts.push(`nc=${r.nc}`, `cnonce=${quote(r.cnonce)}`, `qop=${r.qop}`);
  parts.push(`response=${quote(r.response)}`);
  if (c.opaque !== undefined) parts.push(`opaque=${quote(c.opaque)}`);
  if (c.userhash) parts.push('userhash=true');
  return `Digest ${parts.join(', ')}`;
}

/** The request-target of a URL in origin-form (RFC 9112 §3.2.1), which is what `uri` must repeat. */
export function requestTarget(url: string): string {
  const u = new URL(url);
  return `${u.pathname || '/'}${u.search}`;
}
