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
import { diagnosisOps, type OriginalRequest } from '../contract/diagnosis-ops';
import { requestSpecSchema, rawRequestSchema, type ExchangeRecord } from '../contract/exchange';
import type { LabRoute } from '../contract/lab-ops';
import { explainExchange } from '../diagnosis/explain';
import { sendExchange } from '../engine/send';
import { sendRaw } from '../engine/raw';
import { createHandlers, type Handlers } from '../service/index';
import { silentContext } from '../service/types';
import { startLab } from './lab';
import { labRequestBytes } from './lab-request';
import { labRoutes } from './routes';

const CASES = labRoutes('http://o', 'http://p').filter((r) => r.cause !== null);

/**
 * Cases the passive diagnosis cannot settle from the response alone, and why. The lab proxy's own page
 * is recognised only by a fingerprint (app/knowledge) or a generic "Server names the Via hop" signal
 * (app/diagnosis), neither of which exists yet; `patch` ties with method-unsupported until the
 * method-upper probe shows PATCH works.
 */
const PASSIVE_TODO: Record<string, string> = {
  'proxy-unknown-method': 'needs a lab-proxy fingerprint in app/knowledge or a Server/Via authorship signal in app/diagnosis',
  'transfer-coding-via-proxy': 'needs a lab-proxy fingerprint in app/knowledge or a Server/Via authorship signal in app/diagnosis',
  'method-spelling': 'passively tied with method-unsupported; the method-upper probe settles it',
};

/** What the app would send: the engine for ordinary requests, raw mode for what undici refuses (Transfer-Encoding). */
function originalFor(route: LabRoute): OriginalRequest {
  if (route.headers.some(([n]) => n.toLowerCase() === 'transfer-encoding')) {
    const url = new URL(route.url);
    const bytes = labRequestBytes({ method: route.method, path: route.path, headers: route.headers, body: route.body }, url.host);
    return { kind: 'raw', request: rawRequestSchema.parse({ target: url.origin, bytesBase64: bytes.toString('base64') }) };
  }
  const contentType = route.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1];
  return {
    kind: 'spec',
    request: requestSpecSchema.parse({
      method: route.method,
      url: route.url,
      headers: route.headers.filter(([n]) => n.toLowerCase() !== 'content-type'),
      body: route.body === null ? { kind: 'none' } : { kind: 'text', text: route.body, ...(contentType === undefined ? {} : { contentType }) },
    }),
  };
}

async function exchangeOf(original: OriginalRequest, tempDir: string): Promise<ExchangeRecord> {
  const result = original.kind === 'raw' ? await sendRaw(original.request, { tempDir }) : await sendExchange(original.request, { tempDir });
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
  let handlers: Handlers;
  before(async () => {
    tempDir = await mkdtemp(join(tmpdir(), 'statuscope-lab-diag-'));
    handlers = createHandlers({ dataDir: tempDir, tempDir });
  });
  after(() => rm(tempDir, { recursive: true, force: true }));

  for (const spec of CASES) {
    const todo = PASSIVE_TODO[spec.id];
    it(`given ${spec.id} (${spec.method} via ${spec.via}), the passive diagnosis ranks ${spec.cause} first`, todo === undefined ? {} : { todo }, async () => {
      await withLabRoute(spec.id, async (route) => {
        const exchange = await exchangeOf(originalFor(route), tempDir);
        assert.equal(exchange.hops.at(-1)?.response?.status, 501);
        const findings = explainExchange(exchange).findings;
        assert.equal(findings[0]?.cause, route.cause, findings.map((f) => `${f.cause} ${f.score.toFixed(2)}`).join(', '));
      });
    });
  }

  for (const spec of CASES) {
    it(`given ${spec.id} (${spec.method} via ${spec.via}), the diagnosis with probes ranks ${spec.cause} first`, async (t) => {
      // 'diagnosis:run' is declared in app/contract; until app/service/diagnosis.ts implements it there is nothing to run.
      if (typeof handlers['diagnosis:run'] !== 'function') {
        t.skip('diagnosis:run is not implemented in app/service/diagnosis.ts yet');
        return;
      }
      await withLabRoute(spec.id, async (route) => {
        const original = originalFor(route);
        const exchange = await exchangeOf(original, tempDir);
        // The lab is local and built for this: consent to probe with the original (unsafe) method. The input
        // goes through the operation's schema, as it would over IPC, then to the handler once.
        const input = diagnosisOps['diagnosis:run'].input.parse({ exchange, original, probes: { enabled: true, allowUnsafe: true, timeoutMs: 5000 } });
        const report = await handlers['diagnosis:run'](input, silentContext);
        assert.ok(report.ok, report.ok ? '' : `${report.error.code}: ${report.error.message}`);
        const findings = report.value.findings;
        assert.equal(findings[0]?.cause, route.cause, findings.map((f) => `${f.cause} ${f.score.toFixed(2)}`).join(', '));
      });
    });
  }
});
