/**
 * The chunked transfer coding (RFC 9112 §7.1), decoded from a buffer that may still be growing.
 * Pure: the caller re-runs it as bytes arrive (bodies are bounded, so re-scanning stays cheap).
 */
import { LIMITS } from './http-head';

export type ChunkedDecode =
  | { kind: 'need-more' }
  | { kind: 'error'; reason: string; tooLarge?: boolean }
  | { kind: 'done'; body: Buffer; end: number };

export function decodeChunked(buf: Buffer, start: number, maxBody: number): ChunkedDecode {
  const parts: Buffer[] = [];
  let total = 0;
  let pos = start;
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', pos, 'latin1');
    if (lineEnd < 0) {
      return buf.length - pos > LIMITS.maxChunkLineBytes
        ? { kind: 'error', reason: 'a chunk-size line is too long' }
        : { kind: 'need-more' };
    }
    const line = buf.toString('latin1', pos, lineEnd);
    // chunk = chunk-size [ chunk-ext ] CRLF; extensions are ignored as §7.1.1 allows.
    const sizeText = line.split(';', 1)[0]?.trim() ?? '';
    if (!/^[0-9A-Fa-f]{1,8}$/.test(sizeText))
      return { kind: 'error', reason: `invalid chunk size ${JSON.stringify(sizeText.slice(0, 20))}` };
    const size = Number.parseInt(sizeText, 16);
    pos = lineEnd + 2;
    if (size === 0) {
      // trailer-section = *( field-line CRLF ), then CRLF (§7.1.2); trailers are read and discarded.
      for (;;) {
        const trailerEnd = buf.indexOf('\r\n', pos, 'latin1');
        if (trailerEnd < 0)
          return buf.length - pos > LIMITS.maxHeadBytes
            ? { kind: 'error', reason: 'the trailer section is too long' }
            : { kind: 'need-more' };
        const empty = trailerEnd === pos;
        pos = trailerEnd + 2;
        if (empty) return { kind: 'done', body: Buffer.concat(parts), end: pos };
      }
    }
    total += size;
    if (total > maxBody)
      return { kind: 'error', reason: `the chunked body exceeds ${maxBody} bytes`, tooLarge: true };
    if (buf.length < pos + size + 2) return { kind: 'need-more' };
    parts.push(buf.subarray(pos, pos + size));
    if (buf[pos + size] !== 13 || buf[pos + size + 1] !== 10)
      return { kind: 'error', reason: 'chunk data is not followed by CRLF' };
    pos += size + 2;
  }
}

/** Encodes a body as one chunk plus the last chunk, for tests and for senders that want chunked framing. */
export function encodeChunked(body: Buffer): Buffer {
  if (body.length === 0) return Buffer.from('0\r\n\r\n', 'latin1');
  return Buffer.concat([
    Buffer.from(`${body.length.toString(16)}\r\n`, 'latin1'),
    body,
    Buffer.from('\r\n0\r\n\r\n', 'latin1'),
  ]);
}
