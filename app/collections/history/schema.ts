/**
 * The shapes of history on disk (and of the history operations' outputs). Node-free, because the
 * contract type-imports them and the renderer type-imports the contract.
 */
import { z } from 'zod';
import { savedRequestSchema } from '../../contract/collection';
import { exchangeRecordSchema } from '../../contract/collection-ops';
import { rawRequestSchema, requestSpecSchema } from '../../contract/exchange';

export const historyIdSchema = z.string().regex(/^h[0-9a-z]{9}-[0-9a-z]{6}$/, 'not a history entry id');

export const historySourceSchema = z.object({
  root: z.string(),
  path: z.string(),
  /** The saved request before variables were substituted: what "save to collection" writes back. */
  request: savedRequestSchema.optional(),
});
export type HistorySource = z.infer<typeof historySourceSchema>;

export const historyEntrySchema = z.object({
  id: historyIdSchema,
  savedAt: z.string(),
  /** The request as sent (variables substituted, auth applied). */
  request: requestSpecSchema,
  exchange: exchangeRecordSchema,
  source: historySourceSchema.optional(),
  /** For raw-mode sends: the exact bytes and target; `request` is then only a readable approximation. */
  raw: rawRequestSchema.optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** One line of index.jsonl: what the history list shows and searches. */
export const historySummarySchema = z.object({
  id: historyIdSchema,
  savedAt: z.string(),
  method: z.string(),
  url: z.string(),
  status: z.number().optional(),
  errorCode: z.string().optional(),
  totalMs: z.number(),
  bytes: z.number(),
  sourcePath: z.string().optional(),
});
export type HistorySummary = z.infer<typeof historySummarySchema>;
