/**
 * Keeps the full bodies of recent exchanges so the UI can ask for one (save, full view) after the record
 * was sent. Bounded by total in-memory bytes; spilled files are deleted when their exchange is evicted.
 */
import { readFile, rm } from 'node:fs/promises';
import type { StoredBody } from './response-body';

interface Entry {
  exchangeId: string;
  body: StoredBody;
}

export class BodyStore {
  private entries: Entry[] = [];

  constructor(private readonly maxMemoryBytes = 64 * 1024 * 1024, private readonly maxEntries = 50) {}

  /** Only the final hop's body is kept per exchange: that is what the user looks at. */
  put(exchangeId: string, body: StoredBody): void {
    const old = this.entries.findIndex((e) => e.exchangeId === exchangeId);
    if (old >= 0) this.evict(old);
    this.entries.push({ exchangeId, body });
    while (this.entries.length > this.maxEntries || (this.memoryBytes() > this.maxMemoryBytes && this.entries.length > 1)) this.evict(0);
  }

  private memoryBytes(): number {
    return this.entries.reduce((n, e) => n + (e.body.buffer?.length ?? 0), 0);
  }

  private evict(index: number): void {
    const [gone] = this.entries.splice(index, 1);
    if (gone?.body.file) void rm(gone.body.file, { force: true });
  }

  async read(exchangeId: string): Promise<Buffer | undefined> {
    const entry = this.entries.find((e) => e.exchangeId === exchangeId);
    if (!entry) return undefined;
    if (entry.body.buffer) return entry.body.buffer;
    if (entry.body.file) return readFile(entry.body.file);
    return undefined;
  }

  async clear(): Promise<void> {
    while (this.entries.length > 0) this.evict(0);
  }
}
