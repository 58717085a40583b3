import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { CliIo } from '../command';
import { importCommand } from './import';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../formats/fixtures');
let work: string;

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    cwd: work,
    signal: new AbortController().signal,
  };
  const code = await importCommand.run(args, io);
  return { code, out, err };
}

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'statuscope-import-'));
});
after(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('statuscope import', () => {
  it('given a Postman collection and an environment, it writes the folder and prints counts and every warning', async () => {
    const r = await run(
      join(FIXTURES, 'postman-kitchen-sink.input.json'),
      '--into',
      'sink',
      '--env',
      join(FIXTURES, 'postman-environment-secrets.input.json'),
    );
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Imported Postman Collection v2\.0\/v2\.1: "Kitchen sink" into .*sink/);
    assert.match(r.out, /12 requests, 2 folders, 1 environment \(Staging\)/);
    assert.match(
      r.out,
      /Users \/ Patch user \(lower-case method\): uses Postman dynamic variable \{\{\$guid\}\}/,
    );
    assert.match(r.out, /environment Staging: variable "apiKey" is secret/);
    const root = join(work, 'sink');
    const collection: unknown = parseYaml(await readFile(join(root, 'collection.yaml'), 'utf8'));
    assert.ok(
      typeof collection === 'object' &&
        collection !== null &&
        'name' in collection &&
        collection.name === 'Kitchen sink',
    );
    const users = await readdir(join(root, 'users'));
    assert.ok(
      users.some((f) => f.startsWith('patch-user')),
      users.join(','),
    );
    const patch: unknown = parseYaml(
      await readFile(join(root, 'users', users.find((f) => f.startsWith('patch-user')) ?? ''), 'utf8'),
    );
    assert.ok(typeof patch === 'object' && patch !== null && 'method' in patch && patch.method === 'patch');
    const envText = await readFile(
      join(root, 'environments', (await readdir(join(root, 'environments')))[0] ?? ''),
      'utf8',
    );
    assert.doesNotMatch(envText, /do-not-commit/);
  });

  it('given a folder that is not empty, it refuses without --merge and adds with --merge', async () => {
    await mkdir(join(work, 'busy'));
    await writeFile(join(work, 'busy', 'notes.txt'), 'mine');
    const refused = await run(join(FIXTURES, 'curl-chrome-bash.input.sh'), '--into', 'busy', '--merge');
    assert.equal(refused.code, 1);
    assert.match(refused.err, /import\.target-not-a-collection/);
    const first = await run(join(FIXTURES, 'curl-real-insomnia-multi.input.sh'), '--into', 'merged');
    assert.equal(first.code, 0, first.err);
    const again = await run(join(FIXTURES, 'curl-chrome-bash.input.sh'), '--into', 'merged');
    assert.equal(again.code, 1);
    assert.match(again.err, /import\.target-not-empty: .* pass --merge/);
    const merged = await run(join(FIXTURES, 'curl-chrome-bash.input.sh'), '--into', 'merged', '--merge');
    assert.equal(merged.code, 0, merged.err);
    const files = (await readdir(join(work, 'merged'))).filter(
      (f) => f.endsWith('.yaml') && f !== 'collection.yaml',
    );
    assert.equal(files.length, 5);
  });

  it('given --dry-run --json, it reports without writing', async () => {
    const r = await run(join(FIXTURES, 'openapi-kitchen-sink.input.yaml'), '--dry-run', '--json');
    assert.equal(r.code, 0, r.err);
    const summary: unknown = JSON.parse(r.out);
    assert.ok(
      typeof summary === 'object' && summary !== null && 'requests' in summary && 'format' in summary,
    );
    assert.equal(summary.format, 'openapi');
    assert.equal(summary.requests, 7);
  });

  it('given a file no importer recognises, it exits 1 with import.unrecognised', async () => {
    await writeFile(join(work, 'notes.txt'), 'hello');
    const r = await run('notes.txt', '--into', 'x');
    assert.equal(r.code, 1);
    assert.match(r.err, /import\.unrecognised: .*Tried, in order: Postman/);
  });

  it('given no --into and no --dry-run, or an unknown format, it exits 2 with usage', async () => {
    assert.equal((await run('a.json')).code, 2);
    const r = await run('a.json', '--into', 'x', '--format', 'wsdl');
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown format "wsdl"/);
  });
});
