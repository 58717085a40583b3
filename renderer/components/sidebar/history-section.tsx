/** History: every exchange the host recorded, newest first; search, re-open, save into a collection, clear. */
import { useState } from 'react';
import type { AppError } from '../../../app/common/result';
import { useCollectionStore } from '../../stores/collection-store';
import { useHistoryStore } from '../../stores/history-store';
import { allFolders } from '../collections/collection-tree';
import type { HistorySummary } from '../collections/types';

function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}${u.search}`;
  } catch {
    return url;
  }
}

function SaveForm({ entry, close }: { entry: HistorySummary; close(): void }) {
  const collections = useCollectionStore((s) => s.collections);
  const [root, setRoot] = useState(collections[0]?.tree.root ?? '');
  const [folder, setFolder] = useState('');
  const [name, setName] = useState(`${entry.method} ${pathOf(entry.url)}`.slice(0, 120));
  const [outcome, setOutcome] = useState<{ path: string; dropped: string[] } | AppError | undefined>();
  const tree = collections.find((c) => c.tree.root === root)?.tree;
  if (collections.length === 0) {
    return (
      <div className="inline-form">
        <p className="hint">Open or create a collection first (Collections tab).</p>
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    );
  }
  if (outcome && 'path' in outcome) {
    return (
      <div className="inline-form" role="status">
        <p>
          Saved as <code>{outcome.path}</code>.
          {outcome.dropped.length > 0 && ` Credential headers left out: ${outcome.dropped.join(', ')}.`}
        </p>
        <button type="button" onClick={close}>
          Done
        </button>
      </div>
    );
  }
  return (
    <form
      className="inline-form save-history"
      aria-label="Save into a collection"
      onSubmit={(e) => {
        e.preventDefault();
        void useHistoryStore
          .getState()
          .saveToCollection(entry.id, root, folder, name.trim())
          .then((r) => {
            setOutcome(r);
            if ('path' in r) void useCollectionStore.getState().refresh(root, [r.path]);
          });
      }}
    >
      <select aria-label="Collection" value={root} onChange={(e) => (setRoot(e.target.value), setFolder(''))}>
        {collections.map((c) => (
          <option key={c.tree.root} value={c.tree.root}>
            {c.tree.name}
          </option>
        ))}
      </select>
      <select aria-label="Folder" value={folder} onChange={(e) => setFolder(e.target.value)}>
        {allFolders(tree?.items ?? []).map((f) => (
          <option key={f.path} value={f.path}>
            {f.label}
          </option>
        ))}
      </select>
      <input aria-label="Request name" value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="primary" disabled={name.trim() === ''}>
        Save
      </button>
      <button type="button" onClick={close}>
        Cancel
      </button>
      {outcome && 'code' in outcome && (
        <p className="error-box" role="alert">
          {outcome.message}
        </p>
      )}
    </form>
  );
}

function Entry({ entry }: { entry: HistorySummary }) {
  const openedId = useHistoryStore((s) => s.openedId);
  const [saving, setSaving] = useState(false);
  const status = entry.status !== undefined ? String(entry.status) : (entry.errorCode ?? 'failed');
  const cls = entry.status !== undefined ? `s${Math.floor(entry.status / 100)}xx` : 's5xx';
  const when = new Date(entry.savedAt);
  return (
    <li className="history-entry">
      <div className="tree-row">
        <button
          type="button"
          className={`tree-item${openedId === entry.id ? ' active' : ''}`}
          onClick={() => void useHistoryStore.getState().reopen(entry.id)}
          title={`${entry.method} ${entry.url}\n${when.toLocaleString()} · ${Math.round(entry.totalMs)} ms${entry.sourcePath ? `\nfrom ${entry.sourcePath}` : ''}`}
          aria-label={`${entry.method} ${entry.url} ${status}`}
        >
          <span className={`m m-${entry.method.toLowerCase()}`}>{entry.method}</span>
          <span className="tree-name">{pathOf(entry.url)}</span>
          <span className={`expect ${cls}`}>{status}</span>
        </button>
        <button type="button" className="icon" aria-label={`Save ${entry.method} ${entry.url} into a collection`} title="Save into a collection" onClick={() => setSaving(!saving)}>
          ⤓
        </button>
      </div>
      {saving && <SaveForm entry={entry} close={() => setSaving(false)} />}
    </li>
  );
}

export function HistorySection() {
  const { entries, query, setQuery, loading, error } = useHistoryStore();
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState<number | undefined>();
  return (
    <div className="history-section">
      <input type="search" aria-label="Search history" placeholder="url words, method:PATCH, status:5xx" value={query} onChange={(e) => setQuery(e.target.value)} />
      {error && (
        <p className="error-box" role="alert">
          {error.message}
        </p>
      )}
      {entries.length === 0 && !loading && <p className="hint">{query ? 'Nothing in history matches.' : 'Requests you send appear here, newest first.'}</p>}
      <ul className="tree" aria-label="History">
        {entries.map((e) => (
          <Entry key={e.id} entry={e} />
        ))}
      </ul>
      {cleared !== undefined && <p className="hint" role="status">{`Cleared ${cleared} ${cleared === 1 ? 'entry' : 'entries'}.`}</p>}
      {entries.length > 0 &&
        (confirming ? (
          <div role="alertdialog" aria-label="Clear history?" className="inline-form confirm">
            <p>Delete every history entry? This cannot be undone.</p>
            <button
              type="button"
              className="danger"
              onClick={() => {
                setConfirming(false);
                void useHistoryStore.getState().clear().then(setCleared);
              }}
            >
              Clear history
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className="link" onClick={() => (setCleared(undefined), setConfirming(true))}>
            Clear history…
          </button>
        ))}
    </div>
  );
}
