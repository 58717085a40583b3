/** The audit report as a terminal table and as Markdown (JSON is the report itself). */
import type { AuditOperation, AuditReport, AuditUndocumented } from '../../contract/run-ops';
import { mdCell } from '../export';
import { textTable } from '../format-text';

function summary(r: AuditReport): string {
  const t = r.totals;
  const parts = [
    `${t.implemented} implemented`,
    `${t['not-built']} documented but not built`,
    `${t['auth-gated']} auth-gated`,
    `${t.erroring} erroring`,
  ];
  if (t.skipped > 0) parts.push(`${t.skipped} not sent`);
  return `${r.operations.length} documented operation${r.operations.length === 1 ? '' : 's'}: ${parts.join(', ')}; ${t.undocumentedAnswering} undocumented method${t.undocumentedAnswering === 1 ? '' : 's'} answering.`;
}

function status(p: { status?: number; error?: { code: string } }): string {
  return p.status !== undefined ? String(p.status) : p.error ? p.error.code : '—';
}

const opRow = (o: AuditOperation) => [o.verdict, o.method, o.path, status(o), o.note];
const undocRow = (u: AuditUndocumented) => [u.method, u.path, status(u), u.note];

export function formatAuditText(r: AuditReport): string {
  const out = [
    `OpenAPI audit of ${r.title}${r.version ? ` ${r.version}` : ''} against ${r.baseUrl}`,
    summary(r),
    '',
  ];
  out.push(...textTable(['VERDICT', 'METHOD', 'PATH', 'STATUS', 'NOTE'], r.operations.map(opRow)));
  const answering = r.undocumented.filter(
    (u) => u.verdict === 'answers' || u.verdict === 'auth-gated' || u.verdict === 'erroring',
  );
  if (answering.length > 0) {
    out.push(
      '',
      'Methods the spec does not document, answered anyway:',
      ...textTable(['METHOD', 'PATH', 'STATUS', 'NOTE'], answering.map(undocRow)).map((l) => `  ${l}`),
    );
  }
  const unsent = r.undocumented.filter((u) => u.verdict === 'skipped').length;
  if (unsent > 0)
    out.push(
      '',
      `${unsent} undocumented unsafe method${unsent === 1 ? ' was' : 's were'} not tried (no consent for unsafe methods).`,
    );
  if (r.cancelled) out.push('', 'Cancelled before the end.');
  return `${out.join('\n')}\n`;
}

export function formatAuditMarkdown(r: AuditReport): string {
  const out = [
    `# OpenAPI audit: ${mdCell(r.title)}${r.version ? ` ${mdCell(r.version)}` : ''}`,
    '',
    `Against \`${r.baseUrl}\` on ${r.startedAt}. ${summary(r)}`,
    '',
  ];
  out.push('| Verdict | Method | Path | Status | Note |', '|---|---|---|---|---|');
  for (const o of r.operations) out.push(`| ${opRow(o).map(mdCell).join(' | ')} |`);
  const tried = r.undocumented.filter((u) => u.verdict !== 'skipped');
  if (tried.length > 0) {
    out.push(
      '',
      '## Methods the spec does not document',
      '',
      '| Verdict | Method | Path | Status | Note |',
      '|---|---|---|---|---|',
    );
    for (const u of tried) out.push(`| ${[u.verdict, ...undocRow(u)].map(mdCell).join(' | ')} |`);
  }
  if (r.cancelled) out.push('', '**Cancelled before the end.**');
  return `${out.join('\n')}\n`;
}
