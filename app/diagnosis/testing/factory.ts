/**
 * The one factory the explainer tests build exchanges with: a request and a response described as
 * plain values, turned into the same exchange record the engine produces (through exchangeFromRaw).
 */
import type { ExchangeRecord, HeaderPair } from '../../contract/exchange';
import { exchangeFromRaw } from '../../engine/raw';

export interface ExchangeSketch {
  method?: string;
  url?: string;
  requestHeaders?: HeaderPair[];
  requestBody?: string;
  /** Request-line version, `HTTP/1.1` unless given. */
  version?: string;
  status: number;
  reason?: string;
  headers?: HeaderPair[];
  body?: string;
}

export function makeExchange(sk: ExchangeSketch): ExchangeRecord {
  const url = new URL(sk.url ?? 'http://127.0.0.1:8080/api/things/1');
  const method = sk.method ?? 'GET';
  const reqBody = sk.requestBody ?? '';
  const reqHeaders: HeaderPair[] = [['Host', url.host], ...(sk.requestHeaders ?? [])];
  if (reqBody && !reqHeaders.some(([n]) => /^(content-length|transfer-encoding)$/i.test(n)))
    reqHeaders.push(['Content-Length', String(Buffer.byteLength(reqBody))]);
  const request = `${method} ${url.pathname}${url.search} ${sk.version ?? 'HTTP/1.1'}\r\n${reqHeaders.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n${reqBody}`;
  const body = sk.body ?? '';
  const resHeaders: HeaderPair[] = [...(sk.headers ?? [])];
  if (!resHeaders.some(([n]) => /^(content-length|transfer-encoding)$/i.test(n)))
    resHeaders.push(['Content-Length', String(Buffer.byteLength(body))]);
  const response = `HTTP/1.1 ${sk.status}${sk.reason === undefined ? '' : ` ${sk.reason}`}\r\n${resHeaders.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n${method === 'HEAD' ? '' : body}`;
  return exchangeFromRaw(Buffer.from(request, 'utf8'), Buffer.from(response, 'utf8'), url.href);
}
