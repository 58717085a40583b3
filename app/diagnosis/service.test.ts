/** The diagnosis operations as every transport calls them: input parsed by the contract's schema. */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { after, describe, it } from 'node:test';
import { diagnosisOps, exchangeRecordSchema } from '../contract/diagnosis-ops';
import type { EventName, Events } from '../contract/operations';
import { diagnosisHandlers } from '../service/diagnosis';
import { rawResponse, startRawServer, type RawServer } from '../testing/servers';
import { sendExchange } from '../engine/send';
import { requestSpecSchema } from '../contract/exchange';
import { corpusCase, exchangeFromCase } from './testing/corpus';

const handlers = diagnosisHandlers({ dataDir: tmpdir(), tempDir: tmpdir() });
const silent = { emit: () => undefined };

describe('diagnosis operations', () => {
  let server: RawServer | undefined;
  after(async () => server?.close());

  it('given an exchange record that crossed IPC as JSON, the schema accepts it and explain returns the 501 findings', async () => {
    const wire: unknown = JSON.parse(
      JSON.stringify(exchangeFromCase(corpusCase('haproxy-proxy-strict-foo-users42'))),
    );
    const input = diagnosisOps['diagnosis:explain'].input.parse({ exchange: wire });
    const result = await handlers['diagnosis:explain'](input, silent);
    assert.ok(result.ok);
    assert.equal(result.value.findings[0]?.cause, 'proxy-originated');
    assert.equal(result.value.author.fingerprint, 'haproxy');
    assert.match(result.value.reportText, /FOO \/api\/users\/42 HTTP\/1\.1/);
  });

  it('given a malformed exchange, the schema rejects it rather than trusting it', () => {
    assert.equal(exchangeRecordSchema.safeParse({ id: 'x', mode: 'client', hops: 'nope' }).success, false);
    assert.equal(diagnosisOps['diagnosis:explain'].input.safeParse({ exchange: { id: 1 } }).success, false);
  });

  it('given an exchange that failed before any response, explain answers with a stable error code', async () => {
    const ex = exchangeFromCase(corpusCase('demo-origin-direct-get-refunds'));
    const failed = { ...ex, hops: ex.hops.map((h) => ({ ...h, response: undefined })) };
    const result = await handlers['diagnosis:explain'](
      diagnosisOps['diagnosis:explain'].input.parse({ exchange: JSON.parse(JSON.stringify(failed)) }),
      silent,
    );
    assert.equal(result.ok, false);
    if (!result.ok) assert.equal(result.error.code, 'diagnosis.no-response');
  });

  it('given diagnosis:run on a live 501, it pushes one diagnosis:probe event per probe with progress', async () => {
    server = await startRawServer((req, socket) => {
      const ok = req.requestLine.startsWith('GET ') || req.requestLine.startsWith('HEAD ');
      socket.end(
        ok
          ? rawResponse(
              200,
              'OK',
              [
                ['Content-Type', 'text/plain'],
                ['Connection', 'close'],
              ],
              'fine',
            )
          : rawResponse(
              501,
              'Not Implemented',
              [
                ['Content-Type', 'text/plain'],
                ['Connection', 'close'],
              ],
              'Not Implemented',
            ),
      );
    });
    const spec = requestSpecSchema.parse({ method: 'PROPFIND', url: `${server.url}/dav/` });
    const sent = await sendExchange(spec);
    assert.ok(sent.ok);
    const events: Events['diagnosis:probe'][] = [];
    const ctx = {
      emit: <E extends EventName>(name: E, payload: Events[E]) => {
        if (name === 'diagnosis:probe') events.push(payload as Events['diagnosis:probe']);
      },
    };
    const input = diagnosisOps['diagnosis:run'].input.parse({
      diagnosisId: 'dg1',
      exchange: JSON.parse(JSON.stringify(sent.value)),
      original: { kind: 'spec', request: spec },
    });
    const result = await handlers['diagnosis:run'](input, ctx);
    assert.ok(result.ok);
    assert.equal(events.length, result.value.probes.length);
    assert.ok(events.every((e) => e.diagnosisId === 'dg1' && e.total === events.length));
    assert.deepEqual(
      events.map((e) => e.done).sort(),
      events.map((_, i) => i + 1),
    );
  });
});
