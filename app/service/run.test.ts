import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { RunEvents } from '../contract/run-ops';
import { startKnownServer, json } from '../scan/test-server';
import { startRawServer } from '../testing/servers';
import { dispatch } from './dispatch';
import { createHandlers } from './index';
import type { CallContext } from './types';

async function service() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'statuscope-svc-run-'));
  const handlers = createHandlers({ dataDir, tempDir: path.join(dataDir, 'tmp'), recordHistory: false });
  return { handlers, cleanup: () => rm(dataDir, { recursive: true, force: true }) };
}

describe('run-domain operations through dispatch', () => {
  it('given scan:run, it pushes scan:progress and returns the matrix; scan:export turns it into Markdown', async () => {
    const server = await startKnownServer({
      '/': { GET: json(200, {}), '*': json(501, { error: 'not_implemented' }) },
    });
    const svc = await service();
    try {
      const events: Array<RunEvents['scan:progress']> = [];
      const ctx: CallContext = {
        emit: (name, payload) =>
          void (name === 'scan:progress' && 'scanId' in payload && 'url' in payload && events.push(payload)),
      };
      const r = await dispatch(
        svc.handlers,
        'scan:run',
        {
          scanId: 'svc1',
          target: { kind: 'urls', urls: [`${server.url}/`] },
          methodSets: ['standard'],
          ratePerSecond: 500,
        },
        ctx,
      );
      assert.ok(r.ok);
      assert.equal(events.length, 4);
      const exported = await dispatch(
        svc.handlers,
        'scan:export',
        { matrix: r.value, format: 'markdown' },
        ctx,
      );
      assert.ok(exported.ok);
      assert.match(JSON.stringify(exported.value), /Capability matrix/);
      const bad = await dispatch(svc.handlers, 'scan:export', { matrix: { rows: 'no' }, format: 'csv' }, ctx);
      assert.equal(bad.ok ? '' : bad.error.code, 'ipc.invalid-input');
    } finally {
      await server.close();
      await svc.cleanup();
    }
  });

  it('given scan:cancel while answers hang, scan:run returns the cancelled matrix at once', async () => {
    const server = await startRawServer(() => undefined);
    const svc = await service();
    try {
      const ctx: CallContext = { emit: () => undefined };
      const running = dispatch(
        svc.handlers,
        'scan:run',
        { scanId: 'svc2', target: { kind: 'urls', urls: [server.url] }, timeoutMs: 30_000 },
        ctx,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      const again = await dispatch(
        svc.handlers,
        'scan:run',
        { scanId: 'svc2', target: { kind: 'urls', urls: [server.url] } },
        ctx,
      );
      assert.equal(again.ok ? '' : again.error.code, 'scan.already-running');
      const cancelled = await dispatch(svc.handlers, 'scan:cancel', { scanId: 'svc2' }, ctx);
      assert.deepEqual(cancelled.ok && cancelled.value, { cancelled: true });
      const r = await running;
      assert.ok(r.ok && typeof r.value === 'object' && r.value !== null && 'cancelled' in r.value);
      assert.equal(r.value.cancelled, true);
    } finally {
      await server.close();
      await svc.cleanup();
    }
  });
});
