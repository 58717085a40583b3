/**
 * Reads HTTP/1.1 requests from a byte stream (RFC 9112), one at a time, within LIMITS. Any method token
 * is accepted as sent (case preserved, RFC 9110 §9.1); deciding what a method means is the server's job.
 */
import type { HeaderPair } from '../contract/exchange';
import { decodeChunked } from './chunked';
import { contentLength, headerGet, LIMITS, listMembers, parseHeaderLines, TOKEN } from './http-head';

export interface LabRequest {
  method: string;
  /** The request target exactly as sent: origin-form, absolute-form or `*`. */
  target: string;
  /** `1.1`, `1.0`. */
  version: string;
  headers: HeaderPair[];
  body: Buffer;
  /** The request head as received (latin1), request line to the blank line, for TRACE. */
  rawHead: string;
  /**
   * Set when the request names a transfer coding this reader does not implement (anything but a single
   * `chunked`, RFC 9112 §6.1). Its body could not be framed, so the connection closes after the answer.
   */
  unknownTransferCoding: string | null;
  keepAlive: boolean;
}

export type ReadOutcome =
  | { kind: 'need-more'; sendContinue: boolean }
  | { kind: 'request'; request: LabRequest }
  /** The stream is unusable from here: answer `status` and close. */
  | { kind: 'error'; status: 400 | 413 | 414 | 431 | 505; reason: string };

interface PendingHead {
  request: Omit<LabRequest, 'body'>;
  bodyStart: number;
  framing: { kind: 'none' } | { kind: 'length'; length: number } | { kind: 'chunked' };
  expectsContinue: boolean;
}

export class RequestReader {
  private buf: Buffer = Buffer.alloc(0);
  private pending: PendingHead | null = null;
  private continueSent = false;

  push(chunk: Buffer): void {
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
  }

  /** Bytes received and not yet consumed; the connection drops a client that piles up more than a request can hold. */
  get bufferedBytes(): number {
    return this.buf.length;
  }

  next(): ReadOutcome {
    if (this.pending === null) {
      const head = this.readHead();
      if (head.kind !== 'head') return head;
      this.pending = head.pending;
      this.continueSent = false;
    }
    const pending = this.pending;
    const body = this.readBody(pending);
    if (body.kind === 'need-more') {
      // RFC 9110 §10.1.1: a client that sent Expect: 100-continue waits for an interim answer before the body.
      const sendContinue = pending.expectsContinue && !this.continueSent;
      if (sendContinue) this.continueSent = true;
      return { kind: 'need-more', sendContinue };
    }
    if (body.kind === 'error') return body;
    this.buf = this.buf.subarray(body.end);
    this.pending = null;
    return { kind: 'request', request: { ...pending.request, body: body.body } };
  }

  private readHead(): { kind: 'head'; pending: PendingHead } | Exclude<ReadOutcome, { kind: 'request' }> {
    // RFC 9112 §2.2: a server SHOULD ignore at least one empty line received before the request-line.
    let skip = 0;
    while (this.buf[skip] === 13 && this.buf[skip + 1] === 10) skip += 2;
    if (skip > 0) this.buf = this.buf.subarray(skip);
    const end = this.buf.indexOf('\r\n\r\n', 0, 'latin1');
    const lineEnd = this.buf.indexOf('\r\n', 0, 'latin1');
    if (
      (lineEnd < 0 && this.buf.length > LIMITS.maxRequestLineBytes) ||
      lineEnd > LIMITS.maxRequestLineBytes
    ) {
      return {
        kind: 'error',
        status: 414,
        reason: `the request line is longer than ${LIMITS.maxRequestLineBytes} bytes`,
      };
    }
    if (end < 0) {
      if (this.buf.length > LIMITS.maxHeadBytes)
        return {
          kind: 'error',
          status: 431,
          reason: `the request head is larger than ${LIMITS.maxHeadBytes} bytes`,
        };
      return { kind: 'need-more', sendContinue: false };
    }
    if (end + 4 > LIMITS.maxHeadBytes)
      return {
        kind: 'error',
        status: 431,
        reason: `the request head is larger than ${LIMITS.maxHeadBytes} bytes`,
      };
    const rawHead = this.buf.toString('latin1', 0, end + 4);
    const lines = rawHead.slice(0, end).split('\r\n');
    const requestLine = lines[0] ?? '';
    const m = /^(\S+) (\S+) HTTP\/(\d)\.(\d)$/.exec(requestLine);
    if (!m || m[1] === undefined || m[2] === undefined) {
      return {
        kind: 'error',
        status: 400,
        reason: 'the request line is not "method SP request-target SP HTTP-version" (RFC 9112 §3)',
      };
    }
    const [, method, target, major, minor] = m;
    if (!TOKEN.test(method))
      return {
        kind: 'error',
        status: 400,
        reason: `the method ${JSON.stringify(method)} is not a token (RFC 9110 §9.1)`,
      };
    if (major !== '1')
      return {
        kind: 'error',
        status: 505,
        reason: `HTTP/${major}.${minor} is not spoken here; this server speaks HTTP/1.1 (RFC 9110 §15.6.6)`,
      };
    if (lines.length - 1 > LIMITS.maxHeaderCount)
      return { kind: 'error', status: 431, reason: `more than ${LIMITS.maxHeaderCount} header fields` };
    const parsed = parseHeaderLines(lines.slice(1));
    if (!parsed.ok) return { kind: 'error', status: 400, reason: parsed.reason };
    const headers = parsed.headers;
    const version = `1.${minor}`;
    const connection = listMembers(headerGet(headers, 'connection'));
    const keepAlive = version === '1.0' ? connection.includes('keep-alive') : !connection.includes('close');
    const request: Omit<LabRequest, 'body'> = {
      method,
      target,
      version,
      headers,
      rawHead,
      unknownTransferCoding: null,
      keepAlive,
    };
    const expectsContinue =
      version !== '1.0' && listMembers(headerGet(headers, 'expect')).includes('100-continue');
    const bodyStart = end + 4;

    const te = headerGet(headers, 'transfer-encoding');
    if (te !== undefined) {
      // RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 request means the framing is faulty.
      if (version === '1.0')
        return {
          kind: 'error',
          status: 400,
          reason: 'Transfer-Encoding in an HTTP/1.0 request (RFC 9112 §6.1)',
        };
      const codings = listMembers(te);
      if (codings.length === 1 && codings[0] === 'chunked') {
        return {
          kind: 'head',
          pending: { request, bodyStart, framing: { kind: 'chunked' }, expectsContinue },
        };
      }
      // A coding we do not implement: the body cannot be framed (RFC 9112 §6.1 asks for 501; §6.3 lets a
      // server answer 400 when chunked is not final). Nothing after the head is read; the connection closes.
      const unknown = codings.filter((c) => c !== 'chunked');
      const named = unknown.length > 0 ? unknown.join(', ') : codings.join(', ');
      return {
        kind: 'head',
        pending: {
          request: { ...request, unknownTransferCoding: named || te, keepAlive: false },
          bodyStart,
          framing: { kind: 'none' },
          expectsContinue: false,
        },
      };
    }
    const length = contentLength(headers);
    if (length === 'invalid')
      return {
        kind: 'error',
        status: 400,
        reason: 'an invalid or conflicting Content-Length (RFC 9112 §6.3)',
      };
    if (length !== null && length > LIMITS.maxRequestBodyBytes) {
      return {
        kind: 'error',
        status: 413,
        reason: `the request body (${length} bytes) is larger than ${LIMITS.maxRequestBodyBytes} bytes`,
      };
    }
    const framing =
      length === null || length === 0 ? { kind: 'none' as const } : { kind: 'length' as const, length };
    return {
      kind: 'head',
      pending: { request, bodyStart, framing, expectsContinue: expectsContinue && framing.kind !== 'none' },
    };
  }

  private readBody(
    pending: PendingHead,
  ):
    | { kind: 'need-more' }
    | { kind: 'done'; body: Buffer; end: number }
    | { kind: 'error'; status: 400 | 413; reason: string } {
    const { framing, bodyStart } = pending;
    switch (framing.kind) {
      case 'none':
        return { kind: 'done', body: Buffer.alloc(0), end: bodyStart };
      case 'length':
        if (this.buf.length < bodyStart + framing.length) return { kind: 'need-more' };
        return {
          kind: 'done',
          body: Buffer.from(this.buf.subarray(bodyStart, bodyStart + framing.length)),
          end: bodyStart + framing.length,
        };
      case 'chunked': {
        const decoded = decodeChunked(this.buf, bodyStart, LIMITS.maxRequestBodyBytes);
        if (decoded.kind === 'error')
          return { kind: 'error', status: decoded.tooLarge === true ? 413 : 400, reason: decoded.reason };
        return decoded;
      }
    }
  }
}
