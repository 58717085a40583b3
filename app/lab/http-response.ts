/** The responses the lab's servers write, and how they go onto the wire (RFC 9112 §4, §6). */
import type { HeaderPair } from '../contract/exchange';
import { headerHas, httpDate } from './http-head';

export interface LabResponse {
  status: number;
  /** Defaults to the registered reason phrase. */
  reason?: string;
  /** In order and casing as they will be written. Content-Length is added unless present or forbidden. */
  headers: HeaderPair[];
  body?: Buffer | string;
  /** Close the connection after this response (adds `Connection: close`). */
  close?: boolean;
  /**
   * The headers are final and describe a body that is not being sent (a relayed answer to HEAD): nothing
   * is added or computed, and no body is written.
   */
  headOnly?: boolean;
  /** Bytes to write instead of a response, then close: for the lab's deliberately broken upstream. */
  raw?: Buffer;
}

/** Reason phrases from the IANA HTTP Status Code Registry for the codes the lab sends. */
const REASONS: Record<number, string> = {
  100: 'Continue',
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  404: 'Not Found',
  405: 'Method Not Allowed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  417: 'Expectation Failed',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
};

export function reasonPhrase(status: number): string {
  return REASONS[status] ?? '';
}

/** RFC 9110 §6.4.1: 1xx, 204 and 304 never carry content; a HEAD response carries none either (§9.3.2). */
function forbidsContent(status: number): boolean {
  return status < 200 || status === 204 || status === 304;
}

/**
 * Serialises a response. `requestMethod` decides whether the body is written (HEAD: headers only, with
 * the Content-Length a GET would have had, RFC 9110 §9.3.2) and `keepAlive` whether the connection stays.
 */
export function serializeResponse(
  res: LabResponse,
  requestMethod: string,
  keepAlive: boolean,
  requestVersion = '1.1',
): Buffer {
  const body =
    res.body === undefined
      ? Buffer.alloc(0)
      : typeof res.body === 'string'
        ? Buffer.from(res.body, 'utf8')
        : res.body;
  const headers: HeaderPair[] = [...res.headers];
  if (res.headOnly !== true) {
    if (!headerHas(headers, 'date')) headers.splice(1, 0, ['Date', httpDate()]);
    if (!forbidsContent(res.status) && !headerHas(headers, 'content-length'))
      headers.push(['Content-Length', String(body.length)]);
  }
  const close = res.close === true || !keepAlive;
  const hasConnection = headerHas(headers, 'connection');
  if (close && !hasConnection) headers.push(['Connection', 'close']);
  // An HTTP/1.0 client only keeps the connection when told so (RFC 9112 §9.3).
  if (!close && requestVersion === '1.0' && !hasConnection) headers.push(['Connection', 'keep-alive']);
  const head = `HTTP/1.1 ${res.status} ${res.reason ?? reasonPhrase(res.status)}\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  const withBody = requestMethod !== 'HEAD' && !forbidsContent(res.status) && res.headOnly !== true;
  return withBody ? Buffer.concat([Buffer.from(head, 'latin1'), body]) : Buffer.from(head, 'latin1');
}

export function jsonBody(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** Escapes text content (never attribute values) for the lab's own HTML pages. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : '&gt;'));
}
