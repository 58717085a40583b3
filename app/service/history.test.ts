import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { rawResponse, startRawServer } from '../testing/servers';
import { dispatch } from './dispatch';
import { createHandlers } from './index';
import { silentContext } from './types';

async function setup(t: { after(fn: () => Promise<void>): void }, recordHistory: boolean) {
  const dataDir = await mkdtemp(join(tmpdir(), 'statuscope-history-'));
  const handlers = createHandlers({ dataDir, tempDir: join(dataDir, 'bodies'), recordHistory });
  const server = await startRawServer((_, s) => s.end(rawResponse(501, 'Not Implemented', [['Server', 'raw-test']], 'no')));
  t.after(async () => {
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const call = (op: string, input: unknown) => dispatch(handlers, op, input, silentContext);
  return { call, server };
}

describe('history of exchanges sent from the app', () => {
  it('given a send and a raw send, it keeps both, the raw one with its exact bytes and the request line target', async (t) => {
    const { call, server } = await setup(t, true);
    assert.ok((await call('exchange:send', { exchangeId: 'a1', request: { method: 'patch', url: `${server.url}/typed` } })).ok);
    const bytes = 'PROPFIND /raw/path HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: foo\r\n\r\nhi';
    assert.ok((await call('exchange:send-raw', { exchangeId: 'a2', request: { target: server.url, bytesBase64: Buffer.from(bytes).toString('base64') } })).ok);

    const listed = await call('history:list', {});
    assert.ok(listed.ok);
    const entries = (listed.value as { entries: Array<{ id: string; method: string; url: string; status?: number }> }).entries;
    assert.deepEqual(entries.map((e) => [e.method, new URL(e.url).pathname, e.status]).sort(), [
      ['PROPFIND', '/', 501],
      ['patch', '/typed', 501],
    ]);
    const rawEntry = entries.find((e) => e.method === 'PROPFIND');
    const got = await call('history:get', { id: rawEntry?.id });
    assert.ok(got.ok);
    const entry = got.value as { raw?: { bytesBase64: string }; request: { url: string } };
    assert.equal(Buffer.from(entry.raw?.bytesBase64 ?? '', 'base64').toString(), bytes);
    assert.equal(new URL(entry.request.url).pathname, '/raw/path');

    // Raw bytes have no faithful form as a saved request: saving one into a real collection is refused.
    const root = await mkdtemp(join(tmpdir(), 'statuscope-coll-'));
    t.after(() => rm(root, { recursive: true, force: true }));
    assert.ok((await call('collection:create', { path: root, name: 'C' })).ok);
    const saved = await call('history:save-to-collection', { id: rawEntry?.id, root, folder: '', name: 'x' });
    assert.equal(saved.ok ? 'saved' : saved.error.code, 'history.raw-not-savable');
    const typed = entries.find((e) => e.method === 'patch');
    const savedTyped = await call('history:save-to-collection', { id: typed?.id, root, folder: '', name: 'typed' });
    assert.ok(savedTyped.ok);
  });

  it('given recordHistory off (the CLI), it keeps nothing', async (t) => {
    const { call, server } = await setup(t, false);
    assert.ok((await call('exchange:send', { exchangeId: 'b1', request: { method: 'GET', url: server.url } })).ok);
    const listed = await call('history:list', {});
    assert.ok(listed.ok);
    assert.deepEqual((listed.value as { entries: unknown[] }).entries, []);
  });
});
