/**
 * Collections: open a collection folder by its path (web mode has no native folder picker, so the path
 * is typed; the Electron shell may add a picker that fills this field), create a new one, several at once.
 */
import { useState, type FormEvent } from 'react';
import type { AppError } from '../../../app/common/result';
import { useCollectionStore } from '../../stores/collection-store';
import { CollectionView } from '../collections/collection-view';
import { ExportDialog } from '../formats/export-dialog';
import { ImportDialog } from '../formats/import-dialog';

function folderName(path: string): string {
  const parts = path.trim().split(/[\\/]/).filter((p) => p !== '');
  return parts[parts.length - 1] ?? '';
}

function OpenForm() {
  const open = useCollectionStore((s) => s.open);
  const create = useCollectionStore((s) => s.create);
  const [path, setPath] = useState('');
  const [naming, setNaming] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppError | undefined>();

  const onOpen = async (e: FormEvent) => {
    e.preventDefault();
    if (path.trim() === '') return;
    setBusy(true);
    const failed = await open(path);
    setError(failed);
    if (!failed) setPath('');
    setBusy(false);
  };
  const onCreate = async (e: FormEvent) => {
    e.preventDefault();
    if (naming === undefined || naming.trim() === '' || path.trim() === '') return;
    setBusy(true);
    const failed = await create(path, naming);
    setError(failed);
    if (!failed) {
      setPath('');
      setNaming(undefined);
    }
    setBusy(false);
  };

  return (
    <div className="open-collection">
      <form onSubmit={(e) => void onOpen(e)} aria-label="Open a collection">
        <label className="stack">
          Collection folder
          <input aria-label="Collection folder path" placeholder="/path/to/collection" value={path} spellCheck={false} onChange={(e) => setPath(e.target.value)} />
        </label>
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy || path.trim() === ''}>
            Open
          </button>
          <button type="button" disabled={busy || path.trim() === ''} onClick={() => setNaming(folderName(path))} title="Create collection.yaml in this (new or empty) folder">
            New collection here…
          </button>
        </div>
      </form>
      {naming !== undefined && (
        <form className="inline-form" onSubmit={(e) => void onCreate(e)} aria-label="Create a collection">
          <input aria-label="New collection name" value={naming} autoFocus onChange={(e) => setNaming(e.target.value)} />
          <button type="submit" className="primary" disabled={busy || naming.trim() === ''}>
            Create
          </button>
          <button type="button" onClick={() => setNaming(undefined)}>
            Cancel
          </button>
        </form>
      )}
      {error && (
        <p className="error-box" role="alert">
          {error.message}
        </p>
      )}
    </div>
  );
}

export function CollectionsSection() {
  const collections = useCollectionStore((s) => s.collections);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState<{ root: string; name: string }>();
  return (
    <div className="collections-section">
      <OpenForm />
      <div className="button-row">
        <button type="button" onClick={() => setImporting(true)}>
          Import…
        </button>
        {collections.length > 0 && (
          <select
            aria-label="Export a collection"
            value=""
            onChange={(e) => {
              const c = collections.find((x) => x.tree.root === e.target.value);
              if (c) setExporting({ root: c.tree.root, name: c.tree.name });
            }}
          >
            <option value="">Export…</option>
            {collections.map((c) => (
              <option key={c.tree.root} value={c.tree.root}>
                {c.tree.name}
              </option>
            ))}
          </select>
        )}
      </div>
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      {exporting && <ExportDialog root={exporting.root} name={exporting.name} onClose={() => setExporting(undefined)} />}
      {collections.length === 0 && (
        <p className="hint">
          A collection is a folder of YAML files: <code>collection.yaml</code>, one file per request, sub-folders for groups and <code>environments/</code>. Plain and diffable, so it
          can live in git.
        </p>
      )}
      {collections.map((c) => (
        <CollectionView key={c.tree.root} collection={c} />
      ))}
    </div>
  );
}
