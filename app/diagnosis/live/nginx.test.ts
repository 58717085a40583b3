/**
 * Live: Debian's nginx as a reverse proxy (proxy_pass, nginx's defaults) in front of a Node API, each 501
 * diagnosed through `statuscope diagnose --json`. nginx replaces the origin's `Server` header with its
 * own, so these also check the diagnosis reads the body, not the header, to tell who answered.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { requestLinesFor, startApiOrigin, STUB_PATH, WORKING_PATH } from '../../testing/debian/api-origin';
import {
  assertNoFinding,
  assertProxyRefusesTransferCoding,
  noteFindings,
  assertTopCause,
  diagnoseJson,
  responseHeader,
} from '../../testing/debian/diagnose-cli';
import { startNginxProxy } from '../../testing/debian/nginx';
import type { LiveServer } from '../../testing/debian/process';
import { binaryOrSkip } from '../../testing/debian/skip';
import type { RawServer } from '../../testing/servers';

const LIVE = { timeout: 40_000 };

async function apiBehindNginx(t: TestContext): Promise<{ origin: RawServer; nginx: LiveServer } | undefined> {
  const binary = await binaryOrSkip(t, 'nginx');
  if (binary === undefined) return undefined;
  const origin = await startApiOrigin();
  t.after(() => origin.close());
  const nginx = await startNginxProxy({ binary, originPort: origin.port });
  t.after(() => nginx.close());
  return { origin, nginx };
}

describe('live: nginx reverse proxy in front of a Node API', () => {
  it(
    'given the stub route relayed through nginx, it says endpoint-stub and no finding blames the proxy',
    LIVE,
    async (t) => {
      const servers = await apiBehindNginx(t);
      if (!servers) return;
      const { origin, nginx } = servers;

      const { doc } = await diagnoseJson([
        '--timeout',
        '5000',
        'POST',
        `${nginx.url}${STUB_PATH}`,
        '-d',
        '{"amount":100}',
      ]);
      noteFindings(t, doc);

      assert.equal(doc.explanation.status.code, 501);
      assert.match(
        responseHeader(doc, 'Server') ?? '',
        /^nginx/,
        'nginx put its own Server header on the relayed 501',
      );
      assertTopCause(doc, 'endpoint-stub');
      assertNoFinding(doc, 'proxy-originated');
      assert.ok(
        requestLinesFor(origin, STUB_PATH).some((line) => line.startsWith('POST ')),
        'the origin received the POST',
      );
    },
  );

  for (const method of ['POST', 'GET'] as const) {
    it(
      `given ${method} with Transfer-Encoding: foo sent raw to nginx, it says nginx answered itself, names the transfer coding, and the origin never saw it`,
      LIVE,
      async (t) => {
        const servers = await apiBehindNginx(t);
        if (!servers) return;
        const { origin, nginx } = servers;
        // nginx answers an unknown transfer coding with its own 501 (RFC 9112 §6.1) before proxying.
        const body = method === 'POST' ? 'Content-Type: text/plain\r\n' : '';
        // The shared corpus labels nginx-as-proxy refusing Transfer-Encoding: foo proxy-originated (its
        // secondary label: protocol-feature); both must be named, the proxy first.
        await assertProxyRefusesTransferCoding(
          t,
          `${nginx.url}${WORKING_PATH}`,
          `${method} ${WORKING_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${nginx.port}\r\n${body}Transfer-Encoding: foo\r\nConnection: close\r\n\r\n${method === 'POST' ? 'hello' : ''}`,
          origin.requests,
        );
        if (method === 'POST')
          assert.deepEqual(
            requestLinesFor(origin, WORKING_PATH).filter((line) => line.startsWith('POST ')),
            [],
          );
      },
    );
  }
});
