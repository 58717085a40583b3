/**
 * The exchange record's schema, for operations that take a record back over IPC (diagnosis, history).
 * The record is produced by our own engine; the schema guards the boundary, and the compile-time check at
 * the bottom keeps it in step with the ExchangeRecord interface (a drift is a compile error).
 */
import { z } from 'zod';
import { BODY_KINDS, EXCHANGE_MODES, headerPairSchema, type ExchangeRecord } from './exchange';

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

const responseHeadSchema = z.object({
  httpVersion: z.string(),
  status: z.number().int(),
  reason: z.string(),
  headers: z.array(headerPairSchema),
  interim: z.array(
    z.object({ status: z.number().int(), reason: z.string(), headers: z.array(headerPairSchema) }),
  ),
  rawHead: z.string(),
  body: responseBodySchema,
});

const hopSchema = z.object({
  url: z.string(),
  method: z.string(),
  requestHead: z.string(),
  requestHeaders: z.array(z.object({ name: z.string(), value: z.string(), added: z.boolean() })),
  requestBodyBytes: z.number(),
  response: responseHeadSchema.optional(),
  timings: timingsSchema,
  remote: z
    .object({
      address: z.string(),
      port: z.number(),
      tlsProtocol: z.string().optional(),
      alpn: z.string().optional(),
    })
    .optional(),
});

const detailValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const exchangeRecordSchema = z.object({
  id: z.string(),
  mode: z.enum(EXCHANGE_MODES),
  startedAt: z.string(),
  request: z.object({
    method: z.string(),
    url: z.string(),
    headers: z.array(headerPairSchema),
    bodyKind: z.union([z.enum(BODY_KINDS), z.literal('raw')]),
    bodyBytes: z.number(),
  }),
  hops: z.array(hopSchema).max(64),
  totalMs: z.number(),
  error: z
    .object({
      code: z.string(),
      message: z.string(),
      phase: z.string(),
      detail: z.record(z.string(), detailValue).optional(),
    })
    .optional(),
});

type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Compile-time check that the schema and the interface describe the same record. */
export const exchangeSchemaMatchesRecord: Exact<z.infer<typeof exchangeRecordSchema>, ExchangeRecord> = true;
