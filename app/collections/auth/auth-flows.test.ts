import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { describe, it } from 'node:test';
import { finalResponse } from '../../common/exchange';
import { savedRequestSchema } from '../../contract/collection';
import { sendExchange } from '../../engine/send';
import { startHttpServer } from '../../testing/servers';
import { resolveRequest } from '../resolve';
import { sendResolved } from '../send-saved';
import { OAuth2TokenCache } from './oauth2';

/**
 * An independent Digest verifier (RFC 7616 §3.4.1, written here with node:crypto rather than with the
 * code under test): it issues a challenge and accepts only a correct response for the request it got.
 */
function digestServerCheck(algorithm: 'MD5' | 'SHA-256', user: string, pass: string) {
  const realm = 'lab@statuscope';
  const nonce = randomBytes(12).toString('base64');
  const opaque = randomBytes(8).toString('hex');
  const H = (s: string) =>
    createHash(algorithm === 'MD5' ? 'md5' : 'sha256')
      .update(s)
      .digest('hex');
  const challenge = `Digest realm="${realm}", qop="auth", algorithm=${algorithm}, nonce="${nonce}", opaque="${opaque}"`;
  const verify = (req: IncomingMessage): boolean => {
    const header = req.headers.authorization ?? '';
    if (!header.startsWith('Digest ')) return false;
    const p: Record<string, string> = {};
    for (const m of header.slice(7).matchAll(/(\w+)=(?:"([^"]*)"|([^\s,]+))/g))
      p[m[1] ?? ''] = m[2] ?? m[3] ?? '';
    if (
      p.username !== user ||
      p.realm !== realm ||
      p.nonce !== nonce ||
      p.opaque !== opaque ||
      p.uri !== req.url ||
      p.qop !== 'auth'
    )
      return false;
    const expected = H(
      `${H(`${user}:${realm}:${pass}`)}:${nonce}:${p.nc}:${p.cnonce}:auth:${H(`${req.method}:${req.url}`)}`,
    );
    return p.response === expected;
  };
  return { challenge, verify };
}

describe('auth flows against real local servers', () => {
  for (const algorithm of ['SHA-256', 'MD5'] as const) {
    it(`given a server that demands Digest ${algorithm}, it answers the 401 challenge and gets through; a wrong password stays 401`, async () => {
      const check = digestServerCheck(algorithm, 'Mufasa', 'Circle of Life');
      const seen: Array<string | undefined> = [];
      const server = await startHttpServer((req, res) => {
        seen.push(req.headers.authorization);
        if (check.verify(req)) {
          res.writeHead(200, { 'content-type': 'text/plain' }).end('welcome');
        } else {
          res.writeHead(401, { 'WWW-Authenticate': check.challenge }).end();
        }
      });
      try {
        const tokens = new OAuth2TokenCache();
        for (const [password, status] of [
          ['Circle of Life', 200],
          ['wrong', 401],
        ] as const) {
          seen.length = 0;
          const saved = savedRequestSchema.parse({
            name: 'd',
            method: 'GET',
            url: `${server.url}/dir/index.html?x=1`,
            auth: { type: 'digest', username: 'Mufasa', password },
          });
          const resolved = resolveRequest(saved);
          assert.ok(resolved.ok);
          const outcome = await sendResolved(resolved.value, { send: sendExchange, tokens });
          assert.ok(outcome.ok, JSON.stringify(outcome));
          assert.equal(finalResponse(outcome.value.exchange)?.status, status);
          assert.deepEqual(
            outcome.value.exchanges.map((e) => e.role),
            ['challenge', 'request'],
          );
          assert.equal(seen.length, 2);
          assert.equal(seen[0], undefined, 'the first request goes without credentials');
          assert.match(seen[1] ?? '', new RegExp(`^Digest username="Mufasa", .*algorithm=${algorithm}`));
        }
      } finally {
        await server.close();
      }
    });
  }

  it('given a 401 with only a Basic challenge, it does not retry and says why', async () => {
    const server = await startHttpServer((_req, res) =>
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="x"' }).end(),
    );
    try {
      const resolved = resolveRequest(
        savedRequestSchema.parse({
          name: 'd',
          method: 'GET',
          url: `${server.url}/`,
          auth: { type: 'digest', username: 'u', password: 'p' },
        }),
      );
      assert.ok(resolved.ok);
      const outcome = await sendResolved(resolved.value, {
        send: sendExchange,
        tokens: new OAuth2TokenCache(),
      });
      assert.ok(outcome.ok);
      assert.equal(outcome.value.exchanges.length, 1);
      assert.match(outcome.value.notes[0] ?? '', /no Digest challenge/);
    } finally {
      await server.close();
    }
  });

  it('given OAuth 2 client credentials, it fetches a token once, caches it until expiry, and refetches after a 401', async () => {
    let issued = 0;
    const tokenRequests: Array<{ auth: string | undefined; body: string; type: string | undefined }> = [];
    let revoked = new Set<string>();
    const server = await startHttpServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString('utf8')));
      req.on('end', () => {
        if (req.url === '/token') {
          tokenRequests.push({ auth: req.headers.authorization, body, type: req.headers['content-type'] });
          const ok =
            req.headers.authorization === `Basic ${Buffer.from('my-client:s3cr3t').toString('base64')}`;
          if (!ok)
            return res
              .writeHead(401, { 'content-type': 'application/json' })
              .end('{"error":"invalid_client"}');
          issued++;
          return res
            .writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' })
            .end(JSON.stringify({ access_token: `tok-${issued}`, token_type: 'Bearer', expires_in: 3600 }));
        }
        const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
        if (!token.startsWith('tok-') || revoked.has(token))
          return res.writeHead(401, { 'WWW-Authenticate': 'Bearer error="invalid_token"' }).end();
        res.writeHead(200).end(`hello ${token}`);
      });
    });
    try {
      let now = 1_000_000;
      const tokens = new OAuth2TokenCache(() => now);
      const saved = savedRequestSchema.parse({
        name: 'o',
        method: 'GET',
        url: `${server.url}/api`,
        auth: {
          type: 'oauth2-client-credentials',
          tokenUrl: `${server.url}/token`,
          clientId: 'my-client',
          clientSecret: '{{clientSecret}}',
          scope: 'read write',
        },
      });
      const resolved = resolveRequest(saved, { env: { STATUSCOPE_VAR_clientSecret: 's3cr3t' } });
      assert.ok(resolved.ok);
      const send = () => sendResolved(resolved.value, { send: sendExchange, tokens });

      const first = await send();
      assert.ok(first.ok, JSON.stringify(first));
      assert.equal(finalResponse(first.value.exchange)?.body.preview, 'hello tok-1');
      assert.deepEqual(
        first.value.exchanges.map((e) => e.role),
        ['token', 'request'],
      );
      assert.equal(tokenRequests[0]?.body, 'grant_type=client_credentials&scope=read+write');
      assert.equal(tokenRequests[0]?.type, 'application/x-www-form-urlencoded');

      const second = await send();
      assert.ok(second.ok);
      assert.equal(tokenRequests.length, 1, 'the cached token is reused');
      assert.deepEqual(
        second.value.exchanges.map((e) => e.role),
        ['request'],
      );

      now += 3600 * 1000;
      const third = await send();
      assert.ok(third.ok);
      assert.equal(
        finalResponse(third.value.exchange)?.body.preview,
        'hello tok-2',
        'an expired token is replaced',
      );

      revoked = new Set(['tok-2']);
      const fourth = await send();
      assert.ok(fourth.ok);
      assert.equal(
        finalResponse(fourth.value.exchange)?.body.preview,
        'hello tok-3',
        'a 401 with a cached token refreshes once',
      );
      assert.deepEqual(
        fourth.value.exchanges.map((e) => e.role),
        ['challenge', 'token', 'request'],
      );
    } finally {
      await server.close();
    }
  });

  it('given wrong client credentials, it fails with auth.oauth2-token-rejected naming the RFC 6749 error', async () => {
    const server = await startHttpServer((_req, res) =>
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end('{"error":"invalid_client","error_description":"unknown client"}'),
    );
    try {
      const resolved = resolveRequest(
        savedRequestSchema.parse({
          name: 'o',
          method: 'GET',
          url: `${server.url}/api`,
          auth: {
            type: 'oauth2-client-credentials',
            tokenUrl: `${server.url}/token`,
            clientId: 'x',
            clientSecret: 'y',
          },
        }),
      );
      assert.ok(resolved.ok);
      const outcome = await sendResolved(resolved.value, {
        send: sendExchange,
        tokens: new OAuth2TokenCache(),
      });
      assert.equal(outcome.ok ? 'ok' : outcome.error.code, 'auth.oauth2-token-rejected');
      assert.match(outcome.ok ? '' : outcome.error.message, /invalid_client \(unknown client\)/);
    } finally {
      await server.close();
    }
  });
});
