import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startRawServer } from '../../testing/servers';
import type { CliIo } from '../command';
import { labCommand } from './lab';

function io(): { io: CliIo; out: string[]; err: string[]; stop: () => void; printed: Promise<void> } {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  let announce: () => void = () => undefined;
  const printed = new Promise<void>((resolve) => {
    announce = resolve;
  });
  return {
    io: {
      stdout: (t) => {
        out.push(t);
        announce();
      },
      stderr: (t) => {
        err.push(t);
        announce();
      },
      env: {},
      cwd: process.cwd(),
      signal: controller.signal,
    },
    out,
    err,
    stop: () => controller.abort(),
    printed,
  };
}

describe('statuscope lab', () => {
  it('given no options, it prints both URLs and every route, serves them until Ctrl+C, then stops', async () => {
    const t = io();
    const running = labCommand.run([], t.io);
    await t.printed;
    const text = t.out.join('');
    const origin = /origin {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
    const proxy = /proxy {3}(http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
    assert.ok(origin && proxy, text);
    assert.match(
      text,
      new RegExp(
        `PROPFIND\\s+${origin}/api/users/42\\s+501\\s+A method the server does not implement anywhere\\s+\\[method-unsupported\\]`,
      ),
    );
    assert.match(text, /with Transfer-Encoding: foo/);
    assert.match(text, new RegExp(`BREW\\s+${proxy}/api/users/42\\s+501`));
    assert.equal((await fetch(`${origin}/api/v2/payments/refunds`)).status, 501);
    t.stop();
    assert.equal(await running, 0);
    await assert.rejects(fetch(`${origin}/`), 'the lab is closed after Ctrl+C');
  });

  it('given --json, it prints the lab as JSON', async () => {
    const t = io();
    const running = labCommand.run(['--json'], t.io);
    await t.printed;
    t.stop();
    assert.equal(await running, 0);
    const parsed: unknown = JSON.parse(t.out.join(''));
    assert.ok(
      parsed !== null &&
        typeof parsed === 'object' &&
        'routes' in parsed &&
        Array.isArray(parsed.routes) &&
        parsed.routes.length > 10,
    );
  });

  it('given a port that is taken, it says so and exits 1; given a bad port, it exits 2', async () => {
    const busy = await startRawServer(() => undefined);
    try {
      const t = io();
      assert.equal(await labCommand.run(['--port', String(busy.port)], t.io), 1);
      assert.match(t.err.join(''), /already in use/);
    } finally {
      await busy.close();
    }
    const t = io();
    assert.equal(await labCommand.run(['--port', 'eighty'], t.io), 2);
    assert.match(t.err.join(''), /--port takes a port number/);
  });
});
