/**
 * "What does this API really implement?": the capability scan as a full-size dialog. The form on the
 * left; on the right the dry-run plan, the progress of a running scan, then the matrix with its
 * contradictions, the selected cell's details and the exports (CSV, Markdown via `scan:export`).
 */
import { useEffect, useState } from 'react';
import type { ScanExportFormat } from '../../../app/contract/run-ops';
import { cellOf, useScanStore } from '../../stores/scan-store';
import { download } from '../formats/text-output';
import { CellDetails } from './cell-details';
import { ContradictionList, Legend, MatrixGrid } from './matrix-grid';
import { PlanView, ProblemList } from './plan-view';
import { ScanForm } from './scan-form';

const FILE_NAMES: Record<ScanExportFormat, string> = {
  csv: 'capability-matrix.csv',
  markdown: 'capability-matrix.md',
};

function ScanProgressBar() {
  const progress = useScanStore((s) => s.progress);
  const cancel = useScanStore((s) => s.cancel);
  if (!progress) return null;
  const last = progress.last;
  return (
    <div className="run-progress" role="status" aria-label="Scan progress">
      <progress aria-label="Requests sent" max={Math.max(progress.total, 1)} value={progress.done} />
      <span>
        {progress.done} of {progress.total || '…'} sent
        {last && (
          <>
            {' '}
            · last: <span className="mono">{last.method}</span> <span className="mono">{last.url}</span> →{' '}
            {last.status ?? 'no response'}
          </>
        )}
      </span>
      <button type="button" className="danger small" onClick={() => void cancel()}>
        Cancel scan
      </button>
    </div>
  );
}

function Exports() {
  const exportAs = useScanStore((s) => s.exportAs);
  const [busy, setBusy] = useState(false);
  const save = async (format: ScanExportFormat) => {
    setBusy(true);
    const out = await exportAs(format);
    setBusy(false);
    if (out) download(FILE_NAMES[format], out.text, out.mediaType);
  };
  return (
    <div className="button-row" role="group" aria-label="Export the matrix">
      <button type="button" disabled={busy} onClick={() => void save('csv')}>
        Download CSV
      </button>
      <button type="button" disabled={busy} onClick={() => void save('markdown')}>
        Download Markdown
      </button>
    </div>
  );
}

function Results() {
  const { plan, matrix, running, error, selected } = useScanStore();
  const picked = cellOf(matrix, selected);
  return (
    <div className="scan-results">
      {error && (
        <p className="error-box" role="alert">
          <strong>{error.code}</strong>: {error.message}
        </p>
      )}
      {running && <ScanProgressBar />}
      {plan && !running && <PlanView plan={plan} />}
      {matrix && !plan && (
        <section aria-label="Scan result" className="scan-result">
          <p className="scan-summary" role="status">
            {matrix.cancelled && <strong>Cancelled. </strong>}
            {matrix.rows.length} endpoint{matrix.rows.length === 1 ? '' : 's'} × {matrix.methods.length}{' '}
            methods: {matrix.totals.sent} sent, {matrix.totals.skipped} not sent, {matrix.totals.errors}{' '}
            without a response, {matrix.totals.contradictions} contradiction
            {matrix.totals.contradictions === 1 ? '' : 's'}; {(matrix.ms / 1000).toFixed(1)} s.
          </p>
          <ProblemList problems={matrix.problems} />
          <MatrixGrid matrix={matrix} />
          <Legend />
          {/* The details sit beside the notes under the grid, so the grid keeps the whole width. */}
          <div className="matrix-below">
            <div className="matrix-notes">
              <ContradictionList matrix={matrix} />
              <Exports />
            </div>
            {picked && <CellDetails row={picked.row} cell={picked.cell} />}
          </div>
        </section>
      )}
      {!plan && !matrix && !running && !error && (
        <p className="hint">
          Name a URL (or pick a collection folder), choose the methods, then <strong>Show plan</strong> to see
          exactly what would be sent, or <strong>Scan</strong>. Each answer is read passively: status, Allow,
          who wrote it, and for a 501 the diagnosed cause.
        </p>
      )}
    </div>
  );
}

export function ScanDialog() {
  const open = useScanStore((s) => s.open);
  const show = useScanStore((s) => s.show);
  const running = useScanStore((s) => s.running);
  // A running scan hands the width to the matrix (18 method columns); the settings come back with one click.
  const [settings, setSettings] = useState(true);
  const failed = useScanStore((s) => s.error !== undefined);
  useEffect(() => {
    if (running) setSettings(false);
  }, [running]);
  // A scan that could not start (a bad URL, a collection that does not resolve) is fixed in the settings.
  useEffect(() => {
    if (failed) setSettings(true);
  }, [failed]);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => show(false)}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="Capability matrix"
        className="dialog full"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && show(false)}
      >
        <header className="dialog-head">
          <h2>Capability matrix: what does this API really implement?</h2>
          <button
            type="button"
            aria-expanded={settings}
            aria-controls="scan-settings"
            onClick={() => setSettings(!settings)}
          >
            {settings ? 'Hide settings' : 'Settings'}
          </button>
          <button type="button" onClick={() => show(false)}>
            Close
          </button>
        </header>
        <div className={settings ? 'scan-layout' : 'scan-layout settings-hidden'}>
          {settings && <ScanForm />}
          <Results />
        </div>
      </div>
    </div>
  );
}
