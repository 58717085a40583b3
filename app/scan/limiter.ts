/**
 * Bounded work for anything that sends many requests (scan, audit, run): at most `concurrency` tasks at
 * once, starts spaced by at least 1/`ratePerSecond`, results in input order, and a stop that takes effect
 * at once (no new task starts; waits in the rate gate end; tasks in flight see the same signal).
 */
import { setTimeout as sleep } from 'node:timers/promises';

export interface LimitOptions {
  concurrency: number;
  /** Omit for no rate bound. */
  ratePerSecond?: number;
  signal?: AbortSignal;
  /** Checked before each start: true stops the run like an abort (used for --bail). */
  shouldStop?: () => boolean;
}

/** `undefined` marks an item that never started (stopped or aborted first). */
export type Limited<O> = Array<O | undefined>;

export async function mapLimited<I, O>(items: readonly I[], worker: (item: I, index: number) => Promise<O>, opts: LimitOptions): Promise<Limited<O>> {
  const results: Limited<O> = new Array<O | undefined>(items.length).fill(undefined);
  const interval = opts.ratePerSecond === undefined ? 0 : 1000 / opts.ratePerSecond;
  // One iterator shared by every lane: each `next()` hands out the next item exactly once.
  const queue = items.entries();
  let nextStartAt = 0;
  const stopped = () => opts.signal?.aborted === true || opts.shouldStop?.() === true;

  /** Reserves the next start slot; false when the run stopped while waiting. */
  const gate = async (): Promise<boolean> => {
    if (interval === 0) return !stopped();
    const now = performance.now();
    const at = Math.max(now, nextStartAt);
    nextStartAt = at + interval;
    if (at > now) {
      try {
        await sleep(at - now, undefined, opts.signal ? { signal: opts.signal } : undefined);
      } catch {
        return false;
      }
    }
    return !stopped();
  };

  const lane = async (): Promise<void> => {
    for (const [index, item] of queue) {
      if (stopped() || !(await gate())) return;
      results[index] = await worker(item, index);
    }
  };
  const lanes = Math.max(1, Math.min(opts.concurrency, items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  return results;
}
