/**
 * What a probe decides between causes that tie passively: the corrected spelling answered (spelling over
 * method-unsupported), the same request answered (an intermittent 501 is a misuse, not a stub), the
 * cache bypassed (a stale stored 501, not a stub); and raw probes that take their path and Host from the
 * raw request, not from RawRequest.target (whose path is ignored).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { Finding, OriginalRequest, ProbeKind } from '../contract/diagnosis-ops';
import type { ExchangeRecord, HeaderPair } from '../contract/exchange';
import { exchangeFromRaw, sendRaw } from '../engine/raw';
import { rawResponse, startRawServer, type RawServer } from '../testing/servers';
import { combineFindings } from './combine';
import { diagnoseExchange } from './diagnose';
import { explainExchange } from './explain';
import { analyseProbes } from './probe-analysis';
import { planProbes } from './probes';
import { extractSignals } from './signals';
import { makeExchange } from './testing/factory';

const URL_ = 'http://127.0.0.1:8080/api/reports/daily';

function withProbes(original: ExchangeRecord, probes: [ProbeKind, ExchangeRecord][]): Finding[] {
  const s = extractSignals(original);
  const p = analyseProbes(
    s,
    probes.map(([kind, ex]) => ({ id: kind, kind, method: ex.request.method, exchange: ex })),
  );
  return combineFindings({ s, p });
}

const answer = (method: string, status: number, url = URL_, headers: HeaderPair[] = [], body = '') =>
  makeExchange({ method, url, status, headers: [['Content-Type', 'application/json'], ...headers], body });
const score = (fs: Finding[], cause: string) => fs.find((f) => f.cause === cause)?.score ?? 0;

describe('method-spelling', () => {
  const lower = () =>
    makeExchange({
      method: 'patch',
      url: URL_,
      status: 501,
      reason: 'Not Implemented',
      headers: [['Content-Type', 'text/html']],
      body: '<html><body><h1>501 Not Implemented</h1></body></html>',
      requestBody: '{"a":1}',
    });

  it('given "patch" and nothing else, it names method-unsupported and method-spelling as a close call that PATCH settles', () => {
    const fs = explainExchange(lower()).findings;
    assert.deepEqual(fs.map((f) => f.cause).sort(), ['method-spelling', 'method-unsupported']);
    assert.match(fs[0]?.settle ?? '', /Send PATCH/);
  });

  it('given PATCH on the same URL answered 200, method-spelling wins decisively over method-unsupported', () => {
    const sibling = makeExchange({
      method: 'patch',
      url: 'http://127.0.0.1:8080/api/reports/x1',
      status: 501,
      reason: 'Not Implemented',
      headers: [['Content-Type', 'text/html']],
      body: '<html><body><h1>501 Not Implemented</h1></body></html>',
    });
    const fs = withProbes(lower(), [
      ['control-get', answer('GET', 200)],
      ['sibling-path', sibling],
      ['options-target', answer('OPTIONS', 204, URL_, [['Allow', 'GET, HEAD, PATCH, OPTIONS']])],
      ['method-upper', answer('PATCH', 200)],
    ]);
    assert.equal(fs[0]?.cause, 'method-spelling');
    assert.equal(fs[0]?.confidence, 'high');
    assert.ok(
      score(fs, 'method-spelling') - score(fs, 'method-unsupported') >= 0.1,
      JSON.stringify(fs.map((f) => [f.cause, f.score])),
    );
  });
});

describe('misused-501', () => {
  const crash = () =>
    makeExchange({
      method: 'GET',
      url: URL_,
      status: 501,
      reason: 'Not Implemented',
      headers: [['Content-Type', 'text/plain']],
      body: "TypeError: Cannot read properties of undefined (reading 'rows')\n    at build (/srv/app/report.js:42:17)\n",
    });
  const notFound = answer('GET', 404, 'http://127.0.0.1:8080/api/reports/x1');

  it('given a stack trace and the same GET answered 200 by the cache-bypassing retry, misused-501 outranks endpoint-stub', () => {
    const fs = withProbes(crash(), [
      ['control-head', answer('HEAD', 200)],
      ['sibling-path', notFound],
      ['cache-bypass', answer('GET', 200, URL_, [], '{"rows":[]}')],
    ]);
    assert.equal(fs[0]?.cause, 'misused-501');
    assert.ok(
      fs.find((f) => f.cause === 'endpoint-stub')?.evidence.some((e) => /comes and goes/.test(e.inference)) ??
        true,
    );
  });

  it('given no cache-bypassing retry, a control with the same method on the same URL counts as the repeat', () => {
    const fs = withProbes(crash(), [
      ['control-get', answer('GET', 200, URL_, [], '{"rows":[]}')],
      ['sibling-path', notFound],
    ]);
    assert.equal(fs[0]?.cause, 'misused-501');
    assert.ok(fs[0]?.evidence.some((e) => e.source === 'probe:control-get'));
  });
});

describe('served-from-cache', () => {
  it('given a stored 501 (Age, X-Cache: HIT) that the cache-bypassing retry gets 200 for, served-from-cache outranks endpoint-stub', () => {
    const cached: HeaderPair[] = [
      ['Age', '3600'],
      ['X-Cache', 'HIT from cache1'],
    ];
    const stub = '{"error":"not_implemented","message":"export is not implemented yet"}';
    const original = makeExchange({
      method: 'GET',
      url: URL_,
      status: 501,
      reason: 'Not Implemented',
      headers: [['Content-Type', 'application/json'], ...cached],
      body: stub,
    });
    const fs = withProbes(original, [
      ['control-head', makeExchange({ method: 'HEAD', url: URL_, status: 501, headers: cached, body: stub })],
      ['sibling-path', answer('GET', 404, 'http://127.0.0.1:8080/api/reports/x1')],
      ['cache-bypass', answer('GET', 200, URL_, [['X-Cache', 'MISS from cache1']], '{"rows":128}')],
    ]);
    assert.equal(fs[0]?.cause, 'served-from-cache');
    assert.ok(score(fs, 'served-from-cache') > score(fs, 'endpoint-stub'));
  });
});

describe('raw-mode probes', () => {
  let server: RawServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const rawBytes = Buffer.from(
    'BREW /api/items/7?x=1 HTTP/1.1\r\nHost: api.example.test\r\nAccept: */*\r\n\r\n',
  );

  it('given a raw request whose target is only the origin, the signals and every probe use the request line’s path and Host', () => {
    const ex = exchangeFromRaw(
      rawBytes,
      Buffer.from(rawResponse(501, 'Not Implemented', [['Content-Type', 'text/plain']], 'no')),
      'http://127.0.0.1:9/',
    );
    const s = extractSignals(ex);
    assert.equal(s.path, '/api/items/7?x=1');
    const original: OriginalRequest = {
      kind: 'raw',
      request: {
        target: 'http://127.0.0.1:9',
        bytesBase64: rawBytes.toString('base64'),
        timeoutMs: 1000,
        rejectUnauthorized: true,
      },
    };
    const plan = planProbes(s, original, { enabled: true, allowUnsafe: true, timeoutMs: 1000 });
    for (const p of plan.probes) {
      assert.ok(p.send.mode === 'raw');
      const head = Buffer.from(p.send.raw.bytesBase64, 'base64').toString('latin1');
      const target = head.split(' ')[1] ?? '';
      assert.equal(p.send.raw.target, 'http://127.0.0.1:9');
      assert.match(head, /\r\nHost: api\.example\.test\r\n/);
      assert.ok(
        target === '*' || target === '/api/items/7?x=1' || target.startsWith('/api/items/statuscope-probe-'),
        `${p.kind}: ${target}`,
      );
    }
  });

  it('given a live server and a raw original sent to its origin only, the probes reach the original path', async () => {
    server = await startRawServer((req, socket) => {
      const ok = req.requestLine.startsWith('GET ') || req.requestLine.startsWith('HEAD ');
      socket.end(
        rawResponse(
          ok ? 200 : 501,
          ok ? 'OK' : 'Not Implemented',
          [
            ['Content-Type', 'text/plain'],
            ['Connection', 'close'],
          ],
          ok ? 'fine' : 'unknown method',
        ),
      );
    });
    const request = {
      target: server.url,
      bytesBase64: rawBytes.toString('base64'),
      timeoutMs: 2000,
      rejectUnauthorized: true,
    };
    const sent = await sendRaw(request);
    assert.ok(sent.ok);
    await diagnoseExchange(
      sent.value,
      { kind: 'raw', request },
      { enabled: true, allowUnsafe: true, timeoutMs: 2000 },
    );
    const lines = server.requests.slice(1).map((r) => r.requestLine);
    assert.ok(lines.length >= 4, lines.join(' | '));
    for (const line of lines)
      assert.match(line, /^\S+ (\*|\/api\/items\/(7\?x=1|statuscope-probe-[0-9a-f]+)) HTTP\/1\.1$/);
  });
});
