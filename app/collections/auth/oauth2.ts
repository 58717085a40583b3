/**
 * OAuth 2.0 client credentials grant (RFC 6749 §4.4): POST `grant_type=client_credentials` to the token
 * endpoint, authenticating the client with HTTP Basic (§2.3.1, which every server must support), and use
 * the access token as a Bearer token (RFC 6750). Tokens are cached until shortly before `expires_in`;
 * a token without `expires_in` is reused until a 401 invalidates it (the send flow then fetches once more).
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fail, ok, type Result } from '../../common/result';
import { finalResponse } from '../../common/exchange';
import type { Auth } from '../../contract/collection';
import { requestSpecSchema, type ExchangeRecord } from '../../contract/exchange';
import type { Sender } from './sender';

export type ClientCredentials = Extract<Auth, { type: 'oauth2-client-credentials' }>;

/** Refresh this long before the server's expiry, so a token does not lapse in flight. */
const EXPIRY_SKEW_MS = 30_000;

interface CachedToken {
  accessToken: string;
  /** Epoch ms after which the token is not used; undefined = until invalidated. */
  expiresAt?: number;
}

export class OAuth2TokenCache {
  private readonly tokens = new Map<string, CachedToken>();
  constructor(private readonly now: () => number = Date.now) {}

  static key(auth: ClientCredentials): string {
    const secret = createHash('sha256').update(auth.clientSecret).digest('hex').slice(0, 16);
    return JSON.stringify([auth.tokenUrl, auth.clientId, auth.scope ?? '', secret]);
  }

  get(auth: ClientCredentials): string | undefined {
    const key = OAuth2TokenCache.key(auth);
    const t = this.tokens.get(key);
    if (!t) return undefined;
    if (t.expiresAt !== undefined && this.now() >= t.expiresAt) {
      this.tokens.delete(key);
      return undefined;
    }
    return t.accessToken;
  }

  set(auth: ClientCredentials, accessToken: string, expiresInSeconds: number | undefined): void {
    const lifetime = expiresInSeconds === undefined ? undefined : expiresInSeconds * 1000;
    const skew = lifetime === undefined ? 0 : Math.min(EXPIRY_SKEW_MS, lifetime / 2);
    this.tokens.set(OAuth2TokenCache.key(auth), {
      accessToken,
      ...(lifetime === undefined ? {} : { expiresAt: this.now() + lifetime - skew }),
    });
  }

  invalidate(auth: ClientCredentials): void {
    this.tokens.delete(OAuth2TokenCache.key(auth));
  }
}

/** RFC 6749 §5.1 (success) and §5.2 (error) response bodies. */
const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.union([z.number(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
});
const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

/** §2.3.1: client id and secret are form-urlencoded before Basic encoding. */
function clientBasic(auth: ClientCredentials): string {
  const form = (s: string) => encodeURIComponent(s).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${form(auth.clientId)}:${form(auth.clientSecret)}`, 'utf8').toString('base64')}`;
}

export interface TokenOutcome {
  accessToken: string;
  cached: boolean;
  /** The token request as sent and answered, when one was made (shown beside the main exchange). */
  exchange?: ExchangeRecord;
}

export async function clientCredentialsToken(
  auth: ClientCredentials,
  send: Sender,
  cache: OAuth2TokenCache,
  opts: { signal?: AbortSignal; rejectUnauthorized?: boolean } = {},
): Promise<Result<TokenOutcome>> {
  const hit = cache.get(auth);
  if (hit !== undefined) return ok({ accessToken: hit, cached: true });
  const fields = [
    { name: 'grant_type', value: 'client_credentials' },
    ...(auth.scope ? [{ name: 'scope', value: auth.scope }] : []),
  ];
  const spec = requestSpecSchema.parse({
    method: 'POST',
    url: auth.tokenUrl,
    headers: [
      ['Authorization', clientBasic(auth)],
      ['Accept', 'application/json'],
    ],
    body: { kind: 'urlencoded', fields },
    options: { rejectUnauthorized: opts.rejectUnauthorized ?? true },
  });
  const sent = await send(spec, opts.signal ? { signal: opts.signal } : {});
  if (!sent.ok) {
    return fail(
      'auth.oauth2-token-request',
      `The token request to ${auth.tokenUrl} failed: ${sent.error.message}`,
      { detail: { cause: sent.error.code } },
    );
  }
  const response = finalResponse(sent.value);
  if (!response)
    return fail('auth.oauth2-token-request', `The token endpoint ${auth.tokenUrl} sent no response.`);
  const body =
    response.body.previewEncoding === 'utf8' && !response.body.previewTruncated
      ? response.body.preview
      : undefined;
  let json: unknown;
  try {
    json = body === undefined ? undefined : JSON.parse(body);
  } catch {
    json = undefined;
  }
  if (response.status < 200 || response.status > 299) {
    const e = tokenErrorSchema.safeParse(json);
    const why = e.success
      ? `${e.data.error}${e.data.error_description ? ` (${e.data.error_description})` : ''}`
      : `status ${response.status}`;
    return fail('auth.oauth2-token-rejected', `The token endpoint refused the client credentials: ${why}.`, {
      detail: { status: response.status, error: e.success ? e.data.error : null },
    });
  }
  const parsed = tokenResponseSchema.safeParse(json);
  if (!parsed.success) {
    return fail(
      'auth.oauth2-token-invalid',
      `The token endpoint's answer is not an RFC 6749 §5.1 token response (JSON with access_token and token_type).`,
    );
  }
  // RFC 6750 tokens only: another token_type (mac, DPoP) needs a different way of presenting it.
  if (parsed.data.token_type.toLowerCase() !== 'bearer') {
    return fail(
      'auth.oauth2-token-type',
      `The token endpoint issued a "${parsed.data.token_type}" token; Statuscope presents Bearer tokens only.`,
    );
  }
  cache.set(auth, parsed.data.access_token, parsed.data.expires_in);
  return ok({ accessToken: parsed.data.access_token, cached: false, exchange: sent.value });
}
