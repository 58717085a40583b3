import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Agent, request } from 'undici';
import { headerValue } from '../common/exchange';
import { startLab, type Lab } from './lab';
import { sendToLab } from './lab-request';
import { rawExchange, type WireResponse } from './response-reader';

function port(url: string): number {
  return Number(new URL(url).port);
}

async function raw(lab: Lab, text: string, methods: string[] = ['GET']): Promise<WireResponse[]> {
  const result = await rawExchange({
    host: '127.0.0.1',
    port: port(lab.originUrl),
    bytes: Buffer.from(text, 'latin1'),
    methods,
    timeoutMs: 5000,
  });
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

async function status(
  lab: Lab,
  method: string,
  path: string,
  headers: Array<[string, string]> = [],
  body: string | null = null,
): Promise<WireResponse> {
  const result = await sendToLab(lab.originUrl, { method, path, headers, body });
  assert.ok(result.ok, result.ok ? '' : result.error.message);
  return result.value;
}

describe('lab origin', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  it('given a method it does not implement, it answers 501 on every path, existing or not, while GET works', async () => {
    for (const method of ['PROPFIND', 'BREW', 'patch', 'get', 'QUERY', 'TRACE', 'CONNECT']) {
      for (const path of ['/api/users/42', '/api/orders/7', '/api/nothing-here', '/']) {
        assert.equal((await status(lab, method, path)).status, 501, `${method} ${path}`);
      }
    }
    assert.equal((await status(lab, 'GET', '/api/users/42')).status, 200);
  });

  it('given the stub endpoint, it answers 501 with documentation_url and planned_for_version to every method, GET and unknown ones included', async () => {
    for (const method of ['GET', 'HEAD', 'POST', 'DELETE', 'OPTIONS', 'BREW']) {
      const res = await status(lab, method, '/api/v2/payments/refunds');
      assert.equal(res.status, 501, method);
      if (method === 'HEAD') continue;
      const body: unknown = JSON.parse(res.body.toString());
      assert.ok(
        body !== null &&
          typeof body === 'object' &&
          'documentation_url' in body &&
          'planned_for_version' in body,
      );
      assert.equal(body.documentation_url, `${lab.originUrl}/docs/refunds-v2`);
      assert.equal(
        (await status(lab, 'GET', '/docs/refunds-v2')).status,
        200,
        'the documentation it names exists',
      );
    }
  });

  it('given the v2 search with the old syntax, it answers 501 pointing at the new syntax, while v1 and the new syntax work', async () => {
    const old = await status(lab, 'GET', '/v2/search?q=teapot');
    assert.equal(old.status, 501);
    assert.match(old.body.toString(), /"new_syntax": "\/v2\/search\?query=/);
    assert.equal((await status(lab, 'GET', '/v1/search?q=teapot')).status, 200);
    assert.equal((await status(lab, 'GET', '/v2/search?query=teapot')).status, 200);
  });

  it('given OPTIONS * and OPTIONS on a resource, their Allow lists agree with what 501 and 405 say', async () => {
    const star = await status(lab, 'OPTIONS', '*');
    assert.equal(star.status, 204);
    const implemented = (headerValue(star.headers, 'allow') ?? '').split(', ');
    assert.ok(!implemented.includes('PROPFIND'));
    for (const method of implemented)
      assert.notEqual((await status(lab, method, '/api/users/42')).status, 501, method);
    const resource = await status(lab, 'OPTIONS', '/api/users/42');
    const allowed = headerValue(resource.headers, 'allow');
    assert.equal(headerValue((await status(lab, 'DELETE', '/api/users/42')).headers, 'allow'), allowed);
    assert.equal((await status(lab, 'GET', '*')).status, 400, 'the asterisk form is for OPTIONS only');
  });

  it('given Transfer-Encoding foo, it answers 501 and closes; without it the same POST succeeds', async () => {
    // After an unframeable body the connection closes: the request "behind" it is never answered.
    const socket = net.connect(port(lab.originUrl), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c: Buffer) => chunks.push(c));
    await once(socket, 'connect');
    socket.write(
      'POST /api/echo HTTP/1.1\r\nHost: lab\r\nTransfer-Encoding: foo\r\n\r\nhello\r\nGET /api/users/42 HTTP/1.1\r\n\r\n',
    );
    await once(socket, 'close');
    const all = Buffer.concat(chunks).toString('latin1');
    assert.equal(all.match(/HTTP\/1\.1 \d{3}/g)?.length, 1, all);
    assert.match(all, /^HTTP\/1\.1 501 Not Implemented\r\n/);
    const single = await status(lab, 'POST', '/api/echo', [['Transfer-Encoding', 'foo']], 'hello');
    assert.equal(single.status, 501);
    assert.equal(headerValue(single.headers, 'connection'), 'close');
    const plain = await status(lab, 'POST', '/api/echo', [['Content-Type', 'text/plain']], 'hello');
    assert.equal(plain.status, 200);
    assert.match(plain.body.toString(), /"received_bytes": 5/);
    const chunked = await status(
      lab,
      'POST',
      '/api/echo',
      [['Transfer-Encoding', 'chunked']],
      '5\r\nhello\r\n0\r\n\r\n',
    );
    assert.equal(chunked.status, 200, 'chunked alone is understood');
  });

  it('given two pipelined requests on one connection, it answers both in order and keeps the connection', async () => {
    const [a, b] = await raw(
      lab,
      'GET /api/users/42 HTTP/1.1\r\nHost: lab\r\n\r\nDELETE /api/users/42 HTTP/1.1\r\nHost: lab\r\n\r\n',
      ['GET', 'DELETE'],
    );
    assert.equal(a?.status, 200);
    assert.equal(b?.status, 405);
    assert.equal(headerValue(a?.headers ?? [], 'connection'), undefined);
  });

  it('given Expect: 100-continue, it sends 100 Continue before reading the body; another expectation earns 417', async () => {
    const socket = net.connect(port(lab.originUrl), '127.0.0.1');
    await once(socket, 'connect');
    socket.write(
      'POST /api/echo HTTP/1.1\r\nHost: lab\r\nExpect: 100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\n',
    );
    const [interim] = (await once(socket, 'data')) as [Buffer];
    assert.match(interim.toString('latin1'), /^HTTP\/1\.1 100 Continue\r\n\r\n/);
    socket.destroy();
    assert.equal((await status(lab, 'POST', '/api/echo', [['Expect', 'teapot']], 'hi')).status, 417);
  });

  it('given undici with a keep-alive pool, consecutive requests succeed on the persistent connection', async () => {
    const agent = new Agent({ connections: 1 });
    try {
      for (const path of ['/api/users/42', '/api/orders/7', '/v1/search?q=x']) {
        const res = await request(`${lab.originUrl}${path}`, { dispatcher: agent });
        assert.equal(res.statusCode, 200, path);
        assert.equal(res.headers.connection, undefined);
        await res.body.text();
      }
    } finally {
      await agent.close();
    }
  });

  it('given garbage, an oversized head or HTTP/2.0 as text, it answers 400, 431 or 505 and closes, and keeps serving others', async () => {
    const [garbage] = await raw(lab, 'this is not http\r\n\r\n');
    assert.equal(garbage?.status, 400);
    const [big] = await raw(
      lab,
      `GET / HTTP/1.1\r\n${'X-Pad: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n'.repeat(400)}\r\n`,
    );
    assert.equal(big?.status, 431);
    const [v2] = await raw(lab, 'GET / HTTP/2.0\r\n\r\n');
    assert.equal(v2?.status, 505);
    assert.equal(headerValue(v2?.headers ?? [], 'connection'), 'close');
    assert.equal((await status(lab, 'GET', '/api/users/42')).status, 200);
  });

  it('given arbitrary bytes from many clients, it never crashes and still answers GET afterwards', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 2048 }), async (bytes) => {
        const socket = net.connect(port(lab.originUrl), '127.0.0.1');
        socket.on('error', () => undefined);
        await once(socket, 'connect');
        socket.end(Buffer.from(bytes));
        await once(socket, 'close');
      }),
      { numRuns: 60 },
    );
    assert.equal((await status(lab, 'GET', '/api/users/42')).status, 200);
  });

  it('given the flaky report, it alternates 501 with a stack trace and 200 on GET', async () => {
    const fresh = await startLab();
    try {
      const seen: number[] = [];
      for (let i = 0; i < 4; i++) {
        const res = await sendToLab(fresh.originUrl, { method: 'GET', path: '/api/reports/daily' });
        assert.ok(res.ok);
        seen.push(res.value.status);
        if (res.value.status === 501) assert.match(res.value.body.toString(), /TypeError: .*\n\s+at /);
      }
      assert.deepEqual(seen, [501, 200, 501, 200]);
      // HEAD does not take a turn, so a repeated GET is what shows the failure coming and going.
      const head = await sendToLab(fresh.originUrl, { method: 'HEAD', path: '/api/reports/daily' });
      assert.equal(head.ok && head.value.status, 200);
      const next = await sendToLab(fresh.originUrl, { method: 'GET', path: '/api/reports/daily' });
      assert.equal(next.ok && next.value.status, 501);
    } finally {
      await fresh.close();
    }
  });

  it('given close() during a slow request, it returns promptly and frees its ports', async () => {
    const slow = await startLab({ slowDelayMs: 60_000 });
    const pending = sendToLab(slow.originUrl, { method: 'GET', path: '/api/upstream/slow' }, 70_000);
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await slow.close();
    assert.ok(Date.now() - started < 1000);
    const res = await pending;
    assert.equal(res.ok, false);
    const again = await sendToLab(slow.originUrl, { method: 'GET', path: '/' }, 2000);
    assert.equal(again.ok, false);
    assert.equal(again.ok ? '' : again.error.code, 'upstream.refused');
  });
});
