/**
 * Sending a resolved collection request: refuse while placeholders are unresolved, attach the
 * collection's cookies, run the auth that needs a round trip (OAuth 2 token, Digest challenge), send,
 * and keep the Set-Cookie answers. Every exchange made on the way is returned, in order, so the UI and
 * history show the token request and the 401 challenge as well as the final answer.
 */
import { ok, type Result } from '../common/result';
import { finalResponse } from '../common/exchange';
import { requestSpecSchema, type ExchangeRecord, type RequestSpec } from '../contract/exchange';
import { sendWithDigest } from './auth/digest-flow';
import { clientCredentialsToken, type OAuth2TokenCache } from './auth/oauth2';
import type { Sender } from './auth/sender';
import { hasHeader } from './auth/static-auth';
import { requireResolved } from './resolve';
import type { ResolvedRequest, SendOutcome, SentExchange } from './types';

export type { ExchangeRole, SendOutcome, SentExchange } from './types';

export interface CookieBinding {
  attach(spec: RequestSpec): Promise<RequestSpec>;
  store(exchange: ExchangeRecord): Promise<number>;
}

export interface SendDeps {
  send: Sender;
  tokens: OAuth2TokenCache;
  /** The collection's cookie jar; absent to send without cookies (e.g. `--no-cookies`). */
  cookies?: CookieBinding;
  signal?: AbortSignal;
}

export async function sendResolved(resolved: ResolvedRequest, deps: SendDeps): Promise<Result<SendOutcome>> {
  const ready = requireResolved(resolved);
  if (!ready.ok) return ready;
  const opts = deps.signal ? { signal: deps.signal } : {};
  const exchanges: SentExchange[] = [];
  const notes: string[] = [];
  let spec = deps.cookies ? await deps.cookies.attach(resolved.spec) : resolved.spec;
  const pending = resolved.pendingAuth;
  let final: ExchangeRecord;

  if (pending?.type === 'oauth2-client-credentials') {
    const withToken = async (): Promise<Result<{ spec: RequestSpec; cached: boolean }>> => {
      const token = await clientCredentialsToken(pending, deps.send, deps.tokens, {
        ...opts,
        rejectUnauthorized: spec.options.rejectUnauthorized,
      });
      if (!token.ok) return token;
      if (token.value.exchange)
        exchanges.push({
          role: 'token',
          spec: tokenSpecOf(token.value.exchange),
          exchange: token.value.exchange,
        });
      const authed: RequestSpec = hasHeader(spec.headers, 'authorization')
        ? spec
        : { ...spec, headers: [...spec.headers, ['Authorization', `Bearer ${token.value.accessToken}`]] };
      return ok({ spec: authed, cached: token.value.cached });
    };
    const first = await withToken();
    if (!first.ok) return first;
    let sent = await deps.send(first.value.spec, opts);
    if (!sent.ok) return sent;
    // A cached token the server no longer accepts: fetch a fresh one and try once more (RFC 6750 §3.1, invalid_token).
    if (first.value.cached && finalResponse(sent.value)?.status === 401) {
      exchanges.push({ role: 'challenge', spec: first.value.spec, exchange: sent.value });
      deps.tokens.invalidate(pending);
      const fresh = await withToken();
      if (!fresh.ok) return fresh;
      sent = await deps.send(fresh.value.spec, opts);
      if (!sent.ok) return sent;
      spec = fresh.value.spec;
    } else {
      spec = first.value.spec;
    }
    final = sent.value;
  } else if (pending?.type === 'digest') {
    const outcome = await sendWithDigest(spec, pending, deps.send, opts);
    if (!outcome.ok) return outcome;
    if (outcome.value.challengeExchange) {
      exchanges.push({ role: 'challenge', spec, exchange: outcome.value.challengeExchange });
      spec = outcome.value.spec;
    }
    if (outcome.value.note) notes.push(outcome.value.note);
    final = outcome.value.exchange;
  } else {
    const sent = await deps.send(spec, opts);
    if (!sent.ok) return sent;
    final = sent.value;
  }
  exchanges.push({ role: 'request', spec, exchange: final });
  if (deps.cookies) for (const e of exchanges) await deps.cookies.store(e.exchange);
  return ok({ exchange: final, spec, exchanges, notes });
}

/** The token request as a spec, for history: rebuilt from what the record says was sent. */
function tokenSpecOf(exchange: ExchangeRecord): RequestSpec {
  return requestSpecSchema.parse({
    method: exchange.request.method,
    url: exchange.request.url,
    headers: exchange.request.headers,
  });
}
