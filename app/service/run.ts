/**
 * Implements app/contract/run-ops.ts: the capability scan, the OpenAPI audit and the collection runner.
 * Thin: the work lives in app/scan and app/runner; this file keeps the abort controllers of what is in
 * flight (so cancel/stop can reach them), reads the spec file and the secret store, and forwards events.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { newId } from '../common/ids';
import { fail, ok, type Result } from '../common/result';
import { FileSecretStore } from '../collections/secrets';
import type { runOps } from '../contract/run-ops';
import { runCollection } from '../runner/run';
import type { SecretSource } from '../runner/collect';
import { exportMatrix } from '../scan/export';
import { previewSender } from '../scan/observe';
import { buildScanPlan } from '../scan/plan';
import { runScan } from '../scan/scan';
import { resolveScanTargets } from '../scan/targets';
import type { HandlersFor, ServiceEnv } from './types';

const MAX_SPEC_BYTES = 20 * 1024 * 1024;

/** Abort controllers by id, one table per kind of job; an id may not run twice at once. */
class InFlight {
  private readonly jobs = new Map<string, AbortController>();

  async run<T>(
    id: string,
    what: string,
    job: (signal: AbortSignal) => Promise<Result<T>>,
  ): Promise<Result<T>> {
    if (this.jobs.has(id))
      return fail(`${what}.already-running`, `A ${what} with the id ${id} is already running.`);
    const controller = new AbortController();
    this.jobs.set(id, controller);
    try {
      return await job(controller.signal);
    } finally {
      this.jobs.delete(id);
    }
  }

  abort(id: string): boolean {
    const controller = this.jobs.get(id);
    controller?.abort();
    return controller !== undefined;
  }
}

async function readSpec(
  spec: { kind: 'text'; text: string } | { kind: 'path'; path: string },
): Promise<Result<string>> {
  if (spec.kind === 'text') return ok(spec.text);
  if (!path.isAbsolute(spec.path))
    return fail('audit.spec-not-found', `The spec path must be absolute, got ${JSON.stringify(spec.path)}.`);
  const info = await stat(spec.path).catch(() => undefined);
  if (!info?.isFile())
    return fail('audit.spec-not-found', `There is no file at ${spec.path}.`, { detail: { path: spec.path } });
  if (info.size > MAX_SPEC_BYTES)
    return fail('audit.spec-too-large', `${spec.path} is larger than ${MAX_SPEC_BYTES / 1024 / 1024} MiB.`);
  return ok(await readFile(spec.path, 'utf8'));
}

export function runHandlers(env: ServiceEnv): HandlersFor<keyof typeof runOps> {
  const scans = new InFlight();
  const audits = new InFlight();
  const runs = new InFlight();
  const store = new FileSecretStore(env.dataDir);
  const secrets: SecretSource = async (scope) => {
    const values = await store.values(scope);
    return values.ok ? values.value : {};
  };
  const send = previewSender(env.tempDir);
  const targetDeps = { env: process.env, secrets };

  return {
    'scan:plan': async (input) => {
      const targets = await resolveScanTargets(input.target, input.headers, targetDeps);
      return targets.ok ? ok(buildScanPlan(input, targets.value)) : targets;
    },
    'scan:run': (input, ctx) =>
      scans.run(input.scanId, 'scan', async (signal) => {
        const targets = await resolveScanTargets(input.target, input.headers, targetDeps);
        if (!targets.ok) return targets;
        const plan = buildScanPlan(input, targets.value);
        return ok(
          await runScan(plan, {
            send,
            scanId: input.scanId,
            signal,
            onProgress: (e) => ctx.emit('scan:progress', e),
          }),
        );
      }),
    'scan:cancel': async ({ scanId }) => ok({ cancelled: scans.abort(scanId) }),
    'scan:export': async ({ matrix, format }) => ok(exportMatrix(matrix, format)),
    'audit:run': (input, ctx) => {
      const auditId = input.auditId ?? newId('audit');
      return audits.run(auditId, 'audit', async (signal) => {
        const text = await readSpec(input.spec);
        if (!text.ok) return text;
        // Loaded on first use: the OpenAPI parser it pulls in costs a CLI start-up that never audits ~0.2 s.
        const [{ runAudit }, { formatAuditMarkdown }] = await Promise.all([
          import('../scan/audit/audit'),
          import('../scan/audit/format'),
        ]);
        const report = await runAudit(input, text.value, {
          send,
          auditId,
          signal,
          onProgress: (e) => ctx.emit('audit:progress', e),
        });
        return report.ok ? ok({ ...report.value, markdown: formatAuditMarkdown(report.value) }) : report;
      });
    },
    'audit:cancel': async ({ auditId }) => ok({ cancelled: audits.abort(auditId) }),
    'run:start': (input, ctx) =>
      runs.run(input.runId, 'run', (signal) =>
        runCollection(
          {
            root: input.root,
            relPath: input.relPath,
            ...(input.environment === undefined ? {} : { environment: input.environment }),
            bail: input.bail,
            concurrency: input.concurrency,
            runId: input.runId,
          },
          {
            signal,
            env: process.env,
            secrets,
            tempDir: env.tempDir,
            onProgress: (e) => ctx.emit('run:progress', e),
          },
        ),
      ),
    'run:stop': async ({ runId }) => ok({ stopped: runs.abort(runId) }),
  };
}
