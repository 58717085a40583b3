/**
 * A zod schema for ExchangeRecord. The engine produces records, so the contract types them plainly;
 * but `history:add` receives one across a boundary (IPC, WebSocket) and history files are read back
 * from disk, so both are parsed, not trusted. The two assignments at the bottom keep this schema and
 * the ExchangeRecord interface in step: a field added to one and not the other fails to compile.
 */
import { z } from 'zod';
import { BODY_KINDS, EXCHANGE_MODES, headerPairSchema, type ExchangeRecord } from '../../contract/exchange';

const wireHeaderSchema = z.object({ name: z.string(), value: z.string(), added: z.boolean() });

const timingsSchema = z.object({
  dnsDone: z.number().optional(),
  connected: z.number().optional(),
  tlsDone: z.number().optional(),
  requestSent: z.number().optional(),
  firstByte: z.number().optional(),
  end: z.number().optional(),
});

const responseBodySchema = z.object({
  encodedBytes: z.number(),
  decodedBytes: z.number(),
  decoded: z.array(z.string()),
  decodeNote: z.string().optional(),
  storage: z.enum(['memory', 'file']),
  file: z.string().optional(),
  mediaType: z.string(),
  isText: z.boolean(),
  preview: z.string(),
  previewEncoding: z.enum(['utf8', 'base64']),
  previewTruncated: z.boolean(),
});

const interimSchema = z.object({ status: z.number(), reason: z.string(), headers: z.array(headerPairSchema) });

const responseSchema = z.object({
  httpVersion: z.string(),
  status: z.number(),
  reason: z.string(),
  headers: z.array(headerPairSchema),
  interim: z.array(interimSchema),
  rawHead: z.string(),
  body: responseBodySchema,
});

const hopSchema = z.object({
  url: z.string(),
  method: z.string(),
  requestHead: z.string(),
  requestHeaders: z.array(wireHeaderSchema),
  requestBodyBytes: z.number(),
  response: responseSchema.optional(),
  timings: timingsSchema,
  remote: z.object({ address: z.string(), port: z.number(), tlsProtocol: z.string().optional(), alpn: z.string().optional() }).optional(),
});

export const exchangeRecordSchema = z.object({
  id: z.string(),
  mode: z.enum(EXCHANGE_MODES),
  startedAt: z.string(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(headerPairSchema),
    bodyKind: z.enum([...BODY_KINDS, 'raw']),
    bodyBytes: z.number(),
  }),
  hops: z.array(hopSchema),
  totalMs: z.number(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      phase: z.string(),
      detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    })
    .optional(),
});

// Compile-time equivalence with the contract's interface (see the file comment).
export const recordFitsSchema = (r: ExchangeRecord): z.input<typeof exchangeRecordSchema> => r;
export const schemaFitsRecord = (r: z.output<typeof exchangeRecordSchema>): ExchangeRecord => r;
