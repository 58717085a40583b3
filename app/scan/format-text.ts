/** The scan for a terminal: the plan of a dry run, and the matrix as one table per target plus contradictions. */
import type { ScanCell, ScanMatrix, ScanPlan } from '../contract/run-ops';

export function textTable(header: readonly string[], rows: readonly string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

export function formatPlanText(plan: ScanPlan): string {
  const out = [
    `Dry run: ${plan.totals.toSend} of ${plan.totals.cells} requests would be sent (at most ${plan.limits.concurrency} at once, ${plan.limits.ratePerSecond}/s, ${plan.limits.timeoutMs} ms timeout).`,
  ];
  for (const t of plan.targets) {
    out.push('', t.label === t.url ? t.url : `${t.label}  ${t.url}`);
    const send = t.cells.filter((c) => c.send).map((c) => c.method);
    out.push(`  send:  ${send.join(' ') || '(nothing)'}`);
    for (const c of t.cells.filter((x) => !x.send))
      out.push(`  skip:  ${c.method.padEnd(9)} ${c.skipReason ?? ''}`);
  }
  for (const p of plan.problems) out.push('', `not scanned: ${p.source}: ${p.message}`);
  return `${out.join('\n')}\n`;
}

function note(c: ScanCell): string {
  if (c.error) return `${c.error.code}: ${c.error.message}`;
  if (c.skipReason) return `not sent: ${c.skipReason}`;
  if (c.cause) return c.cause;
  return '';
}

export function formatMatrixText(m: ScanMatrix): string {
  const out: string[] = [];
  if (m.rows.length > 1) {
    out.push(
      ...textTable(
        ['TARGET', ...m.methods],
        m.rows.map((r) => [
          r.label,
          ...m.methods.map((x) => {
            const c = r.cells.find((cell) => cell.method === x);
            return c?.status !== undefined ? String(c.status) : c?.error ? 'err' : '-';
          }),
        ]),
      ),
      '',
    );
  }
  for (const row of m.rows) {
    out.push(row.label === row.url ? row.url : `${row.label}  ${row.url}`);
    const rows = row.cells.map((c) => [
      c.method,
      c.status === undefined ? '-' : `${c.status} ${c.reason ?? ''}`.trim(),
      (c.allow ?? []).join(', '),
      c.answeredBy?.name ?? '',
      note(c),
    ]);
    out.push(...textTable(['METHOD', 'STATUS', 'ALLOW', 'ANSWERED BY', 'NOTE'], rows).map((l) => `  ${l}`));
    if (row.contradictions.length > 0) {
      out.push('  Contradictions:');
      for (const c of row.contradictions) out.push(`    ${c.kind} (${c.methods.join(', ')}): ${c.message}`);
    }
    out.push('');
  }
  for (const p of m.problems) out.push(`not scanned: ${p.source}: ${p.message}`);
  const t = m.totals;
  out.push(
    `${t.sent} sent, ${t.skipped} not sent, ${t.errors} without a response, ${t.contradictions} contradiction${t.contradictions === 1 ? '' : 's'}; ${m.ms} ms.${m.cancelled ? ' Cancelled before the end.' : ''}`,
  );
  return `${out.join('\n')}\n`;
}
