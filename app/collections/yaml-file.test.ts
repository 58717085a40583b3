import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { savedRequestSchema } from '../contract/collection';
import { saveRequest } from './store';
import { copySample, FIXTURES } from './test-support';
import { findItem, openCollection } from './tree';
import { parseYaml, toYamlText, updateYamlText } from './yaml-file';

/** Lines that differ between two texts of equal line count, or every line when the counts differ. */
function changedLines(a: string, b: string): Array<[string | undefined, string | undefined]> {
  const la = a.split('\n');
  const lb = b.split('\n');
  const out: Array<[string | undefined, string | undefined]> = [];
  for (let i = 0; i < Math.max(la.length, lb.length); i++) if (la[i] !== lb[i]) out.push([la[i], lb[i]]);
  return out;
}

describe('stable diffs', () => {
  it('given every sample request, re-serialising the unchanged document gives identical bytes (comments included)', async () => {
    for (const rel of ['health.yaml', 'users/list-users.yaml', 'users/create-user.yaml']) {
      const text = await readFile(path.join(FIXTURES, 'sample', rel), 'utf8');
      const parsed = parseYaml(text, savedRequestSchema, rel);
      assert.ok(parsed.ok, rel);
      assert.equal(updateYamlText(parsed.doc, savedRequestSchema, parsed.value), text, rel);
    }
  });

  it('given load → save unchanged, it writes nothing and the bytes stay identical', async () => {
    const t = await copySample();
    try {
      const tree = await openCollection(t.root);
      assert.ok(tree.ok);
      for (const rel of ['health.yaml', 'users/list-users.yaml']) {
        const before = await readFile(path.join(t.root, rel), 'utf8');
        const item = findItem(tree.value.items, rel);
        assert.ok(item?.kind === 'request');
        const saved = await saveRequest(t.root, { relPath: rel, request: item.request, baseHash: item.hash });
        assert.ok(saved.ok);
        assert.equal(saved.value.changed, false);
        assert.equal(saved.value.hash, item.hash);
        assert.equal(await readFile(path.join(t.root, rel), 'utf8'), before);
      }
    } finally {
      await t.cleanup();
    }
  });

  it('given one field changed, the file diff is that one line and the user comments survive', async () => {
    const t = await copySample();
    try {
      const tree = await openCollection(t.root);
      assert.ok(tree.ok);
      const item = findItem(tree.value.items, 'health.yaml');
      assert.ok(item?.kind === 'request');
      const abs = path.join(t.root, 'health.yaml');
      const before = await readFile(abs, 'utf8');
      const saved = await saveRequest(t.root, {
        relPath: 'health.yaml',
        request: { ...item.request, url: '{{baseUrl}}/healthz' },
        baseHash: item.hash,
      });
      assert.ok(saved.ok && saved.value.changed);
      const after = await readFile(abs, 'utf8');
      assert.deepEqual(changedLines(before, after), [
        ['url: "{{baseUrl}}/health" # no auth needed', 'url: "{{baseUrl}}/healthz" # no auth needed'],
      ]);
      assert.match(after, /^# Liveness probe; keep it first-class in CI\.$/m);
    } finally {
      await t.cleanup();
    }
  });

  it('given a header disabled in the UI, the diff is the one added `enabled: false` line in schema order', () => {
    const value = savedRequestSchema.parse({
      name: 'a',
      method: 'GET',
      url: 'http://x/',
      headers: [{ name: 'A', value: '1' }],
    });
    const text = toYamlText(savedRequestSchema, value);
    const parsed = parseYaml(text, savedRequestSchema, 'a.yaml');
    assert.ok(parsed.ok);
    const edited = updateYamlText(parsed.doc, savedRequestSchema, {
      ...value,
      headers: [{ name: 'A', value: '1', enabled: false }],
    });
    assert.equal(edited, text.replace('    value: "1"\n', '    value: "1"\n    enabled: false\n'));
  });

  it('given a new field, it is inserted where the schema orders it, not at the end', () => {
    const value = savedRequestSchema.parse({ name: 'a', method: 'GET', url: 'http://x/', notes: 'n' });
    const parsed = parseYaml(toYamlText(savedRequestSchema, value), savedRequestSchema, 'a.yaml');
    assert.ok(parsed.ok);
    const edited = updateYamlText(parsed.doc, savedRequestSchema, {
      ...value,
      body: { kind: 'text', text: 'line 1\nline 2\n' },
    });
    assert.equal(
      edited,
      'schema: statuscope/request@1\nname: a\nmethod: GET\nurl: http://x/\nbody:\n  kind: text\n  text: |\n    line 1\n    line 2\nnotes: n\n',
    );
  });

  it('given a long URL, it stays on one line (no folding that would make every edit a multi-line diff)', () => {
    const url = `http://127.0.0.1/${'segment/'.repeat(30)}`;
    const text = toYamlText(savedRequestSchema, savedRequestSchema.parse({ name: 'a', method: 'GET', url }));
    assert.ok(text.includes(`url: ${url}\n`));
  });

  it('given a key the schema does not know, an edit keeps it', () => {
    const text = 'schema: statuscope/request@1\nname: a\nmethod: GET\nurl: http://x/\nx-team: payments\n';
    const parsed = parseYaml(text, savedRequestSchema, 'a.yaml');
    assert.ok(parsed.ok);
    assert.equal(
      updateYamlText(parsed.doc, savedRequestSchema, { ...parsed.value, method: 'PUT' }),
      text.replace('GET', 'PUT'),
    );
  });
});
