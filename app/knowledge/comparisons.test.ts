import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compareStatuses } from './compare';
import { COMPARISONS, comparisonById, findComparison } from './comparisons';
import { isWellFormedRef } from './spec-ref';
import { statusEntry } from './status-codes';

describe('predefined comparisons', () => {
  it('given the distinctions the 501 explainer needs, it has a comparison for each', () => {
    for (const id of [
      '501-vs-405-vs-404',
      '501-vs-500',
      '501-vs-503',
      '502-vs-504',
      '400-vs-422',
      '401-vs-403',
      '501-vs-400-vs-502',
    ]) {
      assert.ok(comparisonById(id), id);
    }
  });

  it('given every comparison, each row answers for every code and cites well-formed sections', () => {
    for (const c of COMPARISONS) {
      assert.ok(c.rows.length >= 5, `${c.id} has enough aspects`);
      assert.ok(c.rule.length > 10);
      for (const code of c.codes) assert.ok(statusEntry(code), `${c.id}: ${code} is registered`);
      for (const row of c.rows) {
        assert.ok(row.refs.length > 0, `${c.id} / ${row.aspect} cites something`);
        for (const ref of row.refs) assert.ok(isWellFormedRef(ref), `${c.id} / ${row.aspect}: ${ref}`);
        for (const code of c.codes) assert.ok(row.cells[String(code)], `${c.id} / ${row.aspect} / ${code}`);
      }
    }
  });

  it('given the cacheability row, it agrees with the status table', () => {
    for (const c of COMPARISONS) {
      const row = c.rows.find((r) => r.aspect === 'Cacheable by default');
      assert.ok(row, `${c.id} has a cacheability row`);
      for (const code of c.codes) {
        const says: boolean | undefined = row.cells[String(code)]?.startsWith('Yes');
        assert.equal(says, statusEntry(code)?.cacheableByDefault, `${c.id}: ${code}`);
      }
    }
  });

  it('given the codes in any order, it finds the predefined comparison', () => {
    assert.equal(findComparison([404, 501, 405])?.id, '501-vs-405-vs-404');
    assert.equal(findComparison([504, 502])?.id, '502-vs-504');
    assert.equal(findComparison([501, 405]), undefined);
  });
});

describe('compareStatuses', () => {
  it('given a predefined set, it returns the hand-written comparison', () => {
    const r = compareStatuses([503, 501]);
    assert.ok(r.ok);
    assert.equal(r.value.id, '501-vs-503');
  });

  it('given another set, it builds a comparison from the entries, with their confusions as the rule', () => {
    const r = compareStatuses([429, 503]);
    assert.ok(r.ok);
    assert.deepEqual(r.value.codes, [429, 503]);
    assert.match(r.value.title, /429 Too Many Requests vs 503 Service Unavailable/);
    assert.match(r.value.rule, /rate/);
    const headers = r.value.rows.find((row) => row.aspect === 'Headers');
    assert.equal(headers?.cells['503'], 'Retry-After: MAY.');
  });

  it('given an unregistered code, it fails with knowledge.unknown-status explaining the class', () => {
    const r = compareStatuses([501, 599]);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'knowledge.unknown-status');
    assert.match(r.error.message, /5xx/);
  });

  it('given one distinct code, it fails', () => {
    const r = compareStatuses([501, 501]);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'knowledge.compare-needs-two');
  });
});
