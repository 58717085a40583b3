/**
 * The collection runner as a dialog: run a collection or one folder with an environment, bail and
 * concurrency (`run:start`), follow it request by request (`run:progress`), stop it (`run:stop`), and
 * read every assertion's result. The same run as `statuscope run` in CI.
 */
import { useCollectionStore } from '../../stores/collection-store';
import { useRunnerStore } from '../../stores/runner-store';
import { OutcomeBadge, RunResults } from './run-results';

function RunOptionsForm() {
  const { target, options, running, setOptions, start, stop } = useRunnerStore();
  const environments = useCollectionStore(
    (s) => s.collections.find((c) => c.tree.root === target?.root)?.environments ?? [],
  );
  return (
    <form
      className="run-options"
      aria-label="Run options"
      onSubmit={(e) => {
        e.preventDefault();
        if (!running) void start();
      }}
    >
      <label>
        Environment
        <select
          aria-label="Run environment"
          value={options.environment}
          disabled={running}
          onChange={(e) => setOptions({ environment: e.target.value })}
        >
          <option value="">(none: collection variables only)</option>
          {environments.map((env) => (
            <option key={env.name} value={env.name}>
              {env.name}
            </option>
          ))}
        </select>
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={options.bail}
          disabled={running}
          onChange={(e) => setOptions({ bail: e.target.checked })}
        />{' '}
        Stop after the first failure (bail)
      </label>
      <label>
        Concurrency
        <input
          type="number"
          aria-label="Run concurrency"
          min={1}
          max={64}
          disabled={running}
          value={options.concurrency}
          onChange={(e) =>
            setOptions({ concurrency: Math.min(64, Math.max(1, Number(e.target.value) || 1)) })
          }
        />
      </label>
      <span className="spacer" />
      <button type="submit" className="primary" disabled={running}>
        Run
      </button>
      {running && (
        <button type="button" className="danger" onClick={() => void stop()}>
          Stop
        </button>
      )}
    </form>
  );
}

function LiveProgress() {
  const { live, total } = useRunnerStore();
  return (
    <div className="run-live">
      <div className="run-progress" role="status" aria-label="Run progress">
        <progress aria-label="Requests run" max={Math.max(total, 1)} value={live.length} />
        <span>
          {live.length} of {total || '…'} requests
        </span>
      </div>
      <ol className="run-items compact">
        {live.map((p) => (
          <li key={p.path} className={`run-item r-${p.outcome}`}>
            <div className="run-item-head">
              <OutcomeBadge outcome={p.outcome} /> {p.name} <span className="hint mono">{p.path}</span>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}

export function RunnerDialog() {
  const { open, target, running, report, error, close } = useRunnerStore();
  if (!open || !target) return null;
  return (
    <div className="modal-backdrop" onClick={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={`Run ${target.label}`}
        className="dialog wide runner"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <header className="dialog-head">
          <h2>
            Run {target.label}
            {target.relPath && <span className="hint mono"> ({target.relPath})</span>}
          </h2>
          <button type="button" onClick={close}>
            Close
          </button>
        </header>
        <p className="hint">
          Every request {target.relPath ? 'of this folder' : 'of the collection'}, in the collection's order,
          with its assertions checked. In CI: <code>statuscope run</code> (docs/assertions.md).
        </p>
        <RunOptionsForm />
        {error && (
          <p className="error-box" role="alert">
            <strong>{error.code}</strong>: {error.message}
          </p>
        )}
        {running && <LiveProgress />}
        {report && !running && <RunResults report={report} />}
      </div>
    </div>
  );
}
