/**
 * Turns a RequestBody into bytes (or a stream) for undici, plus the Content-Type it implies.
 * Lengths are computed up front so the request goes out with Content-Length, not chunked, as most
 * clients do; file parts are streamed, never read whole into memory.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { assertNever } from '../common/result';
import type { MultipartPart, RequestBody } from '../contract/exchange';

export interface PreparedBody {
  body: Buffer | Readable | undefined;
  length: number;
  /** The Content-Type this body kind implies; used only when the user set none. */
  contentType?: string;
}

type Chunk = { kind: 'bytes'; bytes: Buffer } | { kind: 'file'; path: string; size: number };

function multipartBoundary(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return `----StatuscopeBoundary${Buffer.from(bytes).toString('hex')}`;
}

/** RFC 7578 §4.2: field names and filenames are quoted; quotes and line breaks are percent-encoded. */
function quoteParam(value: string): string {
  return value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

async function multipartChunks(parts: MultipartPart[], boundary: string): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${quoteParam(part.name)}"`;
    if (part.kind === 'file') {
      const info = await stat(part.path);
      head += `; filename="${quoteParam(part.filename ?? basename(part.path))}"\r\nContent-Type: ${part.contentType ?? 'application/octet-stream'}\r\n\r\n`;
      chunks.push({ kind: 'bytes', bytes: Buffer.from(head, 'utf8') });
      chunks.push({ kind: 'file', path: part.path, size: info.size });
      chunks.push({ kind: 'bytes', bytes: Buffer.from('\r\n') });
    } else {
      chunks.push({ kind: 'bytes', bytes: Buffer.from(`${head}\r\n\r\n${part.value}\r\n`, 'utf8') });
    }
  }
  chunks.push({ kind: 'bytes', bytes: Buffer.from(`--${boundary}--\r\n`) });
  return chunks;
}

async function* streamChunks(chunks: Chunk[]): AsyncGenerator<Buffer> {
  for (const chunk of chunks) {
    if (chunk.kind === 'bytes') yield chunk.bytes;
    else for await (const piece of createReadStream(chunk.path)) yield piece as Buffer;
  }
}

export async function prepareBody(body: RequestBody): Promise<PreparedBody> {
  switch (body.kind) {
    case 'none':
      return { body: undefined, length: 0 };
    case 'text': {
      const bytes = Buffer.from(body.text, 'utf8');
      return { body: bytes, length: bytes.length, contentType: body.contentType ?? 'text/plain; charset=utf-8' };
    }
    case 'json': {
      const bytes = Buffer.from(body.text, 'utf8');
      return { body: bytes, length: bytes.length, contentType: 'application/json' };
    }
    case 'xml': {
      const bytes = Buffer.from(body.text, 'utf8');
      return { body: bytes, length: bytes.length, contentType: 'application/xml' };
    }
    case 'urlencoded': {
      const params = new URLSearchParams();
      for (const f of body.fields) params.append(f.name, f.value);
      const bytes = Buffer.from(params.toString(), 'utf8');
      return { body: bytes, length: bytes.length, contentType: 'application/x-www-form-urlencoded' };
    }
    case 'multipart': {
      const boundary = multipartBoundary();
      const chunks = await multipartChunks(body.parts, boundary);
      const length = chunks.reduce((n, c) => n + (c.kind === 'bytes' ? c.bytes.length : c.size), 0);
      const contentType = `multipart/form-data; boundary=${boundary}`;
      if (chunks.every((c) => c.kind === 'bytes')) {
        const bytes = Buffer.concat(chunks.map((c) => (c.kind === 'bytes' ? c.bytes : Buffer.alloc(0))));
        return { body: bytes, length, contentType };
      }
      return { body: Readable.from(streamChunks(chunks)), length, contentType };
    }
    case 'file': {
      const info = await stat(body.path);
      return { body: createReadStream(body.path), length: info.size, contentType: body.contentType ?? 'application/octet-stream' };
    }
    case 'binary': {
      const bytes = Buffer.from(body.base64, 'base64');
      return { body: bytes, length: bytes.length, contentType: body.contentType ?? 'application/octet-stream' };
    }
    default:
      return assertNever(body, 'body kind');
  }
}
