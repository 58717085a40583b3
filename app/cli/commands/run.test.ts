import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkJUnit } from '../../runner/junit-check';
import {
  shopCollection,
  startShopServer,
  writeCollection,
  type TempCollection,
} from '../../runner/test-support';
import { closedPort, type RawServer } from '../../testing/servers';
import type { CliIo } from '../command';
import { runCommand } from './run';

interface Captured {
  io: CliIo;
  out: () => string;
  err: () => string;
}

function capture(cwd: string, dataDir: string): Captured {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
      env: { STATUSCOPE_DATA_DIR: dataDir },
      cwd,
      signal: new AbortController().signal,
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('statuscope run', () => {
  let server: RawServer;
  let collection: TempCollection;
  let dataDir: string;
  before(async () => {
    server = await startShopServer();
    collection = await writeCollection(shopCollection(server.url, await closedPort()));
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'statuscope-data-'));
  });
  after(async () => {
    await server.close();
    await collection.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('given a collection with a failing assertion and unsendable requests, it prints each request and exits 1', async () => {
    const c = capture(path.dirname(collection.root), dataDir);
    const code = await runCommand.run(['collection', '--env', 'local'], c.io);
    assert.equal(code, 1, c.err());
    const text = c.out();
    assert.match(text, /PASS {2}GET Health {2}200 OK/);
    assert.match(text, /FAIL {2}GET Missing item <&> "quoted" {2}404 Not Found/);
    assert.match(text, /✗ status-equals: Expected status 200, got 404 Not Found\./);
    assert.match(text, /ERROR GET Offline\n\s+net\.refused/);
    assert.match(text, /7 requests: 3 passed, 1 failed, 3 could not be sent; 10 assertions, 2 failed/);
  });

  it('given a folder or a request inside the collection that passes, it runs only that and exits 0', async () => {
    const c = capture(collection.root, dataDir);
    assert.equal(await runCommand.run(['health.yaml', '--env', 'local'], c.io), 0, c.out() + c.err());
    assert.match(c.out(), /1 request: 1 passed/);
    const folder = capture(collection.root, dataDir);
    assert.equal(await runCommand.run(['items', '--env', 'local', '--concurrency', '3'], folder.io), 1);
    assert.match(folder.out(), /3 requests: 2 passed, 1 failed/);
  });

  it('given --reporter junit --out, it writes JUnit XML CI servers read and prints the summary', async () => {
    const c = capture(collection.root, dataDir);
    const code = await runCommand.run(
      ['.', '-e', 'local', '--reporter', 'junit', '--out', 'junit.xml'],
      c.io,
    );
    assert.equal(code, 1);
    const xml = await readFile(path.join(collection.root, 'junit.xml'), 'utf8');
    assert.deepEqual(checkJUnit(xml), []);
    assert.match(xml, /<testsuites name="Shop" tests="7" failures="1" errors="3" skipped="0"/);
    assert.match(c.out(), /7 requests:/);
  });

  it('given --bail and --reporter json, it stops after the first failure and reports JSON', async () => {
    const c = capture(collection.root, dataDir);
    assert.equal(await runCommand.run(['.', '--env', 'local', '--bail', '--reporter', 'json'], c.io), 1);
    const parsed: unknown = JSON.parse(c.out());
    assert.ok(typeof parsed === 'object' && parsed !== null && 'bailed' in parsed && 'totals' in parsed);
    assert.equal(parsed.bailed, true);
    assert.deepEqual(parsed.totals, {
      requests: 7,
      passed: 3,
      failed: 1,
      errors: 0,
      skipped: 3,
      assertions: 10,
      assertionsFailed: 2,
    });
  });

  it('given bad usage or no collection, it exits 2 and says why', async () => {
    const c = capture(collection.root, dataDir);
    assert.equal(await runCommand.run(['.', '--reporter', 'xml'], c.io), 2);
    assert.match(c.err(), /--reporter is one of cli, json, junit/);
    const none = capture(os.tmpdir(), dataDir);
    assert.equal(await runCommand.run([dataDir], none.io), 2);
    assert.match(none.err(), /not inside a collection/);
    const env = capture(collection.root, dataDir);
    assert.equal(await runCommand.run(['.', '--env', 'nope'], env.io), 2);
    assert.match(env.err(), /environment\.not-found/);
  });
});
