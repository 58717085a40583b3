import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { savedRequestSchema } from '../contract/collection';
import { saveRequest } from './store';
import { copySample } from './test-support';
import { watchCollection, type CollectionChange } from './watcher';

function nextChange(
  changes: CollectionChange[],
  wanted: (c: CollectionChange) => boolean,
  timeoutMs = 5000,
): Promise<CollectionChange> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = setInterval(() => {
      const found = changes.find(wanted);
      if (found) {
        clearInterval(poll);
        resolve(found);
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(poll);
        reject(new Error(`no matching change in ${timeoutMs} ms; saw ${JSON.stringify(changes)}`));
      }
    }, 20);
  });
}

describe('collection watcher', () => {
  it('given an external edit (as a git pull would make), it reports the changed path once the burst settles', async () => {
    const t = await copySample();
    const changes: CollectionChange[] = [];
    const w = watchCollection(t.root, (c) => changes.push(c), { debounceMs: 50 });
    try {
      await w.ready;
      await writeFile(
        path.join(t.root, 'health.yaml'),
        'schema: statuscope/request@1\nname: Health\nmethod: HEAD\nurl: http://x/\n',
      );
      await mkdir(path.join(t.root, 'admin'));
      await writeFile(
        path.join(t.root, 'admin', 'purge.yaml'),
        'name: Purge\nmethod: PURGE\nurl: http://x/\n',
      );
      const change = await nextChange(
        changes,
        (c) => c.paths.includes('admin/purge.yaml') && c.paths.includes('health.yaml'),
      );
      assert.equal(change.root, t.root);
      assert.ok(change.paths.every((p) => !p.includes('\\')));
    } finally {
      await w.close();
      await t.cleanup();
    }
  });

  it('given an atomic save and a file in .git, it reports the saved file but no temp file and nothing under .git', async () => {
    const t = await copySample();
    const changes: CollectionChange[] = [];
    const w = watchCollection(t.root, (c) => changes.push(c), { debounceMs: 50 });
    try {
      await w.ready;
      await mkdir(path.join(t.root, '.git'));
      await writeFile(path.join(t.root, '.git', 'HEAD.yaml'), 'x: 1\n');
      const saved = await saveRequest(t.root, {
        request: savedRequestSchema.parse({ name: 'New one', method: 'GET', url: 'http://x/' }),
      });
      assert.ok(saved.ok);
      await nextChange(changes, (c) => c.paths.includes('new-one.yaml'));
      const all = changes.flatMap((c) => c.paths);
      assert.ok(
        all.every((p) => !p.startsWith('.git')),
        JSON.stringify(all),
      );
      assert.ok(
        all.every((p) => /\.ya?ml$/.test(p)),
        JSON.stringify(all),
      );
    } finally {
      await w.close();
      await t.cleanup();
    }
  });
});
