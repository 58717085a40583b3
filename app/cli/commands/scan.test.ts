import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { json, startKnownServer, text } from '../../scan/test-server';
import type { RawServer } from '../../testing/servers';
import type { CliIo } from '../command';
import { auditCommand } from './audit';
import { scanCommand } from './scan';

const SPEC = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'scan',
  'fixtures',
  'inventory.openapi.yaml',
);

function capture(cwd: string, dataDir: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    env: { STATUSCOPE_DATA_DIR: dataDir },
    cwd,
    signal: new AbortController().signal,
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('statuscope scan and statuscope audit', () => {
  let server: RawServer;
  let dir: string;
  before(async () => {
    server = await startKnownServer({
      '/items': {
        GET: json(200, [{ id: 1 }]),
        OPTIONS: { status: 204, headers: [['Allow', 'GET, HEAD, PUT']] },
        PUT: text(501, 'not yet\n'),
        '*': text(501, 'Method not implemented\n'),
      },
      '/items/1': { GET: json(200, { id: 1 }) },
      '/search': { GET: json(200, { results: [] }) },
    });
    dir = await mkdtemp(path.join(os.tmpdir(), 'statuscope-scan-cli-'));
  });
  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('given a URL and consent, scan prints each method with its status and the contradictions, and exits 0', async () => {
    const c = capture(dir, dir);
    const code = await scanCommand.run(
      [`${server.url}/items`, '--methods', 'standard,unknown', '--allow-unsafe', '--rate', '500'],
      c.io,
    );
    assert.equal(code, 0, c.err());
    assert.match(c.out(), /XYZZY\s+501 Not Implemented/);
    assert.match(c.out(), /POST\s+501 Not Implemented/);
    assert.match(c.out(), /allowed-but-refused \(PUT\)/);
  });

  it('given --format csv -o, scan writes RFC 4180 CSV with a line per cell', async () => {
    const c = capture(dir, dir);
    assert.equal(
      await scanCommand.run(
        [
          `${server.url}/items`,
          '--methods',
          'standard',
          '--allow-unsafe',
          '--format',
          'csv',
          '-o',
          'm.csv',
          '--rate',
          '500',
        ],
        c.io,
      ),
      0,
    );
    const lines = (await readFile(path.join(dir, 'm.csv'), 'utf8')).trimEnd().split('\r\n');
    assert.equal(
      lines[0],
      'url,label,source,method,set,safety,sent,status,reason,allow,answered_by,cause,body_bytes,ms,error,skip_reason,contradictions',
    );
    assert.equal(lines.length, 1 + 8);
    assert.match(
      lines.find((l) => l.includes(',PUT,')) ?? '',
      /,yes,501,Not Implemented,,.*allowed-but-refused$/,
    );
  });

  it('given --dry-run, scan prints the plan and sends nothing', async () => {
    const before = server.requests.length;
    const c = capture(dir, dir);
    assert.equal(await scanCommand.run([`${server.url}/items`, '--dry-run', '-m', 'BREW'], c.io), 0);
    assert.equal(server.requests.length, before);
    assert.match(c.out(), /Dry run: 8 of 19 requests would be sent/);
    assert.match(c.out(), /skip:\s+BREW\s+BREW is not a registered method/);
  });

  it('given bad usage, scan exits 2', async () => {
    const c = capture(dir, dir);
    assert.equal(await scanCommand.run(['--methods', 'everything', server.url], c.io), 2);
    assert.match(c.err(), /"everything" is not one/);
    assert.equal(await scanCommand.run([], capture(dir, dir).io), 2);
  });

  it('given a spec with operations the server lacks, audit prints them and exits 1; JSON on request', async () => {
    const c = capture(dir, dir);
    assert.equal(await auditCommand.run([SPEC, '--base-url', server.url, '--rate', '500'], c.io), 1, c.err());
    assert.match(c.out(), /not-built\s+GET\s+\/reports\/daily\s+404/);
    const j = capture(dir, dir);
    assert.equal(
      await auditCommand.run(
        [SPEC, '--base-url', server.url, '--format', 'json', '--no-undocumented', '--rate', '500'],
        j.io,
      ),
      1,
    );
    const report: unknown = JSON.parse(j.out());
    assert.ok(
      typeof report === 'object' &&
        report !== null &&
        'undocumented' in report &&
        Array.isArray(report.undocumented),
    );
    assert.equal(report.undocumented.length, 0);
  });

  it('given a missing spec file, audit exits 2 with the error code', async () => {
    const c = capture(dir, dir);
    assert.equal(await auditCommand.run(['missing.yaml', '--base-url', server.url], c.io), 2);
    assert.match(c.err(), /audit\.spec-not-found/);
  });
});
