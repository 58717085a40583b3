import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectionFileSchema, environmentFileSchema, savedRequestSchema } from '../contract/collection';
import { requireResolved, resolveRequest, SECRET_MASK } from './resolve';

const collection = collectionFileSchema.parse({
  name: 'C',
  headers: [
    { name: 'Accept', value: 'application/json' },
    { name: 'User-Agent', value: 'statuscope/{{version}}' },
    { name: 'X-Off', value: 'x', enabled: false },
  ],
  variables: [
    { name: 'baseUrl', value: 'http://collection.example' },
    { name: 'version', value: '1' },
    { name: 'token', secret: true },
    { name: 'host', value: '127.0.0.1:{{port}}' },
    { name: 'port', value: '8080' },
  ],
  auth: { type: 'bearer', token: '{{token}}' },
});
const environment = environmentFileSchema.parse({
  name: 'staging',
  variables: [{ name: 'baseUrl', value: 'http://{{host}}' }],
});

describe('resolveRequest', () => {
  it('given environment, collection and STATUSCOPE_VAR_ values, it applies them env var > environment > collection and says where each came from', () => {
    const saved = savedRequestSchema.parse({
      name: 'a',
      method: 'GET',
      url: '{{baseUrl}}/v{{version}}/users',
    });
    const r = resolveRequest(saved, {
      collection,
      environment,
      secrets: { collection: { token: 's3cret' } },
      env: { STATUSCOPE_VAR_version: '2', PATH: '/bin' },
    });
    assert.ok(r.ok);
    assert.equal(r.value.spec.url, 'http://127.0.0.1:8080/v2/users');
    assert.deepEqual(r.value.unresolved, []);
    const sources = Object.fromEntries(r.value.used.map((u) => [u.name, u.source]));
    assert.deepEqual(sources, {
      baseUrl: 'environment',
      host: 'collection',
      port: 'collection',
      version: 'process-env',
      token: 'collection',
    });
  });

  it('given collection default headers and inherited bearer auth, it sends defaults first, drops disabled rows and adds Authorization', () => {
    const saved = savedRequestSchema.parse({
      name: 'a',
      method: 'GET',
      url: 'http://x/',
      headers: [{ name: 'accept', value: 'text/plain' }],
    });
    const r = resolveRequest(saved, { collection, secrets: { collection: { token: 's3cret' } } });
    assert.ok(r.ok);
    assert.deepEqual(r.value.spec.headers, [
      ['User-Agent', 'statuscope/1'],
      ['accept', 'text/plain'],
      ['Authorization', 'Bearer s3cret'],
    ]);
  });

  it('given a preview with mask, secrets never appear in the spec or in the used list', () => {
    const saved = savedRequestSchema.parse({ name: 'a', method: 'GET', url: 'http://x/?t={{token}}' });
    const r = resolveRequest(saved, { collection, secrets: { collection: { token: 's3cret' } }, mask: true });
    assert.ok(r.ok);
    assert.ok(!JSON.stringify(r.value).includes('s3cret'));
    assert.equal(r.value.spec.url, `http://x/?t=${SECRET_MASK}`);
    assert.equal(r.value.used.find((u) => u.name === 'token')?.secret, true);
  });

  it('given a placeholder nothing defines (or a cycle), it names it in unresolved and the send is refused', () => {
    const saved = savedRequestSchema.parse({
      name: 'a',
      method: 'POST',
      url: '{{baseUrl}}/{{missing}}',
      body: { kind: 'json', text: '{"id": "{{$guid}}", "loop": "{{a}}"}' },
      auth: { type: 'none' },
    });
    const cyclic = collectionFileSchema.parse({
      name: 'C',
      variables: [
        { name: 'a', value: '{{b}}' },
        { name: 'b', value: '{{a}}' },
        { name: 'baseUrl', value: 'http://h' },
      ],
    });
    const r = resolveRequest(saved, { collection: cyclic });
    assert.ok(r.ok);
    assert.deepEqual(r.value.unresolved, ['missing', '$guid', 'a']);
    assert.equal(r.value.spec.url, 'http://h/{{missing}}');
    const refused = requireResolved(r.value);
    assert.equal(refused.ok ? 'ok' : refused.error.code, 'collection.unresolved-variables');
    assert.equal(refused.ok ? '' : refused.error.detail?.names, 'missing,$guid,a');
  });

  it('given a secret variable without a stored value, it stays unresolved unless CI sets STATUSCOPE_VAR_<name>', () => {
    const saved = savedRequestSchema.parse({ name: 'a', method: 'GET', url: 'http://x/' });
    const without = resolveRequest(saved, { collection });
    assert.ok(without.ok);
    assert.deepEqual(without.value.unresolved, ['token']);
    const fromCi = resolveRequest(saved, { collection, env: { STATUSCOPE_VAR_token: 'ci-token' } });
    assert.ok(fromCi.ok);
    assert.deepEqual(fromCi.value.spec.headers.at(-1), ['Authorization', 'Bearer ci-token']);
    assert.equal(
      fromCi.value.used.find((u) => u.name === 'token')?.value,
      SECRET_MASK,
      'a secret stays masked in `used` whatever supplied it',
    );
  });

  it('given basic, API-key-in-query and explicit Authorization, it encodes per RFC 7617 and lets the typed header win', () => {
    const basic = resolveRequest(
      savedRequestSchema.parse({
        name: 'a',
        method: 'GET',
        url: 'http://x/',
        auth: { type: 'basic', username: 'Aladdin', password: 'open sesame' },
      }),
    );
    assert.ok(basic.ok);
    assert.deepEqual(basic.value.spec.headers, [['Authorization', 'Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==']]);
    const key = resolveRequest(
      savedRequestSchema.parse({
        name: 'a',
        method: 'GET',
        url: 'http://x/p?a=1#frag',
        auth: { type: 'apikey', name: 'api key', value: 'v&1', in: 'query' },
      }),
    );
    assert.ok(key.ok);
    assert.equal(key.value.spec.url, 'http://x/p?a=1&api%20key=v%261#frag');
    const typed = resolveRequest(
      savedRequestSchema.parse({
        name: 'a',
        method: 'GET',
        url: 'http://x/',
        headers: [{ name: 'authorization', value: 'Custom 1' }],
        auth: { type: 'bearer', token: 't' },
      }),
    );
    assert.ok(typed.ok);
    assert.deepEqual(typed.value.spec.headers, [['authorization', 'Custom 1']]);
  });

  it('given digest or OAuth 2 auth, it leaves the header to the send flow and returns the pending auth with variables substituted', () => {
    const saved = savedRequestSchema.parse({
      name: 'a',
      method: 'GET',
      url: 'http://x/',
      auth: { type: 'digest', username: '{{user}}', password: 'p' },
    });
    const r = resolveRequest(saved, { env: { STATUSCOPE_VAR_user: 'Mufasa' } });
    assert.ok(r.ok);
    assert.deepEqual(r.value.pendingAuth, { type: 'digest', username: 'Mufasa', password: 'p' });
    assert.deepEqual(r.value.spec.headers, []);
  });

  it('given saved options, it fills the engine defaults for the rest', () => {
    const r = resolveRequest(
      savedRequestSchema.parse({ name: 'a', method: 'GET', url: 'http://x/', options: { maxRedirects: 5 } }),
    );
    assert.ok(r.ok);
    assert.equal(r.value.spec.options.maxRedirects, 5);
    assert.equal(r.value.spec.options.decompress, true);
  });
});
