/**
 * The topbar's view of the request in the editor: which collection file it is, whether it has unsaved
 * edits (•), the environment it is resolved and sent with, variables without a value, and Save
 * (Ctrl/Cmd+S). Mounting it also installs the collection send route and the save shortcut.
 */
import { useEffect } from 'react';
import { useCollectionStore } from '../../stores/collection-store';
import { isDirty, useRequestStore } from '../../stores/request-store';
import { useUrlVariables } from './send-route';

function useSaveShortcut(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 's') {
        // Always: the browser's "save page" is never what Ctrl+S means here.
        e.preventDefault();
        void useCollectionStore.getState().save();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

function EnvironmentSelect({ root }: { root: string }) {
  const collection = useCollectionStore((s) => s.collections.find((c) => c.tree.root === root));
  if (!collection) return null;
  return (
    <label className="env-select">
      <span>Environment</span>
      <select aria-label="Environment" value={collection.environment ?? ''} onChange={(e) => useCollectionStore.getState().selectEnvironment(root, e.target.value || undefined)}>
        <option value="">No environment</option>
        {collection.environments.map((env) => (
          <option key={env.path} value={env.name}>
            {env.name}
          </option>
        ))}
      </select>
    </label>
  );
}

export function OpenRequestBar() {
  useSaveShortcut();
  const origin = useRequestStore((s) => s.origin);
  const name = useRequestStore((s) => s.name);
  const dirty = useRequestStore((s) => isDirty(s));
  const collectionName = useCollectionStore((s) => s.collections.find((c) => c.tree.root === origin?.root)?.tree.name);
  const { unresolved } = useUrlVariables();

  useEffect(() => {
    document.title = origin ? `${dirty ? '• ' : ''}${name} — Statuscope` : 'Statuscope';
  }, [origin, name, dirty]);

  if (!origin) {
    return (
      <div className="open-request" role="group" aria-label="Open request">
        <button type="button" onClick={() => useCollectionStore.getState().showSaveAs(true)} title="Save this request into a collection (Ctrl+S)">
          Save to collection…
        </button>
      </div>
    );
  }
  return (
    <div className="open-request" role="group" aria-label="Open request">
      <span className="open-title" title={`${origin.root}/${origin.relPath}`} data-testid="open-request-title">
        <span className="open-collection">{collectionName ?? 'Collection'} /</span> {name}
        {dirty && (
          <span className="dirty" aria-label="unsaved changes" title="Unsaved changes (Ctrl+S saves)">
            {' •'}
          </span>
        )}
      </span>
      <EnvironmentSelect root={origin.root} />
      <button type="button" onClick={() => useCollectionStore.getState().showVariables(origin.root)} title="Variables, environments and secrets of this collection">
        Variables…
      </button>
      {unresolved.length > 0 && (
        <span className="unresolved" title="These placeholders have no value in the selected environment or the collection; Send is blocked until they do.">
          Unresolved: {unresolved.map((n) => `{{${n}}}`).join(', ')}
        </span>
      )}
      <button type="button" onClick={() => void useCollectionStore.getState().save()} disabled={!dirty} title="Save to the collection file (Ctrl+S)">
        Save
      </button>
    </div>
  );
}
