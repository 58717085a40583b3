import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { HEADER_MEANINGS, headerMeaning, statusesCarrying } from './header-meanings';
import { isWellFormedRef } from './spec-ref';
import { STATUS_CODES } from './status-codes';

describe('header meanings', () => {
  it('given every header a status entry calls for, it has a meaning with a well-formed citation', () => {
    for (const s of STATUS_CODES) {
      for (const h of s.headers)
        assert.ok(headerMeaning(h.header), `${s.code} names ${h.header}, which has no meaning`);
    }
    for (const h of HEADER_MEANINGS) assert.ok(isWellFormedRef(h.ref), `${h.name}: ${h.ref}`);
    assert.equal(new Set(HEADER_MEANINGS.map((h) => h.name.toLowerCase())).size, HEADER_MEANINGS.length);
  });

  it('given a header name in any case, it finds the meaning (field names are case-insensitive)', () => {
    assert.equal(headerMeaning('retry-after')?.name, 'Retry-After');
    assert.equal(headerMeaning('WWW-AUTHENTICATE')?.ref, 'RFC 9110 §11.6.1');
    assert.equal(headerMeaning('X-Nothing'), undefined);
  });

  it('given Allow and Retry-After, it lists the statuses that carry them, strongest requirement first', () => {
    assert.deepEqual(
      statusesCarrying('allow').map((c) => [c.code, c.level]),
      [[405, 'MUST']],
    );
    const retry = statusesCarrying('Retry-After').map((c) => c.code);
    assert.deepEqual(retry, [413, 429, 503]);
    assert.deepEqual(
      statusesCarrying('WWW-Authenticate').map((c) => c.code),
      [401],
    );
  });
});
