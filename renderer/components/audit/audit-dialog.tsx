/**
 * The OpenAPI audit as a full-size dialog: a spec (opened from a file or pasted) and where the API runs,
 * consent for the operations that may change state, then every documented operation probed and
 * classified by the host (`audit:run`), with progress and Cancel.
 */
import { useAuditStore } from '../../stores/audit-store';
import { AuditReportView } from './audit-report';
import { PaceFields } from '../pace-fields';

function AuditForm() {
  const { form, running, setForm, run, cancel } = useAuditStore();
  const where = form.baseUrl.trim() || "the spec's first server URL";
  return (
    <form
      className="scan-form"
      aria-label="Audit settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.spec.trim() && !running) void run();
      }}
    >
      <fieldset>
        <legend>OpenAPI document</legend>
        <label className="stack">
          Open a file (OpenAPI 3.x or Swagger 2.0, YAML or JSON)
          <input
            type="file"
            aria-label="OpenAPI file"
            accept=".yaml,.yml,.json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then((spec) => setForm({ spec }));
            }}
          />
        </label>
        <label className="stack">
          …or paste it
          <textarea
            aria-label="OpenAPI document"
            className="mono"
            rows={10}
            spellCheck={false}
            value={form.spec}
            onChange={(e) => setForm({ spec: e.target.value })}
          />
        </label>
        <p className="hint">External references are not fetched.</p>
      </fieldset>
      <fieldset>
        <legend>Target</legend>
        <label className="stack">
          Base URL (empty: the spec's first server URL)
          <input
            aria-label="Base URL"
            className="mono"
            placeholder="http://127.0.0.1:8080/v1"
            value={form.baseUrl}
            onChange={(e) => setForm({ baseUrl: e.target.value })}
          />
        </label>
        <label className="consent">
          <input
            type="checkbox"
            checked={form.allowUnsafe}
            onChange={(e) => setForm({ allowUnsafe: e.target.checked })}
          />
          <span>
            Send the spec's unsafe operations (<strong className="mono">POST, PUT, PATCH, DELETE</strong> and
            any other method that may change state) to <strong className="mono wrap">{where}</strong>, with
            the spec's example bodies. They may create, change or delete data there. Without this they are
            reported as skipped.
          </span>
        </label>
        <label className="method-set">
          <input
            type="checkbox"
            checked={form.undocumented}
            onChange={(e) => setForm({ undocumented: e.target.checked })}
          />
          <span>
            Also try the standard methods the spec leaves out, on each documented path (unsafe ones only with
            the consent above)
          </span>
        </label>
      </fieldset>
      <PaceFields
        label="Audit"
        concurrency={form.concurrency}
        ratePerSecond={form.ratePerSecond}
        onChange={setForm}
      />
      <div className="button-row">
        <button type="submit" className="primary" disabled={!form.spec.trim() || running}>
          Run audit
        </button>
        {running && (
          <button type="button" className="danger" onClick={() => void cancel()}>
            Cancel audit
          </button>
        )}
      </div>
    </form>
  );
}

function AuditResults() {
  const { running, progress, report, error } = useAuditStore();
  return (
    <div className="scan-results">
      {error && (
        <p className="error-box" role="alert">
          <strong>{error.code}</strong>: {error.message}
        </p>
      )}
      {running && progress && (
        <div className="run-progress" role="status" aria-label="Audit progress">
          <progress aria-label="Operations probed" max={Math.max(progress.total, 1)} value={progress.done} />
          <span>
            {progress.done} of {progress.total || '…'} probed
            {progress.last && (
              <>
                {' '}
                · last:{' '}
                <span className="mono">
                  {progress.last.method} {progress.last.path}
                </span>{' '}
                → {progress.last.status ?? 'no response'}
              </>
            )}
          </span>
        </div>
      )}
      {report && <AuditReportView report={report} />}
      {!report && !running && !error && (
        <p className="hint">
          Each documented operation is sent once, with the spec's examples filled in, and its answer
          classified: implemented, documented but not built (404, 405 or 501, with a 501's diagnosed cause),
          behind authentication, or erroring.
        </p>
      )}
    </div>
  );
}

export function AuditDialog() {
  const open = useAuditStore((s) => s.open);
  const show = useAuditStore((s) => s.show);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => show(false)}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label="OpenAPI audit"
        className="dialog full"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && show(false)}
      >
        <header className="dialog-head">
          <h2>OpenAPI audit: what the spec promises against what the server does</h2>
          <button type="button" onClick={() => show(false)}>
            Close
          </button>
        </header>
        <div className="scan-layout">
          <AuditForm />
          <AuditResults />
        </div>
      </div>
    </div>
  );
}
