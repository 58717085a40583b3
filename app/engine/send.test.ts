import assert from 'node:assert/strict';
import { stat } from 'node:fs/promises';
import type net from 'node:net';
import { describe, it } from 'node:test';
import zlib from 'node:zlib';
import { finalResponse } from '../common/exchange';
import { requestSpecSchema, type RequestSpecInput } from '../contract/exchange';
import { closedPort, rawResponse, startHttpServer, startRawServer } from '../testing/servers';
import { sendExchange } from './send';

const spec = (input: RequestSpecInput) => requestSpecSchema.parse(input);
const reply = (status = 200, reason = 'OK', body = 'ok') => (_: unknown, socket: net.Socket) =>
  socket.end(rawResponse(status, reason, [['Content-Type', 'text/plain']], body));

describe('sendExchange: methods on the wire', () => {
  for (const method of ['patch', 'Patch', 'PROPFIND', 'BREW', 'QUERY', 'TRACE', 'M-SEARCH']) {
    it(`given ${method}, it sends the request line with the method exactly as typed`, async (t) => {
      const server = await startRawServer(reply());
      t.after(() => server.close());
      const result = await sendExchange(spec({ method, url: `${server.url}/x` }));
      assert.ok(result.ok);
      assert.equal(server.requests[0]?.requestLine, `${method} /x HTTP/1.1`);
      assert.match(result.value.hops[0]?.requestHead ?? '', new RegExp(`^${method} /x HTTP/1.1\\r\\n`));
    });
  }

  for (const [method, offending] of [['GE T', 'a space'], ['GET/', '"/"'], ['ÜBER', '"Ü"'], ['BAD\r\nX: 1', 'carriage return'], ['', 'empty']] as const) {
    it(`given the invalid method ${JSON.stringify(method)}, it refuses before sending and names ${offending}`, async (t) => {
      const server = await startRawServer(reply());
      t.after(() => server.close());
      const result = await sendExchange(spec({ method, url: server.url }));
      assert.equal(result.ok, false);
      if (result.ok) return;
      assert.equal(result.error.code, 'request.invalid-method');
      assert.ok(result.error.message.includes(offending), result.error.message);
      assert.equal(server.requests.length, 0);
    });
  }

  it('given CONNECT, it points to raw mode instead of sending', async () => {
    const result = await sendExchange(spec({ method: 'CONNECT', url: 'http://127.0.0.1:9/' }));
    assert.equal(result.ok ? '' : result.error.code, 'request.use-raw');
  });
});

describe('sendExchange: headers and statuses', () => {
  it('given duplicate headers in mixed case, it sends them in order and marks what the client added', async (t) => {
    const server = await startRawServer(reply());
    t.after(() => server.close());
    const headers: Array<[string, string]> = [['X-Zeta', '1'], ['x-alpha', '2'], ['X-Zeta', '3']];
    const result = await sendExchange(spec({ method: 'POST', url: server.url, headers, body: { kind: 'text', text: 'abc' } }));
    assert.ok(result.ok);
    const head = server.requests[0]?.head ?? '';
    assert.ok(head.indexOf('X-Zeta: 1') < head.indexOf('x-alpha: 2') && head.indexOf('x-alpha: 2') < head.indexOf('X-Zeta: 3'));
    const wire = result.value.hops[0]?.requestHeaders ?? [];
    assert.deepEqual(wire.filter((h) => !h.added).map((h) => [h.name, h.value]), headers);
    assert.deepEqual(wire.filter((h) => h.added).map((h) => h.name.toLowerCase()).sort(), ['connection', 'content-length', 'content-type', 'host']);
  });

  it('given a 501 with an odd reason phrase and raw header casing, it is a successful exchange that keeps both', async (t) => {
    const server = await startRawServer((_, s) => s.end(rawResponse(501, 'Method Not Welcome', [['X-Dup', 'one'], ['x-dup', 'two'], ['content-TYPE', 'text/plain']], 'no')));
    t.after(() => server.close());
    const result = await sendExchange(spec({ method: 'BREW', url: server.url }));
    assert.ok(result.ok);
    const res = finalResponse(result.value);
    assert.equal(res?.status, 501);
    assert.equal(res?.reason, 'Method Not Welcome');
    assert.deepEqual(res?.headers.slice(0, 3), [['X-Dup', 'one'], ['x-dup', 'two'], ['content-TYPE', 'text/plain']]);
    assert.match(res?.rawHead ?? '', /^HTTP\/1\.1 501 Method Not Welcome\r\n/);
  });
});

describe('sendExchange: redirects', () => {
  const chain = () =>
    startHttpServer((req, res) => {
      if (req.url === '/a') res.writeHead(302, { Location: '/b' }).end();
      else if (req.url === '/b') res.writeHead(307, { Location: '/c' }).end();
      else res.writeHead(200, { 'Content-Type': 'text/plain' }).end(`${req.method} at c`);
    });

  it('given redirects are followed, it records every hop with its own status and timings', async (t) => {
    const server = await chain();
    t.after(() => server.close());
    const result = await sendExchange(spec({ method: 'POST', url: `${server.url}/a`, body: { kind: 'text', text: 'x' }, options: { maxRedirects: 5 } }));
    assert.ok(result.ok);
    assert.deepEqual(result.value.hops.map((h) => [h.method, new URL(h.url).pathname, h.response?.status]), [
      ['POST', '/a', 302],
      ['GET', '/b', 307],
      ['GET', '/c', 200],
    ]);
    assert.equal(finalResponse(result.value)?.body.preview, 'GET at c');
    for (const hop of result.value.hops) assert.ok((hop.timings.end ?? 0) > 0);
  });

  it('given redirects are off, it stops at the first 3xx', async (t) => {
    const server = await chain();
    t.after(() => server.close());
    const result = await sendExchange(spec({ method: 'GET', url: `${server.url}/a` }));
    assert.ok(result.ok);
    assert.equal(result.value.hops.length, 1);
    assert.equal(finalResponse(result.value)?.status, 302);
  });
});

describe('sendExchange: bodies', () => {
  const text = 'Statuscope '.repeat(5000);
  for (const [coding, encode] of [['gzip', zlib.gzipSync], ['br', zlib.brotliCompressSync], ['deflate', zlib.deflateSync]] as const) {
    it(`given a ${coding} body, it decodes it and reports both sizes`, async (t) => {
      const encoded = encode(Buffer.from(text));
      const server = await startHttpServer((_, res) => res.writeHead(200, { 'Content-Encoding': coding, 'Content-Type': 'text/plain' }).end(encoded));
      t.after(() => server.close());
      const result = await sendExchange(spec({ method: 'GET', url: server.url }));
      assert.ok(result.ok);
      const body = finalResponse(result.value)?.body;
      assert.equal(body?.preview, text);
      assert.equal(body?.encodedBytes, encoded.length);
      assert.equal(body?.decodedBytes, text.length);
      assert.deepEqual(body?.decoded, [coding]);
    });
  }

  it('given a 50 MB body, it streams it to a file instead of memory', async (t) => {
    const size = 50 * 1024 * 1024;
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    const server = await startHttpServer((_, res) => {
      res.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) });
      let sent = 0;
      const pump = () => {
        while (sent < size) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
    t.after(() => server.close());
    const result = await sendExchange(spec({ method: 'GET', url: server.url }));
    assert.ok(result.ok);
    const body = finalResponse(result.value)?.body;
    assert.equal(body?.storage, 'file');
    assert.equal(body?.decodedBytes, size);
    assert.equal((await stat(body?.file ?? '')).size, size);
    assert.ok((body?.preview.length ?? 0) <= 2 * 1024 * 1024);
  });

  it('given a multipart body with a file, it sends each part with its filename', async (t) => {
    const server = await startRawServer(reply());
    t.after(() => server.close());
    const file = new URL(import.meta.url).pathname;
    const result = await sendExchange(spec({ method: 'POST', url: server.url, body: { kind: 'multipart', parts: [{ kind: 'field', name: 'a', value: '1' }, { kind: 'file', name: 'f', path: file }] } }));
    assert.ok(result.ok);
    const sent = server.requests[0]?.text ?? '';
    assert.match(sent, /Content-Disposition: form-data; name="a"\r\n\r\n1\r\n/);
    assert.match(sent, /filename="send\.test\.ts"/);
    const length = Number(/content-length: (\d+)/i.exec(sent)?.[1]);
    assert.equal(length, Buffer.byteLength(sent.slice(sent.indexOf('\r\n\r\n') + 4), 'latin1'));
  });
});

describe('sendExchange: failures', () => {
  it('given nothing listens on the port, it fails with net.refused in the connect phase', async () => {
    const port = await closedPort();
    const result = await sendExchange(spec({ method: 'GET', url: `http://127.0.0.1:${port}/` }));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'net.refused');
    assert.equal(result.error.phase, 'connect');
  });

  it('given a TLS server that never finishes the handshake, it fails with net.connect-timeout', async (t) => {
    const server = await startRawServer(() => undefined);
    t.after(() => server.close());
    const result = await sendExchange(spec({ method: 'GET', url: `https://127.0.0.1:${server.port}/`, options: { connectTimeoutMs: 300 } }));
    assert.equal(result.ok ? '' : result.error.code, 'net.connect-timeout');
  });

  it('given a server that never answers, it fails with net.headers-timeout after sending', async (t) => {
    const server = await startRawServer(() => undefined);
    t.after(() => server.close());
    const result = await sendExchange(spec({ method: 'GET', url: server.url, options: { headersTimeoutMs: 300 } }));
    assert.equal(result.ok, false);
    if (result.ok) return;
    assert.equal(result.error.code, 'net.headers-timeout');
    assert.match(result.error.exchange?.hops[0]?.requestHead ?? '', /^GET \/ HTTP\/1.1/);
  });

  it('given a body that stalls, it fails with net.body-timeout', async (t) => {
    const server = await startRawServer((_, s) => s.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly ten b'));
    t.after(() => server.close());
    const result = await sendExchange(spec({ method: 'GET', url: server.url, options: { bodyTimeoutMs: 300 } }));
    assert.equal(result.ok ? '' : result.error.code, 'net.body-timeout');
  });

  it('given an overall timeout, it ends the exchange with net.total-timeout', async (t) => {
    const server = await startRawServer(() => undefined);
    t.after(() => server.close());
    const result = await sendExchange(spec({ method: 'GET', url: server.url, options: { totalTimeoutMs: 200 } }));
    assert.equal(result.ok ? '' : result.error.code, 'net.total-timeout');
  });

  it('given a cancel mid-body, it stops at once with net.aborted', async (t) => {
    const server = await startRawServer((_, s) => {
      s.write('HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n');
      const timer = setInterval(() => s.write('x'.repeat(1000)), 20);
      s.on('close', () => clearInterval(timer));
    });
    t.after(() => server.close());
    const controller = new AbortController();
    const started = Date.now();
    const result = await sendExchange(spec({ method: 'GET', url: server.url }), {
      signal: controller.signal,
      onProgress: (phase) => phase === 'body' && controller.abort(),
    });
    assert.equal(result.ok ? '' : result.error.code, 'net.aborted');
    assert.ok(Date.now() - started < 5000);
  });
});
