/**
 * A lenient HTTP/1.x response parser for raw mode and recorded exchanges: it accepts what strict
 * parsers reject (bare LF line ends, missing reason phrases, obs-fold, junk after the body) and records
 * each oddity as a note instead of failing, because showing the server's actual behaviour is the point.
 */
import { parseHeadLines } from './wire-capture';
import type { HeaderPair, InterimResponse } from '../contract/exchange';

export interface ParsedResponse {
  httpVersion: string;
  status: number;
  reason: string;
  headers: HeaderPair[];
  interim: InterimResponse[];
  rawHead: string;
  /** The payload after de-chunking (still content-coded). */
  body: Buffer;
  framing: 'content-length' | 'chunked' | 'close' | 'none';
  complete: boolean;
  notes: string[];
}

function findHeadEnd(buf: Buffer, from: number): { end: number; sep: number } | undefined {
  const crlf = buf.indexOf('\r\n\r\n', from, 'latin1');
  const lf = buf.indexOf('\n\n', from, 'latin1');
  if (crlf >= 0 && (lf < 0 || crlf <= lf)) return { end: crlf, sep: 4 };
  if (lf >= 0) return { end: lf, sep: 2 };
  return undefined;
}

function dechunk(buf: Buffer, notes: string[]): { body: Buffer; complete: boolean; consumed: number } {
  const parts: Buffer[] = [];
  let pos = 0;
  for (;;) {
    const lineEnd = buf.indexOf('\n', pos, 'latin1');
    if (lineEnd < 0) return { body: Buffer.concat(parts), complete: false, consumed: pos };
    const sizeText = buf.toString('latin1', pos, lineEnd).replace(/\r$/, '').split(';')[0]?.trim() ?? '';
    const size = Number.parseInt(sizeText, 16);
    if (!/^[0-9a-fA-F]+$/.test(sizeText) || Number.isNaN(size)) {
      notes.push(`Invalid chunk size line "${sizeText.slice(0, 40)}" at byte ${pos}.`);
      return { body: Buffer.concat(parts), complete: false, consumed: pos };
    }
    pos = lineEnd + 1;
    if (size === 0) {
      // Trailer section ends with an empty line.
      const end = findHeadEnd(buf, pos - 2);
      return { body: Buffer.concat(parts), complete: end !== undefined || buf.length >= pos, consumed: buf.length };
    }
    if (pos + size > buf.length) {
      parts.push(buf.subarray(pos));
      return { body: Buffer.concat(parts), complete: false, consumed: buf.length };
    }
    parts.push(buf.subarray(pos, pos + size));
    pos += size;
    if (buf.toString('latin1', pos, pos + 2) === '\r\n') pos += 2;
    else if (buf.toString('latin1', pos, pos + 1) === '\n') pos += 1;
  }
}

/**
 * Parses the bytes a server sent. `requestMethod` decides whether a body may follow (HEAD, and 1xx/204/304,
 * have none: RFC 9112 §6.3). `closed` says whether the server closed the connection, which ends a
 * close-delimited body.
 */
export function parseResponse(buf: Buffer, requestMethod: string, closed: boolean): ParsedResponse | undefined {
  const notes: string[] = [];
  const interim: InterimResponse[] = [];
  let offset = 0;
  let rawHead = '';
  for (;;) {
    const headEnd = findHeadEnd(buf, offset);
    if (!headEnd) return undefined;
    const head = buf.toString('latin1', offset, headEnd.end + headEnd.sep);
    if (headEnd.sep === 2) notes.push('The response uses bare LF line endings instead of CRLF (RFC 9112 §2.2 allows a recipient to accept them).');
    const { startLine, headers } = parseHeadLines(head);
    const m = /^HTTP\/(\d(?:\.\d)?)[ \t]+(\d{3})(?:[ \t](.*))?$/.exec(startLine);
    if (!m) {
      notes.push(`The first line "${startLine.slice(0, 80)}" is not an HTTP/1.x status line.`);
      return {
        httpVersion: '',
        status: 0,
        reason: '',
        headers: [],
        interim,
        rawHead: '',
        body: buf.subarray(offset),
        framing: 'close',
        complete: closed,
        notes,
      };
    }
    const status = Number(m[2]);
    rawHead += head;
    offset = headEnd.end + headEnd.sep;
    if (status >= 100 && status < 200 && status !== 101) {
      interim.push({ status, reason: m[3] ?? '', headers });
      continue;
    }
    const rest = buf.subarray(offset);
    const base = { httpVersion: m[1] ?? '1.1', status, reason: m[3] ?? '', headers, interim, rawHead, notes };
    if (m[3] === undefined) notes.push('The status line has no reason phrase (allowed: RFC 9112 §4).');
    const noBody = requestMethod.toUpperCase() === 'HEAD' || status === 204 || status === 304 || status === 101;
    if (noBody) {
      if (rest.length > 0) notes.push(`${rest.length} bytes followed a response that has no body.`);
      return { ...base, body: Buffer.alloc(0), framing: 'none', complete: true };
    }
    const te = headers.filter(([n]) => n.toLowerCase() === 'transfer-encoding').map(([, v]) => v.toLowerCase());
    const cl = headers.filter(([n]) => n.toLowerCase() === 'content-length').map(([, v]) => v.trim());
    if (te.length > 0 && cl.length > 0) notes.push('The response has both Transfer-Encoding and Content-Length; Transfer-Encoding wins (RFC 9112 §6.3).');
    if (te.some((v) => /(^|,)\s*chunked\s*$/.test(v))) {
      const chunked = dechunk(rest, notes);
      return { ...base, body: chunked.body, framing: 'chunked', complete: chunked.complete };
    }
    if (cl.length > 0) {
      if (new Set(cl).size > 1) notes.push(`Conflicting Content-Length values: ${cl.join(', ')}.`);
      const length = Number(cl[0]);
      if (!Number.isFinite(length) || length < 0) {
        notes.push(`Content-Length "${cl[0]}" is not a number; reading until the connection closes.`);
        return { ...base, body: rest, framing: 'close', complete: closed };
      }
      if (rest.length > length) notes.push(`${rest.length - length} bytes followed the ${length}-byte body.`);
      return { ...base, body: rest.subarray(0, length), framing: 'content-length', complete: rest.length >= length };
    }
    return { ...base, body: rest, framing: 'close', complete: closed };
  }
}

/** The request line and headers of a raw request, for showing and for deriving probes. */
export function parseRequestHead(bytes: Buffer): { method: string; target: string; version: string; headers: HeaderPair[]; head: string; bodyBytes: number } {
  const text = bytes.toString('latin1');
  const end = findHeadEnd(bytes, 0);
  const head = end ? text.slice(0, end.end + end.sep) : text;
  const { startLine, headers } = parseHeadLines(head);
  const [method = '', target = '', version = ''] = startLine.split(' ');
  return { method, target, version, headers, head, bodyBytes: end ? bytes.length - (end.end + end.sep) : 0 };
}
