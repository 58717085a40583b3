/**
 * A Sender (the engine's sendExchange) that keeps each exchange's whole decoded body until the runner has
 * evaluated the assertions: the record's preview stops at 1 MiB, and `body-contains` must see it all.
 * Bodies above the engine's memory threshold spill to a file; `release` reads (up to a cap) and deletes it.
 */
import { open, rm } from 'node:fs/promises';
import type { Sender } from '../collections/auth/sender';
import type { StoredBody } from '../engine/response-body';
import { sendExchange } from '../engine/send';

/** The most of a body assertions look at; a larger body is read this far (the result says so). */
export const ASSERTION_BODY_LIMIT = 32 * 1024 * 1024;

async function readHead(file: string, limit: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(limit);
    const { bytesRead } = await handle.read(buffer, 0, limit, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export class BodyCapture {
  private readonly bodies = new Map<string, StoredBody>();

  constructor(private readonly tempDir?: string) {}

  readonly send: Sender = (spec, opts = {}) =>
    sendExchange(spec, {
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(this.tempDir === undefined ? {} : { tempDir: this.tempDir }),
      // Each hop replaces the previous one's body: the final hop's is what the user asserts on.
      onBody: (exchangeId, _hop, body) => {
        const old = this.bodies.get(exchangeId);
        if (old?.file) void rm(old.file, { force: true });
        this.bodies.set(exchangeId, body);
      },
    });

  /** The body of `keep` as UTF-8 text; every listed exchange's body is then forgotten and its file deleted. */
  async release(keep: string, all: readonly string[]): Promise<{ text: string; truncated: boolean }> {
    const body = this.bodies.get(keep);
    let bytes: Buffer = Buffer.alloc(0);
    if (body?.buffer) bytes = body.buffer;
    else if (body?.file) bytes = await readHead(body.file, ASSERTION_BODY_LIMIT).catch(() => body.head);
    else if (body) bytes = body.head;
    for (const id of new Set([keep, ...all])) {
      const b = this.bodies.get(id);
      this.bodies.delete(id);
      if (b?.file) await rm(b.file, { force: true });
    }
    return { text: bytes.toString('utf8'), truncated: body !== undefined && body.bytes > bytes.length };
  }
}
