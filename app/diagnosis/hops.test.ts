import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { explainExchange } from './explain';
import { corpusCase, exchangeFromCase } from './testing/corpus';
import { makeExchange } from './testing/factory';

describe('hop diagram', () => {
  it('given a Squid error page, it draws client -> Squid -> origin with Squid as the author', () => {
    const h = explainExchange(exchangeFromCase(corpusCase('squid-proxy-get-te-foo-users42'))).hops;
    assert.deepEqual(
      h.hops.map((n) => n.role),
      ['client', 'proxy', 'origin'],
    );
    assert.equal(h.hops[1]?.fingerprint, 'squid');
    assert.equal(h.hops[1]?.authored, true);
    assert.equal(h.hops[2]?.authored, false);
    assert.equal(h.authorConfidence, 'high');
  });
  it('given an application 501 relayed through Squid, it marks the origin as the author', () => {
    const h = explainExchange(exchangeFromCase(corpusCase('squid-proxy-get-refunds'))).hops;
    assert.equal(h.hops.at(-1)?.authored, true);
    assert.equal(h.hops[1]?.authored, false);
  });
  it('given two Via entries, it orders them from the client outwards (the last Via entry is nearest the client)', () => {
    const e = explainExchange(
      makeExchange({
        status: 200,
        headers: [
          ['Via', '1.1 inner-proxy, 1.1 outer-cache'],
          ['Content-Type', 'text/plain'],
        ],
        body: 'ok',
      }),
    );
    assert.deepEqual(
      e.hops.hops.map((n) => n.label),
      ['Statuscope', 'Via: 1.1 outer-cache', 'Via: 1.1 inner-proxy', 'origin (unidentified)'],
    );
  });
  it('given a Cloudflare CF-Ray on a response, it adds Cloudflare as a proxy on the path', () => {
    const e = explainExchange(
      makeExchange({
        status: 200,
        headers: [
          ['Server', 'cloudflare'],
          ['CF-Ray', '8a1b2c3d4e5f6789-FRA'],
          ['Content-Type', 'text/plain'],
        ],
        body: 'ok',
      }),
    );
    assert.ok(e.hops.hops.some((n) => n.role === 'proxy' && n.fingerprint === 'cloudflare'));
  });
});
