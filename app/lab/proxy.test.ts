import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { headerValue } from '../common/exchange';
import { closedPort, rawResponse, startRawServer, type RawServer } from '../testing/servers';
import type { RawHttpServer } from './connection';
import { startLab, type Lab } from './lab';
import { sendToLab } from './lab-request';
import { startProxy } from './proxy';
import { CACHED_PATH, ProxyCache } from './proxy-cache';
import { PROXY_SERVER, PROXY_VIA } from './proxy-pages';

const proxyUrl = (p: RawHttpServer) => `http://127.0.0.1:${p.port}`;

describe('lab proxy in front of a recording upstream', () => {
  let upstream: RawServer;
  let proxy: RawHttpServer;
  before(async () => {
    upstream = await startRawServer((req, socket) => {
      if (req.requestLine.startsWith('GET /odd-reason')) {
        socket.end(
          rawResponse(
            501,
            'Not Implemented Yet',
            [
              ['Server', 'upstream/1'],
              ['Connection', 'close, X-Hop'],
              ['X-Hop', 'secret'],
              ['Keep-Alive', 'timeout=5'],
            ],
            'nope',
          ),
        );
      } else if (req.requestLine.startsWith('GET /never')) {
        // Holds the socket open without answering: the 504 case.
      } else {
        socket.end(rawResponse(200, 'OK', [['Server', 'upstream/1']], 'fine'));
      }
    });
    proxy = await startProxy({ port: 0, originPort: upstream.port, upstreamTimeoutMs: 300, unref: false });
  });
  after(async () => {
    await proxy.close();
    await upstream.close();
  });

  it('given a method it does not know, it answers 501 with its own page and the upstream never sees the request', async () => {
    const before = upstream.requests.length;
    for (const method of ['BREW', 'patch', 'CONNECT', 'QUERY']) {
      const res = await sendToLab(proxyUrl(proxy), { method, path: '/api/users/42' });
      assert.ok(res.ok);
      assert.equal(res.value.status, 501, method);
      assert.equal(headerValue(res.value.headers, 'server'), PROXY_SERVER);
      assert.equal(headerValue(res.value.headers, 'via'), PROXY_VIA);
      assert.match(
        res.value.body.toString(),
        new RegExp(`does not implement the request method "${method}"`),
      );
    }
    assert.equal(upstream.requests.length, before);
  });

  it('given a known method, it forwards it with Via and X-Forwarded-For, without hop-by-hop fields, and re-frames a chunked body', async () => {
    const res = await sendToLab(proxyUrl(proxy), {
      method: 'PROPFIND',
      path: '/dav/file?x=1',
      headers: [
        ['Connection', 'X-Private'],
        ['X-Private', 'hop only'],
        ['Keep-Alive', 'timeout=5'],
        ['Via', '1.1 earlier-hop'],
        ['Transfer-Encoding', 'chunked'],
        ['X-End-To-End', 'kept'],
      ],
      body: '5\r\nhello\r\n0\r\n\r\n',
    });
    assert.ok(res.ok);
    assert.equal(res.value.status, 200);
    const seen = upstream.requests.at(-1);
    assert.ok(seen);
    assert.equal(seen.requestLine, 'PROPFIND /dav/file?x=1 HTTP/1.1');
    assert.match(seen.head, /\r\nVia: 1\.1 earlier-hop, 1\.1 statuscope-lab-proxy\r\n/);
    assert.match(seen.head, /\r\nX-Forwarded-For: 127\.0\.0\.1\r\n/);
    assert.match(seen.head, /\r\nX-End-To-End: kept\r\n/);
    assert.match(seen.head, /\r\nContent-Length: 5\r\n/);
    assert.doesNotMatch(seen.head, /X-Private|Keep-Alive|Transfer-Encoding/i);
    assert.ok(seen.text.endsWith('\r\n\r\nhello'));
  });

  it("given an upstream answer, it relays status and reason phrase, drops the upstream's hop-by-hop fields and adds Via", async () => {
    const res = await sendToLab(proxyUrl(proxy), { method: 'GET', path: '/odd-reason' });
    assert.ok(res.ok);
    assert.equal(res.value.status, 501);
    assert.equal(res.value.reason, 'Not Implemented Yet');
    assert.equal(headerValue(res.value.headers, 'server'), 'upstream/1');
    assert.equal(headerValue(res.value.headers, 'via'), PROXY_VIA);
    assert.equal(headerValue(res.value.headers, 'x-hop'), undefined);
    assert.equal(headerValue(res.value.headers, 'keep-alive'), undefined);
    assert.equal(res.value.body.toString(), 'nope');
  });

  it('given OPTIONS or TRACE with Max-Forwards 0, it answers itself; with Max-Forwards 2 it forwards 1', async () => {
    const before = upstream.requests.length;
    const options = await sendToLab(proxyUrl(proxy), {
      method: 'OPTIONS',
      path: '/x',
      headers: [['Max-Forwards', '0']],
    });
    assert.ok(options.ok);
    assert.equal(options.value.status, 200);
    assert.equal(headerValue(options.value.headers, 'server'), PROXY_SERVER);
    assert.match(headerValue(options.value.headers, 'allow') ?? '', /PROPFIND/);
    const trace = await sendToLab(proxyUrl(proxy), {
      method: 'TRACE',
      path: '/x',
      headers: [
        ['Max-Forwards', '0'],
        ['Authorization', 'Bearer secret'],
        ['X-Probe', '1'],
      ],
    });
    assert.ok(trace.ok);
    assert.equal(headerValue(trace.value.headers, 'content-type'), 'message/http');
    assert.match(trace.value.body.toString(), /^TRACE \/x HTTP\/1\.1\r\n[\s\S]*X-Probe: 1/);
    assert.doesNotMatch(
      trace.value.body.toString(),
      /secret/,
      'credentials are not reflected (RFC 9110 §9.3.8)',
    );
    assert.equal(upstream.requests.length, before);
    await sendToLab(proxyUrl(proxy), { method: 'OPTIONS', path: '/x', headers: [['Max-Forwards', '2']] });
    assert.match(upstream.requests.at(-1)?.head ?? '', /\r\nMax-Forwards: 1\r\n/);
  });

  it('given an upstream that does not answer in time, it answers 504; given nothing listening, 502', async () => {
    const slow = await sendToLab(proxyUrl(proxy), { method: 'GET', path: '/never' });
    assert.ok(slow.ok);
    assert.equal(slow.value.status, 504);
    assert.equal(headerValue(slow.value.headers, 'server'), PROXY_SERVER);
    const orphan = await startProxy({
      port: 0,
      originPort: await closedPort(),
      upstreamTimeoutMs: 300,
      unref: false,
    });
    try {
      const refused = await sendToLab(proxyUrl(orphan), { method: 'GET', path: '/' });
      assert.ok(refused.ok);
      assert.equal(refused.value.status, 502);
    } finally {
      await orphan.close();
    }
  });

  it('given an unknown transfer coding, it answers its own 501 and closes, forwarding nothing', async () => {
    const before = upstream.requests.length;
    const res = await sendToLab(proxyUrl(proxy), {
      method: 'POST',
      path: '/api/echo',
      headers: [['Transfer-Encoding', 'foo']],
      body: 'hello',
    });
    assert.ok(res.ok);
    assert.equal(res.value.status, 501);
    assert.equal(headerValue(res.value.headers, 'server'), PROXY_SERVER);
    assert.equal(headerValue(res.value.headers, 'connection'), 'close');
    assert.equal(upstream.requests.length, before);
  });
});

describe('lab proxy cache', () => {
  let lab: Lab;
  before(async () => {
    lab = await startLab();
  });
  after(() => lab.close());

  const get = async (headers: Array<[string, string]> = [], method = 'GET') => {
    const res = await sendToLab(lab.proxyUrl, { method, path: CACHED_PATH, headers });
    assert.ok(res.ok);
    return res.value;
  };

  it('given GET or HEAD, it serves the stored 501 with Age and X-Cache HIT', async () => {
    for (const method of ['GET', 'HEAD']) {
      const res = await get([], method);
      assert.equal(res.status, 501, method);
      assert.ok(Number(headerValue(res.headers, 'age')) >= 2220);
      assert.match(headerValue(res.headers, 'x-cache') ?? '', /^HIT /);
    }
  });

  it('given Cache-Control no-cache, max-age=0 or Pragma no-cache, it asks the origin (200), and the stored 501 stays for the next learner', async () => {
    for (const headers of [
      [['Cache-Control', 'no-cache']],
      [['Cache-Control', 'max-age=0']],
      [['Pragma', 'no-cache']],
    ] as Array<Array<[string, string]>>) {
      const fresh = await get(headers);
      assert.equal(fresh.status, 200, JSON.stringify(headers));
      assert.match(headerValue(fresh.headers, 'x-cache') ?? '', /^MISS /);
      assert.equal(headerValue(fresh.headers, 'age'), undefined);
    }
    assert.equal((await get()).status, 501);
  });

  it('given an unsafe request the origin refuses, the stored 501 is kept; a successful one would invalidate it (RFC 9111 §4.4)', async () => {
    assert.equal((await get([], 'POST')).status, 405);
    assert.equal((await get()).status, 501);
    const cache = new ProxyCache();
    const probe = {
      method: 'GET',
      target: CACHED_PATH,
      version: '1.1',
      headers: [],
      body: Buffer.alloc(0),
      rawHead: '',
      unknownTransferCoding: null,
      keepAlive: true,
    };
    cache.invalidateAfter('POST', CACHED_PATH, 405);
    assert.notEqual(cache.lookup(probe, CACHED_PATH), null);
    cache.invalidateAfter('POST', CACHED_PATH, 204);
    assert.equal(cache.lookup(probe, CACHED_PATH), null);
  });

  it('given the garbage and slow origin routes, the proxy answers 502 and 504 of its own', async () => {
    for (const [path, want] of [
      ['/api/upstream/garbage', 502],
      ['/api/upstream/slow', 504],
    ] as const) {
      const res = await sendToLab(lab.proxyUrl, { method: 'GET', path });
      assert.ok(res.ok);
      assert.equal(res.value.status, want, path);
      assert.equal(headerValue(res.value.headers, 'server'), PROXY_SERVER);
    }
  });
});
