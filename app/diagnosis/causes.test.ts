/**
 * One "given … it …" per cause, from recorded corpus exchanges (app/diagnosis/fixtures) where the corpus
 * has them, and from the exchange factory for the causes it has none of (cache, spelling, misuse).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../contract/diagnosis-ops';
import { explainExchange } from './explain';
import { corpusCase, exchangeFromCase } from './testing/corpus';
import { makeExchange } from './testing/factory';

function findingsOf(caseId: string): Finding[] {
  return explainExchange(exchangeFromCase(corpusCase(caseId))).findings;
}

const causes = (fs: Finding[]) => fs.map((f) => f.cause);

describe('proxy-originated', () => {
  it("given Squid's own ERR_UNSUP_REQ page for Transfer-Encoding: foo, it blames Squid and names the transfer coding", () => {
    const [top] = findingsOf('squid-proxy-post-te-foo-refunds');
    assert.equal(top?.cause, 'proxy-originated');
    assert.equal(top?.confidence, 'high');
    assert.match(top?.summary ?? '', /Squid/);
    assert.match(top?.summary ?? '', /Transfer-Encoding: foo/);
    assert.ok(
      top?.nextSteps.some(
        (n) => n.action?.kind === 'retry-without-header' && n.action.name === 'Transfer-Encoding',
      ),
    );
  });

  it("given HAProxy's built-in 501 page to BREW, it blames the proxy and offers X-HTTP-Method-Override through POST", () => {
    const [top] = findingsOf('haproxy-proxy-strict-brew-users42');
    assert.equal(top?.cause, 'proxy-originated');
    const tunnel = top?.nextSteps.find((n) => n.action?.kind === 'retry-with-header');
    assert.deepEqual(tunnel?.action, {
      kind: 'retry-with-header',
      name: 'X-HTTP-Method-Override',
      value: 'BREW',
      method: 'POST',
    });
  });

  it('given a relayed application 501 behind Squid (Via, X-Cache: MISS), it never names proxy-originated', () => {
    assert.ok(!causes(findingsOf('squid-proxy-brew-refunds')).includes('proxy-originated'));
    assert.ok(!causes(findingsOf('squid-proxy-brew-users42')).includes('proxy-originated'));
  });

  it("given nginx's own 501 page with nothing else (nginx may be the origin), it does not claim a proxy from the response alone", () => {
    const fs = findingsOf('nginx-origin-get-te-foo-static');
    assert.equal(fs[0]?.cause, 'protocol-feature');
    assert.ok(!causes(fs).includes('proxy-originated'));
  });
});

describe('method-unsupported', () => {
  it("given Python's \"Unsupported method ('PUT')\" reason phrase, it says the server does not implement PUT", () => {
    const [top] = findingsOf('python-http-server-existing-put');
    assert.equal(top?.cause, 'method-unsupported');
    assert.equal(top?.confidence, 'high');
    assert.ok(top?.evidence.some((e) => /Unsupported method/.test(e.observed)));
  });

  it("given Apache's 501 page with Allow: HEAD,GET,POST,OPTIONS, it offers the listed methods as retry buttons", () => {
    const [top] = findingsOf('apache2-origin-brew-static');
    assert.equal(top?.cause, 'method-unsupported');
    const methods = top?.nextSteps.flatMap((n) =>
      n.action?.kind === 'retry-with-method' ? [n.action.method] : [],
    );
    assert.deepEqual(methods, ['GET', 'POST']);
  });

  it('given Tomcat\'s "Method [BREW] is not implemented by this Servlet" page, it reads the method refusal', () => {
    assert.equal(findingsOf('tomcat10-origin-brew-dav')[0]?.cause, 'method-unsupported');
  });
});

describe('endpoint-stub', () => {
  it('given a JSON {"error":"not_implemented"} body from the application, it calls the endpoint a stub', () => {
    const [top] = findingsOf('demo-origin-direct-post-refunds');
    assert.equal(top?.cause, 'endpoint-stub');
    assert.ok(top?.evidence.some((e) => /JSON error object/.test(e.observed)));
  });

  it('given an unknown method (BREW) to that stub, it names the stub first and method-unsupported second, and says what would settle it', () => {
    const fs = findingsOf('demo-origin-direct-brew-refunds');
    assert.deepEqual(causes(fs).slice(0, 2), ['endpoint-stub', 'method-unsupported']);
    assert.equal(fs[1]?.confidence, 'low');
    assert.match(fs[1]?.settle ?? '', /another path/);
  });

  it("given Werkzeug's NotImplemented page (Flask never 501s on its own), it blames application code", () => {
    assert.equal(findingsOf('flask-stub2-get')[0]?.cause, 'endpoint-stub');
  });

  it('given an empty 501 to HEAD with Content-Type: application/json, it flags the GET/HEAD rule and calls it a stub', () => {
    const e = explainExchange(exchangeFromCase(corpusCase('demo-origin-direct-head-refunds')));
    assert.equal(e.findings[0]?.cause, 'endpoint-stub');
    assert.ok(e.lint.some((l) => l.id === '501-get-head'));
  });
});

describe('protocol-feature', () => {
  it('given Transfer-Encoding: foo and a body that names it, it blames the transfer coding (RFC 9112 §6.1)', () => {
    const [top] = findingsOf('demo-origin-direct-post-te-foo-users42');
    assert.equal(top?.cause, 'protocol-feature');
    assert.equal(top?.ref, 'RFC 9112 §6.1');
  });

  it("given Tomcat's connector page without a Message line for Transfer-Encoding: gzip, chunked, it blames the transfer coding", () => {
    assert.equal(findingsOf('tomcat10-origin-get-te-gzip-chunked-dav')[0]?.cause, 'protocol-feature');
  });

  it('given the application answered its own JSON despite Transfer-Encoding: foo, it does not blame the transfer coding', () => {
    const fs = findingsOf('django-stub-post-te-foo');
    assert.equal(fs[0]?.cause, 'endpoint-stub');
    assert.ok(!causes(fs).includes('protocol-feature'));
  });
});

describe('served-from-cache', () => {
  it('given X-Cache: HIT and Age: 120 on a 501, it says a cache served it and offers a no-cache retry', () => {
    const fs = explainExchange(
      makeExchange({
        method: 'GET',
        status: 501,
        reason: 'Not Implemented',
        headers: [
          ['Content-Type', 'application/json'],
          ['Age', '120'],
          ['X-Cache', 'HIT from edge-3'],
        ],
        body: '{"error":"not_implemented","message":"search is not implemented yet"}',
      }),
    ).findings;
    const cache = fs.find((f) => f.cause === 'served-from-cache');
    assert.equal(cache?.confidence, 'high');
    assert.ok(
      cache?.nextSteps.some(
        (n) =>
          n.action?.kind === 'retry-with-header' &&
          n.action.name === 'Cache-Control' &&
          n.action.value === 'no-cache',
      ),
    );
  });

  it('given X-Cache: MISS, it does not claim the cache', () => {
    assert.ok(!causes(findingsOf('squid-proxy-get-refunds')).includes('served-from-cache'));
  });
});

describe('method-spelling', () => {
  it('given the typo "DELTE" answered with a bare 501 page, it suggests DELETE as a retry button', () => {
    const fs = explainExchange(
      makeExchange({
        method: 'DELTE',
        status: 501,
        reason: 'Not Implemented',
        headers: [['Content-Type', 'text/html']],
        body: '<html><body><h1>Not Implemented</h1></body></html>',
      }),
    ).findings;
    const spelling = fs.find((f) => f.cause === 'method-spelling');
    assert.ok(spelling);
    assert.deepEqual(spelling.nextSteps[0]?.action, { kind: 'retry-with-method', method: 'DELETE' });
  });

  it('given lower-case "get" refused by Apache, it ranks the server-wide refusal first and the case error right after', () => {
    const fs = findingsOf('apache2-origin-lower-get-static');
    assert.deepEqual(causes(fs).slice(0, 2), ['method-unsupported', 'method-spelling']);
    assert.deepEqual(fs[1]?.nextSteps[0]?.action, { kind: 'retry-with-method', method: 'GET' });
  });
});

describe('misused-501', () => {
  it('given a Java stack trace in a 501 body, it says the server misuses 501 for a crash', () => {
    const fs = explainExchange(
      makeExchange({
        method: 'POST',
        status: 501,
        reason: 'Not Implemented',
        headers: [['Content-Type', 'text/plain']],
        body: 'java.lang.NullPointerException: order is null\n\tat com.shop.OrderService.place(OrderService.java:42)\n',
      }),
    ).findings;
    assert.equal(fs[0]?.cause, 'misused-501');
  });
});

describe('thin evidence', () => {
  it('given a bare 501 with no body and no headers, it gives one low-confidence finding that says what would settle it', () => {
    const fs = explainExchange(
      makeExchange({ method: 'PATCH', status: 501, reason: 'Not Implemented' }),
    ).findings;
    assert.equal(fs.length, 1);
    assert.equal(fs[0]?.confidence, 'low');
    assert.match(fs[0]?.settle ?? '', /probes/);
  });

  it('given a status other than 501, it gives no 501 findings', () => {
    assert.deepEqual(findingsOf('demo-origin-direct-delete-users42'), []);
  });
});
