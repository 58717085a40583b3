/** The request being edited: method, URL, params, headers, body, options. */
import { create } from 'zustand';
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
  decompress: boolean;
  verifyTls: boolean;
}

export interface DraftRequest {
  name: string;
  method: string;
  url: string;
  params: Row[];
  headers: Row[];
  body: BodyDraft;
  options: OptionsDraft;
}

interface RequestState extends DraftRequest {
  setMethod(method: string): void;
  setUrl(url: string): void;
  setParams(params: Row[]): void;
  setHeaders(headers: Row[]): void;
  setBody(body: Partial<BodyDraft>): void;
  setOptions(options: Partial<OptionsDraft>): void;
  load(draft: Partial<DraftRequest> & { method: string; url: string }): void;
}

export const EMPTY_BODY: BodyDraft = { kind: 'none', text: '', fields: [], filePath: '' };
export const DEFAULT_OPTIONS: OptionsDraft = { followRedirects: false, maxRedirects: 10, timeoutMs: 30_000, decompress: true, verifyTls: true };

export const useRequestStore = create<RequestState>()((set) => ({
  name: 'Untitled request',
  method: 'GET',
  url: '',
  params: [],
  headers: [],
  body: EMPTY_BODY,
  options: DEFAULT_OPTIONS,
  setMethod: (method) => set({ method }),
  setUrl: (url) => set((s) => ({ url, params: paramsFromUrl(url, s.params) })),
  setParams: (params) => set((s) => ({ params, url: urlWithParams(s.url, params) })),
  setHeaders: (headers) => set({ headers }),
  setBody: (body) => set((s) => ({ body: { ...s.body, ...body } })),
  setOptions: (options) => set((s) => ({ options: { ...s.options, ...options } })),
  load: (draft) =>
    set({
      name: draft.name ?? 'Untitled request',
      method: draft.method,
      url: draft.url,
      params: paramsFromUrl(draft.url, []),
      headers: draft.headers ?? [],
      body: draft.body ?? EMPTY_BODY,
      options: draft.options ?? DEFAULT_OPTIONS,
    }),
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
      decompress: d.options.decompress,
      rejectUnauthorized: d.options.verifyTls,
    },
  };
}
