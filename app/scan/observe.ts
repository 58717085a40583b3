/**
 * What one answer tells a scan or an audit: status, `Allow`, who wrote it (passive fingerprinting), the
 * diagnosis' top cause for a 501, and a hash of the body to compare answers across methods. Sending
 * goes through a `Send` function the caller provides (the service passes the engine's).
 */
import { createHash } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { finalResponse, headerValues } from '../common/exchange';
import type { Result } from '../common/result';
import type { ExchangeRecord, HeaderPair, RequestBody, RequestSpec } from '../contract/exchange';
import { requestSpecSchema } from '../contract/exchange';
import type { ScanCell } from '../contract/run-ops';
import { explainExchange } from '../diagnosis/explain';
import { sendExchange } from '../engine/send';
import { allowMembers } from './methods';

export type Send = (spec: RequestSpec, signal: AbortSignal) => Promise<Result<ExchangeRecord>>;

/**
 * The engine's sendExchange for callers that only read the record: a body big enough to spill to a file
 * is deleted once the exchange is done (the record's preview is all a scan or audit looks at).
 */
export function previewSender(tempDir?: string): Send {
  return async (spec, signal) => {
    const spilled: string[] = [];
    const result = await sendExchange(spec, {
      signal,
      ...(tempDir === undefined ? {} : { tempDir }),
      onBody: (_id, _hop, body) => {
        if (body.file) spilled.push(body.file);
      },
    });
    await Promise.all(spilled.map((f) => rm(f, { force: true })));
    return result;
  };
}

export function bareSpec(
  method: string,
  url: string,
  headers: readonly HeaderPair[],
  timeoutMs: number,
  body: RequestBody = { kind: 'none' },
): RequestSpec {
  return requestSpecSchema.parse({
    method,
    url,
    headers,
    body,
    options: {
      connectTimeoutMs: timeoutMs,
      headersTimeoutMs: timeoutMs,
      bodyTimeoutMs: timeoutMs,
      totalTimeoutMs: timeoutMs * 2,
    },
  });
}

export type Observation = Pick<
  ScanCell,
  'status' | 'reason' | 'allow' | 'answeredBy' | 'cause' | 'causeSummary' | 'bodyHash' | 'bodyBytes' | 'ms'
>;

export function observe(exchange: ExchangeRecord): Observation {
  const response = finalResponse(exchange);
  if (!response) return { ms: exchange.totalMs };
  const explanation = explainExchange(exchange);
  const allowValues = headerValues(response.headers, 'allow');
  const top = explanation.findings[0];
  const body = response.body;
  return {
    status: response.status,
    reason: response.reason,
    ...(allowValues.length > 0 ? { allow: allowMembers(allowValues) } : {}),
    answeredBy: {
      fingerprint: explanation.author.fingerprint,
      name: explanation.author.name,
      kind: explanation.author.kind,
    },
    ...(response.status === 501 && top ? { cause: top.cause, causeSummary: top.summary } : {}),
    ...(body.decodedBytes > 0
      ? {
          bodyHash: createHash('sha256')
            .update(`${body.decodedBytes}:${body.preview}`)
            .digest('hex')
            .slice(0, 16),
        }
      : {}),
    bodyBytes: body.decodedBytes,
    ms: Math.round(exchange.totalMs * 10) / 10,
  };
}

const CELL_PREVIEW = 4 * 1024;

/** The record with every body preview cut to 4 KB: a matrix holds many cells, and the preview is for reading. */
export function withShortPreviews(exchange: ExchangeRecord): ExchangeRecord {
  return {
    ...exchange,
    hops: exchange.hops.map((hop) => {
      const body = hop.response?.body;
      if (!hop.response || !body || body.preview.length <= CELL_PREVIEW) return hop;
      return { ...hop, response: { ...hop.response, body: { ...body, preview: body.preview.slice(0, CELL_PREVIEW), previewTruncated: true } } };
    }),
  };
}
