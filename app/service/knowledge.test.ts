import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { describe, it } from 'node:test';
import { knowledgeOps } from '../contract/knowledge-ops';
import { knowledgeHandlers } from './knowledge';
import { silentContext } from './types';

const service = knowledgeHandlers({ dataDir: tmpdir(), tempDir: tmpdir() });

describe('knowledge service', () => {
  it('given a search without a limit, the schema defaults it and the handler ranks results', async () => {
    const input = knowledgeOps['knowledge:search'].input.parse({ query: '501' });
    assert.equal(input.limit, 10);
    const r = await service['knowledge:search'](input, silentContext);
    assert.ok(r.ok);
    assert.equal(r.value[0]?.id, '501');
    assert.ok(r.value.length <= 10);
  });

  it('given 501, it returns the entry', async () => {
    const r = await service['knowledge:status']({ code: 501 }, silentContext);
    assert.ok(r.ok);
    assert.equal(r.value.reason, 'Not Implemented');
    assert.equal(r.value.ref, 'RFC 9110 §15.6.2');
  });

  it('given 599, it fails with knowledge.unknown-status and still explains the class', async () => {
    const r = await service['knowledge:status']({ code: 599 }, silentContext);
    assert.ok(!r.ok);
    assert.equal(r.error.code, 'knowledge.unknown-status');
    assert.match(r.error.message, /5xx class/);
    assert.equal(r.error.detail?.['code'], 599);
  });

  it('given a non-integer code, the schema rejects it', () => {
    assert.equal(knowledgeOps['knowledge:status'].input.safeParse({ code: 501.5 }).success, false);
    assert.equal(knowledgeOps['knowledge:status'].input.safeParse({ code: '501' }).success, false);
  });

  it('given "patch", it reports the method as unregistered with PATCH as a case suggestion', async () => {
    const r = await service['knowledge:method']({ name: 'patch' }, silentContext);
    assert.ok(r.ok);
    assert.equal(r.value.registered, false);
    assert.equal(r.value.entry, null);
    assert.deepEqual(
      r.value.suggestions.map((s) => [s.method, s.kind]),
      [['PATCH', 'case']],
    );
    assert.equal(r.value.tokenProblem, null);
  });

  it('given PROPFIND, it returns the entry and no suggestions; given "GE T", it names the token problem', async () => {
    const found = await service['knowledge:method']({ name: 'PROPFIND' }, silentContext);
    assert.ok(found.ok);
    assert.equal(found.value.entry?.safe, true);
    assert.deepEqual(found.value.suggestions, []);
    const bad = await service['knowledge:method']({ name: 'GE T' }, silentContext);
    assert.ok(bad.ok);
    assert.match(bad.value.tokenProblem ?? '', /space/);
  });

  it('given codes, it compares them; given too few, the schema rejects them', async () => {
    const r = await service['knowledge:compare']({ codes: [405, 501, 404] }, silentContext);
    assert.ok(r.ok);
    assert.equal(r.value.id, '501-vs-405-vs-404');
    assert.equal(knowledgeOps['knowledge:compare'].input.safeParse({ codes: [501] }).success, false);
  });

  it('given list, it returns every status and method with its citation, plus comparisons and myths', async () => {
    const r = await service['knowledge:list']({}, silentContext);
    assert.ok(r.ok);
    assert.equal(r.value.statuses.length, 64);
    assert.deepEqual(
      r.value.statuses.find((s) => s.code === 501),
      { code: 501, reason: 'Not Implemented', rfc: 'RFC 9110 §15.6.2' },
    );
    assert.deepEqual(
      r.value.methods.find((m) => m.name === 'PATCH'),
      { name: 'PATCH', safe: false, idempotent: false, rfc: 'RFC 5789 §2' },
    );
    assert.ok(r.value.comparisons.some((c) => c.id === '502-vs-504'));
    assert.ok(r.value.myths.length >= 6);
    assert.match(r.value.registries.statuses.lastUpdated, /^\d{4}-\d{2}-\d{2}$/);
  });
});
