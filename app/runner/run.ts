/**
 * Running a collection (or one folder, or one request) like CI does: in the collection's order, with a
 * bounded number in flight (results stay in order), each request sent through the same flow the app uses
 * (cookies of this run, auth that needs a round trip) and its assertions evaluated. A request that
 * cannot be sent is reported in its place; `bail` stops after the first failure; the signal stops at once.
 */
import { CookieJar } from 'tough-cookie';
import { ok, type Result } from '../common/result';
import { OAuth2TokenCache } from '../collections/auth/oauth2';
import { attachCookies, storeSetCookies } from '../collections/cookies';
import { sendResolved } from '../collections/send-saved';
import type { RunEvents, RunItemResult, RunReport } from '../contract/run-ops';
import { mapLimited } from '../scan/limiter';
import { evaluateAssertions, ResponseView } from './assertions';
import { BodyCapture } from './body-capture';
import { collectRunnable, type RunnableItem, type SecretSource } from './collect';

export interface RunInput {
  root: string;
  relPath: string;
  environment?: string;
  bail: boolean;
  concurrency: number;
  runId: string;
}

export interface RunDeps {
  signal?: AbortSignal;
  onProgress?: (event: RunEvents['run:progress']) => void;
  /** `STATUSCOPE_VAR_*` overrides (CI). */
  env?: Readonly<Record<string, string | undefined>>;
  secrets?: SecretSource;
  tempDir?: string;
}

function base(
  item: RunnableItem,
): Pick<RunItemResult, 'path' | 'name' | 'folder' | 'folderName' | 'method' | 'url'> {
  const spec = item.resolved.ok ? item.resolved.value.spec : undefined;
  return {
    path: item.path,
    name: item.name,
    folder: item.folder,
    folderName: item.folderName,
    method: spec?.method ?? item.saved?.method ?? '',
    url: spec?.url ?? item.saved?.url ?? '',
  };
}

interface RunContext {
  capture: BodyCapture;
  jar: CookieJar;
  tokens: OAuth2TokenCache;
  signal: AbortSignal;
}

async function runItem(item: RunnableItem, ctx: RunContext): Promise<RunItemResult> {
  const head = base(item);
  if (!item.resolved.ok)
    return {
      ...head,
      outcome: 'error',
      ms: 0,
      assertions: [],
      error: { code: item.resolved.error.code, message: item.resolved.error.message },
    };
  const sent = await sendResolved(item.resolved.value, {
    send: ctx.capture.send,
    tokens: ctx.tokens,
    cookies: {
      attach: (spec) => attachCookies(ctx.jar, spec),
      store: (exchange) => storeSetCookies(ctx.jar, exchange),
    },
    signal: ctx.signal,
  });
  if (!sent.ok) {
    if (ctx.signal.aborted)
      return {
        ...head,
        outcome: 'skipped',
        ms: 0,
        assertions: [],
        skipReason: 'stopped while it was in flight',
      };
    return {
      ...head,
      outcome: 'error',
      ms: 0,
      assertions: [],
      error: { code: sent.error.code, message: sent.error.message },
    };
  }
  const { exchange, exchanges } = sent.value;
  const body = await ctx.capture.release(
    exchange.id,
    exchanges.map((e) => e.exchange.id),
  );
  const view = new ResponseView(exchange, body.text);
  const assertions = evaluateAssertions(item.saved?.assertions ?? [], view);
  const status = view.status;
  const reason = exchange.hops[exchange.hops.length - 1]?.response?.reason;
  return {
    ...head,
    url: exchange.request.url,
    outcome: assertions.every((a) => a.passed) ? 'passed' : 'failed',
    ...(status === undefined ? {} : { status }),
    ...(reason === undefined ? {} : { reason }),
    ms: Math.round(exchanges.reduce((n, e) => n + e.exchange.totalMs, 0) * 10) / 10,
    assertions,
  };
}

function tally(results: readonly RunItemResult[]): RunReport['totals'] {
  const count = (o: RunItemResult['outcome']) => results.filter((r) => r.outcome === o).length;
  const assertions = results.flatMap((r) => r.assertions);
  return {
    requests: results.length,
    passed: count('passed'),
    failed: count('failed'),
    errors: count('error'),
    skipped: count('skipped'),
    assertions: assertions.length,
    assertionsFailed: assertions.filter((a) => !a.passed).length,
  };
}

export async function runCollection(input: RunInput, deps: RunDeps = {}): Promise<Result<RunReport>> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const runnable = await collectRunnable({
    root: input.root,
    relPath: input.relPath,
    ...(input.environment === undefined ? {} : { environment: input.environment }),
    ...(deps.env ? { env: deps.env } : {}),
    ...(deps.secrets ? { secrets: deps.secrets } : {}),
  });
  if (!runnable.ok) return runnable;
  const { tree, environment, items } = runnable.value;
  const signal = deps.signal ?? new AbortController().signal;
  const ctx: RunContext = {
    capture: new BodyCapture(deps.tempDir),
    jar: new CookieJar(),
    tokens: new OAuth2TokenCache(),
    signal,
  };
  let bailed = false;
  let done = 0;

  const ran = await mapLimited(
    items,
    async (item) => {
      const r = await runItem(item, ctx);
      if (input.bail && (r.outcome === 'failed' || r.outcome === 'error')) bailed = true;
      done += 1;
      deps.onProgress?.({
        runId: input.runId,
        done,
        total: items.length,
        path: r.path,
        name: r.name,
        outcome: r.outcome,
      });
      return r;
    },
    { concurrency: input.concurrency, signal, shouldStop: () => bailed },
  );
  const skipReason = bailed
    ? 'not run: --bail stopped the run after a failure'
    : 'not run: the run was stopped';
  const results = items.map(
    (item, i): RunItemResult =>
      ran[i] ?? { ...base(item), outcome: 'skipped', ms: 0, assertions: [], skipReason },
  );
  return ok({
    runId: input.runId,
    collection: { root: tree.root, name: tree.name },
    relPath: input.relPath,
    environment: environment?.name ?? null,
    startedAt,
    ms: Math.round(performance.now() - started),
    results,
    totals: tally(results),
    bailed,
    stopped: signal.aborted,
  });
}
