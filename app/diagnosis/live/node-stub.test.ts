/**
 * Live: a Node application (raw socket server) with a stub route, reached directly (no proxy), diagnosed
 * through `statuscope diagnose --json`. Needs no Debian package, so it always runs.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestLinesFor, startApiOrigin, STUB_PATH, WORKING_PATH } from '../../testing/debian/api-origin';
import {
  noteFindings,
  assertNoFinding,
  assertTopCause,
  diagnoseJson,
} from '../../testing/debian/diagnose-cli';

const LIVE = { timeout: 40_000 };

describe('live: a Node API with a stub route, no proxy', () => {
  for (const method of ['GET', 'POST'] as const) {
    it(`given ${method} to the stub route, it says endpoint-stub and blames no proxy`, LIVE, async (t) => {
      const origin = await startApiOrigin();
      t.after(() => origin.close());

      const args =
        method === 'POST'
          ? ['POST', `${origin.url}${STUB_PATH}`, '-d', '{"amount":100}']
          : ['GET', `${origin.url}${STUB_PATH}`];
      const { doc } = await diagnoseJson(['--timeout', '5000', ...args]);
      noteFindings(t, doc);

      assert.equal(doc.explanation.status.code, 501);
      assertTopCause(doc, 'endpoint-stub');
      assertNoFinding(doc, 'proxy-originated');
      assert.ok(
        requestLinesFor(origin, STUB_PATH).some((line) => line.startsWith(`${method} `)),
        'the application received the request',
      );
    });
  }

  it(
    'given GET to a working route of the same app, it is a 200 and no 501 cause is claimed',
    LIVE,
    async (t) => {
      const origin = await startApiOrigin();
      t.after(() => origin.close());

      const { doc } = await diagnoseJson(['--timeout', '5000', 'GET', `${origin.url}${WORKING_PATH}`]);
      noteFindings(t, doc);

      assert.equal(doc.explanation.status.code, 200);
      assert.deepEqual(doc.findings, []);
    },
  );
});
