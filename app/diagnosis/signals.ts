/**
 * Passive signals: everything the diagnosis can read from one exchange, without sending anything.
 * Pure; the cause scorers (causes/*.ts) and the hop model (hops.ts) work from this value only.
 */
import { finalHop, headerValue, headerValues } from '../common/exchange';
import type { ExchangeRecord, HeaderPair } from '../contract/exchange';
import { matchFingerprints, type FingerprintMatch } from '../knowledge/fingerprints';
import { parseAppError, visibleText, bodyText, type AppErrorBody } from './body';
import { methodFacts, type MethodFacts } from './method-facts';
import { analyseAuthor, type AuthorAnalysis } from './author';

export interface RequestFeatures {
  /** The Transfer-Encoding value when it is anything but exactly `chunked` (RFC 9112 §6.1). */
  unusualTransferEncoding: string | null;
  transferEncoding: string | null;
  /** An Expect other than 100-continue (RFC 9110 §10.1.1). */
  unusualExpect: string | null;
  upgrade: string | null;
  contentEncoding: string | null;
  /** The version in the request line as sent (`HTTP/1.1`, `HTTP/1.0`, `HTTP/2.0` typed in raw mode). */
  version: string;
  unusualVersion: boolean;
}

export interface BodyMentions {
  /** The body or reason refuses a method ("method X is not supported", "Unsupported method ('X')", "unknown method"). */
  methodRejection: string | null;
  /** The refusal names the request's own method token (a generic "unsupported method" does not). */
  methodNamed: boolean;
  /** The body talks about transfer codings / Transfer-Encoding. */
  transferCoding: string | null;
  /** "by this server", "for any resource": the refusal is server-wide. */
  serverScope: string | null;
  /** The body names the request path, or says "this endpoint": the refusal is about this resource. */
  endpointScope: string | null;
  /** "not implemented yet", "coming soon", "planned": a placeholder. */
  stubPhrase: string | null;
  /** A stack trace or runtime failure text (misused 501). */
  runtimeFailure: string | null;
}

export interface CacheSignals {
  age: number | null;
  /** The header that says the response came from a cache (`X-Cache: HIT from …`), if any. */
  hit: string | null;
  /** The header that says it did not (`X-Cache: MISS …`), if any. */
  miss: string | null;
}

export interface PassiveSignals {
  method: string;
  url: string;
  path: string;
  requestHeaders: HeaderPair[];
  features: RequestFeatures;
  methodFacts: MethodFacts;
  status: number;
  reason: string;
  responseVersion: string;
  headers: HeaderPair[];
  body: string;
  bodyVisible: string;
  bodyEmpty: boolean;
  mediaType: string;
  allow: string[] | null;
  via: string[];
  cache: CacheSignals;
  fingerprints: FingerprintMatch[];
  appError: AppErrorBody | null;
  /** The body is just the reason phrase ("Not Implemented"), as res.sendStatus() writes it. */
  bareStatusText: boolean;
  mentions: BodyMentions;
  author: AuthorAnalysis;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function firstMatch(re: RegExp, ...texts: string[]): string | null {
  for (const t of texts) {
    const m = re.exec(t);
    if (m) return m[0].slice(0, 160);
  }
  return null;
}

function requestFeatures(headers: readonly HeaderPair[], requestHead: string): RequestFeatures {
  const te = headerValues(headers, 'transfer-encoding').join(', ').trim();
  const expect = headerValue(headers, 'expect')?.trim() ?? null;
  const firstLine = requestHead.slice(
    0,
    requestHead.indexOf('\r\n') >= 0 ? requestHead.indexOf('\r\n') : undefined,
  );
  const version = /\s(HTTP\/\S+)\s*$/.exec(firstLine)?.[1] ?? 'HTTP/1.1';
  return {
    transferEncoding: te === '' ? null : te,
    unusualTransferEncoding: te !== '' && te.toLowerCase() !== 'chunked' ? te : null,
    unusualExpect: expect !== null && expect.toLowerCase() !== '100-continue' ? expect : null,
    upgrade: headerValue(headers, 'upgrade') ?? null,
    contentEncoding: headerValue(headers, 'content-encoding') ?? null,
    version,
    unusualVersion: version !== 'HTTP/1.1' && version !== 'HTTP/1.0',
  };
}

function cacheSignals(headers: readonly HeaderPair[]): CacheSignals {
  const ageRaw = headerValue(headers, 'age');
  const age = ageRaw !== undefined && /^\d+$/.test(ageRaw.trim()) ? Number(ageRaw.trim()) : null;
  let hit: string | null = null;
  let miss: string | null = null;
  const consider = (name: string, value: string, hitRe: RegExp, missRe: RegExp) => {
    if (hit === null && hitRe.test(value)) hit = `${name}: ${value}`;
    else if (miss === null && missRe.test(value)) miss = `${name}: ${value}`;
  };
  for (const [name, value] of headers) {
    const n = name.toLowerCase();
    // X-Cache (Squid, Varnish, CloudFront, Fastly), CF-Cache-Status (Cloudflare), Cache-Status (RFC 9211 §2).
    if (n === 'x-cache') consider(name, value, /\bHIT\b/i, /\b(MISS|PASS|Error)\b/i);
    else if (n === 'cf-cache-status')
      consider(name, value, /^(HIT|STALE|UPDATING|REVALIDATED)$/i, /^(MISS|BYPASS|DYNAMIC|EXPIRED)$/i);
    else if (n === 'cache-status') consider(name, value, /;\s*hit\b/i, /;\s*fwd=/i);
    else if (n === 'x-cache-status') consider(name, value, /^(HIT|STALE)$/i, /^(MISS|BYPASS|EXPIRED)$/i);
  }
  return { age, hit, miss };
}

function bodyMentions(s: {
  method: string;
  path: string;
  reason: string;
  visible: string;
  app: AppErrorBody | null;
}): BodyMentions {
  const m = escapeRe(s.method);
  const appText = s.app ? `${s.app.code ?? ''} ${s.app.message ?? ''}` : '';
  const texts = [s.reason, s.visible];
  const named = new RegExp(
    [
      `unsupported (request )?method\\W{0,3}${m}\\b['")\\]]{0,3}`,
      `(request )?method\\W{0,3}${m}\\W{0,3} (is )?not (supported|implemented|recogni[sz]ed|known)`,
      `\\b${m} (is )?not (supported|implemented) (for|by|on)`,
      `HTTP requests using the ${m} method are not supported`,
    ].join('|'),
    'i',
  );
  // A generic refusal that does not name the method; "Unsupported Request Method and Protocol" (Squid's
  // ERR_UNSUP_REQ) covers framing too, so it is not read as a method refusal.
  const generic =
    /(unknown|unrecogni[sz]ed|invalid|unsupported) (http |request )?(method|verb)(?! and protocol)|request method not supported/i;
  const namedHit = firstMatch(named, ...texts);
  const pathTail = s.path.length > 1 ? escapeRe(s.path.split('?')[0] ?? s.path) : null;
  return {
    methodRejection: namedHit ?? firstMatch(generic, ...texts),
    methodNamed: namedHit !== null,
    transferCoding: firstMatch(/transfer[- ]?(encoding|coding)s?|unknown "?transfer/i, ...texts),
    serverScope: firstMatch(
      /by this server|server-wide|for any resource|on this server|server does not (support|recogni[sz]e) (the|this) (request )?method/i,
      ...texts,
    ),
    endpointScope:
      firstMatch(
        /this (endpoint|route|resource|operation|api)\b|for current URL|for this URI/i,
        ...texts,
        appText,
      ) ?? (pathTail ? firstMatch(new RegExp(`${pathTail}(\\b|$)`), s.visible, appText) : null),
    stubPhrase: firstMatch(
      /not (yet )?implemented yet|not yet implemented|coming soon|will be (available|implemented)|planned for|under construction|placeholder|to ?do\b|deprecated|retired|sunset/i,
      s.visible,
      appText,
    ),
    runtimeFailure: firstMatch(
      /Traceback \(most recent call last\)|\bat [\w$.]+\([\w$]+\.(java|kt|scala):\d+\)|\bat [\w$.<>]+ \(.*:\d+:\d+\)|Exception Report|\b\w+(Exception|Error): |\bstack ?trace\b|\binternal (server )?error\b|\bunexpected error\b|\bnull ?pointer\b|\bsegmentation fault\b|\bdeadlock\b|\bout of memory\b|\bconnection refused\b|\btimed? ?out\b/i,
      s.visible,
      appText,
    ),
  };
}

/**
 * The URL of the resource the request was about. In raw mode the hop's URL is only where the bytes were
 * sent (RawRequest.target's path is ignored), so an origin-form request-target in the request line
 * (RFC 9112 §3.2.1) names the path; an absolute-form one names the whole URL.
 */
export function resourceUrl(hopUrl: string, requestHead: string): string {
  const target = /^\S+ (\S+)/.exec(requestHead)?.[1];
  if (target === undefined) return hopUrl;
  try {
    if (target.startsWith('/') && !target.startsWith('//')) return new URL(target, hopUrl).href;
    if (/^https?:\/\//i.test(target)) return new URL(target).href;
  } catch {
    return hopUrl;
  }
  return hopUrl;
}

export function extractSignals(exchange: ExchangeRecord): PassiveSignals {
  const hop = finalHop(exchange);
  const response = hop?.response;
  const requestHeaders: HeaderPair[] =
    hop && hop.requestHeaders.length > 0
      ? hop.requestHeaders.map((h) => [h.name, h.value])
      : exchange.request.headers;
  const method = hop?.method ?? exchange.request.method;
  const url = resourceUrl(hop?.url ?? exchange.request.url, hop?.requestHead ?? '');
  let path: string;
  let urlHost = '';
  try {
    const u = new URL(url);
    path = `${u.pathname}${u.search}`;
    urlHost = u.host;
  } catch {
    path = url;
  }
  const headers = response?.headers ?? [];
  const body = bodyText(response?.body);
  const mediaType =
    response?.body.mediaType ?? (headerValue(headers, 'content-type') ?? '').split(';')[0]?.trim() ?? '';
  const reason = response?.reason ?? '';
  const visible = /html|xml/i.test(mediaType) || /^\s*</.test(body) ? visibleText(body) : body.trim();
  const appError = parseAppError(body, mediaType);
  const allowRaw = headerValues(headers, 'allow');
  const fingerprints = matchFingerprints({ headers, reason, body });
  const features = requestFeatures(requestHeaders, hop?.requestHead ?? '');
  const mentions = bodyMentions({ method, path, reason, visible, app: appError });
  const bareStatusText = visible !== '' && reason !== '' && visible.toLowerCase() === reason.toLowerCase();
  const base = {
    method,
    url,
    path,
    requestHeaders,
    features,
    methodFacts: methodFacts(method),
    status: response?.status ?? 0,
    reason,
    responseVersion: response?.httpVersion ?? '',
    headers,
    body,
    bodyVisible: visible,
    bodyEmpty: body.length === 0,
    mediaType,
    allow:
      allowRaw.length > 0
        ? allowRaw
            .join(',')
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : null,
    via: headerValues(headers, 'via').flatMap((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
    cache: cacheSignals(headers),
    fingerprints,
    appError,
    bareStatusText,
    mentions,
  };
  return { ...base, author: analyseAuthor({ ...base, urlHost }) };
}
