/**
 * The lab's promise to the diagnosis: each 501 case, sent through the exchange engine and diagnosed,
 * comes out with the cause the route documents ranked first. The passive half needs the response alone;
 * the active half lets the diagnosis probe the lab (OPTIONS, control GET/HEAD, sibling path,
 * Max-Forwards, cache bypass, the method upper-cased, the retry without Transfer-Encoding).
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { probeOptionsSchema, type OriginalRequest } from '../contract/diagnosis-ops';
import { requestSpecSchema, rawRequestSchema, type ExchangeRecord } from '../contract/exchange';
import type { LabRoute } from '../contract/lab-ops';
import { diagnoseExchange } from '../diagnosis/diagnose';
import { explainExchange } from '../diagnosis/explain';
import { sendExchange } from '../engine/send';
import { sendRaw } from '../engine/raw';
import { startLab } from './lab';
import { labRequestBytes } from './lab-request';
import { labRoutes } from './routes';

const CASES = labRoutes('http://o', 'http://p').filter((r) => r.cause !== null);

/**
 * Known gaps between what the lab presents and what app/diagnosis concludes; each test still runs
 * (node:test `todo`), so it reports when the gap closes. The lab's side of each case is checked by
 * routes.test.ts and proxy.test.ts.
 */
const PASSIVE_TODO: Record<string, string> = {
  // By design (the corpus labels every lower-case method refused server-wide as method-unsupported): from
  // the response alone "patch" ties method-unsupported and method-spelling; both are named, marked as a
  // close call whose settle step is "Send PATCH instead", and the method-upper probe decides it.
  'method-spelling':
    'passively a close call with method-unsupported (named second, same score); the method-upper probe settles it',
};
const ACTIVE_TODO: Record<string, string> = {};

/** What the app would send: the engine for ordinary requests, raw mode for what undici refuses (Transfer-Encoding). */
function originalFor(route: LabRoute): OriginalRequest {
  if (route.headers.some(([n]) => n.toLowerCase() === 'transfer-encoding')) {
    const url = new URL(route.url);
    const bytes = labRequestBytes(
      { method: route.method, path: route.path, headers: route.headers, body: route.body },
      url.host,
    );
    return {
      kind: 'raw',
      // Raw mode's target only says where to connect (its path is ignored): the probes must take the
      // path from the request line.
      request: rawRequestSchema.parse({ target: url.origin, bytesBase64: bytes.toString('base64') }),
    };
  }
  const contentType = route.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
  return {
    kind: 'spec',
    request: requestSpecSchema.parse({
      method: route.method,
      url: route.url,
      headers: route.headers.filter(([n]) => n.toLowerCase() !== 'content-type'),
      body:
        route.body === null
          ? { kind: 'none' }
          : { kind: 'text', text: route.body, ...(contentType === undefined ? {} : { contentType }) },
    }),
  };
}

async function exchangeOf(original: OriginalRequest, tempDir: string): Promise<ExchangeRecord> {
  const result =
    original.kind === 'raw'
      ? await sendRaw(original.request, { tempDir })
      : await sendExchange(original.request, { tempDir });
  assert.ok(result.ok, result.ok ? '' : `${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** A lab of its own per case: the flaky report alternates, and probes must see it from its first request. */
async function withLabRoute<T>(id: string, run: (route: LabRoute) => Promise<T>): Promise<T> {
  const lab = await startLab();
  try {
    const route = lab.routes.find((r) => r.id === id);
    assert.ok(route, id);
    return await run(route);
  } finally {
    await lab.close();
  }
}

describe('lab cases through the diagnosis', () => {
  let tempDir: string;
  before(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'statuscope-lab-diag-'));
  });
  after(() => rm(tempDir, { recursive: true, force: true }));

  for (const spec of CASES) {
    const todo = PASSIVE_TODO[spec.id];
    it(
      `given ${spec.id} (${spec.method} via ${spec.via}), the passive diagnosis ranks ${spec.cause} first`,
      todo === undefined ? {} : { todo },
      async () => {
        await withLabRoute(spec.id, async (route) => {
          const exchange = await exchangeOf(originalFor(route), tempDir);
          assert.equal(exchange.hops.at(-1)?.response?.status, 501);
          const findings = explainExchange(exchange).findings;
          assert.equal(
            findings[0]?.cause,
            route.cause,
            findings.map((f) => `${f.cause} ${f.score.toFixed(2)}`).join(', '),
          );
        });
      },
    );
  }

  for (const spec of CASES) {
    const todo = ACTIVE_TODO[spec.id];
    it(
      `given ${spec.id} (${spec.method} via ${spec.via}), the diagnosis with probes ranks ${spec.cause} first`,
      todo === undefined ? {} : { todo },
      async () => {
        await withLabRoute(spec.id, async (route) => {
          const original = originalFor(route);
          const exchange = await exchangeOf(original, tempDir);
          // The lab is local and built for this: consent to probe with the original (unsafe) method.
          const options = probeOptionsSchema.parse({ enabled: true, allowUnsafe: true, timeoutMs: 5000 });
          const report = await diagnoseExchange(exchange, original, options, { tempDir });
          const findings = report.findings;
          const probes = report.probes
            .map((p) => `${p.kind}→${p.response?.status ?? p.error?.code}`)
            .join(' ');
          assert.equal(
            findings[0]?.cause,
            route.cause,
            `${findings.map((f) => `${f.cause} ${f.score.toFixed(2)}`).join(', ')} | probes: ${probes}`,
          );
        });
      },
    );
  }
});
