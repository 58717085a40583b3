import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { copySample, tempDir } from '../collections/test-support';
import { finalResponse } from '../common/exchange';
import { collectionOps } from '../contract/collection-ops';
import type { EventName, Events } from '../contract/operations';
import { startHttpServer } from '../testing/servers';
import { ExchangeRuntime } from './exchange-runtime';
import { collectionHandlers } from './collection';
import type { CallContext } from './types';

function recorder(): CallContext & { events: Array<[EventName, unknown]> } {
  const events: Array<[EventName, unknown]> = [];
  return { events, emit: <E extends EventName>(e: E, p: Events[E]) => void events.push([e, p]) };
}

describe('collection service', () => {
  it('given the renderer flow (open, set a secret, preview, send), secrets stay in the host and every exchange lands in history', async () => {
    const t = await copySample();
    const data = await tempDir();
    const seen: Array<string | undefined> = [];
    const server = await startHttpServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(501, { 'content-type': 'text/plain', 'set-cookie': 'sid=1; Path=/' }).end('not here');
    });
    const env = { dataDir: data.dir, tempDir: data.dir };
    const h = collectionHandlers(env, new ExchangeRuntime(env));
    const ctx = recorder();
    try {
      const opened = await h['collection:open'](
        collectionOps['collection:open'].input.parse({ path: t.root }),
        ctx,
      );
      assert.ok(opened.ok);
      assert.equal(opened.value.problems.length, 2);

      await writeFile(
        path.join(t.root, 'collection.yaml'),
        (await readFile(path.join(t.root, 'collection.yaml'), 'utf8')).replace(
          'http://127.0.0.1:8080',
          server.url,
        ),
      );
      const set = await h['secret:set'](
        collectionOps['secret:set'].input.parse({ root: t.root, name: 'token', value: 'tok-very-secret' }),
        ctx,
      );
      assert.deepEqual(set, { ok: true, value: { names: ['token'] } });

      const preview = await h['collection:resolve'](
        collectionOps['collection:resolve'].input.parse({ root: t.root, relPath: 'users/list-users.yaml' }),
        ctx,
      );
      assert.ok(preview.ok);
      assert.ok(!JSON.stringify(preview.value).includes('tok-very-secret'), 'previews mask secrets');
      assert.equal(preview.value.spec.url, `${server.url}/users?limit=10`);

      const refused = await h['collection:send'](
        collectionOps['collection:send'].input.parse({
          root: t.root,
          relPath: 'users/create-user.yaml',
          exchangeId: 'x1',
        }),
        ctx,
      );
      assert.equal(refused.ok ? 'ok' : refused.error.code, 'collection.unresolved-variables');
      assert.equal(seen.length, 0, 'nothing went out');

      const sent = await h['collection:send'](
        collectionOps['collection:send'].input.parse({
          root: t.root,
          relPath: 'users/list-users.yaml',
          exchangeId: 'x2',
        }),
        ctx,
      );
      assert.ok(sent.ok, JSON.stringify(sent));
      assert.equal(finalResponse(sent.value.exchange)?.status, 501);
      assert.deepEqual(seen, ['Bearer tok-very-secret']);
      assert.ok(ctx.events.some(([e]) => e === 'exchange:progress'));

      const history = await h['history:list'](
        collectionOps['history:list'].input.parse({ query: 'status:501' }),
        ctx,
      );
      assert.ok(history.ok);
      assert.equal(history.value.entries[0]?.id, sent.value.historyId);
      assert.equal(history.value.entries[0]?.sourcePath, 'users/list-users.yaml');
      const cookies = await h['cookies:list'](
        collectionOps['cookies:list'].input.parse({ root: t.root }),
        ctx,
      );
      assert.deepEqual(cookies.ok && cookies.value.cookies.map((c) => c.name), ['sid']);

      const back = await h['history:save-to-collection'](
        collectionOps['history:save-to-collection'].input.parse({
          id: sent.value.historyId,
          root: t.root,
          name: 'From history',
        }),
        ctx,
      );
      assert.ok(back.ok);
      const text = await readFile(path.join(t.root, back.value.path), 'utf8');
      assert.ok(text.includes('{{baseUrl}}') && !text.includes('tok-very-secret'), text);

      const folder = await readFile(path.join(t.root, 'collection.yaml'), 'utf8');
      assert.ok(!folder.includes('tok-very-secret'), 'no secret in the collection folder');
      await writeFile(path.join(t.root, 'health.yaml'), 'name: Health\nmethod: HEAD\nurl: http://x/\n');
      for (
        let i = 0;
        i < 100 &&
        !ctx.events.some(([e, p]) => e === 'collection:changed' && JSON.stringify(p).includes('health.yaml'));
        i++
      ) {
        await new Promise((r) => setTimeout(r, 50));
      }
      assert.ok(
        ctx.events.some(([e]) => e === 'collection:changed'),
        'the watcher pushed the external edit',
      );
      const closed = await h['collection:close'](
        collectionOps['collection:close'].input.parse({ root: t.root }),
        ctx,
      );
      assert.deepEqual(closed, { ok: true, value: { closed: true } });
    } finally {
      await h['collection:close']({ root: t.root }, ctx);
      await server.close();
      await t.cleanup();
      await data.cleanup();
    }
  });

  it('given settings with a secret variable value, it writes the variable without the value and keeps the value host-side', async () => {
    const t = await copySample();
    const data = await tempDir();
    const env = { dataDir: data.dir, tempDir: data.dir };
    const h = collectionHandlers(env, new ExchangeRuntime(env));
    const ctx = recorder();
    try {
      const input = collectionOps['collection:save-settings'].input.parse({
        root: t.root,
        settings: {
          name: 'Sample API',
          variables: [
            { name: 'baseUrl', value: 'http://h' },
            { name: 'token', value: 'abc', secret: true },
          ],
          auth: { type: 'bearer', token: '{{token}}' },
        },
      });
      const saved = await h['collection:save-settings'](input, ctx);
      assert.ok(saved.ok);
      const text = await readFile(path.join(t.root, 'collection.yaml'), 'utf8');
      assert.ok(!text.includes('abc'));
      assert.match(text, /- users\n {2}- health\.yaml\n$/, 'the order list is kept');
      const names = await h['secret:list']({ root: t.root }, ctx);
      assert.deepEqual(names, { ok: true, value: { names: ['token'] } });
    } finally {
      await t.cleanup();
      await data.cleanup();
    }
  });
});
