import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { scanRequestSchema, type ScanMatrix, type ScanRequestInput, type ScanRow } from '../contract/run-ops';
import type { RawServer } from '../testing/servers';
import { startRawServer } from '../testing/servers';
import { previewSender } from './observe';
import { buildScanPlan } from './plan';
import { runScan } from './scan';
import { resolveScanTargets } from './targets';
import { writeCollection } from '../runner/test-support';
import { json, startKnownServer, text } from './test-server';

const ITEMS_ALLOW = 'GET, HEAD, POST, PUT, OPTIONS';
const ITEMS = [{ id: 1, name: 'first' }];

/** Known behaviour: each answer below is what the matrix must show. */
const TABLE = {
  '/items': {
    GET: json(200, ITEMS),
    get: json(200, ITEMS), // folds case: the same body as GET
    OPTIONS: { status: 204, headers: [['Allow', ITEMS_ALLOW]] as Array<[string, string]> },
    POST: json(201, { id: 2, created: true }),
    PUT: text(501, 'PUT is not implemented yet\n'), // listed in Allow, yet 501
    DELETE: json(405, { error: 'method_not_allowed' }), // 405 without Allow
    PATCH: json(404, { error: 'not_found' }), // 404 where GET found the resource
    TRACE: json(405, { error: 'method_not_allowed' }, [['Allow', ITEMS_ALLOW]]),
    '*': text(501, 'Method not implemented\n'),
  },
  '/stub': {
    OPTIONS: { status: 204, headers: [['Allow', 'GET, HEAD, OPTIONS']] as Array<[string, string]> },
    '*': json(501, { error: 'not_implemented', message: 'Coming in v2. See the docs.' }),
  },
};

async function scan(input: ScanRequestInput, scanId = 'scan_test'): Promise<ScanMatrix> {
  const request = scanRequestSchema.parse(input);
  const targets = await resolveScanTargets(request.target, request.headers);
  assert.ok(targets.ok);
  return runScan(buildScanPlan(request, targets.value), { send: previewSender(), scanId });
}

function statuses(row: ScanRow | undefined): Record<string, number | string> {
  return Object.fromEntries(
    (row?.cells ?? []).map((c) => [c.method, c.status ?? (c.error ? 'error' : 'skipped')]),
  );
}

describe('capability scan against a server with known behaviour', () => {
  let server: RawServer;
  before(async () => {
    server = await startKnownServer(TABLE);
  });
  after(() => server.close());

  it('given consent for a named URL, it tabulates every method exactly as the server answers it', async () => {
    const m = await scan({
      target: { kind: 'urls', urls: [`${server.url}/items`] },
      allowUnsafe: true,
      concurrency: 4,
      ratePerSecond: 200,
    });
    const row = m.rows[0];
    assert.deepEqual(statuses(row), {
      OPTIONS: 204,
      GET: 200,
      HEAD: 200,
      POST: 201,
      PUT: 501,
      DELETE: 405,
      PATCH: 404,
      TRACE: 405,
      PROPFIND: 501,
      PROPPATCH: 501,
      MKCOL: 501,
      COPY: 501,
      MOVE: 501,
      LOCK: 501,
      UNLOCK: 501,
      QUERY: 501,
      XYZZY: 501,
      get: 200,
    });
    assert.deepEqual(row?.optionsAllow, ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS']);
    assert.deepEqual(row?.cells.find((c) => c.method === 'TRACE')?.allow, [
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'OPTIONS',
    ]);
    for (const c of row?.cells ?? []) {
      assert.ok(c.answeredBy, `${c.method}: who answered`);
      assert.equal(c.cause !== undefined, c.status === 501, `${c.method}: a diagnosis cause exactly on 501s`);
    }
    const requestLines = server.requests.map((r) => r.requestLine.split(' ')[0]);
    assert.equal(requestLines[0], 'OPTIONS', 'OPTIONS goes first');
    assert.ok(requestLines.includes('get'), 'the lower-case token goes out lower-case');
  });

  it('given the answers, it flags each contradiction with the methods involved', async () => {
    const m = await scan({
      target: { kind: 'urls', urls: [`${server.url}/items`, `${server.url}/stub`] },
      allowUnsafe: true,
      ratePerSecond: 500,
    });
    const kinds = (row: ScanRow | undefined) =>
      Object.fromEntries((row?.contradictions ?? []).map((c) => [c.kind, c.methods]));
    assert.deepEqual(kinds(m.rows[0]), {
      'allowed-but-refused': ['PUT'],
      '405-without-allow': ['DELETE'],
      '404-not-405': ['PATCH'],
      'identical-bodies': ['GET', 'get'],
    });
    const stub = kinds(m.rows[1]);
    assert.deepEqual(stub['501-on-get-head'], ['GET', 'HEAD']);
    assert.deepEqual(
      stub['allowed-but-refused'],
      ['GET', 'HEAD'],
      'OPTIONS lists GET and HEAD, both answer 501',
    );
    assert.equal(m.totals.contradictions, 4 + Object.keys(stub).length);
  });

  it('given no consent, it never sends an unsafe method, and the plan says why', async () => {
    const before = server.requests.length;
    const m = await scan({ target: { kind: 'urls', urls: [`${server.url}/items`] }, ratePerSecond: 500 });
    const sent = server.requests.slice(before).map((r) => r.requestLine.split(' ')[0]);
    for (const unsafe of [
      'POST',
      'PUT',
      'DELETE',
      'PATCH',
      'PROPPATCH',
      'MKCOL',
      'COPY',
      'MOVE',
      'LOCK',
      'UNLOCK',
    ]) {
      assert.ok(!sent.includes(unsafe), `${unsafe} went out without consent`);
      const cell = m.rows[0]?.cells.find((c) => c.method === unsafe);
      assert.equal(cell?.send, false);
      assert.match(cell?.skipReason ?? '', /allow unsafe methods/);
    }
    assert.deepEqual(
      sent.sort(),
      ['GET', 'HEAD', 'OPTIONS', 'PROPFIND', 'QUERY', 'TRACE', 'XYZZY', 'get'].sort(),
    );
  });

  it('given a dry run, it plans without sending anything', async () => {
    const before = server.requests.length;
    const request = scanRequestSchema.parse({
      target: { kind: 'urls', urls: [`${server.url}/items`] },
      methodSets: ['standard'],
      extraMethods: ['PURGE'],
    });
    const targets = await resolveScanTargets(request.target, []);
    assert.ok(targets.ok);
    const plan = buildScanPlan(request, targets.value);
    assert.equal(server.requests.length, before);
    assert.deepEqual(plan.methods, [
      'OPTIONS',
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'DELETE',
      'PATCH',
      'TRACE',
      'PURGE',
    ]);
    assert.deepEqual(plan.totals, { cells: 9, toSend: 4, skipped: 5 });
    assert.match(
      plan.targets[0]?.cells.find((c) => c.method === 'PURGE')?.skipReason ?? '',
      /not a registered method/,
    );
  });

  it('given progress listeners, it reports each sent cell once with a running count', async () => {
    const request = scanRequestSchema.parse({
      target: { kind: 'urls', urls: [`${server.url}/items`] },
      methodSets: ['standard'],
      ratePerSecond: 500,
    });
    const targets = await resolveScanTargets(request.target, []);
    assert.ok(targets.ok);
    const events: number[] = [];
    await runScan(buildScanPlan(request, targets.value), {
      send: previewSender(),
      scanId: 's1',
      onProgress: (e) => events.push(e.done),
    });
    assert.deepEqual(events, [1, 2, 3, 4], 'OPTIONS, GET, HEAD and TRACE: the safe standard methods');
  });
});

describe('scan limits and cancel', () => {
  it('given a rate of 10 per second, eight requests take at least 0.7 s even with eight lanes', async () => {
    const server = await startKnownServer({ '/': { '*': json(200, {}) } });
    try {
      const t0 = performance.now();
      await scan({
        target: { kind: 'urls', urls: [server.url] },
        methodSets: ['standard'],
        allowUnsafe: true,
        concurrency: 8,
        ratePerSecond: 10,
      });
      assert.ok(performance.now() - t0 >= 680, `took ${performance.now() - t0} ms`);
    } finally {
      await server.close();
    }
  });

  it('given a cancel while answers hang, it stops at once and marks what was left', async () => {
    const server = await startRawServer(() => undefined); // never answers
    try {
      const controller = new AbortController();
      const request = scanRequestSchema.parse({
        target: { kind: 'urls', urls: [server.url] },
        concurrency: 2,
        ratePerSecond: 1000,
        timeoutMs: 30_000,
      });
      const targets = await resolveScanTargets(request.target, []);
      assert.ok(targets.ok);
      const t0 = performance.now();
      const running = runScan(buildScanPlan(request, targets.value), {
        send: previewSender(),
        scanId: 'c1',
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 100);
      const m = await running;
      assert.ok(performance.now() - t0 < 2000, 'cancel is immediate');
      assert.equal(m.cancelled, true);
      assert.ok(m.rows[0]?.cells.every((c) => c.status === undefined && c.error === undefined));
      assert.ok(m.rows[0]?.cells.some((c) => c.skipReason === 'cancelled before it was sent'));
      assert.ok(server.requests.length <= 2, 'nothing started after the cancel');
    } finally {
      await server.close();
    }
  });
});

describe('capability scan of a collection folder', () => {
  it('given a collection, it scans each request with its resolved URL and auth, and never sends unsafe methods there', async () => {
    const server = await startKnownServer(TABLE);
    const c = await writeCollection({
      'collection.yaml': {
        name: 'C',
        auth: { type: 'bearer', token: '{{token}}' },
        variables: [{ name: 'token', value: 't0k' }],
      },
      'environments/local.yaml': { name: 'local', variables: [{ name: 'base', value: server.url }] },
      'api/items.yaml': {
        name: 'Items',
        method: 'POST',
        url: '{{base}}/items',
        body: { kind: 'json', text: '{}' },
      },
      'api/stub.yaml': { name: 'Stub', method: 'GET', url: '{{base}}/stub' },
      'other.yaml': { name: 'Unresolved', method: 'GET', url: '{{nowhere}}/x' },
    });
    try {
      const m = await scan({
        target: { kind: 'collection', root: c.root, relPath: '', environment: 'local' },
        allowUnsafe: true,
        methodSets: ['standard'],
        ratePerSecond: 500,
      });
      assert.deepEqual(
        m.rows.map((r) => [r.label, r.source, r.url]),
        [
          ['Items', 'api/items.yaml', `${server.url}/items`],
          ['Stub', 'api/stub.yaml', `${server.url}/stub`],
        ],
      );
      assert.deepEqual(
        m.problems.map((p) => p.source),
        ['other.yaml'],
      );
      const methods = new Set(server.requests.map((r) => r.requestLine.split(' ')[0]));
      assert.deepEqual([...methods].sort(), ['GET', 'HEAD', 'OPTIONS', 'TRACE']);
      assert.ok(
        server.requests.every((r) => /\r\nAuthorization: Bearer t0k\r\n/i.test(r.head)),
        'the collection auth goes with every cell',
      );
      assert.ok(
        server.requests.every((r) => !/content-type/i.test(r.head)),
        'no body, so no Content-Type',
      );
      assert.match(
        m.rows[0]?.cells.find((x) => x.method === 'POST')?.skipReason ?? '',
        /not to collection requests/,
      );
    } finally {
      await server.close();
      await c.cleanup();
    }
  });
});
