/**
 * The matrix as text: CSV (RFC 4180, one line per cell, for spreadsheets and scripts) and Markdown (a
 * targets × methods summary, then per target the detail and its contradictions, for an issue or a wiki).
 */
import { assertNever } from '../common/result';
import type { ScanCell, ScanExportFormat, ScanMatrix, ScanRow } from '../contract/run-ops';

const CSV_COLUMNS = [
  'url',
  'label',
  'source',
  'method',
  'set',
  'safety',
  'sent',
  'status',
  'reason',
  'allow',
  'answered_by',
  'cause',
  'body_bytes',
  'ms',
  'error',
  'skip_reason',
  'contradictions',
] as const;

/**
 * RFC 4180 §2: quote a field holding a comma, quote or line break, doubling inner quotes. A field that a
 * spreadsheet would run as a formula (a server-chosen reason phrase like `=HYPERLINK(…)`) gets a leading
 * apostrophe (OWASP, "CSV Injection").
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cellContradictions(row: ScanRow, method: string): string {
  return row.contradictions
    .filter((c) => c.methods.includes(method))
    .map((c) => c.kind)
    .join(' ');
}

export function matrixToCsv(matrix: ScanMatrix): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const row of matrix.rows) {
    for (const c of row.cells) {
      const fields: Record<(typeof CSV_COLUMNS)[number], string> = {
        url: row.url,
        label: row.label,
        source: row.source ?? '',
        method: c.method,
        set: c.set,
        safety: c.safety,
        sent: c.status !== undefined || c.error !== undefined ? 'yes' : 'no',
        status: c.status === undefined ? '' : String(c.status),
        reason: c.reason ?? '',
        allow: (c.allow ?? []).join(', '),
        answered_by: c.answeredBy?.name ?? '',
        cause: c.cause ?? '',
        body_bytes: c.bodyBytes === undefined ? '' : String(c.bodyBytes),
        ms: c.ms === undefined ? '' : String(c.ms),
        error: c.error ? `${c.error.code}: ${c.error.message}` : '',
        skip_reason: c.skipReason ?? '',
        contradictions: cellContradictions(row, c.method),
      };
      lines.push(CSV_COLUMNS.map((k) => csvField(fields[k])).join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Text safe inside a Markdown table cell: pipes escaped, line breaks flattened. */
export function mdCell(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/[\r\n]+/g, ' ')
    .trim();
}

function shortCell(c: ScanCell | undefined): string {
  if (!c) return '';
  if (c.status !== undefined) return String(c.status);
  if (c.error) return 'error';
  return '—';
}

function detailNote(c: ScanCell): string {
  if (c.error) return `${c.error.code}: ${c.error.message}`;
  if (c.skipReason) return `not sent: ${c.skipReason}`;
  if (c.cause) return `${c.cause}${c.causeSummary ? ` — ${c.causeSummary}` : ''}`;
  return '';
}

export function matrixToMarkdown(matrix: ScanMatrix): string {
  const out: string[] = ['# Capability matrix', ''];
  const t = matrix.totals;
  out.push(
    `Scanned ${matrix.rows.length} target${matrix.rows.length === 1 ? '' : 's'} on ${matrix.startedAt} in ${matrix.ms} ms: ${t.sent} sent, ${t.skipped} not sent, ${t.errors} transport error${t.errors === 1 ? '' : 's'}, ${t.contradictions} contradiction${t.contradictions === 1 ? '' : 's'}.${matrix.cancelled ? ' **Cancelled before the end.**' : ''}`,
    '',
    `| Target | ${matrix.methods.map(mdCell).join(' | ')} |`,
    `|---|${matrix.methods.map(() => '---').join('|')}|`,
  );
  for (const row of matrix.rows) {
    out.push(
      `| ${mdCell(row.label)} | ${matrix.methods.map((m) => shortCell(row.cells.find((c) => c.method === m))).join(' | ')} |`,
    );
  }
  out.push('', '`—` not sent (see the detail), `error` no response.');
  for (const row of matrix.rows) {
    out.push('', `## ${mdCell(row.label)}`, '');
    if (row.label !== row.url) out.push(`URL: \`${row.url}\``, '');
    out.push(
      `Allow (from OPTIONS): ${row.optionsAllow ? row.optionsAllow.join(', ') || '(empty)' : '(none sent)'}`,
      '',
    );
    out.push('| Method | Status | Allow | Answered by | Note |', '|---|---|---|---|---|');
    for (const c of row.cells) {
      const status = c.status === undefined ? '' : `${c.status} ${c.reason ?? ''}`.trim();
      out.push(
        `| ${mdCell(c.method)} | ${mdCell(status)} | ${mdCell((c.allow ?? []).join(', '))} | ${mdCell(c.answeredBy?.name ?? '')} | ${mdCell(detailNote(c))} |`,
      );
    }
    if (row.contradictions.length > 0) {
      out.push('', '**Contradictions**', '');
      for (const c of row.contradictions) out.push(`- \`${c.kind}\` (${c.methods.join(', ')}): ${c.message}`);
    }
  }
  if (matrix.problems.length > 0) {
    out.push('', '## Not scanned', '');
    for (const p of matrix.problems) out.push(`- \`${p.source}\`: ${p.message}`);
  }
  return `${out.join('\n')}\n`;
}

export function exportMatrix(
  matrix: ScanMatrix,
  format: ScanExportFormat,
): { text: string; mediaType: string } {
  switch (format) {
    case 'csv':
      return { text: matrixToCsv(matrix), mediaType: 'text/csv; charset=utf-8' };
    case 'markdown':
      return { text: matrixToMarkdown(matrix), mediaType: 'text/markdown; charset=utf-8' };
    default:
      return assertNever(format, 'export format');
  }
}
