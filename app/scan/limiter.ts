/**
 * Bounded work for anything that sends many requests (scan, audit, run): at most `concurrency` tasks at
 * once, starts spaced by at least 1/`ratePerSecond` (one gate can span several batches), results in input
 * order, and a stop that takes effect at once (no new task starts; waits in the rate gate end; tasks in
 * flight see the same signal).
 */
import { setTimeout as sleep } from 'node:timers/promises';

/** Spaces starts: each `wait` returns no sooner than 1/ratePerSecond after the previous one's slot. */
export class RateGate {
  private readonly interval: number;
  private nextAt = 0;

  constructor(ratePerSecond: number | undefined) {
    this.interval = ratePerSecond === undefined || ratePerSecond <= 0 ? 0 : 1000 / ratePerSecond;
  }

  /** False when the signal aborted while waiting. */
  async wait(signal?: AbortSignal): Promise<boolean> {
    if (this.interval === 0) return signal?.aborted !== true;
    const now = performance.now();
    const at = Math.max(now, this.nextAt);
    this.nextAt = at + this.interval;
    if (at > now) {
      try {
        await sleep(at - now, undefined, signal ? { signal } : undefined);
      } catch {
        return false;
      }
    }
    return signal?.aborted !== true;
  }
}

export interface LimitOptions {
  concurrency: number;
  /** A rate (starts per second) or a gate shared with other batches; omit for no rate bound. */
  rate?: number | RateGate;
  signal?: AbortSignal;
  /** Checked before each start: true stops the run like an abort (used for --bail). */
  shouldStop?: () => boolean;
}

/** `undefined` marks an item that never started (stopped or aborted first). */
export type Limited<O> = Array<O | undefined>;

export async function mapLimited<I, O>(
  items: readonly I[],
  worker: (item: I, index: number) => Promise<O>,
  opts: LimitOptions,
): Promise<Limited<O>> {
  const results: Limited<O> = new Array<O | undefined>(items.length).fill(undefined);
  const gate = opts.rate instanceof RateGate ? opts.rate : new RateGate(opts.rate);
  const stopped = () => opts.signal?.aborted === true || opts.shouldStop?.() === true;
  // One iterator shared by every lane: each `next()` hands out the next item exactly once. (Array
  // iterators have no `return`, so a lane leaving its loop does not close the queue for the others.)
  const queue = items.entries();

  const lane = async (): Promise<void> => {
    for (const [index, item] of queue) {
      if (stopped() || !(await gate.wait(opts.signal)) || stopped()) return;
      results[index] = await worker(item, index);
    }
  };
  const lanes = Math.max(1, Math.min(opts.concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}
