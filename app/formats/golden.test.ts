/**
 * Golden tests: every `fixtures/<case>.input.*` is imported (format auto-detected) and compared with
 * `fixtures/<case>.output.json`. The outputs are the spec: review them by eye when they change.
 * `UPDATE_GOLDEN=1 node scripts/test-unit.mjs app/formats` rewrites them from the current importers.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { importText } from './registry';
import { IMPORT_FORMATS } from './types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function goldenCases(): { name: string; input: string; output: string }[] {
  return readdirSync(FIXTURES)
    .map((file) => /^(.+)\.input\.[A-Za-z0-9]+$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({
      name: m[1] ?? '',
      input: join(FIXTURES, m[0]),
      output: join(FIXTURES, `${m[1] ?? ''}.output.json`),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

for (const c of goldenCases()) {
  test(`given fixture ${c.name}, it imports to the golden output`, async () => {
    const result = await importText(readFileSync(c.input, 'utf8'));
    const actual = result.ok
      ? result.value
      : { error: { code: result.error.code, message: result.error.message } };
    const text = `${JSON.stringify(actual, null, 2)}\n`;
    const prefix = c.name.split('-')[0] ?? '';
    if (result.ok && (IMPORT_FORMATS as readonly string[]).includes(prefix)) {
      assert.equal(result.value.format, prefix, `fixture ${c.name} is detected as ${result.value.format}`);
    }
    if (UPDATE) {
      writeFileSync(c.output, text);
      return;
    }
    assert.ok(existsSync(c.output), `missing ${c.output}; run with UPDATE_GOLDEN=1 and review the file`);
    assert.deepEqual(JSON.parse(text), JSON.parse(readFileSync(c.output, 'utf8')));
  });
}
