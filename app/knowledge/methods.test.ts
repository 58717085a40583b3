import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { damerauLevenshtein } from './edit-distance';
import {
  closestMethods,
  IANA_METHOD_REGISTRY_UPDATED,
  isRegisteredMethod,
  maxTypoDistance,
  methodEntry,
  METHODS,
} from './methods';
import { isWellFormedRef } from './spec-ref';

/** The IANA HTTP Method Registry's names, the fact the table is checked against. */
const REGISTERED_NAMES = [
  'ACL',
  'BASELINE-CONTROL',
  'BIND',
  'CHECKIN',
  'CHECKOUT',
  'CONNECT',
  'COPY',
  'DELETE',
  'GET',
  'HEAD',
  'LABEL',
  'LINK',
  'LOCK',
  'MERGE',
  'MKACTIVITY',
  'MKCALENDAR',
  'MKCOL',
  'MKREDIRECTREF',
  'MKWORKSPACE',
  'MOVE',
  'OPTIONS',
  'ORDERPATCH',
  'PATCH',
  'POST',
  'PRI',
  'PROPFIND',
  'PROPPATCH',
  'PUT',
  'QUERY',
  'REBIND',
  'REPORT',
  'SEARCH',
  'TRACE',
  'UNBIND',
  'UNCHECKOUT',
  'UNLINK',
  'UNLOCK',
  'UPDATE',
  'UPDATEREDIRECTREF',
  'VERSION-CONTROL',
  '*',
];

describe('method registry', () => {
  it('given the registry names, it has exactly those methods, once each', () => {
    assert.deepEqual(METHODS.map((m) => m.name).sort(), [...REGISTERED_NAMES].sort());
    assert.equal(new Set(METHODS.map((m) => m.name)).size, METHODS.length);
    assert.match(IANA_METHOD_REGISTRY_UPDATED, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('given every method, its citations are well formed and safe implies idempotent (RFC 9110 §9.2.2)', () => {
    for (const m of METHODS) {
      for (const ref of m.refs) assert.ok(isWellFormedRef(ref), `${m.name}: ${ref}`);
      if (m.safe) assert.ok(m.idempotent, `${m.name} is safe, so idempotent`);
    }
  });

  it('given the core methods, it records the registry columns and RFC 9110 sections', () => {
    const expect = (name: string, safe: boolean, idempotent: boolean, ref: string) => {
      const m = methodEntry(name);
      assert.ok(m, name);
      assert.deepEqual([m.safe, m.idempotent, m.refs[0]], [safe, idempotent, ref], name);
    };
    expect('GET', true, true, 'RFC 9110 §9.3.1');
    expect('HEAD', true, true, 'RFC 9110 §9.3.2');
    expect('POST', false, false, 'RFC 9110 §9.3.3');
    expect('PUT', false, true, 'RFC 9110 §9.3.4');
    expect('DELETE', false, true, 'RFC 9110 §9.3.5');
    expect('CONNECT', false, false, 'RFC 9110 §9.3.6');
    expect('OPTIONS', true, true, 'RFC 9110 §9.3.7');
    expect('TRACE', true, true, 'RFC 9110 §9.3.8');
    expect('PATCH', false, false, 'RFC 5789 §2');
    expect('LOCK', false, false, 'RFC 4918 §9.10');
    expect('PROPFIND', true, true, 'RFC 4918 §9.1');
    expect('PRI', true, true, 'RFC 9113 §3.4');
    expect('QUERY', true, true, 'RFC 10008 §2');
    expect('*', false, false, 'RFC 9110 §18.2');
  });

  it('given a lower-case name, it does not treat it as registered (method tokens are case-sensitive)', () => {
    assert.equal(isRegisteredMethod('get'), false);
    assert.equal(methodEntry('patch'), undefined);
    assert.equal(isRegisteredMethod('GET'), true);
  });
});

describe('closestMethods', () => {
  it('given "patch", it suggests PATCH as a case difference, first', () => {
    const [first] = closestMethods('patch');
    assert.equal(first?.method, 'PATCH');
    assert.equal(first?.kind, 'case');
    assert.equal(first?.distance, 0);
  });

  it('given mixed case "Get", it suggests GET as a case difference', () => {
    assert.deepEqual(closestMethods('Get').map((s) => [s.method, s.kind])[0], ['GET', 'case']);
  });

  it('given typos, it suggests the intended method as a typo', () => {
    for (const [typo, meant] of [
      ['DELTE', 'DELETE'],
      ['PROPFIN', 'PROPFIND'],
      ['GTE', 'GET'],
      ['PSOT', 'POST'],
      ['OPTOINS', 'OPTIONS'],
      ['delte', 'DELETE'],
    ] as const) {
      const [first] = closestMethods(typo);
      assert.equal(first?.method, meant, typo);
      assert.equal(first?.kind, 'typo', typo);
    }
  });

  it('given a registered name, it has nothing to suggest', () => {
    assert.deepEqual(closestMethods('GET'), []);
    assert.deepEqual(closestMethods('PROPFIND'), []);
  });

  it('given a token far from every method, it suggests nothing', () => {
    assert.deepEqual(closestMethods('XYZZY'), []);
    assert.deepEqual(closestMethods('FETCHALL'), []);
    assert.deepEqual(closestMethods(''), []);
  });

  it('given short tokens, it allows only one edit', () => {
    assert.equal(maxTypoDistance(3), 1);
    assert.equal(maxTypoDistance(4), 1);
    assert.equal(maxTypoDistance(5), 2);
    // "PST" is 1 from PUT and POST; "AB" is 2 from ACL, too far for a 2-letter token.
    assert.ok(closestMethods('PST').every((s) => s.distance === 1));
    assert.deepEqual(closestMethods('AB'), []);
  });

  it('given ties, it ranks common methods first and honours the limit', () => {
    const ranked = closestMethods('PUST', 5).map((s) => s.method);
    assert.deepEqual(ranked.slice(0, 2), ['POST', 'PUT']);
    assert.equal(closestMethods('PUST', 1).length, 1);
  });

  it('never suggests the reserved name "*"', () => {
    for (const token of ['+', '-', 'x', '**'])
      assert.ok(
        closestMethods(token).every((s) => s.method !== '*'),
        token,
      );
  });
});

describe('damerauLevenshtein', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions as one edit each', () => {
    assert.equal(damerauLevenshtein('GET', 'GET'), 0);
    assert.equal(damerauLevenshtein('GTE', 'GET'), 1);
    assert.equal(damerauLevenshtein('DELTE', 'DELETE'), 1);
    assert.equal(damerauLevenshtein('PUT', 'POST'), 2);
    assert.equal(damerauLevenshtein('', 'HEAD'), 4);
    assert.equal(damerauLevenshtein('CA', 'ABC'), 3);
  });
});
