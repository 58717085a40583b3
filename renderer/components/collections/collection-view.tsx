/** One open collection in the sidebar: its heading and menu, its files that failed to parse, its tree. */
import { useState } from 'react';
import { useCollectionStore, type OpenCollection } from '../../stores/collection-store';
import { useRunnerStore } from '../../stores/runner-store';
import { acceptsDrop, allFolders, dropInto, TreeList } from './collection-tree';
import { newFolder, newRequest } from './entry-actions';
import { CookiesDialog } from './cookies-dialog';
import { EntryMenu, InlineFormView, type InlineForm } from './entry-menu';

export function CollectionView({ collection }: { collection: OpenCollection }) {
  const { tree } = collection;
  const root = tree.root;
  const [menuOpen, setMenuOpen] = useState(false);
  const [form, setForm] = useState<InlineForm | undefined>();
  const [over, setOver] = useState(false);
  const [showCookies, setShowCookies] = useState(false);
  const store = useCollectionStore.getState();
  const problems = [...tree.problems, ...collection.environmentProblems];
  const folders = allFolders(tree.items);

  return (
    <section className="collection" aria-label={`Collection ${tree.name}`}>
      <div
        className={`collection-head${over ? ' drop-into' : ''}`}
        onDragOver={(e) => setOver(acceptsDrop(e, root))}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          setOver(false);
          dropInto(e, root, '');
        }}
      >
        <h3 title={root}>{tree.name}</h3>
        <button type="button" className="icon" aria-label={`Run ${tree.name}`} title="Run every request and check its assertions" onClick={() => useRunnerStore.getState().openFor({ root, relPath: '', label: tree.name })}>
          ▶
        </button>
        <button type="button" className="icon" aria-label={`New request in ${tree.name}`} title="New request" onClick={() => void newRequest(root, '')}>
          +
        </button>
        <EntryMenu
          label={`collection ${tree.name}`}
          open={menuOpen}
          onToggle={setMenuOpen}
          items={[
            { label: 'Run…', run: () => useRunnerStore.getState().openFor({ root, relPath: '', label: tree.name }) },
            { label: 'New request', run: () => void newRequest(root, '') },
            { label: 'New folder…', run: () => setForm({ kind: 'new-folder', submit: (name) => void newFolder(root, '', name) }) },
            { label: 'Variables and secrets…', run: () => store.showVariables(root) },
            { label: 'Cookies…', run: () => setShowCookies(true) },
            { label: 'Reload from disk', run: () => void store.refresh(root) },
            { label: 'Close collection', run: () => void store.close(root) },
          ]}
        />
      </div>
      <p className="hint collection-path" title={root}>
        {/* Right-to-left so a long path is cut at its start, keeping the folder name; bdi keeps the path itself left-to-right. */}
        <bdi>{root}</bdi>
      </p>
      {form && <InlineFormView label={tree.name} form={form} close={() => setForm(undefined)} />}
      {showCookies && <CookiesDialog root={root} name={tree.name} onClose={() => setShowCookies(false)} />}
      {problems.length > 0 && (
        <div className="problems" role="group" aria-label={`Files in ${tree.name} that failed to parse`}>
          <p>
            {problems.length === 1 ? 'One file' : `${problems.length} files`} failed to parse and {problems.length === 1 ? 'was' : 'were'} left untouched:
          </p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}:${p.line}:${p.column}`}>
                <code>
                  {p.path}:{p.line}
                  {p.column > 0 ? `:${p.column}` : ''}
                </code>{' '}
                {p.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {tree.items.length === 0 ? (
        <p className="hint">No requests yet. Use + to add one, or Ctrl+S on a request in the editor to save it here.</p>
      ) : (
        <TreeList root={root} items={tree.items} folder="" folders={folders} depth={0} />
      )}
    </section>
  );
}
