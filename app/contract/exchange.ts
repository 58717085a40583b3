/**
 * The request a user composes and the exchange record the engine returns.
 * Request shapes are zod schemas (they arrive over IPC, WebSocket, files); the record is produced by our
 * own engine, so it is a plain type.
 */
import { z } from 'zod';

export const headerPairSchema = z.tuple([z.string(), z.string()]);
export type HeaderPair = z.infer<typeof headerPairSchema>;

const fieldSchema = z.object({ name: z.string(), value: z.string() });

export const multipartPartSchema = z.union([
  z.object({ kind: z.literal('field'), name: z.string(), value: z.string() }),
  z.object({
    kind: z.literal('file'),
    name: z.string(),
    path: z.string(),
    filename: z.string().optional(),
    contentType: z.string().optional(),
  }),
]);
export type MultipartPart = z.infer<typeof multipartPartSchema>;

export const requestBodySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('text'), text: z.string(), contentType: z.string().optional() }),
  z.object({ kind: z.literal('json'), text: z.string() }),
  z.object({ kind: z.literal('xml'), text: z.string() }),
  z.object({ kind: z.literal('urlencoded'), fields: z.array(fieldSchema) }),
  z.object({ kind: z.literal('multipart'), parts: z.array(multipartPartSchema) }),
  z.object({ kind: z.literal('file'), path: z.string(), contentType: z.string().optional() }),
  z.object({ kind: z.literal('binary'), base64: z.string(), contentType: z.string().optional() }),
]);
export type RequestBody = z.infer<typeof requestBodySchema>;
export const BODY_KINDS = ['none', 'text', 'json', 'xml', 'urlencoded', 'multipart', 'file', 'binary'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** The options a request may set, without defaults: what a saved request stores (only what differs). */
export const requestOptionOverridesSchema = z.object({
  /** 0 = do not follow; otherwise follow up to this many hops, each recorded. */
  maxRedirects: z.number().int().min(0).max(50),
  connectTimeoutMs: z.number().int().min(1).max(600_000),
  headersTimeoutMs: z.number().int().min(1).max(3_600_000),
  bodyTimeoutMs: z.number().int().min(1).max(3_600_000),
  /** Bounds the whole exchange, redirects included (the CLI's --timeout). */
  totalTimeoutMs: z.number().int().min(1).max(3_600_000),
  decompress: z.boolean(),
  rejectUnauthorized: z.boolean(),
  http2: z.boolean(),
}).partial();
export type RequestOptionOverrides = z.infer<typeof requestOptionOverridesSchema>;

const o = requestOptionOverridesSchema.shape;
/** The options with their defaults applied: what the engine takes. */
export const requestOptionsSchema = z.object({
  maxRedirects: o.maxRedirects.unwrap().default(0),
  connectTimeoutMs: o.connectTimeoutMs.unwrap().default(10_000),
  headersTimeoutMs: o.headersTimeoutMs.unwrap().default(30_000),
  bodyTimeoutMs: o.bodyTimeoutMs.unwrap().default(30_000),
  totalTimeoutMs: o.totalTimeoutMs,
  decompress: o.decompress.unwrap().default(true),
  rejectUnauthorized: o.rejectUnauthorized.unwrap().default(true),
  http2: o.http2.unwrap().default(false),
});
export type RequestOptions = z.infer<typeof requestOptionsSchema>;
export type RequestOptionsInput = z.input<typeof requestOptionsSchema>;

export const requestSpecSchema = z.object({
  /** Any RFC 9110 token, case preserved; validated by the engine with a precise message. */
  method: z.string().max(256),
  url: z.string().max(64 * 1024),
  headers: z.array(headerPairSchema).max(1000).default([]),
  body: requestBodySchema.default({ kind: 'none' }),
  options: requestOptionsSchema.default(requestOptionsSchema.parse({})),
});
export type RequestSpec = z.infer<typeof requestSpecSchema>;
export type RequestSpecInput = z.input<typeof requestSpecSchema>;

export const rawRequestSchema = z.object({
  /** Where to connect: scheme (http → TCP, https → TLS), host and port. Path and query are ignored. */
  target: z.string().max(64 * 1024),
  /** The bytes to send, exactly. */
  bytesBase64: z.string(),
  timeoutMs: z.number().int().min(1).max(3_600_000).default(15_000),
  rejectUnauthorized: z.boolean().default(true),
});
export type RawRequest = z.infer<typeof rawRequestSchema>;

// ---------------------------------------------------------------------------------------------------
// The exchange record

export interface WireHeader {
  name: string;
  value: string;
  /** True when the client (undici) added it rather than the user: Host, Connection, Content-Length, … */
  added: boolean;
}

/** Offsets in milliseconds from the moment the hop started; absent phases did not happen. */
export interface Timings {
  dnsDone?: number;
  connected?: number;
  tlsDone?: number;
  requestSent?: number;
  firstByte?: number;
  end?: number;
}

export interface ResponseBody {
  /** Bytes of the payload as framed on the wire (after de-chunking, before decoding). */
  encodedBytes: number;
  /** Bytes after undoing Content-Encoding (equal to encodedBytes when nothing was decoded). */
  decodedBytes: number;
  /** Content codings that were undone, in the order applied by the server (`gzip`, `br`, `deflate`). */
  decoded: string[];
  /** Why decoding was skipped or failed, when it was. */
  decodeNote?: string;
  storage: 'memory' | 'file';
  /** Absolute path of the spill file when the body exceeded the memory threshold. */
  file?: string;
  mediaType: string;
  isText: boolean;
  /** A display preview: UTF-8 text when textual, else base64; at most PREVIEW_LIMIT bytes. */
  preview: string;
  previewEncoding: 'utf8' | 'base64';
  previewTruncated: boolean;
}

export interface InterimResponse {
  status: number;
  reason: string;
  headers: HeaderPair[];
}

export interface ResponseHead {
  httpVersion: string;
  status: number;
  /** The reason phrase exactly as the server sent it (may be empty, may be non-standard). */
  reason: string;
  /** Raw header lines in order and casing, duplicates kept. */
  headers: HeaderPair[];
  interim: InterimResponse[];
  /** The response head bytes as received (latin1), interim responses included. */
  rawHead: string;
}

export interface Hop {
  url: string;
  method: string;
  /** The request head exactly as written to the socket (latin1), request line to blank line. */
  requestHead: string;
  requestHeaders: WireHeader[];
  requestBodyBytes: number;
  response?: ResponseHead & { body: ResponseBody };
  timings: Timings;
  remote?: { address: string; port: number; tlsProtocol?: string; alpn?: string };
}

export const EXCHANGE_MODES = ['client', 'raw'] as const;
export type ExchangeMode = (typeof EXCHANGE_MODES)[number];

export interface ExchangeRecord {
  id: string;
  mode: ExchangeMode;
  startedAt: string;
  request: { method: string; url: string; headers: HeaderPair[]; bodyKind: BodyKind | 'raw'; bodyBytes: number };
  /** Every hop of the redirect chain in order; the last one holds the final response. */
  hops: Hop[];
  totalMs: number;
  /** Present when the exchange failed; hops then show how far it got. */
  error?: { code: string; message: string; phase: string; detail?: Record<string, string | number | boolean | null> };
}

export const NET_PHASES = ['validate', 'dns', 'connect', 'tls', 'send', 'headers', 'body', 'parse', 'aborted'] as const;
export type NetPhase = (typeof NET_PHASES)[number];
