import assert from 'node:assert/strict';
import { appendFile, readdir, readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';
import { savedRequestSchema } from '../../contract/collection';
import { requestSpecSchema, type ExchangeRecord } from '../../contract/exchange';
import { sendExchange } from '../../engine/send';
import { startHttpServer } from '../../testing/servers';
import { tempDir } from '../test-support';
import { HistoryStore, historyToSavedRequest } from './history-store';
import { exchangeRecordSchema } from '../../contract/collection-ops';

async function realExchanges(): Promise<{
  records: Array<{ spec: ReturnType<typeof requestSpecSchema.parse>; exchange: ExchangeRecord }>;
  close(): Promise<void>;
}> {
  const server = await startHttpServer((req, res) => {
    const status = req.url === '/stub' ? 501 : req.url === '/big' ? 200 : 204;
    res
      .writeHead(status, { 'content-type': 'text/plain' })
      .end(req.url === '/big' ? 'x'.repeat(200_000) : status === 204 ? undefined : 'not implemented');
  });
  const records = [];
  for (const [method, p] of [
    ['GET', '/ok'],
    ['PATCH', '/stub'],
    ['GET', '/big'],
  ] as const) {
    const spec = requestSpecSchema.parse({
      method,
      url: `${server.url}${p}`,
      headers: [['Authorization', 'Bearer secret']],
    });
    const sent = await sendExchange(spec);
    assert.ok(sent.ok);
    records.push({ spec, exchange: sent.value });
  }
  return { records, close: () => server.close() };
}

describe('history', () => {
  it('given real exchanges, it lists them newest first, searches by URL, method and status, and re-opens one', async () => {
    const data = await tempDir();
    const ex = await realExchanges();
    try {
      const history = new HistoryStore(data.dir);
      for (const r of ex.records) await history.add(r.spec, r.exchange);
      const all = await history.list();
      assert.deepEqual(
        all.map((s) => `${s.method} ${new URL(s.url).pathname} ${s.status}`),
        ['GET /big 200', 'PATCH /stub 501', 'GET /ok 204'],
      );
      assert.deepEqual(
        (await history.list('status:5xx')).map((s) => s.method),
        ['PATCH'],
      );
      assert.deepEqual(
        (await history.list('501')).map((s) => s.method),
        ['PATCH'],
      );
      assert.deepEqual(
        (await history.list('method:GET /ok')).map((s) => s.status),
        [204],
      );
      assert.deepEqual(
        (await history.list('STUB')).map((s) => s.status),
        [501],
        'URL words are case-insensitive',
      );
      assert.deepEqual((await history.list('get')).length, 0, 'methods are case-sensitive tokens');
      const big = all[0];
      assert.ok(big);
      const entry = await history.get(big.id);
      assert.ok(entry.ok);
      const body = entry.value.exchange.hops[0]?.response?.body;
      assert.equal(body?.preview.length, 64 * 1024, 'the body preview is capped');
      assert.equal(body?.previewTruncated, true);
      assert.ok(exchangeRecordSchema.safeParse(entry.value.exchange).success);
      const saved = historyToSavedRequest(entry.value, 'Big one');
      assert.deepEqual(
        saved.dropped,
        ['Authorization'],
        'credentials never go from history into a collection',
      );
      assert.deepEqual(saved.request.headers, []);
      const withSource = historyToSavedRequest(
        {
          ...entry.value,
          source: {
            root: '/c',
            path: 'a.yaml',
            request: savedRequestSchema.parse({ name: 'A', method: 'GET', url: '{{base}}/big' }),
          },
        },
        'Copy',
      );
      assert.equal(
        withSource.request.url,
        '{{base}}/big',
        'the template with its variables is what gets saved',
      );
      assert.deepEqual(await history.clear(), { removed: 3 });
      assert.deepEqual(await history.list(), []);
    } finally {
      await ex.close();
      await data.cleanup();
    }
  });

  it('given more entries than the bounds allow, it evicts the oldest by count and by bytes', async () => {
    const data = await tempDir();
    const ex = await realExchanges();
    try {
      const small = ex.records[0];
      assert.ok(small);
      const byCount = new HistoryStore(data.dir, {
        maxEntries: 5,
        maxBytes: 10 * 1024 * 1024,
        previewCap: 1024,
      });
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) ids.push((await byCount.add(small.spec, small.exchange)).id);
      assert.deepEqual(
        (await byCount.list()).map((s) => s.id),
        ids.slice(3).reverse(),
      );
      assert.equal((await readdir(byCount.entries)).length, 5);
      assert.equal((await byCount.get(ids[0] ?? '')).ok, false);
      await byCount.clear();

      const oneSize = (await byCount.add(small.spec, small.exchange)).bytes;
      await byCount.clear();
      const byBytes = new HistoryStore(data.dir, {
        maxEntries: 500,
        maxBytes: oneSize * 3 + 10,
        previewCap: 1024,
      });
      for (let i = 0; i < 6; i++) await byBytes.add(small.spec, small.exchange);
      assert.equal((await byBytes.list()).length, 3);
      assert.ok((await byBytes.diskBytes()) <= oneSize * 3 + 10);
    } finally {
      await ex.close();
      await data.cleanup();
    }
  });

  it('given a torn last index line (a crash mid-append), it skips it and the next entry is still readable', async () => {
    const data = await tempDir();
    const ex = await realExchanges();
    try {
      const history = new HistoryStore(data.dir);
      const r = ex.records[1];
      assert.ok(r);
      await history.add(r.spec, r.exchange);
      await appendFile(history.index, '{"id":"h0000000aa-abcdef","savedAt":"2024');
      assert.equal((await history.list()).length, 1);
      await history.add(r.spec, r.exchange);
      assert.equal((await history.list()).length, 2);
      const lines = (await readFile(history.index, 'utf8')).split('\n').filter((l) => l !== '');
      assert.ok(
        lines.every((l) => !l.includes('"savedAt":"2024') || l.endsWith('}')),
        'the torn line was compacted away',
      );
    } finally {
      await ex.close();
      await data.cleanup();
    }
  });
});
