/**
 * The history of sent exchanges, in the app's data dir (never in a collection):
 *   <dataDir>/history/entries/<id>.json   one entry per file, written atomically;
 *   <dataDir>/history/index.jsonl         one summary line per entry, appended (fsync'd).
 * A crash mid-append leaves at most one torn last line, which the reader skips and the next append
 * steps over; an entry file without an index line is invisible and removed at the next eviction.
 * Bounded: the oldest entries go once there are more than `maxEntries` or their files exceed `maxBytes`;
 * response body previews are cut to `previewCap` bytes per hop.
 */
import { mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../../common/result';
import { finalResponse } from '../../common/exchange';
import { savedRequestSchema, type SavedRequest } from '../../contract/collection';
import type { ExchangeRecord, RawRequest, RequestSpec } from '../../contract/exchange';
import { isErrno, writeAtomic } from '../atomic';
import { serialized } from '../lock';
import { matches, parseQuery } from './query';
import {
  historyEntrySchema,
  historyIdSchema,
  historySummarySchema as summarySchema,
  type HistoryEntry,
  type HistorySource,
  type HistorySummary,
} from './schema';

export type { HistoryEntry, HistorySource, HistorySummary } from './schema';

export const HISTORY_LIMITS = { maxEntries: 500, maxBytes: 50 * 1024 * 1024, previewCap: 64 * 1024 } as const;
export type HistoryLimits = { maxEntries: number; maxBytes: number; previewCap: number };

function newHistoryId(now: number): string {
  const rand = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(6)), (b) =>
    (b % 36).toString(36),
  ).join('');
  return `h${now.toString(36).padStart(9, '0')}-${rand}`;
}

function capPreviews(exchange: ExchangeRecord, cap: number): ExchangeRecord {
  return {
    ...exchange,
    hops: exchange.hops.map((hop) => {
      const r = hop.response;
      if (!r || r.body.preview.length <= cap) return hop;
      // base64 previews are cut on a 4-character boundary so they still decode.
      const cut = r.body.previewEncoding === 'base64' ? cap - (cap % 4) : cap;
      return {
        ...hop,
        response: {
          ...r,
          body: { ...r.body, preview: r.body.preview.slice(0, cut), previewTruncated: true },
        },
      };
    }),
  };
}

export class HistoryStore {
  readonly dir: string;
  readonly index: string;
  readonly entries: string;

  constructor(
    dataDir: string,
    private readonly limits: HistoryLimits = HISTORY_LIMITS,
    private readonly now: () => number = Date.now,
  ) {
    this.dir = path.join(dataDir, 'history');
    this.index = path.join(this.dir, 'index.jsonl');
    this.entries = path.join(this.dir, 'entries');
  }

  private entryFile(id: string): string {
    return path.join(this.entries, `${id}.json`);
  }

  /** Every readable index line, oldest first; torn or foreign lines are skipped. */
  async summaries(): Promise<HistorySummary[]> {
    let text: string;
    try {
      text = await readFile(this.index, 'utf8');
    } catch (thrown) {
      if (isErrno(thrown, 'ENOENT')) return [];
      throw thrown;
    }
    const out: HistorySummary[] = [];
    const seen = new Set<string>();
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        continue;
      }
      const parsed = summarySchema.safeParse(json);
      if (parsed.success && !seen.has(parsed.data.id)) {
        seen.add(parsed.data.id);
        out.push(parsed.data);
      }
    }
    return out;
  }

  async add(request: RequestSpec, exchange: ExchangeRecord, source?: HistorySource, raw?: RawRequest): Promise<HistorySummary> {
    return serialized(this.dir, async () => {
      const id = newHistoryId(this.now());
      const entry: HistoryEntry = {
        id,
        savedAt: new Date(this.now()).toISOString(),
        request,
        exchange: capPreviews(exchange, this.limits.previewCap),
        ...(source ? { source } : {}),
        ...(raw ? { raw } : {}),
      };
      const text = JSON.stringify(entry);
      await mkdir(this.entries, { recursive: true });
      await writeAtomic(this.entryFile(id), text);
      const response = finalResponse(exchange);
      const summary: HistorySummary = {
        id,
        savedAt: entry.savedAt,
        method: exchange.request.method,
        url: exchange.request.url,
        ...(response ? { status: response.status } : {}),
        ...(exchange.error ? { errorCode: exchange.error.code } : {}),
        totalMs: exchange.totalMs,
        bytes: Buffer.byteLength(text),
        ...(source ? { sourcePath: source.path } : {}),
      };
      await this.appendLine(JSON.stringify(summary));
      await this.evict();
      return summary;
    });
  }

  private async appendLine(line: string): Promise<void> {
    const handle = await open(this.index, 'a+');
    try {
      const { size } = await handle.stat();
      let lead = '';
      if (size > 0) {
        const last = Buffer.alloc(1);
        await handle.read(last, 0, 1, size - 1);
        // The previous append was torn by a crash: start on a fresh line so this one stays readable.
        if (last[0] !== 0x0a) lead = '\n';
      }
      await handle.appendFile(`${lead}${line}\n`, 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
  }

  /** Drops the oldest entries beyond the bounds, and entry files no index line names (a crash's leftovers). */
  private async evict(): Promise<void> {
    const all = await this.summaries();
    // Keep from the newest backwards while within both bounds; the newest entry is always kept.
    let keepFrom = all.length;
    let bytes = 0;
    while (keepFrom > 0) {
      const candidate = all[keepFrom - 1];
      if (candidate === undefined) break;
      const within =
        all.length - keepFrom < this.limits.maxEntries && bytes + candidate.bytes <= this.limits.maxBytes;
      if (!within && keepFrom < all.length) break;
      bytes += candidate.bytes;
      keepFrom--;
    }
    const lines = (await readFile(this.index, 'utf8')).split('\n').filter((l) => l.trim() !== '').length;
    if (keepFrom === 0 && lines === all.length) return;
    const kept = all.slice(keepFrom);
    await writeAtomic(this.index, kept.map((s) => `${JSON.stringify(s)}\n`).join(''));
    for (const s of all.slice(0, keepFrom)) await rm(this.entryFile(s.id), { force: true });
    // Files no line names: leftovers of a crash between the entry write and the index append. Another
    // process (the CLI) may be between those two steps right now, so only files a minute old go.
    const keep = new Set(kept.map((s) => `${s.id}.json`));
    for (const name of await readdir(this.entries).catch(() => [])) {
      if (keep.has(name)) continue;
      const file = path.join(this.entries, name);
      const info = await stat(file).catch(() => undefined);
      if (info && this.now() - info.mtimeMs > 60_000) await rm(file, { force: true });
    }
  }

  /** Newest first, filtered by a query (history/query.ts), at most `limit`. */
  async list(query = '', limit = 100): Promise<HistorySummary[]> {
    const terms = parseQuery(query);
    return (await this.summaries())
      .reverse()
      .filter((s) => matches(s, terms))
      .slice(0, limit);
  }

  async get(id: string): Promise<Result<HistoryEntry>> {
    const checked = historyIdSchema.safeParse(id);
    if (!checked.success)
      return fail('history.not-found', `There is no history entry ${JSON.stringify(id)}.`);
    let json: unknown;
    try {
      json = JSON.parse(await readFile(this.entryFile(id), 'utf8'));
    } catch {
      return fail('history.not-found', `History entry ${id} is no longer kept.`, { detail: { id } });
    }
    const parsed = historyEntrySchema.safeParse(json);
    if (!parsed.success)
      return fail('history.unreadable', `History entry ${id} could not be read.`, { detail: { id } });
    return ok(parsed.data);
  }

  async clear(): Promise<{ removed: number }> {
    return serialized(this.dir, async () => {
      const removed = (await this.summaries()).length;
      await rm(this.dir, { recursive: true, force: true });
      return { removed };
    });
  }

  /** Total bytes of entry files on disk (for tests and a settings screen). */
  async diskBytes(): Promise<number> {
    let n = 0;
    for (const name of await readdir(this.entries).catch(() => []))
      n += (await stat(path.join(this.entries, name)).catch(() => ({ size: 0 }))).size;
    return n;
  }
}

/** Headers that carry credentials: never written into a collection from a history entry. */
export const CREDENTIAL_HEADERS = ['authorization', 'proxy-authorization', 'cookie'] as const;

/**
 * A saved request from a history entry: the original template when the entry came from a collection
 * (variables intact, no secrets), else the request as sent minus credential headers.
 */
export function historyToSavedRequest(
  entry: HistoryEntry,
  name: string,
): { request: SavedRequest; dropped: string[] } {
  if (entry.source?.request) return { request: { ...entry.source.request, name }, dropped: [] };
  const dropped: string[] = [];
  const headers = entry.request.headers.filter(([n]) => {
    const sensitive = (CREDENTIAL_HEADERS as readonly string[]).includes(n.toLowerCase());
    if (sensitive) dropped.push(n);
    return !sensitive;
  });
  const request = savedRequestSchema.parse({
    name,
    method: entry.request.method,
    url: entry.request.url,
    headers: headers.map(([n, v]) => ({ name: n, value: v })),
    body: entry.request.body,
    auth: { type: 'none' },
    options: entry.request.options,
  });
  return { request, dropped };
}
