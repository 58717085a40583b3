/**
 * The editor's draft ↔ a saved request file (and ↔ a request spec from history).
 * Saving must change on disk exactly what the user edited: fields the editor does not show (auth,
 * assertions, notes, a body's content type, options it has no control for) are carried over from the
 * loaded file, and an option the user did not touch keeps its spelling (absent stays absent).
 */
import type { SavedRequest } from '../../../app/contract/collection';
import type { RequestBody, RequestSpec } from '../../../app/contract/exchange';
import { newRow, type Row } from '../../stores/query-sync';
import { DEFAULT_OPTIONS, EMPTY_BODY, type BodyDraft, type DraftRequest, type OptionsDraft } from '../../stores/request-store';

export const REQUEST_SCHEMA_ID = 'statuscope/request@1';

export function bodyToDraft(body: RequestBody): BodyDraft {
  switch (body.kind) {
    case 'none':
      return EMPTY_BODY;
    case 'text':
    case 'json':
    case 'xml':
      return { ...EMPTY_BODY, kind: body.kind, text: body.text };
    case 'urlencoded':
      return { ...EMPTY_BODY, kind: 'urlencoded', fields: body.fields.map((f) => newRow(f.name, f.value)) };
    case 'multipart':
      // The editor spells a file part as `@path` (see request-editor's multipart hint).
      return { ...EMPTY_BODY, kind: 'multipart', fields: body.parts.map((p) => (p.kind === 'file' ? newRow(p.name, `@${p.path}`) : newRow(p.name, p.value))) };
    case 'file':
      return { ...EMPTY_BODY, kind: 'file', filePath: body.path };
    case 'binary':
      return { ...EMPTY_BODY, kind: 'binary', text: body.base64 };
  }
}

function bodyFromDraft(d: BodyDraft, base: RequestBody): RequestBody {
  const fields = d.fields.filter((f) => f.enabled && f.name !== '');
  const contentType = 'contentType' in base && base.contentType !== undefined && base.kind === d.kind ? { contentType: base.contentType } : {};
  switch (d.kind) {
    case 'none':
      return { kind: 'none' };
    case 'text':
      return { kind: 'text', text: d.text, ...contentType };
    case 'json':
    case 'xml':
      return { kind: d.kind, text: d.text };
    case 'urlencoded':
      return { kind: 'urlencoded', fields: fields.map((f) => ({ name: f.name, value: f.value })) };
    case 'multipart':
      return {
        kind: 'multipart',
        parts: fields.map((f) => (f.value.startsWith('@') ? { kind: 'file' as const, name: f.name, path: f.value.slice(1) } : { kind: 'field' as const, name: f.name, value: f.value })),
      };
    case 'file':
      return { kind: 'file', path: d.filePath, ...contentType };
    case 'binary':
      return { kind: 'binary', base64: d.text, ...contentType };
  }
}

interface OptionLike {
  maxRedirects?: number | undefined;
  totalTimeoutMs?: number | undefined;
  connectTimeoutMs?: number | undefined;
  headersTimeoutMs?: number | undefined;
  bodyTimeoutMs?: number | undefined;
  decompress?: boolean | undefined;
  rejectUnauthorized?: boolean | undefined;
  http2?: boolean | undefined;
}

function optionsToDraft(o: OptionLike): OptionsDraft {
  const redirects = o.maxRedirects ?? 0;
  return {
    followRedirects: redirects > 0,
    maxRedirects: redirects > 0 ? redirects : DEFAULT_OPTIONS.maxRedirects,
    timeoutMs: o.totalTimeoutMs ?? DEFAULT_OPTIONS.timeoutMs,
    connectTimeoutMs: o.connectTimeoutMs ?? DEFAULT_OPTIONS.connectTimeoutMs,
    headersTimeoutMs: o.headersTimeoutMs ?? DEFAULT_OPTIONS.headersTimeoutMs,
    bodyTimeoutMs: o.bodyTimeoutMs ?? DEFAULT_OPTIONS.bodyTimeoutMs,
    decompress: o.decompress ?? true,
    verifyTls: o.rejectUnauthorized ?? true,
    http2: o.http2 ?? false,
  };
}

function optionsFromDraft(d: OptionsDraft, base: SavedRequest['options']): SavedRequest['options'] {
  const before = optionsToDraft(base);
  const out = { ...base };
  if (d.followRedirects !== before.followRedirects || (d.followRedirects && d.maxRedirects !== before.maxRedirects)) out.maxRedirects = d.followRedirects ? d.maxRedirects : 0;
  if (d.timeoutMs !== before.timeoutMs) out.totalTimeoutMs = d.timeoutMs;
  if (d.connectTimeoutMs !== before.connectTimeoutMs) out.connectTimeoutMs = d.connectTimeoutMs;
  if (d.headersTimeoutMs !== before.headersTimeoutMs) out.headersTimeoutMs = d.headersTimeoutMs;
  if (d.bodyTimeoutMs !== before.bodyTimeoutMs) out.bodyTimeoutMs = d.bodyTimeoutMs;
  if (d.decompress !== before.decompress) out.decompress = d.decompress;
  if (d.verifyTls !== before.verifyTls) out.rejectUnauthorized = d.verifyTls;
  if (d.http2 !== before.http2) out.http2 = d.http2;
  return out;
}

function rowsEqual(a: Row[], b: Row[]): boolean {
  return a.length === b.length && a.every((r, i) => r.name === b[i]?.name && r.value === b[i]?.value && r.enabled === b[i]?.enabled);
}

function bodyDraftEqual(a: BodyDraft, b: BodyDraft): boolean {
  return a.kind === b.kind && a.text === b.text && a.filePath === b.filePath && rowsEqual(a.fields, b.fields);
}

export function savedToDraft(saved: SavedRequest): DraftRequest {
  return {
    name: saved.name,
    method: saved.method,
    url: saved.url,
    params: [],
    headers: saved.headers.map((h) => newRow(h.name, h.value, h.enabled)),
    body: bodyToDraft(saved.body),
    options: optionsToDraft(saved.options),
    auth: saved.auth,
    assertions: saved.assertions,
    notes: saved.notes,
  };
}

export function emptySaved(name: string): SavedRequest {
  return {
    schema: REQUEST_SCHEMA_ID,
    name,
    method: 'GET',
    url: '',
    headers: [],
    body: { kind: 'none' },
    auth: { type: 'inherit' },
    options: {},
    assertions: [],
    notes: '',
  };
}

/** The draft as a request file, over `base` (the file as loaded) so unshown fields are kept. */
export function draftToSaved(d: DraftRequest, base: SavedRequest = emptySaved(d.name)): SavedRequest {
  const baseBody = bodyToDraft(base.body);
  return {
    ...base,
    name: d.name,
    method: d.method,
    url: d.url,
    headers: d.headers.filter((h) => h.name.trim() !== '').map((h) => ({ name: h.name.trim(), value: h.value, enabled: h.enabled })),
    body: bodyDraftEqual(baseBody, d.body) ? base.body : bodyFromDraft(d.body, base.body),
    options: optionsFromDraft(d.options, base.options),
    auth: d.auth,
    assertions: d.assertions,
    notes: d.notes,
  };
}

/** A request as it was sent (history): concrete values, every header enabled. */
export function specToDraft(spec: RequestSpec, name: string): DraftRequest {
  return {
    name,
    method: spec.method,
    url: spec.url,
    params: [],
    headers: spec.headers.map(([n, v]) => newRow(n, v)),
    body: bodyToDraft(spec.body),
    options: optionsToDraft(spec.options),
    auth: { type: 'inherit' },
    assertions: [],
    notes: '',
  };
}

/** `{{name}}` placeholders, spelled as app/collections/templates.ts reads them. */
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

export function placeholdersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (m[1] !== undefined && !out.includes(m[1])) out.push(m[1]);
  return out;
}
