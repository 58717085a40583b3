/**
 * Sends one request to a lab server as exact bytes over a socket: any method token, any
 * Transfer-Encoding, nothing added but Host, Content-Length (unless the request frames its own body) and
 * Connection: close. Used to check lessons against a running lab and by the lab's tests.
 */
import type { HeaderPair } from '../contract/exchange';
import type { Result } from '../common/result';
import { headerHas } from './http-head';
import { rawExchange, type WireResponse } from './response-reader';

export interface LabRequestSpec {
  method: string;
  /** Path and query, or `*`. */
  path: string;
  headers?: readonly HeaderPair[];
  body?: string | Buffer | null;
}

export function labRequestBytes(spec: LabRequestSpec, host: string): Buffer {
  const headers: HeaderPair[] = [['Host', host], ...(spec.headers ?? [])];
  const body =
    spec.body === undefined || spec.body === null
      ? Buffer.alloc(0)
      : Buffer.isBuffer(spec.body)
        ? spec.body
        : Buffer.from(spec.body, 'utf8');
  if (body.length > 0 && !headerHas(headers, 'transfer-encoding') && !headerHas(headers, 'content-length'))
    headers.push(['Content-Length', String(body.length)]);
  if (!headerHas(headers, 'connection')) headers.push(['Connection', 'close']);
  const head = `${spec.method} ${spec.path} HTTP/1.1\r\n${headers.map(([n, v]) => `${n}: ${v}\r\n`).join('')}\r\n`;
  return Buffer.concat([Buffer.from(head, 'latin1'), body]);
}

/** `baseUrl` is a lab server's URL (`http://127.0.0.1:PORT`). */
export async function sendToLab(
  baseUrl: string,
  spec: LabRequestSpec,
  timeoutMs = 10_000,
): Promise<Result<WireResponse>> {
  const url = new URL(baseUrl);
  const result = await rawExchange({
    host: url.hostname,
    port: Number(url.port),
    bytes: labRequestBytes(spec, url.host),
    methods: [spec.method],
    timeoutMs,
  });
  if (!result.ok) return result;
  const [response] = result.value;
  return response === undefined
    ? { ok: false, error: { code: 'upstream.malformed', message: 'no response' } }
    : { ok: true, value: response };
}
