/** The request being edited: method, URL, params, headers, body, options. */
import { create } from 'zustand';
import type { Assertion, Auth, SavedRequest } from '../../app/contract/collection';
import type { BodyKind, RequestSpecInput } from '../../app/contract/exchange';
import { newRow, paramsFromUrl, urlWithParams, type Row } from './query-sync';

export interface BodyDraft {
  kind: BodyKind;
  /** Text for json / text / xml bodies. */
  text: string;
  /** Fields for urlencoded and multipart (multipart rows whose value starts with @ are files). */
  fields: Row[];
  /** Path for a file body. */
  filePath: string;
}

export interface OptionsDraft {
  followRedirects: boolean;
  maxRedirects: number;
  timeoutMs: number;
  /** Per-phase limits of the engine: connecting, waiting for the response head, a stalled body. */
  connectTimeoutMs: number;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  decompress: boolean;
  verifyTls: boolean;
  /** Offer h2 in the TLS handshake (ALPN); HTTP/1.1 otherwise. */
  http2: boolean;
}

export interface DraftRequest {
  name: string;
  method: string;
  url: string;
  params: Row[];
  headers: Row[];
  body: BodyDraft;
  options: OptionsDraft;
  /** Applied by the host when the request is sent from a collection (collection:send). */
  auth: Auth;
  /** Checked by the runner (statuscope run) and shown with their results there. */
  assertions: Assertion[];
  notes: string;
}

/**
 * Where the draft came from when it was loaded from a collection file: the file, the content hash it had
 * (handed back as `baseHash` on save, so an edit made on disk meanwhile is a conflict, never overwritten),
 * and the saved request itself, so fields the editor does not show (auth, assertions, notes) survive a save.
 */
export interface DraftOrigin {
  root: string;
  relPath: string;
  hash: string;
  saved: SavedRequest;
}

interface RequestState extends DraftRequest {
  /** Absent for scratch drafts (typed in, a lab route, a history entry). */
  origin?: DraftOrigin;
  /** The draft as last loaded or saved; the draft differs from it when there are unsaved edits. */
  baseline?: DraftRequest;
  setMethod(method: string): void;
  setUrl(url: string): void;
  setParams(params: Row[]): void;
  setHeaders(headers: Row[]): void;
  setBody(body: Partial<BodyDraft>): void;
  setOptions(options: Partial<OptionsDraft>): void;
  setAuth(auth: Auth): void;
  setAssertions(assertions: Assertion[]): void;
  setNotes(notes: string): void;
  /** Replaces the draft; with `origin` it is tracked against that file, without it it is a scratch draft. */
  load(draft: Partial<DraftRequest> & { method: string; url: string }, origin?: DraftOrigin): void;
  /** After a save or a rename: the file the draft now belongs to; `clean` makes the current draft the baseline. */
  setOrigin(origin: DraftOrigin | undefined, clean: boolean): void;
  setName(name: string): void;
}

export const EMPTY_BODY: BodyDraft = { kind: 'none', text: '', fields: [], filePath: '' };
export const DEFAULT_OPTIONS: OptionsDraft = { followRedirects: false, maxRedirects: 10, timeoutMs: 30_000, connectTimeoutMs: 10_000, headersTimeoutMs: 30_000, bodyTimeoutMs: 30_000, decompress: true, verifyTls: true, http2: false };
export const INHERIT_AUTH: Auth = { type: 'inherit' };

function draftOf(s: DraftRequest): DraftRequest {
  return { name: s.name, method: s.method, url: s.url, params: s.params, headers: s.headers, body: s.body, options: s.options, auth: s.auth, assertions: s.assertions, notes: s.notes };
}

/** What counts as an edit: row ids and the params (derived from the URL) do not. */
export function draftFingerprint(d: DraftRequest): string {
  const rows = (rs: Row[]) => rs.map((r) => [r.name, r.value, r.enabled]);
  return JSON.stringify([d.name, d.method, d.url, rows(d.headers), d.body.kind, d.body.text, rows(d.body.fields), d.body.filePath, d.options, d.auth, d.assertions, d.notes]);
}

/** True when a draft loaded from a collection has edits not yet saved. */
export function isDirty(s: Pick<RequestState, 'origin' | 'baseline'> & DraftRequest): boolean {
  return s.origin !== undefined && s.baseline !== undefined && draftFingerprint(s.baseline) !== draftFingerprint(s);
}

export const useRequestStore = create<RequestState>()((set) => ({
  name: 'Untitled request',
  method: 'GET',
  url: '',
  params: [],
  headers: [],
  body: EMPTY_BODY,
  options: DEFAULT_OPTIONS,
  auth: INHERIT_AUTH,
  assertions: [],
  notes: '',
  setMethod: (method) => set({ method }),
  setUrl: (url) => set((s) => ({ url, params: paramsFromUrl(url, s.params) })),
  setParams: (params) => set((s) => ({ params, url: urlWithParams(s.url, params) })),
  setHeaders: (headers) => set({ headers }),
  setBody: (body) => set((s) => ({ body: { ...s.body, ...body } })),
  setOptions: (options) => set((s) => ({ options: { ...s.options, ...options } })),
  setAuth: (auth) => set({ auth }),
  setAssertions: (assertions) => set({ assertions }),
  setNotes: (notes) => set({ notes }),
  load: (draft, origin) => {
    const next: DraftRequest = {
      name: draft.name ?? 'Untitled request',
      method: draft.method,
      url: draft.url,
      params: paramsFromUrl(draft.url, []),
      headers: draft.headers ?? [],
      body: draft.body ?? EMPTY_BODY,
      options: draft.options ?? DEFAULT_OPTIONS,
      auth: draft.auth ?? INHERIT_AUTH,
      assertions: draft.assertions ?? [],
      notes: draft.notes ?? '',
    };
    set({ ...next, origin, baseline: origin ? next : undefined });
  },
  setOrigin: (origin, clean) => set((s) => ({ origin, baseline: origin ? (clean ? draftOf(s) : s.baseline) : undefined })),
  setName: (name) => set((s) => ({ name, baseline: s.baseline ? { ...s.baseline, name } : undefined })),
}));

export function headerRows(pairs: Array<[string, string]>): Row[] {
  return pairs.map(([n, v]) => newRow(n, v));
}

/** The request as the engine takes it. */
export function toSpec(d: DraftRequest): RequestSpecInput {
  const headers = d.headers.filter((h) => h.enabled && h.name.trim() !== '').map((h): [string, string] => [h.name.trim(), h.value]);
  const fields = d.body.fields.filter((f) => f.enabled && f.name !== '');
  const body: RequestSpecInput['body'] = (() => {
    switch (d.body.kind) {
      case 'json':
      case 'xml':
        return { kind: d.body.kind, text: d.body.text };
      case 'text':
        return { kind: 'text', text: d.body.text };
      case 'urlencoded':
        return { kind: 'urlencoded', fields: fields.map((f) => ({ name: f.name, value: f.value })) };
      case 'multipart':
        return {
          kind: 'multipart',
          parts: fields.map((f) =>
            f.value.startsWith('@') ? { kind: 'file' as const, name: f.name, path: f.value.slice(1) } : { kind: 'field' as const, name: f.name, value: f.value },
          ),
        };
      case 'file':
        return { kind: 'file', path: d.body.filePath };
      case 'binary':
        return { kind: 'binary', base64: d.body.text };
      case 'none':
        return { kind: 'none' };
    }
  })();
  return {
    method: d.method,
    url: d.url,
    headers,
    body,
    options: {
      maxRedirects: d.options.followRedirects ? d.options.maxRedirects : 0,
      totalTimeoutMs: d.options.timeoutMs,
      connectTimeoutMs: d.options.connectTimeoutMs,
      headersTimeoutMs: d.options.headersTimeoutMs,
      bodyTimeoutMs: d.options.bodyTimeoutMs,
      decompress: d.options.decompress,
      rejectUnauthorized: d.options.verifyTls,
      http2: d.options.http2,
    },
  };
}
