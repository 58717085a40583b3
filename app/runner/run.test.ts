import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startRawServer, closedPort, type RawServer } from '../testing/servers';
import { checkJUnit, parseXml } from './junit-check';
import { toJUnit } from './junit';
import { formatRunText } from './report-text';
import { runCollection, type RunInput } from './run';
import { shopCollection, startShopServer, writeCollection, type TempCollection } from './test-support';

const ORDER = [
  'health.yaml',
  'items/list.yaml',
  'items/create.yaml',
  'items/missing.yaml',
  'broken.yaml',
  'unresolved.yaml',
  'zz-offline.yaml',
];
const OUTCOMES = ['passed', 'passed', 'passed', 'failed', 'error', 'error', 'error'];

describe('collection runner against a real server', () => {
  let server: RawServer;
  let collection: TempCollection;
  before(async () => {
    server = await startShopServer();
    collection = await writeCollection(shopCollection(server.url, await closedPort()));
  });
  after(async () => {
    await server.close();
    await collection.cleanup();
  });

  const input = (extra: Partial<RunInput> = {}): RunInput => ({
    root: collection.root,
    relPath: '',
    environment: 'local',
    bail: false,
    concurrency: 1,
    runId: 'r1',
    ...extra,
  });

  it('given a collection, it runs every request in the collection order and reports each outcome', async () => {
    const events: string[] = [];
    const r = await runCollection(input(), {
      onProgress: (e) => events.push(`${e.done}/${e.total} ${e.path} ${e.outcome}`),
    });
    assert.ok(r.ok, r.ok ? '' : r.error.message);
    const report = r.value;
    assert.deepEqual(
      report.results.map((x) => x.path),
      ORDER,
    );
    assert.deepEqual(
      report.results.map((x) => x.outcome),
      OUTCOMES,
    );
    assert.deepEqual(report.totals, {
      requests: 7,
      passed: 3,
      failed: 1,
      errors: 3,
      skipped: 0,
      assertions: 10,
      assertionsFailed: 2,
    });
    const missing = report.results[3];
    assert.equal(missing?.status, 404);
    assert.deepEqual(
      missing?.assertions.map((a) => [a.assertion.kind, a.passed]),
      [
        ['status-equals', false],
        ['header-present', false],
        ['time-below', true],
      ],
    );
    assert.deepEqual(
      report.results.slice(4).map((x) => x.error?.code),
      ['collection.invalid-file', 'collection.unresolved-variables', 'net.refused'],
    );
    assert.equal(report.results[1]?.folderName, 'Items');
    assert.equal(report.environment, 'local');
    assert.equal(events.length, 7);
    assert.equal(events[6], '7/7 zz-offline.yaml error');
    assert.match(formatRunText(report), /FAIL {2}GET Missing item <&> "quoted" {2}404 Not Found/);
  });

  it('given a concurrency of 4, the outcomes are the same and stay in collection order', async () => {
    const r = await runCollection(input({ concurrency: 4 }));
    assert.ok(r.ok);
    assert.deepEqual(
      r.value.results.map((x) => x.path),
      ORDER,
    );
    assert.deepEqual(
      r.value.results.map((x) => x.outcome),
      OUTCOMES,
    );
  });

  it('given bail, it stops after the first failure and marks the rest skipped', async () => {
    const before = server.requests.length;
    const r = await runCollection(input({ bail: true }));
    assert.ok(r.ok);
    assert.equal(r.value.bailed, true);
    assert.deepEqual(
      r.value.results.map((x) => x.outcome),
      ['passed', 'passed', 'passed', 'failed', 'skipped', 'skipped', 'skipped'],
    );
    assert.match(r.value.results[4]?.skipReason ?? '', /--bail/);
    assert.equal(server.requests.length - before, 4);
  });

  it('given a folder, it runs only that folder; given no environment, the collection’s own variables apply', async () => {
    const folder = await runCollection(input({ relPath: 'items' }));
    assert.ok(folder.ok);
    assert.deepEqual(
      folder.value.results.map((x) => x.path),
      ORDER.slice(1, 4),
    );
    const noEnv = await runCollection(input({ relPath: 'health.yaml', environment: undefined }));
    assert.ok(noEnv.ok);
    assert.equal(noEnv.value.results[0]?.url, 'http://127.0.0.1:9/health');
    assert.equal(noEnv.value.results[0]?.outcome, 'error');
    const wrong = await runCollection(input({ environment: 'staging' }));
    assert.equal(wrong.ok ? '' : wrong.error.code, 'environment.not-found');
  });

  it('given the report as JUnit, it is well-formed XML with the structure and counts CI servers read', async () => {
    const r = await runCollection(input());
    assert.ok(r.ok);
    const xml = toJUnit(r.value, { hostname: 'ci-runner' });
    assert.deepEqual(checkJUnit(xml), []);
    const root = parseXml(xml);
    assert.deepEqual(
      root.children.map((s) => [s.attrs.name, s.attrs.tests, s.attrs.failures, s.attrs.errors]),
      [
        ['Shop', '4', '0', '3'],
        ['Shop/items', '3', '1', '0'],
      ],
    );
    const missing = root.children[1]?.children.find((c) => c.attrs.name === 'Missing item <&> "quoted"');
    assert.ok(missing, 'markup in a name survives escaping');
    assert.equal(missing.attrs.classname, 'Shop.items');
    assert.deepEqual(
      missing.children.filter((c) => c.name === 'failure').map((f) => f.attrs.type),
      ['status-equals', 'header-present'],
    );
    const offline = root.children[0]?.children.find((c) => c.attrs.name === 'Offline');
    assert.equal(offline?.children.find((c) => c.name === 'error')?.attrs.type, 'net.refused');
  });
});

describe('collection runner stop', () => {
  it('given a stop while a request hangs, it returns at once with the rest marked skipped', async () => {
    const server = await startRawServer(() => undefined);
    const c = await writeCollection({
      'collection.yaml': { name: 'Hang' },
      'a.yaml': { name: 'A', method: 'GET', url: `${server.url}/a` },
      'b.yaml': { name: 'B', method: 'GET', url: `${server.url}/b` },
    });
    try {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 100);
      const t0 = performance.now();
      const r = await runCollection(
        { root: c.root, relPath: '', bail: false, concurrency: 1, runId: 's' },
        { signal: controller.signal },
      );
      assert.ok(performance.now() - t0 < 2000);
      assert.ok(r.ok);
      assert.equal(r.value.stopped, true);
      assert.deepEqual(
        r.value.results.map((x) => x.outcome),
        ['skipped', 'skipped'],
      );
      assert.deepEqual(
        r.value.results.map((x) => x.skipReason),
        ['stopped while it was in flight', 'not run: the run was stopped'],
      );
    } finally {
      await server.close();
      await c.cleanup();
    }
  });
});
