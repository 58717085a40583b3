import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { OriginalRequest, ProbeOptions } from '../contract/diagnosis-ops';
import { requestSpecSchema } from '../contract/exchange';
import { sendRaw } from '../engine/raw';
import { sendExchange } from '../engine/send';
import { startStubServer } from './testing/stub-server';
import { rawResponse, startRawServer, type RawServer } from '../testing/servers';
import { diagnoseExchange } from './diagnose';
import { MAX_PROBES, planProbes } from './probes';
import { extractSignals } from './signals';
import { makeExchange } from './testing/factory';

const opts = (o: Partial<ProbeOptions> = {}): ProbeOptions => ({
  enabled: true,
  allowUnsafe: false,
  timeoutMs: 3000,
  ...o,
});
const specOf = (method: string, url: string): OriginalRequest => ({
  kind: 'spec',
  request: requestSpecSchema.parse({ method, url }),
});

let server: RawServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('probe plan', () => {
  it('given an unsafe method without consent, it plans only GET/HEAD/OPTIONS probes and says why the others were skipped', () => {
    const s = extractSignals(
      makeExchange({ method: 'PUT', url: 'http://127.0.0.1:9/api/things/1', status: 501, body: 'x' }),
    );
    const plan = planProbes(s, specOf('PUT', 'http://127.0.0.1:9/api/things/1'), opts());
    assert.ok(plan.probes.every((p) => ['GET', 'HEAD', 'OPTIONS'].includes(p.method)));
    assert.deepEqual(plan.skipped.map((k) => k.kind).sort(), ['cache-bypass', 'sibling-path']);
    assert.match(plan.skipped[0]?.why ?? '', /consent/);
  });

  it('given consent, it plans at most 8 probes, none following redirects, all on the same origin', () => {
    const url = 'http://127.0.0.1:9/api/things/1';
    const s = extractSignals(
      makeExchange({
        method: 'patch',
        url,
        status: 501,
        requestHeaders: [['Expect', 'something-else']],
        body: 'x',
      }),
    );
    const plan = planProbes(s, specOf('patch', url), opts({ allowUnsafe: true }));
    assert.ok(plan.probes.length <= MAX_PROBES);
    for (const p of plan.probes) {
      if (p.send.mode === 'client') {
        assert.equal(p.send.spec.options.maxRedirects, 0);
        assert.equal(new URL(p.send.spec.url).origin, 'http://127.0.0.1:9');
      } else assert.equal(p.send.raw.target, 'http://127.0.0.1:9');
    }
    assert.equal(plan.probes.find((p) => p.kind === 'method-upper')?.method, 'PATCH');
    const sibling = plan.probes.find((p) => p.kind === 'sibling-path')?.send;
    assert.ok(sibling?.mode === 'client');
    assert.match(sibling.spec.url, /\/api\/things\/statuscope-probe-[0-9a-f]{8}$/);
  });

  it('given a raw original with Transfer-Encoding: foo, it derives raw probes and the retry without the feature drops it', () => {
    const bytes = Buffer.from(
      'POST /upload HTTP/1.1\r\nHost: 127.0.0.1:9\r\nAuthorization: Bearer t\r\nTransfer-Encoding: foo\r\n\r\nabc',
    );
    const ex = makeExchange({
      method: 'POST',
      url: 'http://127.0.0.1:9/upload',
      requestHeaders: [['Transfer-Encoding', 'foo']],
      status: 501,
      body: 'x',
    });
    const plan = planProbes(
      extractSignals(ex),
      {
        kind: 'raw',
        request: {
          target: 'http://127.0.0.1:9',
          bytesBase64: bytes.toString('base64'),
          timeoutMs: 1000,
          rejectUnauthorized: true,
        },
      },
      opts({ allowUnsafe: true }),
    );
    assert.ok(plan.probes.every((p) => p.send.mode === 'raw'));
    const without = plan.probes.find((p) => p.kind === 'without-feature');
    assert.ok(without && without.send.mode === 'raw');
    const text = Buffer.from(without.send.raw.bytesBase64, 'base64').toString('latin1');
    assert.doesNotMatch(text, /Transfer-Encoding/i);
    assert.match(text, /Authorization: Bearer t/);
    const star = plan.probes.find((p) => p.kind === 'options-star');
    assert.ok(star && star.send.mode === 'raw');
    assert.match(
      Buffer.from(star.send.raw.bytesBase64, 'base64').toString('latin1'),
      /^OPTIONS \* HTTP\/1\.1\r\n/,
    );
  });
});

describe('probes against a live server', () => {
  it('given nginx answering Transfer-Encoding: foo with its own page while an application answers GET, it finds the reverse proxy', async () => {
    const nginxPage =
      '<html>\r\n<head><title>501 Not Implemented</title></head>\r\n<body>\r\n<center><h1>501 Not Implemented</h1></center>\r\n<hr><center>nginx/1.22.1</center>\r\n</body>\r\n</html>\r\n';
    server = await startRawServer((req, socket) => {
      if (/\r\ntransfer-encoding:/i.test(req.head))
        socket.end(
          rawResponse(
            501,
            'Not Implemented',
            [
              ['Server', 'nginx/1.22.1'],
              ['Content-Type', 'text/html'],
              ['Connection', 'close'],
            ],
            nginxPage,
          ),
        );
      else
        socket.end(
          rawResponse(
            200,
            'OK',
            [
              ['Server', 'nginx/1.22.1'],
              ['Content-Type', 'application/json'],
              ['Connection', 'close'],
            ],
            '{"id":42,"name":"Ada"}',
          ),
        );
    });
    const raw = {
      target: server.url,
      bytesBase64: Buffer.from(
        `GET /api/users/42 HTTP/1.1\r\nHost: ${server.url.slice(7)}\r\nTransfer-Encoding: foo\r\n\r\n`,
      ).toString('base64'),
      timeoutMs: 3000,
      rejectUnauthorized: true,
    };
    const sent = await sendRaw(raw);
    assert.ok(sent.ok);
    const passive = await diagnoseExchange(
      sent.value,
      { kind: 'raw', request: raw },
      opts({ enabled: false }),
    );
    assert.equal(passive.findings[0]?.cause, 'protocol-feature');
    assert.ok(!passive.findings.some((f) => f.cause === 'proxy-originated'));
    const seen: string[] = [];
    const report = await diagnoseExchange(sent.value, { kind: 'raw', request: raw }, opts(), {
      onProbe: (p) => seen.push(p.id),
    });
    assert.equal(report.findings[0]?.cause, 'proxy-originated');
    assert.ok(report.findings[0]?.evidence.some((e) => e.source.startsWith('probe:')));
    assert.equal(seen.length, report.probes.length);
    assert.ok(report.probes.every((p) => p.rawRequest.length > 0));
  });

  it('given a stub that answers 501 to everything on its path, the GET control and the sibling path confirm the stub', async () => {
    server = await startStubServer({
      stubPath: '/v2/refunds',
      stubHeaders: [['Content-Type', 'text/plain']],
      stubBody: 'Not Implemented',
    });
    const spec = requestSpecSchema.parse({
      method: 'POST',
      url: `${server.url}/v2/refunds`,
      body: { kind: 'json', text: '{"amount":1}' },
    });
    const sent = await sendExchange(spec);
    assert.ok(sent.ok);
    const report = await diagnoseExchange(
      sent.value,
      { kind: 'spec', request: spec },
      opts({ allowUnsafe: true }),
    );
    assert.equal(report.findings[0]?.cause, 'endpoint-stub');
    assert.ok(report.findings[0]?.evidence.some((e) => e.source === 'probe:control-get'));
    assert.ok(report.findings[0]?.evidence.some((e) => e.source === 'probe:sibling-path'));
  });

  it('given a probe answered with a redirect to another origin, it records the 301 and does not follow it', async () => {
    server = await startRawServer((req, socket) => {
      if (req.requestLine.startsWith('GET '))
        socket.end(
          rawResponse(301, 'Moved Permanently', [
            ['Location', 'http://127.0.0.2:1/elsewhere'],
            ['Connection', 'close'],
          ]),
        );
      else
        socket.end(
          rawResponse(
            501,
            'Not Implemented',
            [
              ['Content-Type', 'text/plain'],
              ['Connection', 'close'],
            ],
            'nope',
          ),
        );
    });
    const spec = requestSpecSchema.parse({ method: 'BREW', url: `${server.url}/pot` });
    const sent = await sendExchange(spec);
    assert.ok(sent.ok);
    const report = await diagnoseExchange(sent.value, { kind: 'spec', request: spec }, opts());
    const control = report.probes.find((p) => p.id === 'control-get');
    assert.equal(control?.response?.status, 301);
    assert.ok(server.requests.every((r) => !r.head.includes('/elsewhere')));
  });

  it('given probes turned off, it sends nothing but still explains', async () => {
    server = await startRawServer((_req, socket) =>
      socket.end(rawResponse(501, 'Not Implemented', [['Connection', 'close']])),
    );
    const spec = requestSpecSchema.parse({ method: 'GET', url: `${server.url}/x` });
    const sent = await sendExchange(spec);
    assert.ok(sent.ok);
    const before = server.requests.length;
    const report = await diagnoseExchange(
      sent.value,
      { kind: 'spec', request: spec },
      opts({ enabled: false }),
    );
    assert.equal(server.requests.length, before);
    assert.equal(report.probes.length, 0);
    assert.equal(report.findings[0]?.confidence, 'low');
  });
});
