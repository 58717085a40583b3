/**
 * Postman → Statuscope → Postman keeps every request's method, URL, headers and body, on every Postman
 * fixture: the re-import of the export equals the first import, and the exported Postman items carry
 * the original method strings and header rows verbatim.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { toPostmanCollection, toPostmanEnvironment } from './postman-export';
import { importPostmanEnvironment, postmanImporter } from './postman-import';
import { asArray, asRecord, asText, isRecord } from './structured';
import { flattenRequests } from './types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const postmanFixtures = readdirSync(FIXTURES).filter((f) => /^postman-.*\.input\.json$/.test(f));

/** Requests of a Postman JSON tree in order: [method, header rows]. */
function postmanRequests(items: unknown): { method: string; headers: string[] }[] {
  const out: { method: string; headers: string[] }[] = [];
  for (const item of asArray(items).filter(isRecord)) {
    if (Array.isArray(item.item)) out.push(...postmanRequests(item.item));
    else if (item.request !== undefined) {
      const r = typeof item.request === 'string' ? {} : asRecord(item.request);
      const headers = Array.isArray(r.header)
        ? r.header
            .filter(isRecord)
            .map((h) => `${asText(h.key)}: ${asText(h.value)}${h.disabled === true ? ' (disabled)' : ''}`)
        : [];
      out.push({ method: asText(r.method, 'GET'), headers });
    }
  }
  return out;
}

for (const file of postmanFixtures) {
  test(`given Postman fixture ${file}, it survives Postman → Statuscope → Postman`, async (t) => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    const first = await postmanImporter.import(text);
    if (!first.ok) {
      t.skip(`${file} does not import (${first.error.code}); its golden output covers it`);
      return;
    }
    const exported = toPostmanCollection(first.value);
    const second = await postmanImporter.import(JSON.stringify(exported.json));
    assert.ok(second.ok, second.ok ? '' : second.error.message);
    const a = flattenRequests(first.value.items);
    const b = flattenRequests(second.value.items);
    assert.equal(b.length, a.length);
    for (const [i, x] of a.entries()) {
      const y = b[i];
      assert.ok(y);
      assert.deepEqual(y.path, x.path);
      assert.equal(y.request.method, x.request.method, `method of ${x.request.name}`);
      assert.equal(y.request.url, x.request.url, `URL of ${x.request.name}`);
      assert.deepEqual(y.request.headers, x.request.headers, `headers of ${x.request.name}`);
      assert.deepEqual(y.request.body, x.request.body, `body of ${x.request.name}`);
      assert.deepEqual(y.request.auth, x.request.auth, `auth of ${x.request.name}`);
    }
    assert.deepEqual(
      second.value.collection.variables.filter((v) => !v.secret),
      first.value.collection.variables.filter((v) => !v.secret),
    );

    // Against the original file: method strings and header rows verbatim (Postman keeps what we wrote).
    const original = JSON.parse(text) as unknown;
    if (isRecord(original) && Array.isArray(original.item)) {
      const before = postmanRequests(original.item);
      const after = postmanRequests(exported.json.item);
      assert.deepEqual(
        after.map((r) => r.method),
        before.map((r) => r.method),
      );
      for (const [i, r] of before.entries())
        if (r.headers.length) assert.deepEqual(after[i]?.headers, r.headers);
    }
  });
}

test('given a Postman environment with a secret, it exports without the secret value and re-imports the rest', () => {
  const imported = importPostmanEnvironment(
    readFileSync(join(FIXTURES, 'postman-environment-secrets.input.json'), 'utf8'),
  );
  assert.ok(imported.ok);
  const json = toPostmanEnvironment(imported.value.environment);
  assert.ok(!JSON.stringify(json).includes('do-not-commit'));
  const again = importPostmanEnvironment(JSON.stringify(json));
  assert.ok(again.ok);
  assert.deepEqual(again.value.environment.variables, imported.value.environment.variables);
});
