import assert from 'node:assert/strict';
import { access } from 'node:fs/promises';
import net from 'node:net';
import { describe, it } from 'node:test';
import { setTimeout as delay } from 'node:timers/promises';
import { freePort, spawnServer, tempServerDir } from './process';

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

describe('spawnServer', () => {
  it('given a server that exits before listening, it rejects quoting what it printed and its startup log, and removes its folder', async () => {
    const dir = await tempServerDir('test');
    const port = await freePort();
    const script = `require('fs').writeFileSync('boot.log', 'config line 3: bad'); console.error('cannot start'); process.exit(3)`;
    await assert.rejects(
      spawnServer({
        name: 'broken',
        binary: process.execPath,
        args: ['-e', script],
        port,
        dir,
        startupLogs: ['boot.log'],
      }),
      (e: unknown) =>
        e instanceof Error &&
        /broken exited before listening/.test(e.message) &&
        /cannot start/.test(e.message) &&
        /config line 3: bad/.test(e.message),
    );
    await assert.rejects(access(dir));
  });

  it('given a server whose worker listens (as nginx and apache fork them), close() stops the whole process group', async () => {
    const dir = await tempServerDir('test');
    const port = await freePort();
    // The leader forks a worker that holds the port, the way a master/worker server does.
    const worker = `require('net').createServer(() => {}).listen(${port}, '127.0.0.1')`;
    const leader = `require('child_process').spawn(process.execPath, ['-e', ${JSON.stringify(worker)}], { stdio: 'inherit' }); setInterval(() => {}, 1000)`;
    const server = await spawnServer({
      name: 'forking',
      binary: process.execPath,
      args: ['-e', leader],
      port,
      dir,
    });
    assert.equal(await connects(port), true);

    await server.close();
    await delay(100);
    assert.equal(await connects(port), false, 'the worker is gone too');
    await assert.rejects(access(dir));
  });

  it('given a port nothing ever opens, it gives up after the bound', async () => {
    const dir = await tempServerDir('test');
    const port = await freePort();
    const started = Date.now();
    await assert.rejects(
      spawnServer({
        name: 'silent',
        binary: process.execPath,
        args: ['-e', 'setInterval(() => {}, 1000)'],
        port,
        dir,
        readyTimeoutMs: 600,
      }),
      /silent did not listen on 127\.0\.0\.1:\d+ within 600 ms/,
    );
    assert.ok(Date.now() - started < 5_000);
  });
});
