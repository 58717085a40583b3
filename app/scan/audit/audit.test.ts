import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { auditRequestSchema, type AuditReport, type AuditRequestInput } from '../../contract/run-ops';
import type { RawServer } from '../../testing/servers';
import { previewSender } from '../observe';
import { json, startKnownServer, text } from '../test-server';
import { runAudit } from './audit';
import { formatAuditMarkdown, formatAuditText } from './format';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** What is really built behind the Inventory API spec (fixtures/inventory.openapi.yaml). */
const BUILT = {
  '/items': {
    GET: json(200, [{ id: 1 }]),
    POST: json(201, { id: 2 }),
    PUT: json(200, { replacedAll: true }), // not in the spec, answers anyway
    '*': json(405, { error: 'method_not_allowed' }, [['Allow', 'GET, HEAD, POST, PUT']]),
  },
  '/items/1': {
    GET: json(200, { id: 1 }),
    DELETE: json(501, { error: 'not_implemented', message: 'Deleting items is planned for v2.' }),
    PATCH: json(200, { id: 1, patched: true }), // not in the spec, answers anyway
    '*': json(405, { error: 'method_not_allowed' }, [['Allow', 'GET, PATCH']]),
  },
  '/admin/stats': {
    '*': json(401, { error: 'unauthorized' }, [['WWW-Authenticate', 'Bearer realm="admin"']]),
  },
  '/crash': { GET: text(500, 'boom\n') },
  '/search': { GET: json(200, { results: [] }) },
  '/export': { POST: json(202, { started: true }), GET: json(200, { exports: [] }) },
};

const key = (e: { method: string; path: string }) => `${e.method} ${e.path}`;
const byVerdict = (r: AuditReport, verdict: string) =>
  r.operations
    .filter((o) => o.verdict === verdict)
    .map(key)
    .sort();

describe('OpenAPI audit against a server with known gaps', () => {
  let server: RawServer;
  let spec: string;
  before(async () => {
    server = await startKnownServer(BUILT);
    spec = await readFile(path.join(FIXTURES, 'inventory.openapi.yaml'), 'utf8');
  });
  after(() => server.close());

  async function audit(input: Partial<AuditRequestInput>): Promise<AuditReport> {
    const request = auditRequestSchema.parse({
      spec: { kind: 'text', text: spec },
      baseUrl: `${server.url}/`,
      ratePerSecond: 1000,
      ...input,
    });
    const result = await runAudit(request, spec, { send: previewSender(), auditId: 'a1' });
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    return result.value;
  }

  it('given consent, it finds exactly the documented operations that are not built, and the methods that answer undocumented', async () => {
    const r = await audit({ allowUnsafe: true });
    assert.deepEqual(byVerdict(r, 'not-built'), [
      'DELETE /items/{id}',
      'GET /reports/daily',
      'PUT /items/{id}',
    ]);
    assert.deepEqual(byVerdict(r, 'implemented'), [
      'GET /items',
      'GET /items/{id}',
      'GET /search',
      'POST /export',
      'POST /items',
    ]);
    assert.deepEqual(byVerdict(r, 'auth-gated'), ['GET /admin/stats']);
    assert.deepEqual(byVerdict(r, 'erroring'), ['GET /crash']);
    assert.deepEqual(byVerdict(r, 'skipped'), []);
    const del = r.operations.find((o) => key(o) === 'DELETE /items/{id}');
    assert.equal(del?.status, 501);
    assert.ok(del?.cause, 'a 501 is diagnosed');
    assert.deepEqual(r.operations.find((o) => key(o) === 'PUT /items/{id}')?.allow, ['GET', 'PATCH']);
    const answering = r.undocumented
      .filter((u) => u.verdict === 'answers')
      .map(key)
      .sort();
    assert.deepEqual(answering, ['GET /export', 'HEAD /export', 'PATCH /items/{id}', 'PUT /items']);
    assert.equal(r.totals.undocumentedAnswering, 4);
  });

  it('given the examples in the spec, it sends them: path parameter, required query, JSON body', async () => {
    const before = server.requests.length;
    await audit({ allowUnsafe: true, undocumented: false });
    const seen = server.requests.slice(before);
    const lines = seen.map((r) => r.requestLine);
    assert.ok(lines.includes('GET /items/1 HTTP/1.1'), lines.join('\n'));
    assert.ok(
      lines.includes('GET /search?q=tea HTTP/1.1'),
      'required query with its example; the optional one left out',
    );
    const post = seen.find((r) => r.requestLine.startsWith('POST /items '));
    assert.match(post?.text ?? '', /"name": "spanner"/);
    assert.match(post?.head ?? '', /content-type: application\/json/i);
  });

  it('given no consent, it sends only safe methods and says what it left out', async () => {
    const before = server.requests.length;
    const r = await audit({});
    const methods = new Set(server.requests.slice(before).map((x) => x.requestLine.split(' ')[0]));
    assert.deepEqual([...methods].sort(), ['GET', 'HEAD']);
    assert.deepEqual(byVerdict(r, 'skipped'), [
      'DELETE /items/{id}',
      'POST /export',
      'POST /items',
      'PUT /items/{id}',
    ]);
    assert.deepEqual(byVerdict(r, 'not-built'), ['GET /reports/daily']);
    assert.ok(r.undocumented.filter((u) => u.verdict === 'skipped').every((u) => /consent/.test(u.note)));
    const textOut = formatAuditText(r);
    assert.match(textOut, /not-built\s+GET\s+\/reports\/daily\s+404/);
    assert.match(textOut, /GET\s+\/export\s+200\s+answered 200 OK although the spec does not document it/);
    assert.match(formatAuditMarkdown(r), /\| not-built \| GET \| \/reports\/daily \| 404 \|/);
  });

  it('given no base URL, it uses the spec’s server; given a spec that is not OpenAPI, it fails with a code', async () => {
    const request = auditRequestSchema.parse({ spec: { kind: 'text', text: 'x' } });
    const bad = await runAudit(request, 'just: yaml\n', { send: previewSender(), auditId: 'a2' });
    assert.equal(bad.ok, false);
    assert.equal(bad.ok ? '' : bad.error.code, 'audit.invalid-spec');
    const swagger = JSON.stringify({
      swagger: '2.0',
      info: { title: 'Old', version: '1' },
      host: `127.0.0.1:${server.port}`,
      schemes: ['http'],
      basePath: '/',
      paths: { '/crash': { get: { responses: { 200: { description: 'x' } } } } },
    });
    const r = await runAudit(
      auditRequestSchema.parse({ spec: { kind: 'text', text: swagger }, undocumented: false }),
      swagger,
      { send: previewSender(), auditId: 'a3' },
    );
    assert.ok(r.ok);
    assert.equal(r.value.baseUrl, `http://127.0.0.1:${server.port}/`);
    assert.deepEqual(
      r.value.operations.map((o) => [key(o), o.verdict, o.status]),
      [['GET /crash', 'erroring', 500]],
    );
  });
});
