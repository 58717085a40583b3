import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, it } from 'node:test';
import { mapLimited, RateGate } from './limiter';

describe('mapLimited', () => {
  it('given a concurrency of 3, it never runs more than 3 at once and keeps results in input order', async () => {
    let active = 0;
    let peak = 0;
    const out = await mapLimited(
      [50, 10, 30, 5, 20, 1, 15],
      async (ms, i) => {
        active += 1;
        peak = Math.max(peak, active);
        await sleep(ms);
        active -= 1;
        return i * 10;
      },
      { concurrency: 3 },
    );
    assert.equal(peak, 3);
    assert.deepEqual(out, [0, 10, 20, 30, 40, 50, 60]);
  });

  it('given shouldStop, it starts nothing after it turns true and leaves the rest undefined', async () => {
    let stop = false;
    const out = await mapLimited(
      [1, 2, 3, 4],
      async (n) => {
        if (n === 2) stop = true;
        return n;
      },
      { concurrency: 1, shouldStop: () => stop },
    );
    assert.deepEqual(out, [1, 2, undefined, undefined]);
  });

  it('given an abort during a rate wait, it returns at once', async () => {
    const controller = new AbortController();
    const gate = new RateGate(1); // one start per second
    const t0 = performance.now();
    setTimeout(() => controller.abort(), 50);
    const out = await mapLimited([1, 2, 3], async (n) => n, {
      concurrency: 3,
      rate: gate,
      signal: controller.signal,
    });
    assert.ok(performance.now() - t0 < 500);
    assert.deepEqual(out, [1, undefined, undefined]);
  });
});
