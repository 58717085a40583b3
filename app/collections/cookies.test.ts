import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { finalResponse } from '../common/exchange';
import { requestSpecSchema } from '../contract/exchange';
import { sendExchange } from '../engine/send';
import { startHttpServer } from '../testing/servers';
import { CookieJars } from './cookies';
import { tempDir } from './test-support';

describe('cookie jars', () => {
  it('given a Set-Cookie from a real server, it sends the cookie back next time, persists it in the data dir and clears it on request', async () => {
    const data = await tempDir();
    const cookiesSeen: Array<string | undefined> = [];
    const server = await startHttpServer((req, res) => {
      cookiesSeen.push(req.headers.cookie);
      if (req.url === '/login') {
        res.setHeader('Set-Cookie', [
          'session=abc123; Path=/; HttpOnly',
          'theme=dark; Path=/; Max-Age=3600',
          'bad cookie without equals',
        ]);
      }
      res.writeHead(200).end('ok');
    });
    const root = '/collections/demo';
    try {
      const jars = new CookieJars(data.dir);
      const login = requestSpecSchema.parse({ method: 'POST', url: `${server.url}/login` });
      const sent = await sendExchange(await jars.attach(root, login));
      assert.ok(sent.ok);
      assert.equal(await jars.store(root, sent.value), 2, 'the malformed Set-Cookie is dropped');

      const next = await jars.attach(
        root,
        requestSpecSchema.parse({ method: 'GET', url: `${server.url}/me` }),
      );
      const again = await sendExchange(next);
      assert.ok(again.ok && finalResponse(again.value)?.status === 200);
      assert.equal(cookiesSeen[1], 'session=abc123; theme=dark');

      const typed = await jars.attach(
        root,
        requestSpecSchema.parse({ method: 'GET', url: `${server.url}/me`, headers: [['Cookie', 'mine=1']] }),
      );
      assert.deepEqual(typed.headers, [['Cookie', 'mine=1']], 'a typed Cookie header wins');

      // A second instance (the next app start) reads the persisted jar.
      const reopened = new CookieJars(data.dir);
      const listed = await reopened.list(root);
      assert.deepEqual(
        listed.map((c) => [c.name, c.value, c.httpOnly, c.expires === null]),
        [
          ['session', 'abc123', true, true],
          ['theme', 'dark', false, false],
        ],
      );
      assert.deepEqual(await readdir(path.join(data.dir, 'cookies')), [
        path.basename(reopened.fileFor(root)),
      ]);
      assert.match(await readFile(reopened.fileFor(root), 'utf8'), /abc123/);

      assert.equal(
        await reopened.attach('/collections/other', next).then((s) => s.headers.length),
        1,
        'jars are per collection',
      );
      assert.equal(await reopened.clear(root), 2);
      assert.deepEqual(await reopened.list(root), []);
      assert.deepEqual(await new CookieJars(data.dir).list(root), []);
    } finally {
      await server.close();
      await data.cleanup();
    }
  });
});
