/**
 * Import what people already have (Postman, Insomnia, OpenAPI/Swagger, HAR, curl) into a collection
 * folder. A preview shows what will be carried over and, per item, what will not.
 */
import { useState } from 'react';
import type { AppError } from '../../../app/common/result';
import type { ImportReport } from '../../../app/contract/formats-ops';
import { call } from '../../host';
import { useCollectionStore } from '../../stores/collection-store';
import { ModalDialog } from '../modal-dialog';

const FORMATS = ['auto', 'postman', 'insomnia', 'openapi', 'har', 'curl'] as const;
type Choice = (typeof FORMATS)[number];

export function ImportDialog({ onClose }: { onClose(): void }) {
  const [text, setText] = useState('');
  const [format, setFormat] = useState<Choice>('auto');
  const [into, setInto] = useState('');
  const [report, setReport] = useState<ImportReport>();
  const [error, setError] = useState<AppError>();
  const [busy, setBusy] = useState(false);

  const run = async (write: boolean) => {
    setBusy(true);
    const r = await call('formats:import', { text, format, ...(write ? { into } : {}) });
    setBusy(false);
    if (!r.ok) return (setError(r.error), setReport(undefined));
    setError(undefined);
    setReport(r.value);
    if (write && r.value.root) await useCollectionStore.getState().open(r.value.root);
  };

  return (
    <ModalDialog label="Import" title="Import into a collection" onClose={onClose}>
      <label className="stack">
        A file (Postman, Insomnia, OpenAPI/Swagger, HAR, or a curl command)
        <input
          type="file"
          aria-label="File to import"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.text().then(setText);
          }}
        />
      </label>
      <label className="stack">
        …or paste it here
        <textarea
          aria-label="Text to import"
          rows={8}
          value={text}
          onChange={(e) => setText(e.target.value)}
          spellCheck={false}
          className="mono"
        />
      </label>
      <div className="form-row">
        <label>
          Format
          <select
            aria-label="Import format"
            value={format}
            onChange={(e) => setFormat(e.target.value as Choice)}
          >
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {f === 'auto' ? 'detect' : f}
              </option>
            ))}
          </select>
        </label>
        <label className="grow">
          Into folder (new or empty; absolute path)
          <input
            aria-label="Import into folder"
            value={into}
            onChange={(e) => setInto(e.target.value)}
            placeholder="/home/me/api-collections/orders"
          />
        </label>
      </div>
      <div className="button-row">
        <button type="button" disabled={!text || busy} onClick={() => void run(false)}>
          Preview
        </button>
        <button
          type="button"
          className="primary"
          disabled={!text || !into || busy}
          onClick={() => void run(true)}
        >
          Import
        </button>
      </div>
      {error && (
        <p className="error-box" role="alert">
          <strong>{error.code}</strong>: {error.message}
        </p>
      )}
      {report && (
        <section aria-label="Import result" className="import-report">
          <p>
            {report.root ? 'Imported' : 'Will import'} <strong>{report.name}</strong> ({report.format}):{' '}
            {report.requests} requests in {report.folders} folders
            {report.environments.length > 0 && `, environments ${report.environments.join(', ')}`}
            {report.root && ` into ${report.root}`}.
          </p>
          {report.warnings.length > 0 ? (
            <>
              <h3>Not carried over ({report.warnings.length})</h3>
              <ul className="warnings">
                {report.warnings.map((w, i) => (
                  <li key={i}>
                    <strong>{w.item}</strong>: {w.what}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>Everything carries over.</p>
          )}
        </section>
      )}
    </ModalDialog>
  );
}
