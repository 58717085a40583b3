import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { HeaderPair } from '../contract/exchange';
import { explainExchange } from './explain';
import { makeExchange, type ExchangeSketch } from './testing/factory';

function lintIds(sk: ExchangeSketch): string[] {
  return explainExchange(makeExchange(sk)).lint.map((l) => l.id);
}
const html: HeaderPair = ['Content-Type', 'text/html'];

describe('response lint', () => {
  it('given 405 without Allow, it reports a MUST violation of RFC 9110 §15.5.6', () => {
    const [issue] = explainExchange(
      makeExchange({
        method: 'DELETE',
        status: 405,
        reason: 'Method Not Allowed',
        headers: [html],
        body: 'no',
      }),
    ).lint;
    assert.equal(issue?.id, '405-allow');
    assert.equal(issue?.level, 'violation');
    assert.equal(issue?.ref, 'RFC 9110 §15.5.6');
  });
  it('given 405 with Allow, it reports nothing about Allow', () => {
    assert.deepEqual(
      lintIds({
        method: 'DELETE',
        status: 405,
        reason: 'Method Not Allowed',
        headers: [html, ['Allow', 'GET, HEAD']],
        body: 'no',
      }),
      [],
    );
  });
  it('given 405 whose Allow lists the refused method, it reports the contradiction', () => {
    assert.ok(
      lintIds({
        method: 'DELETE',
        status: 405,
        headers: [html, ['Allow', 'GET, DELETE']],
        body: 'x',
      }).includes('405-allow-lists-method'),
    );
  });
  it('given 401 without WWW-Authenticate, it reports a violation of §15.5.2', () => {
    assert.deepEqual(lintIds({ status: 401, reason: 'Unauthorized', headers: [html], body: 'login' }), [
      '401-www-authenticate',
    ]);
  });
  it('given 407 without Proxy-Authenticate, it reports a violation', () => {
    assert.deepEqual(lintIds({ status: 407, headers: [html], body: 'x' }), ['407-proxy-authenticate']);
  });
  it('given 503 and 429 without Retry-After, it notes the MAY (not a violation)', () => {
    const e503 = explainExchange(makeExchange({ status: 503, headers: [html], body: 'busy' })).lint;
    assert.equal(e503[0]?.id, '503-retry-after');
    assert.equal(e503[0]?.level, 'note');
    assert.deepEqual(lintIds({ status: 429, headers: [html], body: 'slow down' }), ['429-retry-after']);
  });
  it('given a Retry-After that is neither seconds nor a date, it reports it', () => {
    assert.deepEqual(lintIds({ status: 503, headers: [html, ['Retry-After', 'soon']], body: 'x' }), [
      'retry-after-format',
    ]);
    assert.deepEqual(lintIds({ status: 503, headers: [html, ['Retry-After', '120']], body: 'x' }), []);
  });
  it('given 416 without Content-Range, it warns (SHOULD, §15.5.17)', () => {
    const [issue] = explainExchange(makeExchange({ status: 416, headers: [html], body: 'x' })).lint;
    assert.equal(issue?.id, '416-content-range');
    assert.equal(issue?.level, 'warning');
  });
  it('given 426 without Upgrade, it reports a violation of §15.5.22', () => {
    assert.deepEqual(lintIds({ status: 426, headers: [html], body: 'x' }), ['426-upgrade']);
  });
  it('given 201 without Location, it adds a note', () => {
    assert.deepEqual(
      lintIds({ method: 'POST', status: 201, headers: [['Content-Type', 'application/json']], body: '{}' }),
      ['201-location'],
    );
  });
  it('given a 302 without Location, it warns that the redirect cannot be followed', () => {
    assert.deepEqual(lintIds({ status: 302, headers: [html], body: 'moved' }), ['3xx-location']);
    assert.deepEqual(lintIds({ status: 302, headers: [html, ['Location', '/next']], body: 'moved' }), []);
  });
  it('given a single-part 206 without Content-Range, it reports a violation', () => {
    assert.deepEqual(lintIds({ status: 206, headers: [['Content-Type', 'text/plain']], body: 'abc' }), [
      '206-content-range',
    ]);
  });
  it('given a 204 with content, it reports a violation', () => {
    assert.ok(
      lintIds({ status: 204, headers: [['Content-Type', 'text/plain']], body: 'oops' }).includes(
        'no-content-body',
      ),
    );
  });
  it('given content without Content-Type, it warns', () => {
    assert.deepEqual(lintIds({ status: 200, body: 'hello' }), ['content-type']);
  });
  it('given a 501 to GET, it flags RFC 9110 §9.1', () => {
    assert.ok(lintIds({ method: 'GET', status: 501, headers: [html], body: 'x' }).includes('501-get-head'));
    assert.ok(!lintIds({ method: 'BREW', status: 501, headers: [html], body: 'x' }).includes('501-get-head'));
  });
  it('given a 501 whose Allow lists the refused method, it warns', () => {
    assert.ok(
      lintIds({ method: 'PUT', status: 501, headers: [html, ['Allow', 'GET, PUT']], body: 'x' }).includes(
        '501-allow-lists-method',
      ),
    );
  });
});
