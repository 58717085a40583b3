/**
 * A large real-world spec end to end: Gitea's Swagger 2.0 document (fixtures/large/, source in
 * fixtures/SOURCES.md) has 310 operations under 10 tags and two genuine spec bugs, so it exercises
 * the OpenAPI importer at a size no hand-made fixture reaches. The expectations are computed from the
 * document itself, not pinned, so the test says what must hold for any operation in it.
 * Not a golden pair on purpose (golden.test.ts walks `fixtures/*.input.*` only); timing is printed as a
 * diagnostic, never asserted (performance targets live in bench/).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { variableName } from './build';
import { readCollection, writeImport } from './collection-io';
import { HTTP_METHODS } from './openapi-import';
import { importText, type ImportOutcome } from './registry';
import { asArray, asRecord, asText, isRecord } from './structured';
import { countItems, flattenRequests } from './types';

const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'large', 'gitea.openapi.json');
const UPPER_METHODS: readonly string[] = HTTP_METHODS.map((m) => m.toUpperCase());

interface Operation {
  method: string;
  path: string;
  /** First tag: the folder the importer must put the request in. */
  tag: string | undefined;
  /** `{name}` segments of the path template. */
  templated: string[];
  /** Parameters declared `in: path` (path-level and operation-level). */
  declared: string[];
}

/** Every operation of the document, found by walking `paths` and the eight HTTP method keys (OAS 2.0 §Path Item). */
function operationsOf(doc: unknown): Operation[] {
  const out: Operation[] = [];
  for (const [path, itemValue] of Object.entries(asRecord(asRecord(doc).paths))) {
    const item = asRecord(itemValue);
    for (const method of HTTP_METHODS) {
      const op = item[method];
      if (!isRecord(op)) continue;
      const declared = [...asArray(item.parameters), ...asArray(op.parameters)]
        .filter(isRecord)
        .filter((p) => p.in === 'path')
        .map((p) => asText(p.name));
      out.push({
        method: method.toUpperCase(),
        path,
        tag: asArray(op.tags)
          .map((t) => asText(t))
          .find(Boolean),
        templated: [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? ''),
        declared,
      });
    }
  }
  return out;
}

/** The URL the importer should write for a path: under {{baseUrl}}, each `{x}` as `{{x}}` (renamed if not a valid variable name). */
function expectedUrlPath(path: string): string {
  return `{{baseUrl}}${path.replace(/\{([^}]+)\}/g, (_w, name: string) => `{{${variableName(name).name}}}`)}`;
}

function tally(keys: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  return counts;
}

describe('OpenAPI importer on a large real-world spec (Gitea, Swagger 2.0)', () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const doc: unknown = JSON.parse(text);
  const operations = operationsOf(doc);
  let outcome: ImportOutcome;
  let importMs = 0;
  let workDir = '';

  before(async () => {
    const started = performance.now();
    const result = await importText(text, 'openapi');
    importMs = performance.now() - started;
    assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
    outcome = result.value;
    workDir = await mkdtemp(join(tmpdir(), 'statuscope-openapi-large-'));
  });

  after(async () => {
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('given the spec, it imports one request per operation, and there are hundreds', (t) => {
    const requests = flattenRequests(outcome.items);
    const { folders } = countItems(outcome.items);
    t.diagnostic(
      `gitea: ${operations.length} operations, ${requests.length} requests, ${folders} folders, ` +
        `${outcome.warnings.length} warnings, ${Buffer.byteLength(text)} bytes, imported in ${importMs.toFixed(0)} ms`,
    );
    assert.equal(outcome.format, 'openapi');
    assert.ok(operations.length >= 200, `the fixture should have ≥ 200 operations, has ${operations.length}`);
    assert.equal(requests.length, operations.length);
  });

  it('given any operation, its request has a name, the upper-case method and the templated URL under {{baseUrl}}', () => {
    const requests = flattenRequests(outcome.items).map((r) => r.request);
    for (const r of requests) {
      assert.ok(r.name.trim().length > 0, `a request has an empty name: ${r.method} ${r.url}`);
      assert.ok(UPPER_METHODS.includes(r.method), `${r.name}: method ${r.method} is not an upper-case HTTP method`);
      assert.ok(r.url.startsWith('{{baseUrl}}'), `${r.name}: URL ${r.url} does not start with {{baseUrl}}`);
    }
    // Same multiset of "METHOD url-path" on both sides: no operation lost, duplicated or re-routed.
    const got = tally(requests.map((r) => `${r.method} ${r.url.split('?')[0] ?? ''}`));
    const want = tally(operations.map((o) => `${o.method} ${expectedUrlPath(o.path)}`));
    assert.deepEqual(got, want);
  });

  it('given tagged operations, it makes one folder per first tag holding exactly those operations', () => {
    const folderSizes = new Map<string, number>();
    let rootRequests = 0;
    for (const item of outcome.items) {
      if (item.kind === 'folder') {
        assert.ok(!folderSizes.has(item.name), `folder ${item.name} appears twice`);
        assert.ok(
          item.children.every((c) => c.kind === 'request'),
          `folder ${item.name} should only hold requests`,
        );
        folderSizes.set(item.name, item.children.length);
      } else rootRequests += 1;
    }
    const byTag = tally(operations.map((o) => o.tag).filter((t): t is string => t !== undefined));
    assert.deepEqual(folderSizes, byTag);
    assert.equal(rootRequests, operations.filter((o) => o.tag === undefined).length);
  });

  it('given path parameters, every templated one is a {{variable}} and a declared-but-missing one is a warning', () => {
    const urls = new Set(flattenRequests(outcome.items).map((r) => r.request.url.split('?')[0] ?? ''));
    for (const url of urls)
      assert.doesNotMatch(url.replace(/\{\{[^}]+\}\}/g, ''), /[{}]/, `a template brace survived in ${url}`);
    for (const op of operations) {
      const withVariables = op.templated.reduce(
        (path, name) => path.replace(`{${name}}`, `{{${variableName(name).name}}}`),
        `{{baseUrl}}${op.path}`,
      );
      assert.ok(urls.has(withVariables), `${op.method} ${op.path}: no request URL ${withVariables}`);
      // Gitea declares `reponame` on /activitypub/repo/{username}/outbox without templating it: a spec bug
      // the importer must report rather than drop silently.
      for (const name of op.declared.filter((d) => !op.templated.includes(d)))
        assert.ok(
          outcome.warnings.some((w) => w.what.includes(op.path) && w.what.includes(`\`${name}\``)),
          `${op.method} ${op.path}: declared path parameter ${name} is neither in the URL nor in a warning`,
        );
    }
  });

  it('given warnings, each one is tied to the collection, a folder or a request that exists', () => {
    const known = new Set<string>([outcome.collection.name]);
    for (const { path, request } of flattenRequests(outcome.items)) {
      for (const folder of path) known.add(folder);
      known.add([...path, request.name].join(' / '));
    }
    for (const w of outcome.warnings) {
      assert.ok(w.what.trim().length > 0, `warning for ${w.item} says nothing`);
      assert.ok(known.has(w.item), `warning "${w.what}" is tied to "${w.item}", which is not an imported item`);
    }
  });

  it('given the import written to a folder, reading the folder back yields every request', async () => {
    const root = join(workDir, 'gitea');
    const written = await writeImport(root, outcome, { merge: false });
    assert.ok(written.ok, written.ok ? '' : `${written.error.code}: ${written.error.message}`);
    assert.equal(written.value.requests, operations.length);

    const read = await readCollection(root);
    assert.ok(read.ok, read.ok ? '' : `${read.error.code}: ${read.error.message}`);
    assert.deepEqual(read.value.warnings, [], 'every written file reads back');
    const back = flattenRequests(read.value.tree.items);
    assert.equal(back.length, operations.length);
    assert.deepEqual(countItems(read.value.tree.items), countItems(outcome.items));
    assert.deepEqual(
      tally(back.map((r) => `${r.request.method} ${r.request.url}`)),
      tally(flattenRequests(outcome.items).map((r) => `${r.request.method} ${r.request.url}`)),
    );
  });
});
