/**
 * The dry run: every cell of the matrix with whether it will be sent, and if not, why. `scan:plan`
 * returns exactly this, and `scan:run` sends exactly what it says.
 */
import type { MethodSet, PlannedCell, PlannedTarget, ScanPlan, ScanRequest } from '../contract/run-ops';
import { METHODS_BY_SET, methodSafety, needsConsent } from './methods';
import type { ResolvedTargets } from './targets';

/** The matrix's columns with the set each came from: OPTIONS first, sets in the order chosen, extras last, no repeats. */
export function planMethods(
  sets: readonly MethodSet[],
  extra: readonly string[],
): Array<{ method: string; set: PlannedCell['set'] }> {
  const out: Array<{ method: string; set: PlannedCell['set'] }> = [{ method: 'OPTIONS', set: 'options' }];
  const seen = new Set(['OPTIONS']);
  for (const set of sets) {
    for (const method of METHODS_BY_SET[set]) {
      if (!seen.has(method)) out.push({ method, set });
      seen.add(method);
    }
  }
  for (const method of extra) {
    if (!seen.has(method)) out.push({ method, set: 'extra' });
    seen.add(method);
  }
  return out;
}

function planCell(
  method: string,
  set: PlannedCell['set'],
  named: boolean,
  allowUnsafe: boolean,
): PlannedCell {
  const safety = methodSafety(method);
  const cell: PlannedCell = { method, set, safety, send: true };
  if (!needsConsent(method, set)) return cell;
  const what =
    safety === 'unsafe'
      ? `${method} is unsafe (it may change state)`
      : `${method} is not a registered method, so what it does is unknown`;
  if (!named)
    return {
      ...cell,
      send: false,
      skipReason: `${what}; unsafe methods go only to a URL named for the scan, not to collection requests`,
    };
  if (!allowUnsafe)
    return { ...cell, send: false, skipReason: `${what}; allow unsafe methods for this run to send it` };
  return cell;
}

export function buildScanPlan(request: ScanRequest, resolved: ResolvedTargets): ScanPlan {
  const columns = planMethods(request.methodSets, request.extraMethods);
  const targets: PlannedTarget[] = resolved.targets.map((t) => ({
    url: t.url,
    label: t.label,
    ...(t.source === undefined ? {} : { source: t.source }),
    headers: t.headers,
    named: t.named,
    cells: columns.map((c) => planCell(c.method, c.set, t.named, request.allowUnsafe)),
  }));
  const cells = targets.flatMap((t) => t.cells);
  const toSend = cells.filter((c) => c.send).length;
  return {
    targets,
    methods: columns.map((c) => c.method),
    problems: resolved.problems,
    totals: { cells: cells.length, toSend, skipped: cells.length - toSend },
    limits: {
      concurrency: request.concurrency,
      ratePerSecond: request.ratePerSecond,
      timeoutMs: request.timeoutMs,
    },
  };
}
