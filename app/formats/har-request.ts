/**
 * A RequestSpec as the HAR 1.2 request the engine would send: method case kept, headers in order with
 * duplicates, and the Content-Type the engine adds when the user set none (app/engine/request-body.ts:
 * appended after the user's headers). Used by the snippet exporter (httpsnippet reads HAR) and by the
 * collection → HAR exporter.
 */
import { assertNever } from '../common/result';
import type { HeaderPair, RequestBody, RequestSpec } from '../contract/exchange';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarPostData {
  mimeType: string;
  text?: string;
  params?: { name: string; value?: string; fileName?: string; contentType?: string }[];
  comment?: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarNameValue[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  postData?: HarPostData;
  headersSize: number;
  bodySize: number;
  comment?: string;
}

/** The Content-Type each body kind implies; mirrors prepareBody in app/engine/request-body.ts. */
export function impliedContentType(body: RequestBody): string | undefined {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'text':
      return body.contentType ?? 'text/plain; charset=utf-8';
    case 'json':
      return 'application/json';
    case 'xml':
      return 'application/xml';
    case 'urlencoded':
      return 'application/x-www-form-urlencoded';
    case 'multipart':
      return 'multipart/form-data';
    case 'file':
    case 'binary':
      return body.contentType ?? 'application/octet-stream';
    default:
      return assertNever(body, 'body kind');
  }
}

/** The headers as the engine sends them (user's, in order, plus the implied Content-Type at the end). */
export function effectiveHeaders(spec: Pick<RequestSpec, 'headers' | 'body'>): HeaderPair[] {
  const headers =
    spec.body.kind === 'none'
      ? spec.headers.filter(([n]) => !/^(content-type|content-length)$/i.test(n))
      : [...spec.headers];
  const implied = impliedContentType(spec.body);
  if (implied && !headers.some(([n]) => n.toLowerCase() === 'content-type'))
    headers.push(['Content-Type', implied]);
  return headers;
}

export function urlencodedText(fields: readonly { name: string; value: string }[]): string {
  const params = new URLSearchParams();
  for (const f of fields) params.append(f.name, f.value);
  return params.toString();
}

function queryString(url: string): HarNameValue[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function postDataOf(body: RequestBody, contentType: string): HarPostData | undefined {
  switch (body.kind) {
    case 'none':
      return undefined;
    case 'text':
    case 'json':
    case 'xml':
      return { mimeType: contentType, text: body.text };
    case 'urlencoded':
      return {
        mimeType: contentType,
        text: urlencodedText(body.fields),
        params: body.fields.map((f) => ({ name: f.name, value: f.value })),
      };
    case 'multipart':
      return {
        mimeType: contentType,
        params: body.parts.map((p) =>
          p.kind === 'field'
            ? { name: p.name, value: p.value }
            : { name: p.name, fileName: p.path, ...(p.contentType ? { contentType: p.contentType } : {}) },
        ),
      };
    case 'file':
      return { mimeType: contentType, text: '', comment: `the body is the content of the file ${body.path}` };
    case 'binary':
      return {
        mimeType: contentType,
        text: Buffer.from(body.base64, 'base64').toString('latin1'),
        comment: 'binary body, one character per byte (latin1)',
      };
    default:
      return assertNever(body, 'body kind');
  }
}

export function harRequest(spec: Pick<RequestSpec, 'method' | 'url' | 'headers' | 'body'>): HarRequest {
  const headers = effectiveHeaders(spec);
  const contentType =
    headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? 'application/octet-stream';
  const postData = postDataOf(spec.body, contentType);
  return {
    method: spec.method,
    url: spec.url,
    httpVersion: 'HTTP/1.1',
    cookies: [],
    headers: headers.map(([name, value]) => ({ name, value })),
    queryString: queryString(spec.url),
    ...(postData ? { postData } : {}),
    headersSize: -1,
    bodySize: -1,
  };
}
