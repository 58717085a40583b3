import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChallenges } from './challenges';
import { digestAuthorization, digestResponse, pickDigestChallenge } from './digest';

// RFC 7616 §3.9.1: the worked example, with its published responses for MD5 and SHA-256.
const RFC = {
  username: 'Mufasa',
  password: 'Circle of Life',
  realm: 'http-auth@example.org',
  nonce: '7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v',
  opaque: 'FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS',
  cnonce: 'f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ',
  uri: '/dir/index.html',
};
const header =
  `Digest realm="${RFC.realm}", qop="auth, auth-int", algorithm=SHA-256, nonce="${RFC.nonce}", opaque="${RFC.opaque}", ` +
  `Digest realm="${RFC.realm}", qop="auth, auth-int", algorithm=MD5, nonce="${RFC.nonce}", opaque="${RFC.opaque}"`;

describe('digest (RFC 7616)', () => {
  it('given the two challenges of RFC 7616 §3.9.1 in one field, it parses both and prefers SHA-256', () => {
    const challenges = parseChallenges([header]);
    assert.equal(challenges.length, 2);
    assert.deepEqual(challenges[1]?.params, {
      realm: RFC.realm,
      qop: 'auth, auth-int',
      algorithm: 'MD5',
      nonce: RFC.nonce,
      opaque: RFC.opaque,
    });
    const picked = pickDigestChallenge(challenges);
    assert.ok(picked.ok);
    assert.equal(picked.challenge.algorithm, 'SHA-256');
  });

  it('given the RFC example inputs, it computes the published MD5 and SHA-256 responses', () => {
    const base = {
      realm: RFC.realm,
      nonce: RFC.nonce,
      opaque: RFC.opaque,
      qop: ['auth'],
      userhash: false,
      stale: false,
    };
    const input = {
      username: RFC.username,
      password: RFC.password,
      method: 'GET',
      uri: RFC.uri,
      cnonce: RFC.cnonce,
      nc: 1,
    };
    assert.equal(
      digestResponse({ ...input, challenge: { ...base, algorithm: 'MD5' } }).response,
      '8ca523f5e9506fed4657c9700eebdbec',
    );
    assert.equal(
      digestResponse({ ...input, challenge: { ...base, algorithm: 'SHA-256' } }).response,
      '753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1',
    );
    const value = digestAuthorization({ ...input, challenge: { ...base, algorithm: 'SHA-256' } });
    assert.equal(
      value,
      `Digest username="Mufasa", realm="${RFC.realm}", uri="/dir/index.html", algorithm=SHA-256, nonce="${RFC.nonce}", nc=00000001, ` +
        `cnonce="${RFC.cnonce}", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="${RFC.opaque}"`,
    );
  });

  it('given a challenge offering only auth-int, or none at all, it explains why it cannot answer', () => {
    const intOnly = pickDigestChallenge(parseChallenges(['Digest realm="r", nonce="n", qop="auth-int"']));
    assert.ok(!intOnly.ok);
    assert.match(intOnly.reason, /auth-int/);
    const basicOnly = pickDigestChallenge(parseChallenges(['Basic realm="x", charset="UTF-8"']));
    assert.ok(!basicOnly.ok);
  });

  it('given mixed schemes, token68 and quoted escapes, it keeps each challenge apart', () => {
    const challenges = parseChallenges([
      'Negotiate abc+/==, Basic realm="a \\"quoted\\" realm", Bearer',
      'Digest realm=r, nonce=n',
    ]);
    assert.deepEqual(
      challenges.map((c) => [c.scheme, c.token68 ?? null, c.params]),
      [
        ['Negotiate', 'abc+/==', {}],
        ['Basic', null, { realm: 'a "quoted" realm' }],
        ['Bearer', null, {}],
        ['Digest', null, { realm: 'r', nonce: 'n' }],
      ],
    );
  });

  it('given userhash=true or a non-ASCII user name, it hashes the name or sends username* (RFC 8187)', () => {
    const base = {
      realm: RFC.realm,
      nonce: RFC.nonce,
      qop: ['auth'],
      stale: false,
      algorithm: 'SHA-256' as const,
    };
    const hashed = digestAuthorization({
      username: 'Mufasa',
      password: 'p',
      method: 'GET',
      uri: '/',
      cnonce: 'c',
      challenge: { ...base, userhash: true },
    });
    assert.match(hashed, /^Digest username="[0-9a-f]{64}", /);
    assert.match(hashed, /userhash=true$/);
    const intl = digestAuthorization({
      username: 'Jäsøn Doe',
      password: 'p',
      method: 'GET',
      uri: '/',
      cnonce: 'c',
      challenge: { ...base, userhash: false },
    });
    assert.match(intl, /^Digest username\*=UTF-8''J%C3%A4s%C3%B8n%20Doe, /);
  });
});
