/**
 * The audit's report: one table per verdict (implemented, documented but not built, behind
 * authentication, erroring, skipped), each operation with its status and the host's one-sentence note
 * (for a 501, the diagnosed cause); then the methods the spec does not document that answer anyway.
 */
import { assertNever } from '../../../app/common/result';
import type {
  AuditOperation,
  AuditReport,
  AuditUndocumented,
  AuditVerdict,
} from '../../../app/contract/run-ops';
import { download } from '../formats/text-output';

const VERDICT_ORDER: readonly AuditVerdict[] = [
  'not-built',
  'erroring',
  'auth-gated',
  'implemented',
  'skipped',
];

export function verdictTitle(verdict: AuditVerdict): string {
  switch (verdict) {
    case 'implemented':
      return 'Implemented';
    case 'not-built':
      return 'Documented but not built';
    case 'auth-gated':
      return 'Behind authentication';
    case 'erroring':
      return 'Erroring';
    case 'skipped':
      return 'Skipped';
    default:
      return assertNever(verdict, 'audit verdict');
  }
}

function statusCell(p: { status?: number; reason?: string; error?: { code: string } }) {
  if (p.status !== undefined)
    return (
      <span className={`mono s${Math.floor(p.status / 100)}xx`}>
        {`${p.status} ${p.reason ?? ''}`.trim()}
      </span>
    );
  return <span className="hint">{p.error ? p.error.code : '—'}</span>;
}

function OperationTable({ verdict, operations }: { verdict: AuditVerdict; operations: AuditOperation[] }) {
  return (
    <section className={`audit-group v-${verdict}`}>
      <h3>
        {verdictTitle(verdict)} ({operations.length})
      </h3>
      <table className="headers-table audit-table" aria-label={verdictTitle(verdict)}>
        <colgroup>
          <col className="c-op" />
          <col className="c-status" />
          <col className="c-cause" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Operation</th>
            <th scope="col">Status</th>
            <th scope="col">Cause</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {operations.map((o) => (
            <tr key={`${o.method} ${o.path}`}>
              <th scope="row">
                <span className="mono">
                  {o.method} {o.path}
                </span>
                {(o.operationId ?? o.summary) && (
                  <span className="hint op-id">{[o.operationId, o.summary].filter(Boolean).join(' — ')}</span>
                )}
              </th>
              <td>{statusCell(o)}</td>
              <td className="mono">{o.cause ?? ''}</td>
              <td title={o.answeredBy ? `Answered by ${o.answeredBy}` : undefined}>
                {o.note}
                {/* Who wrote a refusal or a failure matters (a proxy's 501 says nothing of the API); for the rest it is a tooltip. */}
                {o.answeredBy && (verdict === 'not-built' || verdict === 'erroring') && (
                  <span className="hint"> (answered by {o.answeredBy})</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function UndocumentedTable({ label, entries }: { label: string; entries: AuditUndocumented[] }) {
  return (
    <table className="headers-table audit-table" aria-label={label}>
      <colgroup>
        <col className="c-op" />
        <col className="c-status" />
        <col />
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Method and path</th>
          <th scope="col">Status</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((u) => (
          <tr key={`${u.method} ${u.path}`}>
            <th scope="row" className="mono">
              {u.method} {u.path}
            </th>
            <td>{statusCell(u)}</td>
            <td>{u.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditReportView({ report }: { report: AuditReport & { markdown: string } }) {
  const answering = report.undocumented.filter((u) => u.verdict === 'answers');
  const others = report.undocumented.filter((u) => u.verdict !== 'answers');
  const t = report.totals;
  return (
    <section aria-label="Audit report" className="audit-report">
      <p className="scan-summary" role="status">
        {report.cancelled && <strong>Cancelled. </strong>}
        <strong>
          {report.title} {report.version}
        </strong>{' '}
        at <span className="mono">{report.baseUrl}</span>: {report.operations.length} documented operations —{' '}
        {t.implemented} implemented, {t['not-built']} not built, {t['auth-gated']} behind authentication,{' '}
        {t.erroring} erroring, {t.skipped} skipped; {t.undocumentedAnswering} undocumented method
        {t.undocumentedAnswering === 1 ? '' : 's'} answering. {(report.ms / 1000).toFixed(1)} s.
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => download('openapi-audit.json', `${JSON.stringify(report, null, 2)}\n`)}
        >
          Download JSON
        </button>
        <button type="button" onClick={() => download('openapi-audit.md', report.markdown)}>
          Download Markdown
        </button>
      </div>
      {VERDICT_ORDER.map((v) => {
        const ops = report.operations.filter((o) => o.verdict === v);
        return ops.length > 0 ? <OperationTable key={v} verdict={v} operations={ops} /> : null;
      })}
      <section className="audit-group v-answers">
        <h3>Answers although undocumented ({answering.length})</h3>
        {answering.length === 0 ? (
          <p className="hint">
            {report.undocumented.length === 0
              ? 'No undocumented methods were tried.'
              : 'None of the methods the spec leaves out is answered.'}
          </p>
        ) : (
          <UndocumentedTable label="Answers although undocumented" entries={answering} />
        )}
        {others.length > 0 && (
          <details>
            <summary>
              Other undocumented methods tried ({others.length}): refused, behind authentication, erroring or
              skipped
            </summary>
            <UndocumentedTable label="Other undocumented methods" entries={others} />
          </details>
        )}
      </section>
    </section>
  );
}
