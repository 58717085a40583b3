/**
 * Time for a full 501 diagnosis with probes on loopback, against a local raw server, reported as a
 * ratio to a baseline measured in the same run: one plain sendExchange of the same request.
 * Goal: under 300 ms with at most 8 probes. Not a pass/fail test (STYLE.md, "Tests").
 *
 *   node --import tsx bench/diagnosis.ts [rounds]
 */
import { requestSpecSchema } from '../app/contract/exchange';
import { diagnoseExchange } from '../app/diagnosis/diagnose';
import { sendExchange } from '../app/engine/send';
import { startStubServer } from '../app/diagnosis/testing/stub-server';

const rounds = Number(process.argv[2] ?? 30);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

async function main(): Promise<void> {
  // A server that behaves like a stub behind a proxy: 501 JSON on /v2/refunds, 200 elsewhere, Allow on OPTIONS.
  const server = await startStubServer({
    stubPath: '/v2/refunds',
    stubHeaders: [
      ['Content-Type', 'application/json'],
      ['Via', '1.1 edge'],
    ],
    stubBody: '{"error":"not_implemented","message":"refunds v2 is not implemented yet"}',
  });
  const spec = requestSpecSchema.parse({
    method: 'patch',
    url: `${server.url}/v2/refunds`,
    body: { kind: 'json', text: '{"amount":1}' },
  });
  const baseline: number[] = [];
  const full: number[] = [];
  let probes = 0;
  try {
    for (let i = 0; i < rounds + 3; i++) {
      const t0 = performance.now();
      const sent = await sendExchange(spec);
      const t1 = performance.now();
      if (!sent.ok) throw new Error(sent.error.message);
      const report = await diagnoseExchange(
        sent.value,
        { kind: 'spec', request: spec },
        { enabled: true, allowUnsafe: true, timeoutMs: 2000 },
      );
      const t2 = performance.now();
      probes = report.probes.length;
      if (i < 3) continue; // warm-up: JIT, undici pools
      baseline.push(t1 - t0);
      full.push(t2 - t1);
    }
  } finally {
    await server.close();
  }
  const b = median(baseline);
  const f = median(full);
  process.stdout.write(
    [
      `diagnosis with probes (${probes} probes, ${rounds} rounds, medians on loopback)`,
      `  baseline: one sendExchange         ${b.toFixed(2)} ms`,
      `  full diagnosis (passive + probes)  ${f.toFixed(2)} ms   (goal < 300 ms)`,
      `  ratio full / baseline              ${(f / b).toFixed(1)}x`,
      '',
    ].join('\n'),
  );
}

await main();
