/**
 * A finished run: the summary line, then every request in the collection's order with its outcome,
 * status and time, and under it each assertion: what it checks, expected against actual, the message.
 */
import { assertNever } from '../../../app/common/result';
import type { RunItemResult, RunReport } from '../../../app/contract/run-ops';
import { assertionText } from './assertion-text';

type ItemOutcome = RunItemResult['outcome'];

function outcomeWord(outcome: ItemOutcome): string {
  switch (outcome) {
    case 'passed':
      return 'PASS';
    case 'failed':
      return 'FAIL';
    case 'error':
      return 'ERROR';
    case 'skipped':
      return 'SKIP';
    default:
      return assertNever(outcome, 'run outcome');
  }
}

export function OutcomeBadge({ outcome }: { outcome: ItemOutcome }) {
  return <span className={`run-badge r-${outcome}`}>{outcomeWord(outcome)}</span>;
}

export function summaryLine(report: RunReport): string {
  const t = report.totals;
  const parts = [`${t.passed} passed`, `${t.failed} failed`];
  if (t.errors > 0) parts.push(`${t.errors} could not be sent`);
  if (t.skipped > 0) parts.push(`${t.skipped} skipped`);
  const asserted = `${t.assertions - t.assertionsFailed} of ${t.assertions} assertion${t.assertions === 1 ? '' : 's'} passed`;
  const why = report.stopped ? ' Stopped.' : report.bailed ? ' Bailed after the first failure.' : '';
  return `${parts.join(', ')} (${t.requests} request${t.requests === 1 ? '' : 's'}); ${asserted}; ${(report.ms / 1000).toFixed(2)} s.${why}`;
}

function ItemView({ item }: { item: RunItemResult }) {
  return (
    <li className={`run-item r-${item.outcome}`} aria-label={`${item.name}: ${item.outcome}`}>
      <div className="run-item-head">
        <OutcomeBadge outcome={item.outcome} />
        <span className={`m m-${item.method.toLowerCase()}`}>{item.method}</span>
        <strong>{item.name}</strong>
        {item.folderName && <span className="hint">in {item.folderName}</span>}
        <span className="spacer" />
        {item.status !== undefined && (
          <span className={`mono s${Math.floor(item.status / 100)}xx`}>
            {`${item.status} ${item.reason ?? ''}`.trim()}
          </span>
        )}
        <span className="hint">{Math.round(item.ms)} ms</span>
      </div>
      <p className="hint mono wrap run-url">{item.url}</p>
      {item.error && (
        <p className="error-box">
          <strong>{item.error.code}</strong>: {item.error.message}
        </p>
      )}
      {item.skipReason && <p className="hint">Not run: {item.skipReason}</p>}
      {item.assertions.length > 0 && (
        <table className="headers-table assertion-table" aria-label={`Assertions of ${item.name}`}>
          <colgroup>
            <col className="c-result" />
            <col className="c-check" />
            <col className="c-value" />
            <col className="c-value" />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">Assertion</th>
              <th scope="col">Expected</th>
              <th scope="col">Actual</th>
              <th scope="col">Message</th>
            </tr>
          </thead>
          <tbody>
            {item.assertions.map((a, i) => {
              const { check, expected } = assertionText(a.assertion);
              return (
                <tr key={i} className={a.passed ? 'a-pass' : 'a-fail'}>
                  <td>
                    <span className={a.passed ? 'a-mark pass' : 'a-mark fail'}>
                      {a.passed ? '✓ passed' : '✗ failed'}
                    </span>
                  </td>
                  <td>{check}</td>
                  <td className="mono wrap">{expected}</td>
                  <td className="mono wrap">{a.actual}</td>
                  <td>{a.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {item.assertions.length === 0 && item.outcome === 'passed' && (
        <p className="hint">No assertions: sent and answered.</p>
      )}
    </li>
  );
}

export function RunResults({ report }: { report: RunReport }) {
  return (
    <section aria-label="Run report" className="run-report">
      <p
        className={`scan-summary run-summary ${report.totals.failed + report.totals.errors > 0 ? 'bad' : 'good'}`}
        role="status"
        aria-label="Run summary"
      >
        {summaryLine(report)}
      </p>
      <ol className="run-items" aria-label="Run results">
        {report.results.map((item) => (
          <ItemView key={item.path} item={item} />
        ))}
      </ol>
    </section>
  );
}
