/**
 * The state of one curl request while its options are read, and what each option does to it
 * (curl's manual, https://curl.se/docs/manpage.html). curl-import.ts walks the words; this applies them.
 */
import type { Auth, HeaderRow } from '../contract/collection';
import type { MultipartPart, RequestOptionsInput } from '../contract/exchange';

/** curl's --data-urlencode encoding: everything but RFC 3986 unreserved characters is percent-encoded. */
function curlEncode(text: string): string {
  return encodeURIComponent(text).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export type DataPiece = { text: string } | { file: string; strip: boolean };

export interface CurlRequest {
  method?: string;
  urls: string[];
  headers: { row: HeaderRow; explicit: boolean }[];
  removed: string[];
  data: DataPiece[];
  json: boolean;
  parts: MultipartPart[];
  cookies: string[];
  auth?: Auth;
  authScheme: 'basic' | 'digest' | 'other';
  get: boolean;
  head: boolean;
  uploadFile?: string;
  options: Partial<RequestOptionsInput>;
  location: boolean;
  maxRedirs?: number;
  compressed: boolean;
  urlQuery: string[];
  notes: string[];
}

export function fresh(): CurlRequest {
  return {
    urls: [],
    headers: [],
    removed: [],
    data: [],
    json: false,
    parts: [],
    cookies: [],
    authScheme: 'basic',
    get: false,
    head: false,
    options: {},
    location: false,
    compressed: false,
    urlQuery: [],
    notes: [],
  };
}

export function addHeader(req: CurlRequest, line: string, explicit: boolean): void {
  const colon = line.indexOf(':');
  if (colon < 0) {
    // `-H "Name;"` sends the header with an empty value; a bare name does nothing.
    if (line.endsWith(';'))
      req.headers.push({ row: { name: line.slice(0, -1).trim(), value: '', enabled: true }, explicit });
    else req.notes.push(`header "${line}" has no colon; curl ignores it`);
    return;
  }
  const name = line.slice(0, colon).trim();
  const value = line.slice(colon + 1).trim();
  if (value === '') {
    req.removed.push(name);
    req.notes.push(`"-H '${name}:'" only stops curl sending its own ${name}; nothing to import`);
    return;
  }
  req.headers.push({ row: { name, value, enabled: true }, explicit });
}

/** `-F name=value`, `name=@file;type=…;filename=…`, `name=<file`, `name="quoted;value"`. */
function addFormPart(req: CurlRequest, spec: string, literal: boolean): void {
  const eq = spec.indexOf('=');
  if (eq < 0) {
    req.notes.push(`form part "${spec}" has no "="; not imported`);
    return;
  }
  const name = spec.slice(0, eq);
  let rest = spec.slice(eq + 1);
  if (literal) {
    req.parts.push({ kind: 'field', name, value: rest });
    return;
  }
  const prefix = rest[0];
  if (prefix === '@' || prefix === '<') rest = rest.slice(1);
  let value: string;
  const params: Record<string, string> = {};
  if (rest.startsWith('"')) {
    const close = rest.indexOf('"', 1);
    value = rest.slice(1, close < 0 ? undefined : close).replace(/\\(.)/g, '$1');
    rest = close < 0 ? '' : rest.slice(close + 1);
  } else {
    const semi = rest.indexOf(';');
    value = semi < 0 ? rest : rest.slice(0, semi);
    rest = semi < 0 ? '' : rest.slice(semi);
  }
  for (const m of rest.matchAll(/;\s*(type|filename|headers|encoder)=("([^"]*)"|[^;]*)/g))
    params[m[1] ?? ''] = m[3] ?? m[2] ?? '';
  if (prefix === '@') {
    req.parts.push({
      kind: 'file',
      name,
      path: value,
      ...(params.filename ? { filename: params.filename } : {}),
      ...(params.type ? { contentType: params.type } : {}),
    });
  } else if (prefix === '<') {
    req.notes.push(
      `form field "${name}" takes its value from the file ${value} ("<"), which an import cannot read; imported empty`,
    );
    req.parts.push({ kind: 'field', name, value: '' });
  } else {
    if (params.type)
      req.notes.push(
        `Content-Type "${params.type}" of form field "${name}" not imported (fields are sent without one)`,
      );
    req.parts.push({ kind: 'field', name, value });
  }
}

/** --data-urlencode / --url-query: `content`, `=content`, `name=content` (`@file` forms cannot be read here). */
function urlencodedPiece(req: CurlRequest, spec: string): string {
  const eq = spec.indexOf('=');
  const at = spec.indexOf('@');
  if (at >= 0 && (eq < 0 || at < eq)) {
    req.notes.push(`"${spec}" reads a file, which an import cannot; imported as the literal text`);
    return spec;
  }
  if (eq < 0) return curlEncode(spec);
  if (eq === 0) return curlEncode(spec.slice(1));
  return `${spec.slice(0, eq)}=${curlEncode(spec.slice(eq + 1))}`;
}

function seconds(value: string): number | undefined {
  const n = Number.parseFloat(value);
  return Number.isFinite(n) && n > 0 ? Math.max(1, Math.round(n * 1000)) : undefined;
}

/** Applies one option; returns false when it is not one we know (the caller warns). */
export function apply(
  req: CurlRequest,
  name: string,
  arg: string | undefined,
  warn: (what: string) => void,
): boolean {
  const a = arg ?? '';
  switch (name) {
    case 'request':
      req.method = a;
      return true;
    case 'header':
      if (a.startsWith('@')) warn(`headers read from the file ${a.slice(1)} not imported`);
      else addHeader(req, a, true);
      return true;
    case 'user-agent':
      addHeader(req, `User-Agent: ${a}`, false);
      return true;
    case 'referer':
      addHeader(req, `Referer: ${a.replace(/;auto$/, '')}`, false);
      return true;
    case 'cookie':
      if (a.includes('=')) req.cookies.push(a);
      else warn(`cookies read from the file ${a} not imported`);
      return true;
    case 'data':
    case 'data-ascii':
      req.data.push(a.startsWith('@') ? { file: a.slice(1), strip: true } : { text: a });
      return true;
    case 'data-binary':
      req.data.push(a.startsWith('@') ? { file: a.slice(1), strip: false } : { text: a });
      return true;
    case 'data-raw':
      req.data.push({ text: a });
      return true;
    case 'data-urlencode':
      req.data.push({ text: urlencodedPiece(req, a) });
      return true;
    case 'json':
      req.json = true;
      req.data.push(a.startsWith('@') ? { file: a.slice(1), strip: false } : { text: a });
      return true;
    case 'form':
      addFormPart(req, a, false);
      return true;
    case 'form-string':
      addFormPart(req, a, true);
      return true;
    case 'user': {
      const colon = a.indexOf(':');
      if (colon < 0)
        warn(`-u "${a}" has no password; curl would prompt for it; imported with an empty password`);
      const username = colon < 0 ? a : a.slice(0, colon);
      const password = colon < 0 ? '' : a.slice(colon + 1);
      req.auth = { type: 'basic', username, password };
      return true;
    }
    case 'basic':
      req.authScheme = 'basic';
      return true;
    case 'digest':
      req.authScheme = 'digest';
      return true;
    case 'ntlm':
    case 'ntlm-wb':
    case 'negotiate':
    case 'anyauth':
      req.authScheme = 'other';
      warn(`--${name} authentication is not supported; the credentials are imported as basic auth`);
      return true;
    case 'oauth2-bearer':
      req.auth = { type: 'bearer', token: a };
      return true;
    case 'get':
      req.get = true;
      return true;
    case 'head':
      req.head = true;
      return true;
    case 'upload-file':
      if (a === '-' || a === '.') warn('--upload-file from standard input not imported');
      else req.uploadFile = a;
      return true;
    case 'url':
      req.urls.push(a);
      return true;
    case 'url-query':
      req.urlQuery.push(a.startsWith('+') ? a.slice(1) : urlencodedPiece(req, a));
      return true;
    case 'insecure':
      req.options.rejectUnauthorized = false;
      return true;
    case 'location':
    case 'location-trusted':
      req.location = true;
      return true;
    case 'max-redirs': {
      const n = Number.parseInt(a, 10);
      if (Number.isFinite(n)) req.maxRedirs = n;
      return true;
    }
    case 'compressed':
      req.compressed = true;
      return true;
    case 'connect-timeout': {
      const ms = seconds(a);
      if (ms) req.options.connectTimeoutMs = ms;
      return true;
    }
    case 'max-time': {
      const ms = seconds(a);
      if (ms) req.options.totalTimeoutMs = ms;
      return true;
    }
    case 'http2':
    case 'http2-prior-knowledge':
      req.options.http2 = true;
      return true;
    case 'http1.1':
      req.options.http2 = false;
      return true;
    case 'http1.0':
      warn('--http1.0: Statuscope sends HTTP/1.1 (use raw mode for HTTP/1.0)');
      return true;
    case 'http3':
    case 'http3-only':
      warn(`--${name}: HTTP/3 is not supported; sent over HTTP/1.1`);
      return true;
    case 'range':
      addHeader(req, `Range: bytes=${a}`, false);
      return true;
    case 'no-keepalive':
    case 'tcp-nodelay':
    case 'path-as-is':
    case 'ipv4':
    case 'ipv6':
      return true;
    default:
      return false;
  }
}
