import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CliIo } from '../command';
import { explainCommand } from './explain';

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function run(...args: string[]): Promise<Captured> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: {},
    cwd: process.cwd(),
    signal: new AbortController().signal,
  };
  const code = await explainCommand.run(args, io);
  return { code, out, err };
}

function assertWidth(text: string): void {
  for (const line of text.split('\n')) assert.ok(line.length <= 100, `line longer than 100: ${line}`);
}

describe('statuscope explain', () => {
  it('given 501, it prints the meaning, section, cacheability and retry advice', async () => {
    const r = await run('501');
    assert.equal(r.code, 0);
    assert.match(r.out, /^501 Not Implemented/);
    assert.match(r.out, /RFC 9110 §15\.6\.2/);
    assert.match(r.out, /Cacheable by default: yes/);
    assert.match(r.out, /Retry: no-retry/);
    assert.match(r.out, /405: /);
    assertWidth(r.out);
  });

  it('given 501 --json, it prints the entry as JSON', async () => {
    const r = await run('501', '--json');
    assert.equal(r.code, 0);
    const parsed: unknown = JSON.parse(r.out);
    assert.ok(typeof parsed === 'object' && parsed !== null && 'code' in parsed && 'ref' in parsed);
    assert.equal(parsed.code, 501);
    assert.equal(parsed.ref, 'RFC 9110 §15.6.2');
  });

  it('given PROPFIND, it prints the method with safety, idempotency and spec', async () => {
    const r = await run('PROPFIND');
    assert.equal(r.code, 0);
    assert.match(r.out, /^PROPFIND\nsafe, idempotent · RFC 4918 §9\.1/);
  });

  it('given "patch", it says it is not registered as written and suggests PATCH, exit 2', async () => {
    const r = await run('patch');
    assert.equal(r.code, 2);
    assert.match(r.err, /"patch" is not in the IANA HTTP Method Registry as written/);
    assert.match(r.err, /case-sensitive \(RFC\s+9110 §9\.1\)/);
    assert.match(r.err, /PATCH {2}\(same letters, different case/);
    assertWidth(r.err);
  });

  it('given "DELTE" --json, it prints the suggestions as JSON and exits 2', async () => {
    const r = await run('DELTE', '--json');
    assert.equal(r.code, 2);
    assert.match(r.out, /"method": "DELETE"/);
    assert.match(r.out, /"kind": "typo"/);
  });

  it('given Retry-After, it explains the header and the statuses that carry it', async () => {
    const r = await run('Retry-After');
    assert.equal(r.code, 0);
    assert.match(r.out, /RFC 9110 §10\.2\.3/);
    assert.match(r.out, /503 Service Unavailable: MAY/);
  });

  it('given --compare 501 405, it prints a comparison row by row', async () => {
    const r = await run('--compare', '501', '405');
    assert.equal(r.code, 0);
    assert.match(r.out, /^501 Not Implemented vs 405 Method Not Allowed/);
    assert.match(r.out, /Rule: /);
    assert.match(r.out, /Cacheable by default/);
    assertWidth(r.out);
  });

  it('given --compare with a predefined set, it prints that comparison and its rule', async () => {
    const r = await run('--compare', '504', '502');
    assert.equal(r.code, 0);
    assert.match(r.out, /^502 Bad Gateway vs 504 Gateway Timeout/);
    assert.match(r.out, /did not answer in time/);
  });

  it('given --list-status --json, it prints every registered status as {code, reason, rfc}', async () => {
    const r = await run('--list-status', '--json');
    assert.equal(r.code, 0);
    const parsed: unknown = JSON.parse(r.out);
    assert.ok(Array.isArray(parsed));
    assert.equal(parsed.length, 64);
    assert.deepEqual(
      parsed.find((s: { code?: unknown }) => s.code === 426),
      {
        code: 426,
        reason: 'Upgrade Required',
        rfc: 'RFC 9110 §15.5.22',
      },
    );
  });

  it('given --list-methods --json, it prints every method as {name, safe, idempotent, rfc}', async () => {
    const r = await run('--list-methods', '--json');
    assert.equal(r.code, 0);
    const parsed: unknown = JSON.parse(r.out);
    assert.ok(Array.isArray(parsed));
    assert.deepEqual(
      parsed.find((m: { name?: unknown }) => m.name === 'GET'),
      {
        name: 'GET',
        safe: true,
        idempotent: true,
        rfc: 'RFC 9110 §9.3.1',
      },
    );
  });

  it('given the text lists and myths, every line fits in 100 characters', async () => {
    for (const args of [
      ['--list-status'],
      ['--list-methods'],
      ['--myths'],
      ['--search', 'not impl'],
      ['418'],
      ['206'],
    ]) {
      const r = await run(...args);
      assert.equal(r.code, 0, args.join(' '));
      assertWidth(r.out);
    }
  });

  it('given --search "not impl", it lists 501 first', async () => {
    const r = await run('--search', 'not impl');
    assert.equal(r.code, 0);
    assert.match(r.out, /^status {5}501 Not Implemented/);
  });

  it('given an unregistered code, it explains the class on stderr and exits 2', async () => {
    const r = await run('599');
    assert.equal(r.code, 2);
    assert.match(r.err, /5xx class/);
    assert.equal(r.out, '');
  });

  it('given unknown words, an unknown option or no subject, it exits 2 with a clear message', async () => {
    const unknown = await run('teapot');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /not a status code, a registered method or a known header field/);
    assert.match(unknown.err, /418/);
    const option = await run('--frobnicate');
    assert.equal(option.code, 2);
    assert.match(option.err, /frobnicate/);
    const none = await run();
    assert.equal(none.code, 2);
    assert.match(none.err, /name a status code/);
    const badCompare = await run('--compare', '501', 'abc');
    assert.equal(badCompare.code, 2);
    assert.match(badCompare.err, /"abc" is not a status code/);
  });

  it('given --help, it prints usage with examples', async () => {
    const r = await run('--help');
    assert.equal(r.code, 0);
    assert.match(r.out, /statuscope explain --compare 501 405/);
  });
});
