/**
 * HAR 1.2 out (http://www.softwareishard.com/blog/har-12-spec/): an exchange the engine recorded —
 * every hop of its redirect chain an entry, timings mapped phase by phase — and a collection, each
 * request as it would be sent (variables resolved, simple auth applied) with an empty response.
 */
import type { Auth, SavedRequest, Variable } from '../contract/collection';
import type { ExchangeRecord, Hop, RequestSpec, Timings } from '../contract/exchange';
import { requestSpecSchema } from '../contract/exchange';
import { joinPath, Warnings } from './build';
import { harRequest, type HarNameValue, type HarRequest } from './har-request';
import type { CollectionTree, ImportWarning } from './types';
import { flattenRequests } from './types';

export const HAR_CREATOR = { name: 'Statuscope', version: '1' } as const;

export interface HarTimings {
  blocked: number;
  dns: number;
  connect: number;
  send: number;
  wait: number;
  receive: number;
  ssl: number;
}

export interface HarEntry {
  startedDateTime: string;
  time: number;
  request: HarRequest;
  response: {
    status: number;
    statusText: string;
    httpVersion: string;
    cookies: HarNameValue[];
    headers: HarNameValue[];
    content: {
      size: number;
      compression?: number;
      mimeType: string;
      text?: string;
      encoding?: string;
      comment?: string;
    };
    redirectURL: string;
    headersSize: number;
    bodySize: number;
    comment?: string;
  };
  cache: Record<string, never>;
  timings: HarTimings;
  serverIPAddress?: string;
  connection?: string;
  comment?: string;
}

export interface HarLog {
  log: { version: '1.2'; creator: { name: string; version: string }; entries: HarEntry[]; comment?: string };
}

const round = (ms: number) => Math.round(ms * 1000) / 1000;

function span(from: number | undefined, to: number | undefined): number {
  return from !== undefined && to !== undefined && to >= from ? round(to - from) : -1;
}

/**
 * Hop timings are offsets from the hop's start. HAR phases are durations; `connect` includes `ssl`
 * (HAR 1.2, "timings"), and a phase that did not happen (a reused connection) is -1.
 */
export function harTimings(t: Timings): HarTimings {
  const connectEnd = t.tlsDone ?? t.connected;
  const sendStart = connectEnd ?? t.dnsDone ?? 0;
  return {
    blocked: -1,
    dns: span(0, t.dnsDone),
    connect: span(t.dnsDone ?? 0, connectEnd),
    ssl: span(t.connected, t.tlsDone),
    send: span(sendStart, t.requestSent),
    wait: span(t.requestSent, t.firstByte),
    receive: span(t.firstByte, t.end),
  };
}

function totalTime(t: HarTimings): number {
  return round(
    [t.blocked, t.dns, t.connect, t.send, t.wait, t.receive].filter((x) => x > 0).reduce((a, b) => a + b, 0),
  );
}

function headerValue(headers: readonly (readonly [string, string])[], name: string): string | undefined {
  return headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

/** `Set-Cookie: a=b; Path=/` → {name: a, value: b} (RFC 6265 §4.1.1: the pair comes first). */
function setCookies(headers: readonly (readonly [string, string])[]): HarNameValue[] {
  return headers
    .filter(([n]) => n.toLowerCase() === 'set-cookie')
    .map(([, v]) => {
      const pair = v.split(';')[0] ?? '';
      const eq = pair.indexOf('=');
      return {
        name: (eq < 0 ? pair : pair.slice(0, eq)).trim(),
        value: eq < 0 ? '' : pair.slice(eq + 1).trim(),
      };
    });
}

function hopEntry(record: ExchangeRecord, hop: Hop, startedAt: Date, isLast: boolean): HarEntry {
  const requestLine = hop.requestHead.split('\r\n')[0] ?? '';
  const version = /\sHTTP\/[\d.]+$/.exec(requestLine)?.[0].trim() ?? 'HTTP/1.1';
  const requestHeaders = hop.requestHeaders.map((h) => ({ name: h.name, value: h.value }));
  const contentType = hop.requestHeaders.find((h) => h.name.toLowerCase() === 'content-type')?.value;
  let query: HarNameValue[];
  try {
    query = [...new URL(hop.url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    query = [];
  }
  const request: HarRequest = {
    method: hop.method,
    url: hop.url,
    httpVersion: version,
    cookies: [],
    headers: requestHeaders,
    queryString: query,
    ...(hop.requestBodyBytes > 0
      ? {
          postData: {
            mimeType: contentType ?? 'application/octet-stream',
            text: '',
            comment: 'the request body is not kept in the exchange record',
          },
        }
      : {}),
    headersSize: Buffer.byteLength(hop.requestHead, 'latin1'),
    bodySize: hop.requestBodyBytes,
  };
  const timings = harTimings(hop.timings);
  const r = hop.response;
  const response: HarEntry['response'] = r
    ? {
        status: r.status,
        statusText: r.reason,
        httpVersion: r.httpVersion.startsWith('HTTP/') ? r.httpVersion : `HTTP/${r.httpVersion}`,
        cookies: setCookies(r.headers),
        headers: r.headers.map(([name, value]) => ({ name, value })),
        content: {
          size: r.body.decodedBytes,
          ...(r.body.decodedBytes > r.body.encodedBytes
            ? { compression: r.body.decodedBytes - r.body.encodedBytes }
            : {}),
          mimeType: headerValue(r.headers, 'content-type') ?? r.body.mediaType,
          ...(r.body.previewTruncated
            ? {
                comment: `body not included: ${r.body.decodedBytes} bytes${r.body.file ? `, stored in ${r.body.file}` : ''}`,
              }
            : {
                text: r.body.preview,
                ...(r.body.previewEncoding === 'base64' ? { encoding: 'base64' } : {}),
              }),
        },
        redirectURL: r.status >= 300 && r.status < 400 ? (headerValue(r.headers, 'location') ?? '') : '',
        headersSize: Buffer.byteLength(r.rawHead, 'latin1'),
        bodySize: r.body.encodedBytes,
      }
    : {
        status: 0,
        statusText: '',
        httpVersion: '',
        cookies: [],
        headers: [],
        content: { size: 0, mimeType: 'x-unknown' },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
        ...(isLast && record.error
          ? { comment: `${record.error.code} in phase ${record.error.phase}: ${record.error.message}` }
          : {}),
      };
  return {
    startedDateTime: startedAt.toISOString(),
    time: totalTime(timings),
    request,
    response,
    cache: {},
    timings,
    ...(hop.remote ? { serverIPAddress: hop.remote.address, connection: String(hop.remote.port) } : {}),
    ...(record.mode === 'raw' ? { comment: 'sent in raw mode: the request bytes exactly as typed' } : {}),
  };
}

/** One entry per hop. A hop's start is the exchange's start plus the previous hops' durations. */
export function exchangeToHar(record: ExchangeRecord): HarLog {
  let offset = 0;
  const base = new Date(record.startedAt).getTime();
  const entries = record.hops.map((hop, i) => {
    const entry = hopEntry(record, hop, new Date(base + offset), i === record.hops.length - 1);
    offset += hop.timings.end ?? 0;
    return entry;
  });
  return {
    log: {
      version: '1.2',
      creator: { ...HAR_CREATOR },
      entries,
      ...(record.error && record.hops.length === 0
        ? { comment: `${record.error.code}: ${record.error.message}` }
        : {}),
    },
  };
}

// ---------------------------------------------------------------------------------------------------
// Collections

/** `{{name}}` → value, repeatedly (a value may reference another), bounded so cycles end. */
export function resolveVariables(text: string, values: ReadonlyMap<string, string>): string {
  let out = text;
  for (let i = 0; i < 5; i++) {
    const next = out.replace(
      /\{\{\s*([A-Za-z_][A-Za-z0-9_.-]*)\s*\}\}/g,
      (whole, name: string) => values.get(name) ?? whole,
    );
    if (next === out) break;
    out = next;
  }
  return out;
}

function variableMap(...lists: readonly Variable[][]): Map<string, string> {
  const map = new Map<string, string>();
  for (const list of lists) for (const v of list) if (v.value !== undefined) map.set(v.name, v.value);
  return map;
}

/** Applies the auths a HAR can show statically; digest and OAuth need an exchange, so they are reported. */
function applyAuth(
  spec: RequestSpec,
  auth: Auth,
  resolve: (s: string) => string,
  where: string,
  warnings: Warnings,
): RequestSpec {
  switch (auth.type) {
    case 'inherit':
    case 'none':
      return spec;
    case 'basic':
      return {
        ...spec,
        headers: [
          ...spec.headers,
          [
            'Authorization',
            `Basic ${Buffer.from(`${resolve(auth.username)}:${resolve(auth.password)}`, 'utf8').toString('base64')}`,
          ],
        ],
      };
    case 'bearer':
      return { ...spec, headers: [...spec.headers, ['Authorization', `Bearer ${resolve(auth.token)}`]] };
    case 'apikey': {
      if (auth.in === 'header')
        return { ...spec, headers: [...spec.headers, [resolve(auth.name), resolve(auth.value)]] };
      const sep = spec.url.includes('?') ? '&' : '?';
      return {
        ...spec,
        url: `${spec.url}${sep}${encodeURIComponent(resolve(auth.name))}=${encodeURIComponent(resolve(auth.value))}`,
      };
    }
    case 'digest':
    case 'oauth2-client-credentials':
      warnings.add(
        where,
        `${auth.type} auth needs a live exchange; the HAR entry has no Authorization header`,
      );
      return spec;
    default:
      return spec;
  }
}

function resolvedSpec(request: SavedRequest, values: ReadonlyMap<string, string>): RequestSpec {
  const r = (s: string) => resolveVariables(s, values);
  const body = request.body;
  const resolvedBody =
    body.kind === 'text' || body.kind === 'json' || body.kind === 'xml'
      ? { ...body, text: r(body.text) }
      : body.kind === 'urlencoded'
        ? { ...body, fields: body.fields.map((f) => ({ name: r(f.name), value: r(f.value) })) }
        : body.kind === 'multipart'
          ? {
              ...body,
              parts: body.parts.map((p) =>
                p.kind === 'field'
                  ? { ...p, name: r(p.name), value: r(p.value) }
                  : { ...p, name: r(p.name), path: r(p.path) },
              ),
            }
          : body;
  return requestSpecSchema.parse({
    method: request.method,
    url: r(request.url),
    headers: request.headers.filter((h) => h.enabled).map((h) => [r(h.name), r(h.value)]),
    body: resolvedBody,
    options: request.options,
  });
}

export function collectionToHar(
  tree: CollectionTree,
  opts: { environment?: string; now?: Date } = {},
): { har: HarLog; warnings: ImportWarning[] } {
  const warnings = new Warnings();
  const env =
    opts.environment === undefined ? undefined : tree.environments.find((e) => e.name === opts.environment);
  if (opts.environment !== undefined && !env)
    warnings.add(
      tree.collection.name,
      `environment "${opts.environment}" not found; only collection variables are used`,
    );
  const values = variableMap(tree.collection.variables, env?.variables ?? []);
  const started = (opts.now ?? new Date()).toISOString();
  const entries: HarEntry[] = [];
  for (const { path, request } of flattenRequests(tree.items)) {
    const where = joinPath(path, request.name);
    const own = new Set(request.headers.map((h) => h.name.toLowerCase()));
    const withCollectionHeaders: SavedRequest = {
      ...request,
      headers: [...tree.collection.headers.filter((h) => !own.has(h.name.toLowerCase())), ...request.headers],
    };
    let spec = resolvedSpec(withCollectionHeaders, values);
    const auth = request.auth.type === 'inherit' ? tree.collection.auth : request.auth;
    spec = applyAuth(spec, auth, (s) => resolveVariables(s, values), where, warnings);
    const left = [
      ...new Set(
        [spec.url, ...spec.headers.flat()].flatMap((s) =>
          [...s.matchAll(/\{\{\s*([^}]+?)\s*\}\}/g)].map((m) => m[1]),
        ),
      ),
    ];
    if (left.length)
      warnings.add(
        where,
        `variable${left.length > 1 ? 's' : ''} ${left.map((l) => `{{${l}}}`).join(', ')} ha${left.length > 1 ? 've' : 's'} no value; left as written`,
      );
    entries.push({
      startedDateTime: started,
      time: 0,
      request: { ...harRequest(spec), comment: where },
      response: {
        status: 0,
        statusText: '',
        httpVersion: '',
        cookies: [],
        headers: [],
        content: { size: 0, mimeType: 'x-unknown' },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
        comment: 'not sent: exported from a collection',
      },
      cache: {},
      timings: { blocked: -1, dns: -1, connect: -1, send: 0, wait: 0, receive: 0, ssl: -1 },
    });
  }
  return {
    har: {
      log: {
        version: '1.2',
        creator: { ...HAR_CREATOR },
        entries,
        comment: `Collection "${tree.collection.name}"`,
      },
    },
    warnings: warnings.list,
  };
}
