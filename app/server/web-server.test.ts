import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { WebSocket } from 'ws';
import { createHandlers } from '../service/index';
import { startRawServer, rawResponse } from '../testing/servers';
import { startWebServer } from './web-server';

async function withServer(t: { after: (fn: () => Promise<void>) => void }) {
  const dataDir = await mkdtemp(join(tmpdir(), 'statuscope-web-'));
  const server = await startWebServer({ handlers: createHandlers({ dataDir, tempDir: join(dataDir, 'tmp') }) });
  t.after(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  return server;
}

/** Attempts a WebSocket upgrade and reports the HTTP status (101 when accepted). */
function upgradeStatus(port: number, path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', ...headers } });
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web mode security', () => {
  it('given the right token, origin and host, it accepts the WebSocket', async (t) => {
    const s = await withServer(t);
    assert.equal(await upgradeStatus(s.port, `/rpc?token=${s.token}`, { Host: `127.0.0.1:${s.port}`, Origin: s.url }), 101);
  });

  it('given no token, it refuses the call with 401', async (t) => {
    const s = await withServer(t);
    assert.equal(await upgradeStatus(s.port, '/rpc', { Host: `127.0.0.1:${s.port}`, Origin: s.url }), 401);
  });

  it('given a wrong token, it refuses the call with 401', async (t) => {
    const s = await withServer(t);
    assert.equal(await upgradeStatus(s.port, `/rpc?token=${s.token}x`, { Host: `127.0.0.1:${s.port}`, Origin: s.url }), 401);
  });

  it('given a foreign Origin, it refuses the call with 403 even with the token', async (t) => {
    const s = await withServer(t);
    assert.equal(await upgradeStatus(s.port, `/rpc?token=${s.token}`, { Host: `127.0.0.1:${s.port}`, Origin: 'http://evil.test' }), 403);
  });

  it('given a foreign Host (DNS rebinding), it refuses the call and the page with 421', async (t) => {
    const s = await withServer(t);
    assert.equal(await upgradeStatus(s.port, `/rpc?token=${s.token}`, { Host: `evil.test:${s.port}`, Origin: `http://evil.test:${s.port}` }), 421);
    const page = await new Promise<number>((resolve) => http.get({ host: '127.0.0.1', port: s.port, path: '/', headers: { Host: 'evil.test' } }, (res) => resolve(res.statusCode ?? 0)));
    assert.equal(page, 421);
  });

  it('given an accepted connection, it runs operations with validated input and answers 501 as data', async (t) => {
    const s = await withServer(t);
    const target = await startRawServer((_, sock) => sock.end(rawResponse(501, 'Not Implemented', [], '')));
    t.after(() => target.close());
    const ws = new WebSocket(`ws://127.0.0.1:${s.port}/rpc?token=${s.token}`, { origin: s.url });
    await new Promise((r) => ws.once('open', r));
    const call = (id: number, op: string, input: unknown) =>
      new Promise<{ ok: boolean; value?: { hops: Array<{ response?: { status: number } }> }; error?: { code: string } }>((resolve) => {
        const onMessage = (data: Buffer) => {
          const m = JSON.parse(data.toString()) as { t: string; id: number; result: never };
          if (m.t === 'result' && m.id === id) {
            ws.off('message', onMessage);
            resolve(m.result);
          }
        };
        ws.on('message', onMessage);
        ws.send(JSON.stringify({ t: 'call', id, op, input }));
      });
    const bad = await call(1, 'exchange:send', { exchangeId: 'a', request: { method: 7 } });
    assert.equal(bad.error?.code, 'ipc.invalid-input');
    const unknown = await call(2, 'fs:read', {});
    assert.equal(unknown.error?.code, 'ipc.unknown-operation');
    const good = await call(3, 'exchange:send', { exchangeId: 'b', request: { method: 'PROPFIND', url: target.url } });
    assert.equal(good.ok, true);
    assert.equal(good.value?.hops[0]?.response?.status, 501);
    ws.close();
  });
});
