import assert from 'node:assert/strict';
import { open, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { savedRequestSchema } from '../contract/collection';
import { saveRequest, createCollection, createFolder } from './store';
import { copySample, tempDir } from './test-support';
import { findItem, openCollection } from './tree';

describe('collection store: opening', () => {
  let t: Awaited<ReturnType<typeof copySample>>;
  before(async () => (t = await copySample()));
  after(async () => t.cleanup());

  it('given the sample folder, it loads the tree in the order collection.yaml and folder.yaml list', async () => {
    const tree = await openCollection(t.root);
    assert.ok(tree.ok, JSON.stringify(tree));
    assert.equal(tree.value.name, 'Sample API');
    assert.deepEqual(
      tree.value.items.map((i) => i.path),
      ['users', 'health.yaml'],
    );
    const users = findItem(tree.value.items, 'users');
    assert.ok(users?.kind === 'folder');
    assert.equal(users.name, 'Users & Accounts');
    // Listed entries first, then the unlisted ones sorted by name.
    assert.deepEqual(
      users.items.map((i) => i.path),
      ['users/list-users.yaml', 'users/create-user.yaml', 'users/broken.yaml', 'users/wrong-shape.yaml'],
    );
  });

  it('given a corrupt file beside good ones, it reports its path, line and reason and still loads the rest', async () => {
    const tree = await openCollection(t.root);
    assert.ok(tree.ok);
    const yamlProblem = tree.value.problems.find((p) => p.path === 'users/broken.yaml');
    assert.ok(yamlProblem, JSON.stringify(tree.value.problems));
    assert.equal(yamlProblem.line, 5);
    assert.match(yamlProblem.reason, /^YAML: /);
    const schemaProblem = tree.value.problems.find((p) => p.path === 'users/wrong-shape.yaml');
    assert.ok(schemaProblem);
    assert.equal(schemaProblem.line, 8, 'points at the header row without a name');
    assert.match(schemaProblem.reason, /^headers\.1\.name: /);
    const good = findItem(tree.value.items, 'users/list-users.yaml');
    assert.ok(good?.kind === 'request');
    assert.equal(good.request.headers[0]?.enabled, false);
    assert.equal(findItem(tree.value.items, 'users/broken.yaml')?.kind, 'broken');
    const bytes = await readFile(path.join(t.root, 'users/broken.yaml'), 'utf8');
    assert.match(bytes, /url: \[unterminated/, 'the broken file is left untouched');
  });

  it('given a folder without collection.yaml, it says it is not a collection', async () => {
    const empty = await tempDir();
    try {
      const tree = await openCollection(empty.dir);
      assert.equal(tree.ok ? 'ok' : tree.error.code, 'collection.not-a-collection');
    } finally {
      await empty.cleanup();
    }
  });

  it('given a symlink inside the collection pointing outside, it leaves it out of the tree and refuses to save through it', async () => {
    const outside = await tempDir();
    try {
      await writeFile(path.join(outside.dir, 'secret.yaml'), 'name: outside\nmethod: GET\nurl: x\n');
      await symlink(path.join(outside.dir, 'secret.yaml'), path.join(t.root, 'escape.yaml'));
      await symlink(outside.dir, path.join(t.root, 'escape-dir'));
      const tree = await openCollection(t.root);
      assert.ok(tree.ok);
      assert.equal(findItem(tree.value.items, 'escape.yaml'), undefined);
      assert.equal(findItem(tree.value.items, 'escape-dir'), undefined);
      const request = savedRequestSchema.parse({ name: 'x', method: 'GET', url: 'y' });
      const viaLink = await saveRequest(t.root, { relPath: 'escape-dir/new.yaml', request });
      assert.equal(viaLink.ok ? 'ok' : viaLink.error.code, 'collection.path-outside-root');
      assert.deepEqual(await readdir(outside.dir), ['secret.yaml']);
    } finally {
      await outside.cleanup();
    }
  });
});

describe('collection store: writing', () => {
  let t: Awaited<ReturnType<typeof copySample>>;
  before(async () => (t = await copySample()));
  after(async () => t.cleanup());
  const request = savedRequestSchema.parse({ name: 'Get user', method: 'GET', url: '{{baseUrl}}/users/1' });

  it('given paths with .., absolute paths or NUL bytes, it refuses them before touching the disk', async () => {
    for (const relPath of [
      '../evil.yaml',
      'users/../../evil.yaml',
      '/etc/evil.yaml',
      'C:\\evil.yaml',
      'a\0b.yaml',
    ]) {
      const result = await saveRequest(t.root, { relPath, request });
      assert.equal(result.ok ? 'ok' : result.error.code, 'collection.path-outside-root', relPath);
    }
    const folder = await saveRequest(t.root, { folder: '../', request });
    assert.equal(folder.ok ? 'ok' : folder.error.code, 'collection.path-outside-root');
    assert.deepEqual((await readdir(path.dirname(t.root))).sort(), ['sample']);
  });

  it('given a new request, it writes <slug>.yaml, de-duplicates the name and appends it to the order', async () => {
    const first = await saveRequest(t.root, { folder: 'users', request });
    const second = await saveRequest(t.root, { folder: 'users', request });
    assert.ok(first.ok && second.ok);
    assert.equal(first.value.path, 'users/get-user.yaml');
    assert.equal(second.value.path, 'users/get-user-2.yaml');
    const folderYaml = await readFile(path.join(t.root, 'users/folder.yaml'), 'utf8');
    assert.match(folderYaml, /- create-user\.yaml\n {2}- get-user\.yaml\n {2}- get-user-2\.yaml\n$/);
    const text = await readFile(path.join(t.root, 'users/get-user.yaml'), 'utf8');
    assert.equal(
      text,
      'schema: statuscope/request@1\nname: Get user\nmethod: GET\nurl: "{{baseUrl}}/users/1"\n',
    );
  });

  it('given a save, it replaces the file atomically: a reader holding the old file still sees the old bytes, and no temp file remains', async () => {
    const rel = 'users/list-users.yaml';
    const abs = path.join(t.root, rel);
    const before = await readFile(abs, 'utf8');
    const handle = await open(abs, 'r');
    try {
      const tree = await openCollection(t.root);
      assert.ok(tree.ok);
      const item = findItem(tree.value.items, rel);
      assert.ok(item?.kind === 'request');
      const saved = await saveRequest(t.root, {
        relPath: rel,
        request: { ...item.request, method: 'HEAD' },
        baseHash: item.hash,
      });
      assert.ok(saved.ok && saved.value.changed);
      assert.equal(
        await handle.readFile('utf8'),
        before,
        'the old inode is intact: the new content went to a new file renamed over it',
      );
      assert.match(await readFile(abs, 'utf8'), /^method: HEAD$/m);
      assert.deepEqual(
        (await readdir(path.join(t.root, 'users'))).filter((n) => !/\.yaml$/.test(n)),
        [],
      );
    } finally {
      await handle.close();
    }
  });

  it('given the file changed on disk since it was loaded, it returns collection.conflict and keeps the other edit', async () => {
    const rel = 'health.yaml';
    const tree = await openCollection(t.root);
    assert.ok(tree.ok);
    const item = findItem(tree.value.items, rel);
    assert.ok(item?.kind === 'request');
    const abs = path.join(t.root, rel);
    const external = (await readFile(abs, 'utf8')).replace('name: Health', 'name: Health (edited in vim)');
    await writeFile(abs, external);
    const saved = await saveRequest(t.root, {
      relPath: rel,
      request: { ...item.request, url: 'http://elsewhere/' },
      baseHash: item.hash,
    });
    assert.equal(saved.ok ? 'ok' : saved.error.code, 'collection.conflict');
    assert.equal(await readFile(abs, 'utf8'), external);
  });

  it('given a broken file, it refuses to save over it unless the caller saw that content', async () => {
    const rel = 'users/broken.yaml';
    const saved = await saveRequest(t.root, { relPath: rel, request });
    assert.equal(saved.ok ? 'ok' : saved.error.code, 'collection.invalid-file');
    assert.match(await readFile(path.join(t.root, rel), 'utf8'), /unterminated/);
  });

  it('given a name, it creates a collection folder with collection.yaml and refuses to create one twice', async () => {
    const root = path.join(t.dir, 'fresh');
    const created = await createCollection(root, 'Fresh');
    assert.ok(created.ok);
    assert.equal(
      await readFile(path.join(root, 'collection.yaml'), 'utf8'),
      'schema: statuscope/collection@1\nname: Fresh\n',
    );
    const again = await createCollection(root, 'Again');
    assert.equal(again.ok ? 'ok' : again.error.code, 'collection.exists');
    const folder = await createFolder(root, '', 'Admin & Ops');
    assert.ok(folder.ok);
    assert.equal(folder.value.path, 'admin-ops');
    const tree = await openCollection(root);
    assert.ok(tree.ok);
    assert.equal(findItem(tree.value.items, 'admin-ops')?.name, 'Admin & Ops');
  });
});
