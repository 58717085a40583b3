/**
 * curl command lines → Statuscope requests: what browsers' "Copy as cURL" (bash and cmd) produce and
 * what people write by hand. Several commands in one paste, several URLs in one command, and
 * `--next` all give several requests. Options that shape the request are mapped; options that only
 * shape curl's output are ignored; everything else is reported, per request, as a warning.
 */
import { fail, ok, type Result } from '../common/result';
import type { Auth, HeaderRow } from '../contract/collection';
import type { RequestBody, RequestOptionsInput } from '../contract/exchange';
import { bodyFromText } from './body';
import { makeCollection, makeRequest, mediaTypeOf, Warnings, withDefaultScheme } from './build';
import { OUTPUT_ONLY, SHORT_TO_LONG, TAKES_ARGUMENT } from './curl-options';
import { apply, fresh, type CurlRequest } from './curl-request';
import { splitCommands, type ShellCommand } from './curl-shell';
import type { ImportedItem, Importer, ImportResult } from './types';

/** What curl with --compressed asks for when built with zlib and brotli (the codings the engine decodes). */
const COMPRESSED_ACCEPT_ENCODING = 'deflate, gzip, br';

function isCurl(word: string | undefined): boolean {
  return word !== undefined && /(^|[\\/])curl(\.exe)?$/i.test(word);
}

function detect(text: string): number {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim().replace(/^[$>]\s+/, ''))
    .filter((l) => l !== '' && !l.startsWith('#'));
  if (lines[0] && /^(\S*[\\/])?curl(\.exe)?(\s|$)/i.test(lines[0])) return 1;
  if (lines.some((l) => /^(\S*[\\/])?curl(\.exe)?\s/i.test(l))) return 0.8;
  return 0;
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
    if (only.strip)
      warn(
        `-d @${only.file}: curl strips carriage returns and newlines from the file; Statuscope sends the file as it is (use --data-binary to match)`,
      );
    return { kind: 'file', path: only.file, ...(explicitType ? {} : { contentType: mediaType }) };
  }
  const text = req.data
    .map((p) => {
      if ('text' in p) return p.text;
      warn(
        `data from the file ${p.file} cannot be combined with other data in an import; kept as the literal text @${p.file}`,
      );
      return `@${p.file}`;
    })
    .join(req.json ? '' : '&');
  return bodyFromText(text, mediaType, explicitType ? undefined : mediaType);
}

function build(req: CurlRequest, warnings: Warnings, pending: string[]): ImportedItem[] {
  const items: ImportedItem[] = [];
  const explicitNames = new Set(req.headers.filter((h) => h.explicit).map((h) => h.row.name.toLowerCase()));
  const headers = req.headers
    .filter((h) => h.explicit || !explicitNames.has(h.row.name.toLowerCase()))
    .map((h) => h.row);
  if (req.cookies.length && !explicitNames.has('cookie'))
    headers.push({ name: 'Cookie', value: req.cookies.join('; '), enabled: true });
  if (req.json) {
    if (!explicitNames.has('content-type'))
      headers.push({ name: 'Content-Type', value: 'application/json', enabled: true });
    if (!explicitNames.has('accept'))
      headers.push({ name: 'Accept', value: 'application/json', enabled: true });
  }
  if (req.compressed && !explicitNames.has('accept-encoding'))
    headers.push({ name: 'Accept-Encoding', value: COMPRESSED_ACCEPT_ENCODING, enabled: true });
  // With -F, curl completes a bare `multipart/form-data` Content-Type with its boundary; the engine does
  // the same only when no Content-Type row is set, so a boundary-less one is left to it.
  const rows = req.parts.length
    ? headers.filter(
        (h) => !(h.name.toLowerCase() === 'content-type' && /^multipart\/form-data\s*$/i.test(h.value)),
      )
    : headers;
  const urls = req.urls.length ? req.urls : [''];
  for (const rawUrl of urls) {
    const notes = [...pending];
    const warn = (what: string) => notes.push(what);
    const body = bodyOf(req, rows, warn);
    const getQuery = req.get ? req.data.map((p) => ('text' in p ? p.text : `@${p.file}`)) : [];
    const url = rawUrl === '' ? '' : appendQuery(withDefaultScheme(rawUrl), [...req.urlQuery, ...getQuery]);
    const hasBody = req.data.length > 0 || req.parts.length > 0;
    const method =
      req.method ?? (req.head ? 'HEAD' : req.uploadFile ? 'PUT' : hasBody && !req.get ? 'POST' : 'GET');
    let auth: Auth = { type: 'none' };
    if (req.auth?.type === 'basic' && req.authScheme === 'digest')
      auth = { type: 'digest', username: req.auth.username, password: req.auth.password };
    else if (req.auth) auth = req.auth;
    const options: Partial<RequestOptionsInput> = { ...req.options };
    if (req.location) options.maxRedirects = Math.min(50, Math.max(0, req.maxRedirs ?? 50));
    const name = url === '' ? `${method} (no URL)` : requestName(method, url);
    if (url === '') notes.push('the command has no URL; set one before sending');
    for (const note of [...req.notes, ...notes]) warnings.add(name, note);
    items.push({
      kind: 'request',
      request: makeRequest({ name, method, url, headers: rows, body, auth, options }),
    });
  }
  return items;
}

function parseCommand(command: ShellCommand, warnings: Warnings): ImportedItem[] {
  const items: ImportedItem[] = [];
  let req = fresh();
  let pending: string[] = command.expansions.length
    ? [
        `shell expansion${command.expansions.length > 1 ? 's' : ''} ${[...new Set(command.expansions)].join(', ')} not performed; kept as text`,
      ]
    : [];
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
        else if (!OUTPUT_ONLY.has(long) && !OUTPUT_ONLY.has(`no-${long}`))
          warn(`curl option --no-${long} not imported`);
        continue;
      }
      if (OUTPUT_ONLY.has(long)) continue;
      if (!apply(req, long, arg, warn))
        warn(
          `curl option --${long}${arg !== undefined ? ` ${arg}` : ''} not imported${TAKES_ARGUMENT.has(long) ? '' : ' (unknown to the importer)'}`,
        );
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
      if (
        !OUTPUT_ONLY.has(long) &&
        !(TAKES_ARGUMENT.has(long) && arg === undefined) &&
        !apply(req, long, arg, warn)
      )
        warn(`curl option -${letter}${arg !== undefined ? ` ${arg}` : ''} not imported`);
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
  if (curls.length === 0)
    return fail('import.invalid', 'No curl command found: the text should start with "curl".', {
      detail: { where: 'line 1' },
    });
  for (const c of commands)
    if (!isCurl(c.words[0]))
      warnings.add(`line ${c.line}`, `"${c.words.slice(0, 3).join(' ')}…" is not a curl command; skipped`);
  for (const command of curls) items.push(...parseCommand(command, warnings));
  return ok({
    collection: makeCollection({
      name: items.length === 1 ? 'curl import' : `curl import (${items.length} requests)`,
    }),
    items,
    environments: [],
    warnings: warnings.list,
  });
}

export const curlImporter: Importer = {
  id: 'curl',
  name: 'curl command lines (bash and Windows cmd quoting)',
  detect,
  import: importCurl,
};
