/**
 * One cell of the matrix in words: what was sent, what came back, who wrote it, the diagnosed cause of a
 * 501 and the row's contradictions that name this method. A scan keeps no exchange records (it reads each
 * answer passively and drops the body), so the full exchange and explanation come from sending the cell
 * again from the request editor, one click away.
 */
import type { ScanCell, ScanRow } from '../../../app/contract/run-ops';
import { useExchangeStore } from '../../stores/exchange-store';
import { useLibraryStore } from '../../stores/library-store';
import { useRawStore } from '../../stores/raw-store';
import { useRequestStore } from '../../stores/request-store';
import { useScanStore } from '../../stores/scan-store';
import { outcomeLabel, outcomeOf } from './outcome';

function loadIntoEditor(row: ScanRow, cell: ScanCell): void {
  useRawStore.getState().setEnabled(false);
  useRequestStore.getState().load({ name: `${cell.method} ${row.label}`, method: cell.method, url: row.url });
}

export function CellDetails({ row, cell }: { row: ScanRow; cell: ScanCell }) {
  const close = () => useScanStore.getState().select(undefined);
  const outcome = outcomeOf(cell);
  const contradictions = row.contradictions.filter((c) => c.methods.includes(cell.method));
  // Only a URL the user named goes out again from here: collection rows carry headers (auth) the matrix does not keep.
  const resendable = row.source === undefined && cell.send && cell.status !== undefined;
  return (
    <aside className="cell-details" aria-label={`Details of ${cell.method} ${row.label}`}>
      <header className="dialog-head">
        <h3>
          <span className="mono">{cell.method}</span> <span className="mono wrap">{row.label}</span>
        </h3>
        <button type="button" className="small" onClick={close}>
          Close details
        </button>
      </header>
      <p className={`cell-verdict o-${outcome}`}>
        {cell.status !== undefined ? (
          <>
            <strong className="mono">
              {cell.status} {cell.reason}
            </strong>{' '}
            — {outcomeLabel(outcome)}
          </>
        ) : cell.error ? (
          <>
            <strong>No response</strong>: {cell.error.code}: {cell.error.message}
          </>
        ) : (
          <>
            <strong>Not sent</strong>: {cell.skipReason}
          </>
        )}
      </p>
      {cell.cause && (
        <div className="cell-cause" role="group" aria-label="Diagnosed cause">
          <p>
            Diagnosed cause: <strong className="mono">{cell.cause}</strong>
          </p>
          {cell.causeSummary && <p>{cell.causeSummary}</p>}
        </div>
      )}
      <dl className="facts">
        <dt>URL</dt>
        <dd className="mono wrap">{row.url}</dd>
        {row.source && (
          <>
            <dt>Request file</dt>
            <dd className="mono wrap">{row.source}</dd>
          </>
        )}
        <dt>Group</dt>
        <dd>
          {cell.set}, {cell.safety}
        </dd>
        {cell.answeredBy && (
          <>
            <dt>Answered by</dt>
            <dd title={`kind: ${cell.answeredBy.kind}`}>{cell.answeredBy.name}</dd>
          </>
        )}
        {cell.allow && (
          <>
            <dt>Allow</dt>
            <dd className="mono">{cell.allow.join(', ')}</dd>
          </>
        )}
        <dt>OPTIONS said</dt>
        <dd className="mono">{row.optionsAllow ? `Allow: ${row.optionsAllow.join(', ')}` : 'no Allow'}</dd>
        {cell.bodyBytes !== undefined && (
          <>
            <dt>Body</dt>
            <dd>
              {cell.bodyBytes} bytes
              {cell.bodyHash && <span className="mono"> · sha256 {cell.bodyHash}…</span>}
            </dd>
          </>
        )}
        {cell.ms !== undefined && (
          <>
            <dt>Time</dt>
            <dd>{Math.round(cell.ms)} ms</dd>
          </>
        )}
      </dl>
      {contradictions.length > 0 && (
        <>
          <h4>Contradictions naming {cell.method}</h4>
          <ul className="lint">
            {contradictions.map((c) => (
              <li key={c.kind}>
                <strong>{c.kind}</strong>: {c.message} <span className="ref">{c.ref}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="button-row">
        {cell.exchange && (
          <button
            type="button"
            className="primary"
            title="Shows this cell's exchange (wire view, body, timings) and its explanation in the main view"
            onClick={() => {
              const exchange = cell.exchange;
              if (!exchange) return;
              loadIntoEditor(row, cell);
              useExchangeStore.getState().show(exchange);
              useScanStore.getState().show(false);
            }}
          >
            Open this exchange and its explanation
          </button>
        )}
        {resendable && (
          <button
            type="button"
            title="Sends this one request again, without a body, and shows its exchange and explanation in the main view"
            onClick={() => {
              loadIntoEditor(row, cell);
              void useExchangeStore
                .getState()
                .send({ method: cell.method, url: row.url, headers: [], body: { kind: 'none' } });
              useScanStore.getState().show(false);
            }}
          >
            Send {cell.method} again and explain
          </button>
        )}
        <button
          type="button"
          onClick={() => {
            loadIntoEditor(row, cell);
            useScanStore.getState().show(false);
          }}
        >
          Open in the request editor
        </button>
        {cell.status !== undefined && (
          <button
            type="button"
            onClick={() => {
              void useLibraryStore.getState().select('status', String(cell.status));
              useLibraryStore.getState().show(true);
            }}
          >
            {cell.status} in the library
          </button>
        )}
      </div>
    </aside>
  );
}
