import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { postmanImporter } from '../../formats/postman-import';
import { flattenRequests } from '../../formats/types';
import type { CliIo } from '../command';
import { exportCommand } from './export';
import { importCommand } from './import';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../formats/fixtures');
let work: string;

function io(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (t) => void (out += t),
      stderr: (t) => void (err += t),
      env: {},
      cwd: work,
      signal: new AbortController().signal,
    },
    out: () => out,
    err: () => err,
  };
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'statuscope-export-'));
  const c = io();
  const code = await importCommand.run(
    [
      join(FIXTURES, 'postman-kitchen-sink.input.json'),
      '--into',
      'sink',
      '--env',
      join(FIXTURES, 'postman-environment-secrets.input.json'),
    ],
    c.io,
  );
  assert.equal(code, 0, c.err());
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('statuscope export', () => {
  it('given --format postman on stdout, it prints a v2.1 collection that imports back to the same requests', async () => {
    const c = io();
    assert.equal(await exportCommand.run(['sink', '--format', 'postman'], c.io), 0, c.err());
    const json: unknown = JSON.parse(c.out());
    assert.ok(typeof json === 'object' && json !== null && 'info' in json);
    const again = await postmanImporter.import(c.out());
    const original = await postmanImporter.import(
      await readFile(join(FIXTURES, 'postman-kitchen-sink.input.json'), 'utf8'),
    );
    assert.ok(again.ok && original.ok);
    const essence = (r: typeof again) =>
      r.ok
        ? flattenRequests(r.value.items).map(({ request: q }) => [q.method, q.url, q.headers, q.body])
        : [];
    assert.deepEqual(essence(again), essence(original));
    assert.match(c.err(), /environment\(s\) not written: give -o FILE/);
  });

  it('given -o, it writes the collection and each environment next to it', async () => {
    const c = io();
    assert.equal(
      await exportCommand.run(['sink', '--format', 'postman', '-o', 'out.postman_collection.json'], c.io),
      0,
      c.err(),
    );
    const files = await readdir(work);
    assert.ok(files.includes('out.postman_collection.json'));
    assert.ok(files.includes('out.staging.postman_environment.json'), files.join(','));
  });

  it('given --format har --env, it prints a HAR whose entries keep the method case and resolve the environment', async () => {
    const c = io();
    assert.equal(await exportCommand.run(['sink', '--format', 'har', '--env', 'Staging'], c.io), 0, c.err());
    const har: unknown = JSON.parse(c.out());
    assert.ok(typeof har === 'object' && har !== null && 'log' in har);
    assert.match(c.out(), /"method": "patch"/);
    assert.match(c.out(), /"url": "https:\/\/staging\.example\.com\/users\/42\?fields=name"/);
  });

  it('given a folder with no collection, it exits 1; given no --format, it exits 2', async () => {
    const c = io();
    assert.equal(await exportCommand.run(['nowhere', '--format', 'har'], c.io), 1);
    assert.match(c.err(), /collection\.not-found/);
    assert.equal(await exportCommand.run(['sink'], io().io), 2);
  });
});
