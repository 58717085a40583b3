import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Assertion } from '../contract/collection';
import { requestSpecSchema } from '../contract/exchange';
import { sendExchange } from '../engine/send';
import { startLab, type Lab } from '../lab/index';
import { json, startKnownServer } from '../scan/test-server';
import type { RawServer } from '../testing/servers';
import { evaluateAssertion, ResponseView } from './assertions';

const BODY = { user: { id: 42, name: 'Ada', roles: ['admin'] }, ok: true };

async function view(url: string, method = 'GET'): Promise<ResponseView> {
  const sent = await sendExchange(requestSpecSchema.parse({ method, url }));
  assert.ok(sent.ok);
  const preview = sent.value.hops.at(-1)?.response?.body.preview ?? '';
  return new ResponseView(sent.value, preview);
}

describe('assertions: each kind passes when it should and fails when it should', () => {
  let server: RawServer;
  let lab: Lab;
  let ok: ResponseView;
  let stub: ResponseView;
  before(async () => {
    server = await startKnownServer({
      '/user': {
        GET: json(200, BODY, [
          ['X-Request-Id', 'req-123'],
          ['Cache-Control', 'no-store'],
          ['Cache-Control', 'private'],
        ]),
      },
    });
    lab = await startLab();
    ok = await view(`${server.url}/user`);
    stub = await view(`${lab.originUrl}/api/v2/payments/refunds`);
  });
  after(async () => {
    await server.close();
    await lab.close();
  });

  const cases: Array<{ pass: Assertion; fail: Assertion; failMessage: RegExp }> = [
    {
      pass: { kind: 'status-equals', value: 200 },
      fail: { kind: 'status-equals', value: 201 },
      failMessage: /Expected status 201, got 200 OK/,
    },
    {
      pass: { kind: 'status-in', values: [200, 204] },
      fail: { kind: 'status-in', values: [400, 404] },
      failMessage: /in 400, 404, got 200/,
    },
    {
      pass: { kind: 'header-present', name: 'x-request-id' },
      fail: { kind: 'header-present', name: 'ETag' },
      failMessage: /has none/,
    },
    {
      pass: { kind: 'header-equals', name: 'X-Request-Id', value: 'req-123' },
      fail: { kind: 'header-equals', name: 'X-Request-Id', value: 'req-999' },
      failMessage: /got "req-123"/,
    },
    {
      pass: { kind: 'header-equals', name: 'Cache-Control', value: 'no-store, private' },
      fail: { kind: 'header-equals', name: 'Vary', value: 'x' },
      failMessage: /has no Vary/,
    },
    {
      pass: { kind: 'header-matches', name: 'content-type', pattern: '^application/json' },
      fail: { kind: 'header-matches', name: 'content-type', pattern: '^text/' },
      failMessage: /to match \/\^text\/\//,
    },
    {
      pass: { kind: 'json-path-equals', path: '$.user.roles', value: ['admin'] },
      fail: { kind: 'json-path-equals', path: '$.user.id', value: '42' },
      failMessage: /equal "42", got 42/,
    },
    {
      pass: { kind: 'json-path-exists', path: '$.user.name' },
      fail: { kind: 'json-path-exists', path: '$.user.email' },
      failMessage: /nothing at \$\.user\.email/,
    },
    {
      pass: { kind: 'body-contains', text: '"name":"Ada"' },
      fail: { kind: 'body-contains', text: 'Grace' },
      failMessage: /contain "Grace"/,
    },
    {
      pass: { kind: 'time-below', ms: 60_000 },
      fail: { kind: 'time-below', ms: 0.001 },
      failMessage: /under 0.001 ms/,
    },
  ];

  for (const c of cases) {
    it(`given ${c.pass.kind}, it passes on a match and fails with a reason otherwise`, () => {
      const passed = evaluateAssertion(c.pass, ok);
      assert.equal(passed.passed, true, passed.message);
      const failed = evaluateAssertion(c.fail, ok);
      assert.equal(failed.passed, false);
      assert.match(failed.message, c.failMessage);
      assert.deepEqual(failed.assertion, c.fail);
      assert.ok(failed.actual.length > 0);
    });
  }

  it('given diagnosed-cause, it passes on the cause the diagnosis ranks first and fails on another or on a non-501', () => {
    assert.equal(evaluateAssertion({ kind: 'diagnosed-cause', cause: 'endpoint-stub' }, stub).passed, true);
    const wrong = evaluateAssertion({ kind: 'diagnosed-cause', cause: 'proxy-originated' }, stub);
    assert.equal(wrong.passed, false);
    assert.equal(wrong.actual, 'endpoint-stub');
    const none = evaluateAssertion({ kind: 'diagnosed-cause', cause: 'endpoint-stub' }, ok);
    assert.equal(none.passed, false);
    assert.match(none.actual, /not a 501/);
  });

  it('given a body that is not JSON, an invalid path or an invalid pattern, it fails and says which', () => {
    assert.match(
      evaluateAssertion(
        { kind: 'json-path-exists', path: '$.error' },
        new ResponseView(ok.exchange, '<html>'),
      ).message,
      /not JSON/,
    );
    assert.match(
      evaluateAssertion({ kind: 'json-path-exists', path: 'error' }, ok).message,
      /starts with \$/,
    );
    assert.match(
      evaluateAssertion({ kind: 'header-matches', name: 'x-request-id', pattern: '(' }, ok).message,
      /not a valid regular expression/,
    );
  });
});
