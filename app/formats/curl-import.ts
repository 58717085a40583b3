/**
 * curl command lines → Statuscope requests: what browsers' "Copy as cURL" (bash and cmd) produce and
 * what people write by hand. Several commands in one paste, several URLs in one command, and
 * `--next` all give several requests. Options that shape the request are mapped; options that only
 * shape curl's output are ignored; everything else is reported, per request, as a warning.
 */
import { fail, ok, type Result } from '../common/result';
import type { Auth, HeaderRow } from '../contract/collection';
import type { MultipartPart, RequestBody, RequestOptionsInput } from '../contract/exchange';
import { bodyFromText } from './body';
import { makeCollection, makeRequest, mediaTypeOf, Warnings, withDefaultScheme } from './build';
import { OUTPUT_ONLY, SHORT_TO_LONG, TAKES_ARGUMENT } from './curl-options';
import { splitCommands, type ShellCommand } from './curl-shell';
import type { ImportedItem, Importer, ImportResult } from './types';

/** What curl with --compressed asks for when built with zlib and brotli (the codings the engine decodes). */
const COMPRESSED_ACCEPT_ENCODING = 'deflate, gzip, br';

function isCurl(word: string | undefined): boolean {
  return word !== undefined && /(^|[\\/])curl(\.exe)?$/i.test(word);
}

function detect(text: string): number {
  const lines = text.split(/\r?\n/).map((l) => l.trim().replace(/^[$>]\s+/, '')).filter((l) => l !== '' && !l.startsWith('#'));
  if (lines[0] && /^(\S*[\\/])?curl(\.exe)?(\s|$)/i.test(lines[0])) return 1;
  if (lines.some((l) => /^(\S*[\\/])?curl(\.exe)?\s/i.test(l))) return 0.8;
  return 0;
}

/** curl's --data-urlencode encoding: everything but RFC 3986 unreserved characters is percent-encoded. */
function curlEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

type DataPiece = { text: string } | { file: string; strip: boolean };

interface CurlRequest {
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

function fresh(): CurlRequest {
  return { urls: [], headers: [], removed: [], data: [], json: false, parts: [], cookies: [], authScheme: 'basic', get: false, head: false, options: {}, location: false, compressed: false, urlQuery: [], notes: [] };
}

function addHeader(req: CurlRequest, line: string, explicit: boolean): void {
  const colon = line.indexOf(':');
  if (colon < 0) {
    // `-H "Name;"` sends the header with an empty value; a bare name does nothing.
    if (line.endsWith(';')) req.headers.push({ row: { name: line.slice(0, -1).trim(), value: '', enabled: true }, explicit });
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
  let value = rest;
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
  for (const m of rest.matchAll(/;\s*(type|filename|headers|encoder)=("([^"]*)"|[^;]*)/g)) params[m[1] ?? ''] = m[3] ?? m[2] ?? '';
  if (prefix === '@') {
    req.parts.push({ kind: 'file', name, path: value, ...(params.filename ? { filename: params.filename } : {}), ...(params.type ? { contentType: params.type } : {}) });
  } else if (prefix === '<') {
    req.notes.push(`form field "${name}" takes its value from the file ${value} ("<"), which an import cannot read; imported empty`);
    req.parts.push({ kind: 'field', name, value: '' });
  } else {
    if (params.type) req.notes.push(`Content-Type "${params.type}" of form field "${name}" not imported (fields are sent without one)`);
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
function apply(req: CurlRequest, name: string, arg: string | undefined, warn: (what: string) => void): boolean {
  const a = arg ?? '';
  switch (name) {
    case 'request': req.method = a; return true;
    case 'header': if (a.startsWith('@')) warn(`headers read from the file ${a.slice(1)} not imported`); else addHeader(req, a, true); return true;
    case 'user-agent': addHeader(req, `User-Agent: ${a}`, false); return true;
    case 'referer': addHeader(req, `Referer: ${a.replace(/;auto$/, '')}`, false); return true;
    case 'cookie':
      if (a.includes('=')) req.cookies.push(a);
      else warn(`cookies read from the file ${a} not imported`);
      return true;
    case 'data': case 'data-ascii':
      req.data.push(a.startsWith('@') ? { file: a.slice(1), strip: true } : { text: a }); return true;
    case 'data-binary': req.data.push(a.startsWith('@') ? { file: a.slice(1), strip: false } : { text: a }); return true;
    case 'data-raw': req.data.push({ text: a }); return true;
    case 'data-urlencode': req.data.push({ text: urlencodedPiece(req, a) }); return true;
    case 'json': req.json = true; req.data.push(a.startsWith('@') ? { file: a.slice(1), strip: false } : { text: a }); return true;
    case 'form': addFormPart(req, a, false); return true;
    case 'form-string': addFormPart(req, a, true); return true;
    case 'user': {
      const colon = a.indexOf(':');
      if (colon < 0) warn(`-u "${a}" has no password; curl would prompt for it; imported with an empty password`);
      const username = colon < 0 ? a : a.slice(0, colon);
      const password = colon < 0 ? '' : a.slice(colon + 1);
      req.auth = { type: 'basic', username, password };
      return true;
    }
    case 'basic': req.authScheme = 'basic'; return true;
    case 'digest': req.authScheme = 'digest'; return true;
    case 'ntlm': case 'ntlm-wb': case 'negotiate': case 'anyauth':
      req.authScheme = 'other'; warn(`--${name} authentication is not supported; the credentials are imported as basic auth`); return true;
    case 'oauth2-bearer': req.auth = { type: 'bearer', token: a }; return true;
    case 'get': req.get = true; return true;
    case 'head': req.head = true; return true;
    case 'upload-file':
      if (a === '-' || a === '.') warn('--upload-file from standard input not imported');
      else req.uploadFile = a;
      return true;
    case 'url': req.urls.push(a); return true;
    case 'url-query': req.urlQuery.push(a.startsWith('+') ? a.slice(1) : urlencodedPiece(req, a)); return true;
    case 'insecure': req.options.rejectUnauthorized = false; return true;
    case 'location': case 'location-trusted': req.location = true; return true;
    case 'max-redirs': { const n = Number.parseInt(a, 10); if (Number.isFinite(n)) req.maxRedirs = n; return true; }
    case 'compressed': req.compressed = true; return true;
    case 'connect-timeout': { const ms = seconds(a); if (ms) req.options.connectTimeoutMs = ms; return true; }
    case 'max-time': { const ms = seconds(a); if (ms) req.options.totalTimeoutMs = ms; return true; }
    case 'http2': case 'http2-prior-knowledge': req.options.http2 = true; return true;
    case 'http1.1': req.options.http2 = false; return true;
    case 'http1.0': warn('--http1.0: Statuscope sends HTTP/1.1 (use raw mode for HTTP/1.0)'); return true;
    case 'http3': case 'http3-only': warn(`--${name}: HTTP/3 is not supported; sent over HTTP/1.1`); return true;
    case 'range': addHeader(req, `Range: bytes=${a}`, false); return true;
    case 'no-keepalive': case 'tcp-nodelay': case 'path-as-is': case 'ipv4': case 'ipv6': return true;
    default: return false;
  }
}

function appendQuery(url: string, pairs: string[]): string {
  if (pairs.length === 0) return url;
  const hash = url.indexOf('#');
  const base = hash < 0 ? url : url.slice(0, hash);
  const fragment = hash < 0 ? '' : url.slice(hash);
  return `${base}${base.includes('?') ? '&' : '?'}${pairs.join('&')}${fragment}`;
}

function requestName(method: string, url: string): string {
  try {
    const u = new URL(url);
    const name = `${method} ${u.pathname}${u.search}`;
    return name.length > 100 ? `${name.slice(0, 99)}…` : name;
  } catch {
    return `${method} ${url}`.slice(0, 100);
  }
}

function bodyOf(req: CurlRequest, headers: HeaderRow[], warn: (w: string) => void): RequestBody {
  if (req.parts.length) return { kind: 'multipart', parts: req.parts };
  if (req.uploadFile) return { kind: 'file', path: req.uploadFile };
  if (req.data.length === 0 || req.get) return { kind: 'none' };
  const explicitType = mediaTypeOf(headers);
  const mediaType = explicitType ?? (req.json ? 'application/json' : 'application/x-www-form-urlencoded');
  const [only] = req.data;
  if (req.data.length === 1 && only && 'file' in only) {
    if (only.strip) warn(`-d @${only.file}: curl strips carriage returns and newlines from the file; Statuscope sends the file as it is (use --data-binary to match)`);
    return { kind: 'file', path: only.file, ...(explicitType ? {} : { contentType: mediaType }) };
  }
  const text = req.data
    .map((p) => {
      if ('text' in p) return p.text;
      warn(`data from the file ${p.file} cannot be combined with other data in an import; kept as the literal text @${p.file}`);
      return `@${p.file}`;
    })
    .join(req.json ? '' : '&');
  return bodyFromText(text, mediaType, explicitType ? undefined : mediaType);
}

function build(req: CurlRequest, warnings: Warnings, pending: string[]): ImportedItem[] {
  const items: ImportedItem[] = [];
  const explicitNames = new Set(req.headers.filter((h) => h.explicit).map((h) => h.row.name.toLowerCase()));
  const headers = req.headers.filter((h) => h.explicit || !explicitNames.has(h.row.name.toLowerCase())).map((h) => h.row);
  if (req.cookies.length && !explicitNames.has('cookie')) headers.push({ name: 'Cookie', value: req.cookies.join('; '), enabled: true });
  if (req.json) {
    if (!explicitNames.has('content-type')) headers.push({ name: 'Content-Type', value: 'application/json', enabled: true });
    if (!explicitNames.has('accept')) headers.push({ name: 'Accept', value: 'application/json', enabled: true });
  }
  if (req.compressed && !explicitNames.has('accept-encoding')) headers.push({ name: 'Accept-Encoding', value: COMPRESSED_ACCEPT_ENCODING, enabled: true });
  // With -F, curl completes a bare `multipart/form-data` Content-Type with its boundary; the engine does
  // the same only when no Content-Type row is set, so a boundary-less one is left to it.
  const rows = req.parts.length ? headers.filter((h) => !(h.name.toLowerCase() === 'content-type' && /^multipart\/form-data\s*$/i.test(h.value))) : headers;
  const urls = req.urls.length ? req.urls : [''];
  for (const rawUrl of urls) {
    const notes = [...pending];
    const warn = (what: string) => notes.push(what);
    const body = bodyOf(req, rows, warn);
    const getQuery = req.get ? req.data.map((p) => ('text' in p ? p.text : `@${p.file}`)) : [];
    const url = rawUrl === '' ? '' : appendQuery(withDefaultScheme(rawUrl), [...req.urlQuery, ...getQuery]);
    const hasBody = req.data.length > 0 || req.parts.length > 0;
    const method = req.method ?? (req.head ? 'HEAD' : req.uploadFile ? 'PUT' : hasBody && !req.get ? 'POST' : 'GET');
    let auth: Auth = { type: 'none' };
    if (req.auth?.type === 'basic' && req.authScheme === 'digest') auth = { type: 'digest', username: req.auth.username, password: req.auth.password };
    else if (req.auth) auth = req.auth;
    const options: Partial<RequestOptionsInput> = { ...req.options };
    if (req.location) options.maxRedirects = Math.min(50, Math.max(0, req.maxRedirs ?? 50));
    const name = url === '' ? `${method} (no URL)` : requestName(method, url);
    if (url === '') notes.push('the command has no URL; set one before sending');
    for (const note of [...req.notes, ...notes]) warnings.add(name, note);
    items.push({ kind: 'request', request: makeRequest({ name, method, url, headers: rows, body, auth, options }) });
  }
  return items;
}

function parseCommand(command: ShellCommand, warnings: Warnings): ImportedItem[] {
  const items: ImportedItem[] = [];
  let req = fresh();
  let pending: string[] = command.expansions.length ? [`shell expansion${command.expansions.length > 1 ? 's' : ''} ${[...new Set(command.expansions)].join(', ')} not performed; kept as text`] : [];
  const words = command.words.slice(1);
  const warn = (what: string) => pending.push(what);
  let endOfOptions = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (endOfOptions || !word.startsWith('-') || word === '-') {
      req.urls.push(word);
      continue;
    }
    if (word === '--') {
      endOfOptions = true;
      continue;
    }
    if (word === '--next' || word === '-:') {
      items.push(...build(req, warnings, pending));
      req = fresh();
      pending = [];
      continue;
    }
    if (word.startsWith('--')) {
      let long = word.slice(2);
      let negated = false;
      if (long.startsWith('no-') && !TAKES_ARGUMENT.has(long) && !OUTPUT_ONLY.has(long)) {
        negated = true;
        long = long.slice(3);
      }
      const arg = TAKES_ARGUMENT.has(long) ? words[++i] : undefined;
      if (TAKES_ARGUMENT.has(long) && arg === undefined) {
        warn(`--${long} has no value; ignored`);
        continue;
      }
      if (negated) {
        if (long === 'compressed') req.compressed = false;
        else if (long === 'location') req.location = false;
        else if (long === 'insecure') delete req.options.rejectUnauthorized;
        else if (!OUTPUT_ONLY.has(long) && !OUTPUT_ONLY.has(`no-${long}`)) warn(`curl option --no-${long} not imported`);
        continue;
      }
      if (OUTPUT_ONLY.has(long)) continue;
      if (!apply(req, long, arg, warn)) warn(`curl option --${long}${arg !== undefined ? ` ${arg}` : ''} not imported${TAKES_ARGUMENT.has(long) ? '' : ' (unknown to the importer)'}`);
      continue;
    }
    // A cluster of short options: -sSL, -XPOST, -H'x: y' (the argument may be glued on).
    for (let j = 1; j < word.length; j++) {
      const letter = word[j] ?? '';
      const long = SHORT_TO_LONG[letter];
      if (long === undefined) {
        warn(`curl option -${letter} not imported (unknown to the importer)`);
        continue;
      }
      let arg: string | undefined;
      if (TAKES_ARGUMENT.has(long)) {
        arg = j + 1 < word.length ? word.slice(j + 1) : words[++i];
        if (arg === undefined) warn(`-${letter} has no value; ignored`);
      }
      if (!OUTPUT_ONLY.has(long) && !(TAKES_ARGUMENT.has(long) && arg === undefined) && !apply(req, long, arg, warn)) warn(`curl option -${letter}${arg !== undefined ? ` ${arg}` : ''} not imported`);
      if (TAKES_ARGUMENT.has(long)) break;
    }
  }
  items.push(...build(req, warnings, pending));
  return items;
}

async function importCurl(text: string): Promise<Result<ImportResult>> {
  const split = splitCommands(text.replace(/^\s*[$>]\s+(?=\S*curl)/gm, ''));
  if (!split.ok) return split;
  const warnings = new Warnings();
  const items: ImportedItem[] = [];
  const commands = split.value;
  const curls = commands.filter((c) => isCurl(c.words[0]));
  if (curls.length === 0) return fail('import.invalid', 'No curl command found: the text should start with "curl".', { detail: { where: 'line 1' } });
  for (const c of commands) if (!isCurl(c.words[0])) warnings.add(`line ${c.line}`, `"${c.words.slice(0, 3).join(' ')}…" is not a curl command; skipped`);
  for (const command of curls) items.push(...parseCommand(command, warnings));
  return ok({ collection: makeCollection({ name: items.length === 1 ? 'curl import' : `curl import (${items.length} requests)` }), items, environments: [], warnings: warnings.list });
}

export const curlImporter: Importer = {
  id: 'curl',
  name: 'curl command lines (bash and Windows cmd quoting)',
  detect,
  import: importCurl,
};
