/**
 * The Digest round trip (RFC 7616 §3.3–3.4): send without credentials, read the 401's WWW-Authenticate
 * challenge, resend with the computed Authorization. Both exchanges are returned so the user sees the
 * challenge as well as the answer.
 */
import { ok, type Result } from '../../common/result';
import { finalHop, headerValues } from '../../common/exchange';
import type { ExchangeRecord, RequestSpec } from '../../contract/exchange';
import { parseChallenges } from './challenges';
import { digestAuthorization, pickDigestChallenge, requestTarget } from './digest';
import type { Sender } from './sender';
import { hasHeader } from './static-auth';

export interface DigestOutcome {
  /** The exchange to show: the authenticated retry, or the first one when no retry was possible. */
  exchange: ExchangeRecord;
  /** The request as sent for `exchange` (with the Authorization header after a retry). */
  spec: RequestSpec;
  /** The unauthenticated first exchange whose 401 carried the challenge, when a retry happened. */
  challengeExchange?: ExchangeRecord;
  /** Why no retry happened although the server answered 401 (no usable Digest challenge). */
  note?: string;
}

export async function sendWithDigest(
  spec: RequestSpec,
  credentials: { username: string; password: string },
  send: Sender,
  opts: { signal?: AbortSignal } = {},
): Promise<Result<DigestOutcome>> {
  // A typed Authorization header is the user's choice: send it as is, no challenge dance.
  if (hasHeader(spec.headers, 'authorization')) {
    const only = await send(spec, opts);
    return only.ok ? ok({ exchange: only.value, spec }) : only;
  }
  const first = await send(spec, opts);
  if (!first.ok) return first;
  const hop = finalHop(first.value);
  const response = hop?.response;
  if (!hop || !response || response.status !== 401) return ok({ exchange: first.value, spec });
  const picked = pickDigestChallenge(parseChallenges(headerValues(response.headers, 'www-authenticate')));
  if (!picked.ok)
    return ok({ exchange: first.value, spec, note: `Digest auth not attempted: ${picked.reason}.` });
  // The 401 came from the last hop; answer there (after redirects the URL may differ from the spec's).
  const url = hop.url;
  const authorization = digestAuthorization({
    challenge: picked.challenge,
    username: credentials.username,
    password: credentials.password,
    method: spec.method,
    uri: requestTarget(url),
  });
  const retry: RequestSpec = { ...spec, url, headers: [...spec.headers, ['Authorization', authorization]] };
  const second = await send(retry, opts);
  if (!second.ok) return second;
  return ok({ exchange: second.value, spec: retry, challengeExchange: first.value });
}
