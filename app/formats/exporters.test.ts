import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestSpecSchema, type ExchangeRecord, type Hop } from '../contract/exchange';
import { makeCollection, makeEnvironment, makeRequest } from './build';
import { exportRequest, snippetTargets } from './export-request';
import { collectionToHar, exchangeToHar, harTimings } from './har-export';

const spec = requestSpecSchema.parse({
  method: 'patch',
  url: 'https://api.example.com/items/7?dry=1',
  headers: [
    ['X-Trace', 'a'],
    ['Accept', 'application/json'],
  ],
  body: { kind: 'json', text: '{"name":"seven"}' },
});

describe('exportRequest', () => {
  it('given an unknown target or client, it fails with export.unknown-target listing what exists', () => {
    const t = exportRequest(spec, { target: 'cobol' });
    assert.ok(!t.ok);
    assert.equal(t.error.code, 'export.unknown-target');
    assert.match(t.error.message, /python/);
    const c = exportRequest(spec, { target: 'python', client: 'urllib' });
    assert.ok(!c.ok);
    assert.match(c.error.message, /python3, requests/);
  });

  it('given fetch and Python requests, it keeps the lower-case method and the headers in order with the implied Content-Type last', () => {
    for (const [target, client] of [
      ['javascript', 'fetch'],
      ['python', 'requests'],
    ] as const) {
      const r = exportRequest(spec, { target, client });
      assert.ok(r.ok);
      assert.match(r.value.code, /["']patch["']/, `${target}/${client} keeps "patch"`);
      const order = ['X-Trace', 'Accept', 'Content-Type'].map((h) => r.value.code.indexOf(h));
      assert.deepEqual(
        [...order].sort((a, b) => a - b),
        order,
        `${target}/${client} header order`,
      );
      assert.deepEqual(r.value.caveats, []);
    }
  });

  it('given a generator that upper-cases quoted methods (C libcurl), it puts the case back', () => {
    const r = exportRequest(spec, { target: 'c', client: 'libcurl' });
    assert.ok(r.ok);
    assert.match(r.value.code, /"patch"/);
    assert.doesNotMatch(r.value.code, /"PATCH"/);
  });

  it('given a generator that cannot write the method as is (C# HttpClient), it says so in a caveat', () => {
    const r = exportRequest(spec, { target: 'csharp', client: 'httpclient' });
    assert.ok(r.ok);
    assert.ok(r.value.caveats.some((c) => /case-sensitive/.test(c)));
  });

  it('given repeated headers, every httpsnippet target warns that it keeps the last one, and curl keeps both', () => {
    const dup = requestSpecSchema.parse({
      method: 'GET',
      url: 'https://x.example/',
      headers: [
        ['X-A', '1'],
        ['X-A', '2'],
      ],
    });
    const go = exportRequest(dup, { target: 'go' });
    assert.ok(go.ok);
    assert.ok(go.value.caveats.some((c) => /repeated header X-A/.test(c)));
    const curl = exportRequest(dup, { target: 'shell', client: 'curl' });
    assert.ok(curl.ok);
    assert.match(curl.value.code, /X-A: 1[\s\S]*X-A: 2/);
  });

  it('lists every target with its clients and default', () => {
    const targets = snippetTargets();
    const shell = targets.find((t) => t.target === 'shell');
    assert.ok(shell?.clients.some((c) => c.client === 'curl'));
    assert.ok(targets.every((t) => t.clients.some((c) => c.client === t.defaultClient)));
  });
});

function hop(overrides: Partial<Hop> = {}): Hop {
  return {
    url: 'https://api.example.com/a',
    method: 'patch',
    requestHead: 'patch /a HTTP/1.1\r\nhost: api.example.com\r\nX-Trace: a\r\n\r\n',
    requestHeaders: [
      { name: 'host', value: 'api.example.com', added: true },
      { name: 'X-Trace', value: 'a', added: false },
    ],
    requestBodyBytes: 0,
    timings: { dnsDone: 5, connected: 15, tlsDone: 40, requestSent: 41, firstByte: 141, end: 151 },
    response: {
      httpVersion: '1.1',
      status: 501,
      reason: 'Not Implemented',
      headers: [
        ['Server', 'nginx'],
        ['Set-Cookie', 'sid=abc; Path=/'],
        ['Content-Type', 'text/plain'],
      ],
      interim: [],
      rawHead:
        'HTTP/1.1 501 Not Implemented\r\nServer: nginx\r\nSet-Cookie: sid=abc; Path=/\r\nContent-Type: text/plain\r\n\r\n',
      body: {
        encodedBytes: 4,
        decodedBytes: 4,
        decoded: [],
        storage: 'memory',
        mediaType: 'text/plain',
        isText: true,
        preview: 'nope',
        previewEncoding: 'utf8',
        previewTruncated: false,
      },
    },
    remote: { address: '127.0.0.1', port: 443 },
    ...overrides,
  };
}

describe('HAR export', () => {
  it('maps hop timings to HAR phases (connect includes ssl; absent phases are -1)', () => {
    assert.deepEqual(
      harTimings({ dnsDone: 5, connected: 15, tlsDone: 40, requestSent: 41, firstByte: 141, end: 151 }),
      { blocked: -1, dns: 5, connect: 35, ssl: 25, send: 1, wait: 100, receive: 10 },
    );
    assert.deepEqual(harTimings({ requestSent: 1, firstByte: 3, end: 4 }), {
      blocked: -1,
      dns: -1,
      connect: -1,
      ssl: -1,
      send: 1,
      wait: 2,
      receive: 1,
    });
  });

  it('given an exchange with a redirect, it writes one entry per hop, in order, with wire headers and the response as received', () => {
    const record: ExchangeRecord = {
      id: 'x1',
      mode: 'client',
      startedAt: '2024-05-01T10:00:00.000Z',
      request: {
        method: 'patch',
        url: 'https://api.example.com/old',
        headers: [['X-Trace', 'a']],
        bodyKind: 'none',
        bodyBytes: 0,
      },
      hops: [
        hop({
          url: 'https://api.example.com/old',
          response: {
            ...hop().response!,
            status: 308,
            reason: 'Permanent Redirect',
            headers: [['Location', '/a']],
          },
        }),
        hop(),
      ],
      totalMs: 302,
    };
    const har = exchangeToHar(record);
    assert.equal(har.log.version, '1.2');
    assert.equal(har.log.entries.length, 2);
    const [first, second] = har.log.entries;
    assert.equal(first?.response.redirectURL, '/a');
    assert.equal(second?.request.method, 'patch');
    assert.deepEqual(second?.request.headers, [
      { name: 'host', value: 'api.example.com' },
      { name: 'X-Trace', value: 'a' },
    ]);
    assert.equal(second?.response.status, 501);
    assert.deepEqual(second?.response.cookies, [{ name: 'sid', value: 'abc' }]);
    assert.equal(second?.response.content.text, 'nope');
    assert.equal(second?.startedDateTime, '2024-05-01T10:00:00.151Z');
    assert.equal(second?.time, 151);
    assert.equal(second?.serverIPAddress, '127.0.0.1');
  });

  it('given a failed exchange with no response, it keeps the hop and says why in a comment', () => {
    const record: ExchangeRecord = {
      id: 'x2',
      mode: 'client',
      startedAt: '2024-05-01T10:00:00.000Z',
      request: { method: 'GET', url: 'http://127.0.0.1:9/', headers: [], bodyKind: 'none', bodyBytes: 0 },
      hops: [hop({ response: undefined, timings: { end: 2 } })],
      totalMs: 2,
      error: { code: 'net.refused', message: 'connection refused', phase: 'connect' },
    };
    const entry = exchangeToHar(record).log.entries[0];
    assert.equal(entry?.response.status, 0);
    assert.match(entry?.response.comment ?? '', /net\.refused in phase connect/);
  });

  it('given a collection, it resolves variables (environment over collection), applies basic auth and reports what stays unresolved', () => {
    const tree = {
      collection: makeCollection({
        name: 'C',
        variables: [
          { name: 'base', value: 'http://dev', secret: false },
          { name: 'user', value: 'u', secret: false },
        ],
        auth: { type: 'basic', username: '{{user}}', password: 'p' },
      }),
      items: [
        {
          kind: 'request' as const,
          request: makeRequest({
            name: 'R',
            method: 'patch',
            url: '{{base}}/x/{{id}}',
            headers: [{ name: 'X-Off', value: '1', enabled: false }],
          }),
        },
      ],
      environments: [makeEnvironment('prod', [{ name: 'base', value: 'https://prod', secret: false }])],
    };
    const { har, warnings } = collectionToHar(tree, {
      environment: 'prod',
      now: new Date('2024-01-01T00:00:00Z'),
    });
    const entry = har.log.entries[0];
    assert.equal(entry?.request.url, 'https://prod/x/{{id}}');
    assert.equal(entry?.request.method, 'patch');
    assert.deepEqual(entry?.request.headers, [
      { name: 'Authorization', value: `Basic ${Buffer.from('u:p').toString('base64')}` },
    ]);
    assert.ok(warnings.some((w) => w.item === 'R' && /\{\{id\}\} has no value/.test(w.what)));
  });
});
