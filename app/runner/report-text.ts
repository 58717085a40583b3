/** The run as a terminal reads it: one line per request under its folder, failed assertions beneath, totals last. */
import { formatMs } from '../common/exchange';
import type { RunItemResult, RunReport } from '../contract/run-ops';

const LABEL: Record<RunItemResult['outcome'], string> = {
  passed: 'PASS',
  failed: 'FAIL',
  error: 'ERROR',
  skipped: 'SKIP',
};

function itemLine(r: RunItemResult): string[] {
  const status = r.status === undefined ? '' : `  ${r.status}${r.reason ? ` ${r.reason}` : ''}`;
  const time = r.outcome === 'passed' || r.outcome === 'failed' ? `  ${formatMs(r.ms)}` : '';
  const out = [`  ${LABEL[r.outcome].padEnd(5)} ${r.method} ${r.name}${status}${time}`];
  for (const a of r.assertions) if (!a.passed) out.push(`          ✗ ${a.assertion.kind}: ${a.message}`);
  if (r.error) out.push(`          ${r.error.code}: ${r.error.message}`);
  if (r.skipReason) out.push(`          ${r.skipReason}`);
  return out;
}

export function summaryLine(report: RunReport): string {
  const t = report.totals;
  const parts = [`${t.passed} passed`, `${t.failed} failed`, `${t.errors} could not be sent`];
  if (t.skipped) parts.push(`${t.skipped} skipped`);
  return `${t.requests} request${t.requests === 1 ? '' : 's'}: ${parts.join(', ')}; ${t.assertions} assertion${t.assertions === 1 ? '' : 's'}, ${t.assertionsFailed} failed; ${formatMs(report.ms)}`;
}

export function formatRunText(report: RunReport): string {
  const out = [
    `${report.collection.name}${report.relPath ? ` / ${report.relPath}` : ''}${report.environment ? ` (environment ${report.environment})` : ''}`,
  ];
  let folder: string | undefined;
  for (const r of report.results) {
    if (r.folder !== folder) {
      folder = r.folder;
      if (r.folder !== '') out.push(`${r.folderName} (${r.folder}/)`);
    }
    out.push(...itemLine(r));
  }
  out.push('', summaryLine(report));
  if (report.bailed) out.push('Stopped after the first failure (--bail).');
  if (report.stopped) out.push('Stopped before the end.');
  return `${out.join('\n')}\n`;
}
