/**
 * Live: Debian's Squid as a reverse proxy (accel mode) in front of a Node API, each 501 diagnosed through
 * `statuscope diagnose --json`. The origin's request log and Squid's access log say who really answered.
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
import type { LiveServer } from '../../testing/debian/process';
import { binaryOrSkip } from '../../testing/debian/skip';
import { startSquidAccel } from '../../testing/debian/squid';
import type { RawServer } from '../../testing/servers';

const LIVE = { timeout: 40_000 };

/** The API behind Squid, both stopped after the test; undefined when Squid is not installed (skipped). */
async function apiBehindSquid(
  t: TestContext,
  relayMethods?: string[],
): Promise<{ origin: RawServer; squid: LiveServer } | undefined> {
  const binary = await binaryOrSkip(t, 'squid');
  if (binary === undefined) return undefined;
  const origin = await startApiOrigin();
  t.after(() => origin.close());
  const squid = await startSquidAccel({
    binary,
    originPort: origin.port,
    ...(relayMethods ? { relayMethods } : {}),
  });
  t.after(() => squid.close());
  return { origin, squid };
}

describe('live: Squid reverse proxy in front of a Node API', () => {
  it(
    'given Squid refusing unlisted methods at the edge, when BREW is sent, it blames the proxy and the origin never saw BREW',
    LIVE,
    async (t) => {
      const servers = await apiBehindSquid(t, ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
      if (!servers) return;
      const { origin, squid } = servers;

      const { doc } = await diagnoseJson(['--timeout', '5000', 'BREW', `${squid.url}${WORKING_PATH}`]);
      noteFindings(t, doc);

      assert.equal(doc.explanation.status.code, 501);
      assert.match(responseHeader(doc, 'Server') ?? '', /^squid\//, 'Squid wrote the response');
      assertTopCause(doc, 'proxy-originated');
      // Who answered: the origin never received a BREW (not the request, not a probe); Squid logged its denial.
      assert.deepEqual(
        origin.requests.filter((r) => r.requestLine.startsWith('BREW ')),
        [],
      );
      assert.match(await squid.readLog('access.log'), /TCP_DENIED\/501 \d+ BREW /);
    },
  );

  it(
    'given Transfer-Encoding: foo sent raw through Squid, it blames the proxy, names the transfer coding too, and the origin never saw it',
    LIVE,
    async (t) => {
      const servers = await apiBehindSquid(t);
      if (!servers) return;
      const { origin, squid } = servers;
      // RFC 9112 §6.1: a server that receives a transfer coding it does not understand should answer 501.
      // The shared corpus labels this situation proxy-originated, with protocol-feature as the proxy's reason.
      await assertProxyRefusesTransferCoding(
        t,
        `${squid.url}${WORKING_PATH}`,
        `POST ${WORKING_PATH} HTTP/1.1\r\nHost: 127.0.0.1:${squid.port}\r\nContent-Type: text/plain\r\nTransfer-Encoding: foo\r\nConnection: close\r\n\r\nhello`,
        origin.requests,
      );
      assert.deepEqual(
        requestLinesFor(origin, WORKING_PATH).filter((line) => line.startsWith('POST ')),
        [],
      );
    },
  );

  it(
    'given the stub route relayed through Squid, it says endpoint-stub and no finding blames the proxy',
    LIVE,
    async (t) => {
      const servers = await apiBehindSquid(t);
      if (!servers) return;
      const { origin, squid } = servers;

      const { doc } = await diagnoseJson([
        '--timeout',
        '5000',
        'POST',
        `${squid.url}${STUB_PATH}`,
        '-d',
        '{"amount":100}',
      ]);
      noteFindings(t, doc);

      assert.equal(doc.explanation.status.code, 501);
      assert.match(responseHeader(doc, 'Via') ?? '', /squid/, 'the 501 came through Squid');
      assertTopCause(doc, 'endpoint-stub');
      assertNoFinding(doc, 'proxy-originated');
      // The application answered: the origin logged the POST itself.
      assert.ok(
        requestLinesFor(origin, STUB_PATH).some((line) => line.startsWith('POST ')),
        'the origin received the POST',
      );
    },
  );
});
