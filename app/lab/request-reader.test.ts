import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encodeChunked } from './chunked';
import { LIMITS } from './http-head';
import { RequestReader, type ReadOutcome } from './request-reader';

function read(text: string | Buffer): ReadOutcome {
  const reader = new RequestReader();
  reader.push(typeof text === 'string' ? Buffer.from(text, 'latin1') : text);
  return reader.next();
}

function requestOf(outcome: ReadOutcome) {
  assert.equal(outcome.kind, 'request', JSON.stringify(outcome));
  if (outcome.kind !== 'request') throw new Error('unreachable');
  return outcome.request;
}

describe('RequestReader', () => {
  it('given an unknown or lower-case method, it keeps the token exactly as sent', () => {
    assert.equal(requestOf(read('BREW /pot HTTP/1.1\r\nHost: x\r\n\r\n')).method, 'BREW');
    assert.equal(requestOf(read('patch /a HTTP/1.1\r\nHost: x\r\n\r\n')).method, 'patch');
  });

  it('given a Content-Length body split across pushes, it waits for all of it', () => {
    const reader = new RequestReader();
    reader.push(Buffer.from('POST /e HTTP/1.1\r\nContent-Length: 5\r\n\r\nhe', 'latin1'));
    assert.equal(reader.next().kind, 'need-more');
    reader.push(Buffer.from('llo', 'latin1'));
    assert.equal(requestOf(reader.next()).body.toString(), 'hello');
  });

  it('given a chunked body with extensions and trailers, it decodes it and reads the next request after it', () => {
    const reader = new RequestReader();
    reader.push(
      Buffer.from(
        'POST /e HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-T: 1\r\n\r\nGET /next HTTP/1.1\r\n\r\n',
        'latin1',
      ),
    );
    assert.equal(requestOf(reader.next()).body.toString(), 'abcde');
    assert.equal(requestOf(reader.next()).target, '/next');
  });

  it('given Transfer-Encoding foo, it flags the coding, reads no body and gives up the connection (RFC 9112 §6.1)', () => {
    const req = requestOf(read('POST /e HTTP/1.1\r\nTransfer-Encoding: foo\r\n\r\nhello'));
    assert.equal(req.unknownTransferCoding, 'foo');
    assert.equal(req.body.length, 0);
    assert.equal(req.keepAlive, false);
    assert.equal(
      requestOf(read('POST /e HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n')).unknownTransferCoding,
      'gzip',
    );
  });

  it('given Expect: 100-continue and no body yet, it asks for the interim response once', () => {
    const reader = new RequestReader();
    reader.push(
      Buffer.from('PUT /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n', 'latin1'),
    );
    assert.deepEqual(reader.next(), { kind: 'need-more', sendContinue: true });
    assert.deepEqual(reader.next(), { kind: 'need-more', sendContinue: false });
    reader.push(Buffer.from('ok', 'latin1'));
    assert.equal(requestOf(reader.next()).body.toString(), 'ok');
  });

  it('given malformed heads, it answers with the status RFC 9112 names', () => {
    const status = (text: string) => {
      const o = read(text);
      return o.kind === 'error' ? o.status : o.kind;
    };
    assert.equal(status('garbage\r\n\r\n'), 400);
    assert.equal(status('GET / HTTP/1.1\r\nHost : x\r\n\r\n'), 400, 'whitespace before the colon (§5.1)');
    assert.equal(status('GET / HTTP/1.1\r\nX-A: 1\r\n folded\r\n\r\n'), 400, 'obs-fold (§5.2)');
    assert.equal(status('GET / HTTP/2.0\r\n\r\n'), 505);
    assert.equal(status('G(T / HTTP/1.1\r\n\r\n'), 400, 'a method that is not a token');
    assert.equal(status('POST / HTTP/1.1\r\nContent-Length: 1, 2\r\n\r\n'), 400);
    assert.equal(status('POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n'), 400);
    assert.equal(status(`POST / HTTP/1.1\r\nContent-Length: ${LIMITS.maxRequestBodyBytes + 1}\r\n\r\n`), 413);
  });

  it('given a head beyond the bounds, it stops reading with 414 or 431 instead of buffering forever', () => {
    const longLine = read(`GET /${'a'.repeat(LIMITS.maxRequestLineBytes + 10)}`);
    assert.equal(longLine.kind === 'error' && longLine.status, 414);
    const bigHead = read(`GET / HTTP/1.1\r\n${'X-Filler: yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy\r\n'.repeat(600)}`);
    assert.equal(bigHead.kind === 'error' && bigHead.status, 431);
    const many = read(`GET / HTTP/1.1\r\n${'X: 1\r\n'.repeat(LIMITS.maxHeaderCount + 1)}\r\n`);
    assert.equal(many.kind === 'error' && many.status, 431);
  });

  it('given a chunked body larger than the bound, it answers 413', () => {
    const big = encodeChunked(Buffer.alloc(LIMITS.maxRequestBodyBytes + 1, 97));
    const outcome = read(
      Buffer.concat([Buffer.from('POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n', 'latin1'), big]),
    );
    assert.equal(outcome.kind === 'error' && outcome.status, 413);
  });

  it('given HTTP/1.0 without keep-alive, it marks the connection to close; HTTP/1.1 stays open unless told', () => {
    assert.equal(requestOf(read('GET / HTTP/1.0\r\n\r\n')).keepAlive, false);
    assert.equal(requestOf(read('GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n')).keepAlive, true);
    assert.equal(requestOf(read('GET / HTTP/1.1\r\n\r\n')).keepAlive, true);
    assert.equal(requestOf(read('GET / HTTP/1.1\r\nConnection: close\r\n\r\n')).keepAlive, false);
  });

  it('given empty lines before the request line, it skips them (RFC 9112 §2.2)', () => {
    assert.equal(requestOf(read('\r\n\r\nGET /x HTTP/1.1\r\n\r\n')).target, '/x');
  });
});
