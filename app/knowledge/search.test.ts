import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { searchKnowledge } from './search';

describe('searchKnowledge', () => {
  it('given "501", it returns the 501 status first, then comparisons and myths about it', () => {
    const results = searchKnowledge('501', 10);
    assert.deepEqual([results[0]?.kind, results[0]?.id], ['status', '501']);
    assert.ok(results.some((r) => r.kind === 'comparison' && r.id === '501-vs-405-vs-404'));
    assert.ok(results.some((r) => r.kind === 'myth'));
  });

  it('given "PROPFIND" in any case, it returns the method first', () => {
    for (const q of ['PROPFIND', 'propfind']) {
      const [first] = searchKnowledge(q, 5);
      assert.deepEqual([first?.kind, first?.id], ['method', 'PROPFIND'], q);
    }
  });

  it('given "Retry-After", it returns the header first and then the statuses that carry it', () => {
    const results = searchKnowledge('Retry-After', 6);
    assert.deepEqual([results[0]?.kind, results[0]?.id], ['header', 'Retry-After']);
    assert.match(results[0]?.snippet ?? '', /503/);
    const statuses = results.slice(1, 4).map((r) => `${r.kind}:${r.id}`);
    assert.deepEqual(statuses.sort(), ['status:413', 'status:429', 'status:503']);
  });

  it('given the partial words "not impl", it returns 501 Not Implemented first', () => {
    const [first] = searchKnowledge('not impl', 5);
    assert.deepEqual([first?.kind, first?.id], ['status', '501']);
  });

  it('given reason words, it finds the status', () => {
    assert.equal(searchKnowledge('gateway timeout', 3)[0]?.id, '504');
    assert.equal(
      searchKnowledge('teapot', 3).some((r) => r.id === '418'),
      true,
    );
  });

  it('given a limit, it returns at most that many; given nothing to search, nothing', () => {
    assert.equal(searchKnowledge('not', 3).length, 3);
    assert.deepEqual(searchKnowledge('   ', 10), []);
    assert.deepEqual(searchKnowledge('zzzzqqq', 10), []);
  });

  it('keeps snippets short', () => {
    for (const r of searchKnowledge('the', 100)) assert.ok(r.snippet.length <= 180, r.id);
  });
});
