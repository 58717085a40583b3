import { z } from 'zod';
import { operation } from './define';
import { rawRequestSchema, requestSpecSchema, type ExchangeRecord } from './exchange';

const exchangeId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const exchangeOps = {
  /** Send a request through undici. Fails (Result) only on transport errors; any HTTP status is ok. */
  'exchange:send': operation<ExchangeRecord>()(z.object({ exchangeId, request: requestSpecSchema })),
  /** Send bytes exactly as given over TCP or TLS; the reply is parsed leniently. */
  'exchange:send-raw': operation<ExchangeRecord>()(z.object({ exchangeId, request: rawRequestSchema })),
  /** Abort an exchange in flight at any phase. */
  'exchange:cancel': operation<{ cancelled: boolean }>()(z.object({ exchangeId })),
  /** The whole decoded response body of a recent exchange (base64), for saving or full display. */
  'exchange:body': operation<{ base64: string; bytes: number }>()(z.object({ exchangeId })),
};

export interface ExchangeEvents {
  /** Progress of an exchange in flight, at most every ~100 ms. */
  'exchange:progress': { exchangeId: string; phase: string; receivedBytes: number };
}
