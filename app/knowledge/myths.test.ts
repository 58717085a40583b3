import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { headerMeaning } from './header-meanings';
import { methodEntry } from './methods';
import { MYTHS } from './myths';
import { isWellFormedRef } from './spec-ref';
import { statusEntry } from './status-codes';

describe('myths', () => {
  it('given the library, it has at least six myths with unique ids', () => {
    assert.ok(MYTHS.length >= 6);
    assert.equal(new Set(MYTHS.map((m) => m.id)).size, MYTHS.length);
  });

  it('given the myths the 501 explainer relies on, each cites its settling section', () => {
    const cites = (id: string, ref: string) => {
      const m = MYTHS.find((x) => x.id === id);
      assert.ok(m, id);
      assert.ok(m.refs.includes(ref), `${id} cites ${ref}`);
    };
    cites('content-encoding-is-501', 'RFC 9110 §15.5.16');
    cites('unknown-transfer-encoding-is-400', 'RFC 9112 §6.1');
    cites('accept-encoding-unsatisfiable-is-error', 'RFC 9110 §12.5.3');
    cites('501-is-never-cached', 'RFC 9110 §15.6.2');
    cites('get-head-optional', 'RFC 9110 §9.1');
    cites('405-allow-optional', 'RFC 9110 §15.5.6');
    cites('methods-case-insensitive', 'RFC 9110 §9.1');
  });

  it('given every myth, its references are well formed and what it relates to exists in the library', () => {
    for (const m of MYTHS) {
      for (const ref of m.refs) assert.ok(isWellFormedRef(ref), `${m.id}: ${ref}`);
      for (const r of m.related) {
        const known = /^\d{3}$/.test(r) ? statusEntry(Number(r)) : (methodEntry(r) ?? headerMeaning(r));
        assert.ok(known, `${m.id} relates to unknown "${r}"`);
      }
    }
  });
});
