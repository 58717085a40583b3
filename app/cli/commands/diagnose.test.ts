import assert from 'node:assert/strict';
import { writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { CAUSE_IDS } from '../../contract/collection';
import { closedPort, rawResponse, startRawServer, type RawServer } from '../../testing/servers';
import type { CliIo } from '../command';
import { diagnoseCommand } from './diagnose';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: (t) => void (err += t),
    env: { ...process.env, STATUSCOPE_DATA_DIR: join(tmpdir(), 'statuscope-cli-test') },
    cwd: process.cwd(),
    signal: new AbortController().signal,
  };
  const code = await diagnoseCommand.run(args, io);
  return { code, out, err };
}

const jsonSchema = z.object({
  exchange: z.object({ request: z.object({ method: z.string() }) }),
  explanation: z.object({ status: z.object({ code: z.number() }) }),
  findings: z.array(
    z.object({
      cause: z.enum(CAUSE_IDS),
      confidence: z.enum(['high', 'medium', 'low']),
      summary: z.string(),
      evidence: z.array(z.object({ observed: z.string(), inference: z.string(), source: z.string() })),
      nextSteps: z.array(z.object({ title: z.string(), detail: z.string() })),
      score: z.number(),
    }),
  ),
  probes: z.array(
    z.object({
      id: z.string(),
      why: z.string(),
      request: z.object({ method: z.string() }),
      response: z.object({ status: z.number() }).nullable(),
    }),
  ),
});

describe('statuscope diagnose', () => {
  let server: RawServer;
  before(async () => {
    server = await startRawServer((req, socket) => {
      const method = req.requestLine.split(' ')[0] ?? '';
      if (/\r\ntransfer-encoding: foo/i.test(req.head))
        socket.end(
          rawResponse(
            501,
            'Not Implemented',
            [
              ['Content-Type', 'text/plain'],
              ['Connection', 'close'],
            ],
            'Transfer-Encoding "foo" is not supported',
          ),
        );
      else if (method === 'GET' || method === 'HEAD')
        socket.end(
          rawResponse(
            200,
            'OK',
            [
              ['Server', 'BaseHTTP/0.6 Python/3.11.2'],
              ['Content-Type', 'text/plain'],
              ['Connection', 'close'],
            ],
            'ok',
          ),
        );
      else
        socket.end(
          rawResponse(
            501,
            `Unsupported method ('${method}')`,
            [
              ['Server', 'BaseHTTP/0.6 Python/3.11.2'],
              ['Content-Type', 'text/html'],
              ['Connection', 'close'],
            ],
            `<p>Message: Unsupported method ('${method}').</p>`,
          ),
        );
    });
  });
  after(async () => server.close());

  it('given PUT to a server without do_PUT, it prints the verdict, the evidence, next steps and the probes, and exits 0', async () => {
    const r = await run(['PUT', `${server.url}/items`, '-d', '{"a":1}']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /verdict: method-unsupported \(high confidence\)/);
    assert.match(r.out, /reason phrase "Unsupported method \('PUT'\)" -> /);
    assert.match(r.out, /next steps:/);
    assert.match(r.out, /control-get: GET http:\/\/127\.0\.0\.1:\d+\/items -> 200 OK/);
    assert.match(r.out, /skipped sibling-path: .*--allow-unsafe-probes/);
  });

  it('given --json, it prints the documented document with findings ordered by confidence', async () => {
    const r = await run(['--json', '--allow-unsafe-probes', 'BREW', `${server.url}/pot`]);
    assert.equal(r.code, 0, r.err);
    const doc = jsonSchema.parse(JSON.parse(r.out));
    assert.equal(doc.findings[0]?.cause, 'method-unsupported');
    const scores = doc.findings.map((f) => f.score);
    assert.deepEqual(
      scores,
      [...scores].sort((a, b) => b - a),
    );
    assert.ok(doc.probes.some((p) => p.id === 'sibling-path' && p.request.method === 'BREW'));
    assert.ok(doc.probes.length <= 8);
  });

  it('given --no-probe, it sends only the request itself', async () => {
    const before = server.requests.length;
    const r = await run(['--no-probe', 'PUT', `${server.url}/items`]);
    assert.equal(r.code, 0);
    assert.equal(server.requests.length, before + 1);
    assert.doesNotMatch(r.out, /control-get:/);
  });

  it('given --raw FILE with Transfer-Encoding: foo, it sends the bytes as they are and blames the transfer coding', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'statuscope-diag-'));
    const file = join(dir, 'req.txt');
    await writeFile(
      file,
      `GET /items HTTP/1.1\r\nHost: ${server.url.slice(7)}\r\nTransfer-Encoding: foo\r\n\r\n`,
    );
    const r = await run(['--raw', file, server.url]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /verdict: protocol-feature/);
    assert.ok(server.requests.some((q) => /\r\nTransfer-Encoding: foo\r\n/.test(q.head)));
  });

  it('given a closed port, it exits 1 with the transport error', async () => {
    const r = await run(['GET', `http://127.0.0.1:${await closedPort()}/`]);
    assert.equal(r.code, 1);
    assert.match(r.err, /net\.refused/);
  });

  it('given no URL, it exits 2 with a usage message', async () => {
    const r = await run(['GET']);
    assert.equal(r.code, 2);
  });
});
