/**
 * Response bodies: undo Content-Encoding while streaming, keep the decoded bytes in memory up to a
 * threshold and spill to a temp file above it. The bytes are held once: when a body spills, the memory
 * copy is written out and dropped; compressed bytes are never kept.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable, Writable, type Transform } from 'node:stream';
import zlib from 'node:zlib';
import type { HeaderPair, ResponseBody } from '../contract/exchange';
import { headerValue, headerValues } from '../common/exchange';

export const MEMORY_THRESHOLD = 8 * 1024 * 1024;
export const PREVIEW_LIMIT = 1024 * 1024;

export interface StoredBody {
  storage: 'memory' | 'file';
  buffer?: Buffer;
  file?: string;
  bytes: number;
  /** The first PREVIEW_LIMIT bytes, for display. */
  head: Buffer;
}

/** Collects decoded bytes: memory first, a file once the threshold is crossed. */
export class BodySink {
  private chunks: Buffer[] = [];
  private size = 0;
  private head: Buffer[] = [];
  private headSize = 0;
  private file?: WriteStream;
  private filePath?: string;

  constructor(
    private readonly tempDir: string,
    private readonly name: string,
    private readonly threshold = MEMORY_THRESHOLD,
  ) {}

  async write(chunk: Buffer): Promise<void> {
    this.size += chunk.length;
    if (this.headSize < PREVIEW_LIMIT) {
      const piece = chunk.subarray(0, PREVIEW_LIMIT - this.headSize);
      this.head.push(piece);
      this.headSize += piece.length;
    }
    if (this.file) return this.writeFile(chunk);
    this.chunks.push(chunk);
    if (this.size > this.threshold) {
      await mkdir(this.tempDir, { recursive: true });
      this.filePath = join(this.tempDir, `${this.name}.body`);
      this.file = createWriteStream(this.filePath, { mode: 0o600 });
      const pending = this.chunks;
      this.chunks = [];
      for (const c of pending) await this.writeFile(c);
    }
  }

  private writeFile(chunk: Buffer): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    return new Promise((resolve, reject) => file.write(chunk, (e) => (e ? reject(e) : resolve())));
  }

  async finish(): Promise<StoredBody> {
    const head = Buffer.concat(this.head);
    if (this.file && this.filePath) {
      const file = this.file;
      await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
      return { storage: 'file', file: this.filePath, bytes: this.size, head };
    }
    return { storage: 'memory', buffer: Buffer.concat(this.chunks), bytes: this.size, head };
  }

  writable(): Writable {
    return new Writable({
      write: (chunk: Buffer, _enc, cb) => {
        this.write(chunk).then(() => cb(), cb);
      },
    });
  }
}

export const DECODABLE = ['gzip', 'x-gzip', 'deflate', 'br'] as const;

/** The Content-Encoding codings in the order the server applied them (RFC 9110 §8.4). */
export function contentCodings(headers: readonly HeaderPair[]): string[] {
  return headerValues(headers, 'content-encoding')
    .flatMap((v) => v.split(','))
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c.length > 0 && c !== 'identity');
}

function decoderFor(coding: string): Transform | undefined {
  switch (coding) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      return undefined;
  }
}

export interface DecodePlan {
  transforms: Transform[];
  decoded: string[];
  note?: string;
}

/** Decoders to apply, last coding first; unknown codings leave the body as received, with a note. */
export function planDecoding(headers: readonly HeaderPair[], enabled: boolean): DecodePlan {
  const codings = contentCodings(headers);
  if (codings.length === 0) return { transforms: [], decoded: [] };
  if (!enabled) return { transforms: [], decoded: [], note: 'Decompression is off: the body is shown as received.' };
  const unknown = codings.filter((c) => !(DECODABLE as readonly string[]).includes(c));
  if (unknown.length > 0) {
    return { transforms: [], decoded: [], note: `Content-Encoding ${unknown.join(', ')} is not one Statuscope decodes; the body is shown as received.` };
  }
  const transforms = [...codings].reverse().map((c) => decoderFor(c)).filter((t): t is Transform => t !== undefined);
  return { transforms, decoded: codings };
}

/** Streams `source` through the decoders into the sink, counting the encoded bytes on the way. */
export async function drainBody(
  source: Readable,
  plan: DecodePlan,
  sink: BodySink,
  onEncoded: (total: number) => void,
): Promise<{ encodedBytes: number; decodeError?: string }> {
  let encodedBytes = 0;
  const counter = async function* (input: AsyncIterable<Buffer>) {
    for await (const chunk of input) {
      encodedBytes += chunk.length;
      onEncoded(encodedBytes);
      yield chunk;
    }
  };
  try {
    // pipeline's typings cannot express a variadic chain of transforms, so the chain is spread once here.
    await (pipeline as (...streams: unknown[]) => Promise<void>)(source, counter, ...plan.transforms, sink.writable());
    return { encodedBytes };
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    if (code.startsWith('Z_') || code.startsWith('ERR_BROTLI') || code === 'ERR__ERROR_FORMAT_PADDING_1') {
      return { encodedBytes, decodeError: `The body could not be decoded (${code}); it does not match its Content-Encoding.` };
    }
    throw e;
  }
}

/** Decodes a complete buffer synchronously (raw mode and recorded exchanges). */
export function decodeBuffer(raw: Buffer, headers: readonly HeaderPair[], enabled: boolean): { bytes: Buffer; decoded: string[]; note?: string } {
  const plan = planDecoding(headers, enabled);
  if (plan.decoded.length === 0) return { bytes: raw, decoded: [], note: plan.note };
  try {
    let bytes = raw;
    for (const coding of [...plan.decoded].reverse()) {
      if (coding === 'gzip' || coding === 'x-gzip') bytes = zlib.gunzipSync(bytes);
      else if (coding === 'deflate') bytes = zlib.inflateSync(bytes);
      else if (coding === 'br') bytes = zlib.brotliDecompressSync(bytes);
    }
    return { bytes, decoded: plan.decoded };
  } catch (e) {
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : 'error';
    return { bytes: raw, decoded: [], note: `The body could not be decoded (${code}); shown as received.` };
  }
}

const TEXTUAL = /^(text\/|application\/(json|xml|javascript|ecmascript|x-www-form-urlencoded|graphql|yaml|x-yaml|problem\+json|problem\+xml)|[^;]*\+(json|xml))/i;

export function mediaTypeOf(headers: readonly HeaderPair[]): string {
  return (headerValue(headers, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Text when the media type says so, or when it says nothing and the bytes look like UTF-8 text. */
export function looksTextual(mediaType: string, head: Buffer): boolean {
  if (TEXTUAL.test(mediaType)) return true;
  if (mediaType && !mediaType.startsWith('application/octet-stream')) return false;
  const sample = head.subarray(0, 4096);
  if (sample.includes(0)) return false;
  return Buffer.from(sample.toString('utf8'), 'utf8').equals(sample) || sample.length === 0;
}

export function describeBody(
  stored: StoredBody,
  headers: readonly HeaderPair[],
  encodedBytes: number,
  decoded: string[],
  note: string | undefined,
): ResponseBody {
  const mediaType = mediaTypeOf(headers);
  const isText = looksTextual(mediaType, stored.head);
  const truncated = stored.bytes > stored.head.length;
  return {
    encodedBytes,
    decodedBytes: stored.bytes,
    decoded,
    ...(note ? { decodeNote: note } : {}),
    storage: stored.storage,
    ...(stored.file ? { file: stored.file } : {}),
    mediaType,
    isText,
    preview: isText ? stored.head.toString('utf8') : stored.head.toString('base64'),
    previewEncoding: isText ? 'utf8' : 'base64',
    previewTruncated: truncated,
  };
}

/** Stores a complete, already-decoded buffer through a sink (raw mode). */
export async function storeBuffer(bytes: Buffer, tempDir: string, name: string): Promise<StoredBody> {
  const sink = new BodySink(tempDir, name);
  await pipeline(Readable.from([bytes]), sink.writable());
  return sink.finish();
}
