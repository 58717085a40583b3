/**
 * Live: origin servers from Debian that answer a method they do not implement with their own 501 —
 * Apache httpd serving static files (no mod_dav) and Python's `http.server` — diagnosed through
 * `statuscope diagnose --json`. Their own request logs show they answered.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APACHE_ACCESS_LOG, startApacheOrigin } from '../../testing/debian/apache';
import {
  assertNoFinding,
  noteFindings,
  assertTopCause,
  diagnoseJson,
  responseHeader,
} from '../../testing/debian/diagnose-cli';
import { startPythonHttpServer } from '../../testing/debian/python';
import { binaryOrSkip } from '../../testing/debian/skip';

const LIVE = { timeout: 40_000 };
const PAGE = '<!doctype html>\n<title>live origin</title>\n<h1>a static file</h1>\n';

describe('live: Apache httpd as a static origin (mod_dav not loaded)', () => {
  it(
    "given BREW, which Apache does not know, it says method-unsupported from Apache's own 501",
    LIVE,
    async (t) => {
      const binary = await binaryOrSkip(t, 'apache2');
      if (binary === undefined) return;
      const apache = await startApacheOrigin({ binary, files: { 'index.html': PAGE } });
      t.after(() => apache.close());

      const { doc } = await diagnoseJson(['--timeout', '5000', 'BREW', `${apache.url}/index.html`]);
      noteFindings(t, doc);

      assert.equal(doc.explanation.status.code, 501);
      assert.match(responseHeader(doc, 'Server') ?? '', /^Apache\//);
      assertTopCause(doc, 'method-unsupported');
      assertNoFinding(doc, 'proxy-originated');
      // Apache's own log: it answered BREW with 501 and served GET on the same file.
      const log = await apache.readLog(APACHE_ACCESS_LOG);
      assert.match(log, /"BREW \/index\.html HTTP\/1\.1" 501 /);
      assert.match(log, /"GET \/index\.html HTTP\/1\.1" 200 /, 'the control GET reached Apache and worked');
    },
  );

  it(
    'given PROPFIND, a method Apache knows but this folder does not allow, it gets 405 and no 501 cause is claimed',
    LIVE,
    async (t) => {
      const binary = await binaryOrSkip(t, 'apache2');
      if (binary === undefined) return;
      const apache = await startApacheOrigin({ binary, files: { 'index.html': PAGE } });
      t.after(() => apache.close());

      const { doc } = await diagnoseJson(['--timeout', '5000', 'PROPFIND', `${apache.url}/index.html`]);
      noteFindings(t, doc);

      // Without mod_dav Apache still registers PROPFIND, so its core answers 405 (RFC 9110 §15.5.6), not 501.
      assert.equal(doc.explanation.status.code, 405);
      assert.deepEqual(doc.findings, []);
      assert.match(await apache.readLog(APACHE_ACCESS_LOG), /"PROPFIND \/index\.html HTTP\/1\.1" 405 /);
    },
  );
});

describe("live: Python's http.server (SimpleHTTPRequestHandler)", () => {
  for (const method of ['PUT', 'DELETE'] as const) {
    it(
      `given ${method}, which it has no do_${method} for, it says method-unsupported from "Unsupported method ('${method}')"`,
      LIVE,
      async (t) => {
        const binary = await binaryOrSkip(t, 'python3');
        if (binary === undefined) return;
        const python = await startPythonHttpServer({ binary, files: { 'items.json': '[{"id":1}]\n' } });
        t.after(() => python.close());

        const args =
          method === 'PUT'
            ? ['PUT', `${python.url}/items.json`, '-d', '[{"id":2}]']
            : ['DELETE', `${python.url}/items.json`];
        const { doc } = await diagnoseJson(['--timeout', '5000', ...args]);
        noteFindings(t, doc);

        assert.equal(doc.explanation.status.code, 501);
        assertTopCause(doc, 'method-unsupported');
        assertNoFinding(doc, 'proxy-originated');
        // http.server logs each request to stderr: it refused the method itself and served the control GET.
        const log = python.output();
        assert.match(log, new RegExp(`code 501, message Unsupported method \\('${method}'\\)`));
        assert.match(log, new RegExp(`"${method} /items\\.json HTTP/1\\.1" 501`));
        assert.match(log, /"GET \/items\.json HTTP\/1\.1" 200/, 'the control GET reached it and worked');
      },
    );
  }
});
