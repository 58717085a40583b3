import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainExchange } from './explain';
import { corpusCase, exchangeFromCase } from './testing/corpus';
import { makeExchange } from './testing/factory';

describe('status explanation', () => {
  it('given a 501, it explains it from the status library: RFC 9110 §15.6.2, no retry, cacheable by default', () => {
    const s = explainExchange(
      makeExchange({
        method: 'BREW',
        status: 501,
        reason: 'Not Implemented',
        headers: [['Content-Type', 'text/plain']],
        body: 'x',
      }),
    ).status;
    assert.equal(s.ref, 'RFC 9110 §15.6.2');
    assert.equal(s.retry.semantics, 'no-retry');
    assert.equal(s.cacheableByDefault, true);
    assert.ok(s.confusions.some((c) => c.code === 405));
  });
  it("given Python's non-standard reason phrase, it notes that clients ignore it but it says what the server meant", () => {
    const s = explainExchange(exchangeFromCase(corpusCase('python-http-server-existing-put'))).status;
    assert.equal(s.sentReason, "Unsupported method ('PUT')");
    assert.match(s.notes.join(' '), /not the registered "Not Implemented"/);
  });
  it("given Tomcat's empty reason phrase, it says that is allowed", () => {
    const s = explainExchange(exchangeFromCase(corpusCase('tomcat10-origin-brew-dav'))).status;
    assert.match(s.notes.join(' '), /No reason phrase/);
  });
  it('given a 501 to GET, it flags it as unusual (RFC 9110 §9.1)', () => {
    const s = explainExchange(exchangeFromCase(corpusCase('demo-origin-direct-get-refunds'))).status;
    assert.match(s.notes.join(' '), /MUST support GET and HEAD/);
  });
  it('given an unregistered code, it explains it by its class', () => {
    const s = explainExchange(
      makeExchange({ status: 299, reason: 'Whatever', headers: [['Content-Type', 'text/plain']], body: 'x' }),
    ).status;
    assert.equal(s.registeredReason, null);
    assert.equal(s.statusClass, 'successful');
  });
  it('given a lower-case method answered 405, it suggests the registered spelling', () => {
    const s = explainExchange(
      makeExchange({
        method: 'patch',
        status: 405,
        headers: [
          ['Allow', 'GET'],
          ['Content-Type', 'text/plain'],
        ],
        body: 'x',
      }),
    ).status;
    assert.match(s.notes.join(' '), /did you mean PATCH/);
  });
});
