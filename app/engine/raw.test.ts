import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finalResponse } from '../common/exchange';
import { closedPort, rawResponse, startRawServer } from '../testing/servers';
import { exchangeFromRaw, sendRaw } from './raw';

const raw = (target: string, text: string) => ({ target, bytesBase64: Buffer.from(text, 'latin1').toString('base64'), timeoutMs: 2000, rejectUnauthorized: true });

describe('sendRaw', () => {
  it('given Transfer-Encoding: foo, it sends the bytes exactly and parses the 501 that comes back', async (t) => {
    const server = await startRawServer((_, s) => s.end(rawResponse(501, 'Not Implemented', [['Server', 'test']], 'unknown coding')));
    t.after(() => server.close());
    const request = `POST /upload HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: foo\r\n\r\nabc`;
    const result = await sendRaw(raw(server.url, request));
    assert.ok(result.ok);
    assert.equal(server.requests[0]?.text, request);
    const res = finalResponse(result.value);
    assert.equal(res?.status, 501);
    assert.equal(res?.body.preview, 'unknown coding');
    assert.equal(result.value.request.method, 'POST');
    assert.ok(result.value.hops[0]?.requestHeaders.every((h) => !h.added));
  });

  it('given HTTP/1.0 and a close-delimited body with bare LF, it reads to the close and notes the oddity', async (t) => {
    const server = await startRawServer((_, s) => s.end('HTTP/1.0 200\nServer: old\n\nhello'));
    t.after(() => server.close());
    const result = await sendRaw(raw(server.url, 'GET / HTTP/1.0\r\n\r\n'));
    assert.ok(result.ok);
    const res = finalResponse(result.value);
    assert.equal(res?.httpVersion, '1.0');
    assert.equal(res?.reason, '');
    assert.equal(res?.body.preview, 'hello');
    assert.match(res?.body.decodeNote ?? '', /bare LF/);
  });

  it('given an interim 100 Continue, it records it before the final response', async (t) => {
    const server = await startRawServer((_, s) => s.end(`HTTP/1.1 100 Continue\r\n\r\n${rawResponse(200, 'OK', [], 'done')}`));
    t.after(() => server.close());
    const result = await sendRaw(raw(server.url, 'POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 1\r\n\r\na'));
    assert.ok(result.ok);
    assert.deepEqual(finalResponse(result.value)?.interim.map((i) => i.status), [100]);
    assert.equal(finalResponse(result.value)?.status, 200);
  });

  it('given a chunked reply, it de-chunks the body', async (t) => {
    const server = await startRawServer((_, s) => s.write('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n'));
    t.after(() => server.close());
    const result = await sendRaw(raw(server.url, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    assert.ok(result.ok);
    assert.equal(finalResponse(result.value)?.body.preview, 'hello world');
  });

  it('given CONNECT, it sends it and shows the proxy answer', async (t) => {
    const server = await startRawServer((_, s) => s.end(rawResponse(405, 'Method Not Allowed', [['Allow', 'GET']], '')));
    t.after(() => server.close());
    const result = await sendRaw(raw(server.url, 'CONNECT example.test:443 HTTP/1.1\r\nHost: example.test:443\r\n\r\n'));
    assert.ok(result.ok);
    assert.equal(server.requests[0]?.requestLine, 'CONNECT example.test:443 HTTP/1.1');
    assert.equal(finalResponse(result.value)?.status, 405);
  });

  it('given nothing listens, it fails with net.refused', async () => {
    const port = await closedPort();
    const result = await sendRaw(raw(`http://127.0.0.1:${port}`, 'GET / HTTP/1.1\r\n\r\n'));
    assert.equal(result.ok ? '' : result.error.code, 'net.refused');
  });

  it('given a server that never answers, it fails with net.headers-timeout', async (t) => {
    const server = await startRawServer(() => undefined);
    t.after(() => server.close());
    const result = await sendRaw({ ...raw(server.url, 'GET / HTTP/1.1\r\nHost: x\r\n\r\n'), timeoutMs: 200 });
    assert.equal(result.ok ? '' : result.error.code, 'net.headers-timeout');
  });
});

describe('exchangeFromRaw', () => {
  it('given recorded bytes, it builds the same record shape as a live exchange', () => {
    const record = exchangeFromRaw(
      Buffer.from('PROPFIND /dav HTTP/1.1\r\nHost: h\r\n\r\n'),
      Buffer.from(rawResponse(501, 'Not Implemented', [['Via', '1.1 proxy']], '<h1>no</h1>')),
      'http://h/dav',
    );
    assert.equal(record.request.method, 'PROPFIND');
    assert.equal(finalResponse(record)?.status, 501);
    assert.deepEqual(finalResponse(record)?.headers[0], ['Via', '1.1 proxy']);
  });
});
