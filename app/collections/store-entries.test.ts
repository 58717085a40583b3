import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { deleteEntry, duplicateEntry, moveEntry, renameEntry, reorderFolder } from './store-entries';
import { copySample } from './test-support';
import { findItem, openCollection } from './tree';

async function paths(root: string, folder = ''): Promise<string[]> {
  const tree = await openCollection(root);
  assert.ok(tree.ok);
  if (folder === '') return tree.value.items.map((i) => i.path);
  const item = findItem(tree.value.items, folder);
  assert.ok(item?.kind === 'folder');
  return item.items.map((i) => i.path);
}

describe('collection entries', () => {
  it('given a request renamed, it renames the file after the slug, keeps its place in the order and its comments', async () => {
    const t = await copySample();
    try {
      const renamed = await renameEntry(t.root, 'health.yaml', 'Liveness check');
      assert.ok(renamed.ok);
      assert.equal(renamed.value.path, 'liveness-check.yaml');
      assert.equal(await stat(path.join(t.root, 'health.yaml')).catch(() => 'gone'), 'gone');
      const text = await readFile(path.join(t.root, 'liveness-check.yaml'), 'utf8');
      assert.match(text, /^# Liveness probe/m);
      assert.match(text, /^name: Liveness check$/m);
      assert.deepEqual(await paths(t.root), ['users', 'liveness-check.yaml']);
    } finally {
      await t.cleanup();
    }
  });

  it('given a folder renamed and duplicated, it renames the directory, writes folder.yaml names and places the copy after it', async () => {
    const t = await copySample();
    try {
      const renamed = await renameEntry(t.root, 'users', 'People');
      assert.ok(renamed.ok);
      assert.equal(renamed.value.path, 'people');
      const dup = await duplicateEntry(t.root, 'people');
      assert.ok(dup.ok);
      assert.equal(dup.value.path, 'people-copy');
      assert.deepEqual(await paths(t.root), ['people', 'people-copy', 'health.yaml']);
      const tree = await openCollection(t.root);
      assert.ok(tree.ok);
      assert.equal(findItem(tree.value.items, 'people-copy')?.name, 'People copy');
      assert.equal(findItem(tree.value.items, 'people')?.name, 'People');
    } finally {
      await t.cleanup();
    }
  });

  it('given a request duplicated, moved and deleted, it keeps every order list in step', async () => {
    const t = await copySample();
    try {
      const dup = await duplicateEntry(t.root, 'users/list-users.yaml');
      assert.ok(dup.ok);
      assert.equal(dup.value.path, 'users/list-users-copy.yaml');
      assert.deepEqual((await paths(t.root, 'users')).slice(0, 3), [
        'users/list-users.yaml',
        'users/list-users-copy.yaml',
        'users/create-user.yaml',
      ]);
      const moved = await moveEntry(t.root, 'users/list-users-copy.yaml', '', 0);
      assert.ok(moved.ok);
      assert.equal(moved.value.path, 'list-users-copy.yaml');
      assert.deepEqual(await paths(t.root), ['list-users-copy.yaml', 'users', 'health.yaml']);
      const clash = await moveEntry(t.root, 'users/list-users.yaml', '');
      assert.ok(clash.ok);
      assert.equal(clash.value.path, 'list-users.yaml');
      const into = await moveEntry(t.root, 'users', 'users');
      assert.equal(into.ok ? 'ok' : into.error.code, 'collection.move-into-self');
      const deleted = await deleteEntry(t.root, 'list-users-copy.yaml');
      assert.ok(deleted.ok);
      assert.doesNotMatch(await readFile(path.join(t.root, 'collection.yaml'), 'utf8'), /list-users-copy/);
      const reserved = await deleteEntry(t.root, 'collection.yaml');
      assert.equal(reserved.ok ? 'ok' : reserved.error.code, 'collection.reserved-path');
      const escape = await deleteEntry(t.root, '../sample');
      assert.equal(escape.ok ? 'ok' : escape.error.code, 'collection.path-outside-root');
    } finally {
      await t.cleanup();
    }
  });

  it('given a reorder, it writes the full order and refuses names the folder does not hold', async () => {
    const t = await copySample();
    try {
      const r = await reorderFolder(t.root, 'users', ['wrong-shape.yaml', 'create-user.yaml']);
      assert.ok(r.ok);
      assert.deepEqual(r.value.order, [
        'wrong-shape.yaml',
        'create-user.yaml',
        'broken.yaml',
        'list-users.yaml',
      ]);
      assert.deepEqual(
        await paths(t.root, 'users'),
        r.value.order.map((n) => `users/${n}`),
      );
      const bad = await reorderFolder(t.root, '', ['nope.yaml']);
      assert.equal(bad.ok ? 'ok' : bad.error.code, 'collection.not-found');
    } finally {
      await t.cleanup();
    }
  });
});
