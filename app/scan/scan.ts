/**
 * Runs a scan plan: OPTIONS to every target first (its Allow is what the other answers are checked
 * against), then every other planned cell, all through one limiter (concurrency and rate), then the
 * contradictions per row. Cancelling stops at once: no new request starts, requests in flight are aborted,
 * and the cells left are marked cancelled in a matrix that is still returned.
 */
import type { RunEvents, ScanCell, ScanMatrix, ScanPlan, ScanRow } from '../contract/run-ops';
import { findContradictions } from './contradictions';
import { mapLimited, RateGate } from './limiter';
import { bareSpec, observe, withShortPreviews, type Send } from './observe';

export interface ScanDeps {
  send: Send;
  scanId: string;
  signal?: AbortSignal;
  onProgress?: (event: RunEvents['scan:progress']) => void;
}

interface Job {
  row: number;
  cell: number;
}

const CANCELLED = 'cancelled before it was sent';

export async function runScan(plan: ScanPlan, deps: ScanDeps): Promise<ScanMatrix> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const signal = deps.signal ?? new AbortController().signal;
  const cells: ScanCell[][] = plan.targets.map((t) => t.cells.map((c) => ({ ...c })));
  const jobs: Job[] = plan.targets.flatMap((t, row) =>
    t.cells.flatMap((c, cell) => (c.send ? [{ row, cell }] : [])),
  );
  const total = jobs.length;
  let done = 0;

  const work = async ({ row, cell }: Job): Promise<void> => {
    const target = plan.targets[row];
    const rowCells = cells[row];
    const current = rowCells?.[cell];
    if (!target || !rowCells || !current) return;
    const sent = await deps.send(
      bareSpec(current.method, target.url, target.headers, plan.limits.timeoutMs),
      signal,
    );
    let updated: ScanCell;
    if (sent.ok) updated = { ...current, ...observe(sent.value), exchange: withShortPreviews(sent.value) };
    else if (signal.aborted) updated = { ...current, send: false, skipReason: CANCELLED };
    else updated = { ...current, error: { code: sent.error.code, message: sent.error.message } };
    rowCells[cell] = updated;
    done += 1;
    deps.onProgress?.({
      scanId: deps.scanId,
      done,
      total,
      url: target.url,
      method: current.method,
      status: updated.status ?? null,
    });
  };

  const limits = {
    concurrency: plan.limits.concurrency,
    rate: new RateGate(plan.limits.ratePerSecond),
    signal,
  };
  const isOptions = (j: Job) => plan.targets[j.row]?.cells[j.cell]?.method === 'OPTIONS';
  await mapLimited(jobs.filter(isOptions), work, limits);
  await mapLimited(
    jobs.filter((j) => !isOptions(j)),
    work,
    limits,
  );

  const rows: ScanRow[] = plan.targets.map((t, i) => {
    const rowCells = (cells[i] ?? []).map((c) =>
      c.send && c.status === undefined && c.error === undefined
        ? { ...c, send: false, skipReason: CANCELLED }
        : c,
    );
    const options = rowCells.find((c) => c.method === 'OPTIONS');
    const optionsAllow = options?.allow ?? null;
    return {
      url: t.url,
      label: t.label,
      ...(t.source === undefined ? {} : { source: t.source }),
      optionsAllow,
      cells: rowCells,
      contradictions: findContradictions(optionsAllow, rowCells),
    };
  });
  const all = rows.flatMap((r) => r.cells);
  return {
    scanId: deps.scanId,
    startedAt,
    ms: Math.round(performance.now() - started),
    methods: plan.methods,
    rows,
    problems: plan.problems,
    cancelled: signal.aborted,
    totals: {
      sent: all.filter((c) => c.status !== undefined || c.error !== undefined).length,
      skipped: all.filter((c) => !c.send).length,
      errors: all.filter((c) => c.error !== undefined).length,
      contradictions: rows.reduce((n, r) => n + r.contradictions.length, 0),
    },
  };
}
