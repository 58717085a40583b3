/**
 * What the collection features need to say wherever the user is: a file changed on disk under unsaved
 * edits (never overwritten silently: Reload from disk, or Overwrite), a send refused for variables
 * without a value, a failed operation; plus the "save to collection" and variables dialogs.
 */
import { useState } from 'react';
import type { AppError } from '../../../app/common/result';
import { useCollectionStore } from '../../stores/collection-store';
import { useRequestStore } from '../../stores/request-store';
import { allFolders } from './collection-tree';
import { saveDraftAs } from './entry-actions';
import { VariablesDialog } from './variables-dialog';

function ConflictBanner() {
  const conflict = useCollectionStore((s) => s.conflict);
  if (!conflict) return null;
  const store = useCollectionStore.getState();
  return (
    <div className="banner conflict" role="alert" aria-label="Conflict with the file on disk">
      <p>
        <strong>{conflict.message}</strong>{' '}
        {conflict.kind === 'changed' && 'Your edits are not saved. Reload the file and lose them, or overwrite the file with them.'}
        {conflict.kind === 'deleted' && 'Your request is still here. Save it again to recreate the file, or keep it as an unsaved draft.'}
        {conflict.kind === 'broken' && 'Fix the file in your editor, or overwrite it with the request shown here.'}
      </p>
      <div className="button-row">
        {conflict.kind !== 'deleted' && (
          <button type="button" onClick={() => void store.reloadFromDisk()} disabled={conflict.kind === 'broken'}>
            Reload from disk
          </button>
        )}
        <button type="button" className="danger" onClick={() => void store.save(true)}>
          {conflict.kind === 'deleted' ? 'Save again' : 'Overwrite'}
        </button>
        {conflict.kind === 'deleted' && (
          <button
            type="button"
            onClick={() => {
              useRequestStore.getState().setOrigin(undefined, false);
              useCollectionStore.setState({ conflict: undefined });
            }}
          >
            Keep as draft
          </button>
        )}
      </div>
    </div>
  );
}

function BlockedBanner() {
  const blocked = useCollectionStore((s) => s.blocked);
  if (!blocked) return null;
  const names = blocked.names.map((n) => `{{${n}}}`).join(', ');
  const where = blocked.environment ? `the environment “${blocked.environment}” or the collection` : 'the collection (no environment is selected)';
  return (
    <div className="banner blocked" role="alert" aria-label="Send blocked">
      <p>
        <strong>Not sent:</strong> {names} {blocked.names.length === 1 ? 'has' : 'have'} no value in {where}.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => useCollectionStore.getState().showVariables(blocked.root)}>
          Variables…
        </button>
        <button type="button" onClick={() => useCollectionStore.getState().setBlocked(undefined)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

function ErrorBanner() {
  const error = useCollectionStore((s) => s.error);
  if (!error) return null;
  return (
    <div className="banner failed" role="alert" aria-label="Collection error">
      <p>{error.message}</p>
      <div className="button-row">
        <button type="button" onClick={() => useCollectionStore.getState().setError(undefined)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

function SaveAsDialog() {
  const open = useCollectionStore((s) => s.saveAsOpen);
  // Mounted per opening, so the fields start from the draft each time and are the user's from then on.
  return open ? <SaveAsForm /> : null;
}

function SaveAsForm() {
  const collections = useCollectionStore((s) => s.collections);
  const [root, setRoot] = useState(collections[0]?.tree.root ?? '');
  const [folder, setFolder] = useState('');
  const [name, setName] = useState(() => useRequestStore.getState().name);
  const [error, setError] = useState<AppError | undefined>();
  const close = () => useCollectionStore.getState().showSaveAs(false);
  const tree = collections.find((c) => c.tree.root === root)?.tree;
  return (
    <div className="modal-backdrop" onClick={close}>
      <div role="dialog" aria-modal="true" aria-label="Save request to a collection" className="small-dialog" onClick={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && close()}>
        <h2>Save request to a collection</h2>
        {collections.length === 0 ? (
          <p className="hint">No collection is open. Open or create one in the sidebar's Collections tab, then save again.</p>
        ) : (
          <form
            className="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void saveDraftAs(root, folder, name.trim()).then((failed) => (failed ? setError(failed) : close()));
            }}
          >
            <label className="stack">
              Collection
              <select value={root} onChange={(e) => (setRoot(e.target.value), setFolder(''))}>
                {collections.map((c) => (
                  <option key={c.tree.root} value={c.tree.root}>
                    {c.tree.name}
                  </option>
                ))}
              </select>
            </label>
            <label className="stack">
              Folder
              <select value={folder} onChange={(e) => setFolder(e.target.value)}>
                {allFolders(tree?.items ?? []).map((f) => (
                  <option key={f.path} value={f.path}>
                    {f.label}
                  </option>
                ))}
              </select>
            </label>
            <label className="stack">
              Name
              <input value={name} autoFocus onChange={(e) => setName(e.target.value)} />
            </label>
            {error && (
              <p className="error-box" role="alert">
                {error.message}
              </p>
            )}
            <div className="button-row">
              <button type="submit" className="primary" disabled={name.trim() === '' || root === ''}>
                Save
              </button>
              <button type="button" onClick={close}>
                Cancel
              </button>
            </div>
          </form>
        )}
        {collections.length === 0 && (
          <button type="button" onClick={close}>
            Close
          </button>
        )}
      </div>
    </div>
  );
}

export function CollectionDialogs() {
  return (
    <>
      <div className="banners" aria-live="polite">
        <ConflictBanner />
        <BlockedBanner />
        <ErrorBanner />
      </div>
      <SaveAsDialog />
      <VariablesDialog />
    </>
  );
}
