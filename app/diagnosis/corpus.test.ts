/**
 * The recorded corpus (app/diagnosis/fixtures): every 501 case should get its labelled cause as the top
 * finding, passively and with probes against a replay of the same recorded server. The targets are
 * ≥ 85 % passive and ≥ 95 % with probes; proxy-originated must never be named where the origin answered.
 * ACCURACY.md (node --import tsx app/diagnosis/accuracy.ts) lists every miss with its reason.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sendRaw } from '../engine/raw';
import { corpusCase, loadCorpus, requestBytes } from './testing/corpus';
import { accuracy, evaluatePassive, evaluateWithProbes } from './testing/evaluate';
import { startReplayServer, type ReplayServer } from './testing/replay-server';

const all = loadCorpus();
const with501 = all.filter((c) => c.status === 501);

describe('corpus accuracy', () => {
  it('given every recorded 501, passively it names the labelled cause first for at least 85 %', () => {
    const a = accuracy(evaluatePassive(with501));
    assert.ok(a.total >= 500, `expected the whole corpus, got ${a.total} cases`);
    assert.ok(a.percent >= 85, `passive accuracy ${a.percent} %`);
    assert.equal(a.proxyViolations, 0);
  });

  it('given every recorded response that is not a 501, it claims no 501 cause', () => {
    const results = evaluatePassive(all.filter((c) => c.status !== 501));
    assert.deepEqual(
      results.filter((r) => !r.ok).map((r) => r.c.case),
      [],
    );
  });

  it('given every recorded 501 and a replay of its server, with probes it names the labelled cause first for at least 95 %', async () => {
    const results = await evaluateWithProbes(with501, all);
    const a = accuracy(results);
    assert.ok(
      a.percent >= 95,
      `accuracy with probes ${a.percent} %: misses ${results
        .filter((r) => !r.ok)
        .map((r) => r.c.case)
        .join(', ')}`,
    );
    assert.equal(a.proxyViolations, 0);
    assert.ok(results.every((r) => r.probes.length > 0 && r.probes.length <= 8));
  });
});

describe('replay server', () => {
  let server: ReplayServer | undefined;
  after(async () => server?.close());

  it('given a recorded request, it answers with the recorded bytes; given one it has no recording for, it closes without answering', async () => {
    const c = corpusCase('squid-proxy-get-te-foo-users42');
    server = await startReplayServer(all.filter((x) => x.group === c.group));
    const hit = await sendRaw({
      target: server.url,
      bytesBase64: requestBytes(c).toString('base64'),
      timeoutMs: 2000,
      rejectUnauthorized: true,
    });
    assert.ok(hit.ok);
    assert.equal(hit.value.hops[0]?.response?.status, 501);
    assert.ok(hit.value.hops[0]?.response?.headers.some(([n]) => n === 'X-Squid-Error'));
    const miss = await sendRaw({
      target: server.url,
      bytesBase64: Buffer.from('OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n').toString('base64'),
      timeoutMs: 2000,
      rejectUnauthorized: true,
    });
    assert.equal(miss.ok, false);
    assert.deepEqual(server.unanswered, ['OPTIONS * HTTP/1.1']);
  });
});
