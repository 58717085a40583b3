/**
 * A collection's folders and requests in their stable order (the order lists in collection.yaml and
 * folder.yaml), files that failed to parse in their place with line and reason, and HTML5 drag and
 * drop: a drop on a request places the dragged entry before it (collection:reorder within a folder,
 * collection:move across folders); a drop on a folder moves the entry into it.
 */
import { useState, type DragEvent } from 'react';
import { useCollectionStore } from '../../stores/collection-store';
import { useRunnerStore } from '../../stores/runner-store';
import { isDirty, useRequestStore } from '../../stores/request-store';
import { baseName, deleteEntry, duplicateEntry, moveEntry, newFolder, newRequest, parentOf, renameEntry, reorder } from './entry-actions';
import { EntryMenu, InlineFormView, type InlineForm, type MenuItem } from './entry-menu';
import type { FolderItem, RequestItem, TreeItem } from './types';

/** What is being dragged: dataTransfer cannot be read during dragover, so the source is kept here. */
let dragging: { root: string; path: string } | undefined;

export function startDrag(e: DragEvent, root: string, path: string): void {
  dragging = { root, path };
  e.dataTransfer.effectAllowed = 'move';
  e.dataTransfer.setData('text/plain', path);
}

export function acceptsDrop(e: DragEvent, root: string): boolean {
  if (dragging?.root !== root) return false;
  e.preventDefault();
  e.dataTransfer.dropEffect = 'move';
  return true;
}

/** Drop on a folder (or, with `folder` = '', on the collection's heading): move into it, at the end. */
export function dropInto(e: DragEvent, root: string, folder: string): void {
  e.preventDefault();
  const src = dragging;
  dragging = undefined;
  if (!src || src.root !== root || src.path === folder || parentOf(src.path) === folder) return;
  void moveEntry(root, src.path, folder);
}

function dropBefore(e: DragEvent, root: string, target: TreeItem, siblings: TreeItem[], folder: string): void {
  e.preventDefault();
  e.stopPropagation();
  const src = dragging;
  dragging = undefined;
  if (!src || src.root !== root || src.path === target.path) return;
  const index = siblings.findIndex((s) => s.path === target.path);
  if (parentOf(src.path) === folder) {
    const moved = baseName(src.path);
    const names = siblings.map((s) => baseName(s.path)).filter((n) => n !== moved);
    names.splice(names.indexOf(baseName(target.path)), 0, moved);
    void reorder(root, folder, names);
  } else void moveEntry(root, src.path, folder, index);
}

function shift(root: string, siblings: TreeItem[], folder: string, path: string, by: -1 | 1): void {
  const names = siblings.map((s) => baseName(s.path));
  const at = names.indexOf(baseName(path));
  const to = at + by;
  if (at < 0 || to < 0 || to >= names.length) return;
  [names[at], names[to]] = [names[to] ?? '', names[at] ?? ''];
  void reorder(root, folder, names);
}

export function allFolders(items: TreeItem[], out: Array<{ path: string; label: string }> = [{ path: '', label: '(top level)' }]): Array<{ path: string; label: string }> {
  for (const item of items) {
    if (item.kind !== 'folder') continue;
    out.push({ path: item.path, label: item.path });
    allFolders(item.items, out);
  }
  return out;
}

interface RowProps {
  root: string;
  item: TreeItem;
  siblings: TreeItem[];
  folder: string;
  folders: Array<{ path: string; label: string }>;
  depth: number;
}

function Row({ root, item, siblings, folder, folders, depth }: RowProps) {
  const [menuOpen, setMenuOpen] = useState(false);
  const [form, setForm] = useState<InlineForm | undefined>();
  const [over, setOver] = useState(false);
  const collapsed = useCollectionStore((s) => s.collections.find((c) => c.tree.root === root)?.collapsed.includes(item.path) ?? false);
  const isOpen = useRequestStore((s) => s.origin?.root === root && s.origin.relPath === item.path);
  const dirty = useRequestStore((s) => s.origin?.root === root && s.origin.relPath === item.path && isDirty(s));
  const indent = { paddingLeft: `${depth * 14}px` };

  if (item.kind === 'broken') {
    return (
      <li>
        <div className="tree-row broken" style={indent} title={`${item.problem.path}:${item.problem.line}:${item.problem.column} ${item.problem.reason}`}>
          <span className="broken-mark" aria-hidden="true">
            ⚠
          </span>
          <span className="tree-name">
            {item.name}
            <span className="problem">
              line {item.problem.line}: {item.problem.reason}
            </span>
          </span>
        </div>
      </li>
    );
  }

  const common: MenuItem[] = [
    { label: 'Rename', run: () => setForm({ kind: 'rename', current: item.name, submit: (name) => void renameEntry(root, item, name) }) },
    { label: 'Duplicate', run: () => void duplicateEntry(root, item.path) },
    {
      label: 'Move to…',
      run: () =>
        setForm({
          kind: 'move',
          folders: folders.filter((f) => f.path !== item.path && !f.path.startsWith(`${item.path}/`)),
          current: folder,
          submit: (to) => void moveEntry(root, item.path, to),
        }),
    },
    { label: 'Move up', run: () => shift(root, siblings, folder, item.path, -1) },
    { label: 'Move down', run: () => shift(root, siblings, folder, item.path, 1) },
    {
      label: 'Delete…',
      run: () =>
        setForm({
          kind: 'delete',
          what: item.kind === 'folder' ? 'The folder and every request in it are removed from disk.' : 'The file is removed from disk.',
          submit: () => void deleteEntry(root, item.path),
        }),
    },
  ];
  const folderItems: MenuItem[] =
    item.kind === 'folder'
      ? [
          { label: 'Run…', run: () => useRunnerStore.getState().openFor({ root, relPath: item.path, label: item.name }) },
          { label: 'New request here', run: () => void newRequest(root, item.path) },
          { label: 'New folder here…', run: () => setForm({ kind: 'new-folder', submit: (name) => void newFolder(root, item.path, name) }) },
        ]
      : [];

  const dnd = {
    draggable: true,
    onDragStart: (e: DragEvent) => startDrag(e, root, item.path),
    onDragEnd: () => setOver(false),
    onDragOver: (e: DragEvent) => setOver(acceptsDrop(e, root)),
    onDragLeave: () => setOver(false),
    onDrop: (e: DragEvent) => {
      setOver(false);
      if (item.kind === 'folder') {
        e.stopPropagation();
        dropInto(e, root, item.path);
      } else dropBefore(e, root, item, siblings, folder);
    },
  };

  const label = item.kind === 'folder' ? `folder ${item.name}` : item.name;
  return (
    <li>
      <div className={`tree-row${over ? (item.kind === 'folder' ? ' drop-into' : ' drop-before') : ''}`} style={indent} {...dnd}>
        {item.kind === 'folder' ? (
          <button type="button" className="tree-item" aria-expanded={!collapsed} onClick={() => useCollectionStore.getState().toggleFolder(root, item.path)} title={item.description || item.path}>
            <span className="twisty" aria-hidden="true">
              {collapsed ? '▸' : '▾'}
            </span>
            <span className="tree-name">{item.name}</span>
          </button>
        ) : (
          <RequestButton root={root} item={item} isOpen={isOpen} dirty={dirty} />
        )}
        <EntryMenu label={label} items={[...folderItems, ...common]} open={menuOpen} onToggle={setMenuOpen} />
      </div>
      {form && <InlineFormView label={item.name} form={form} close={() => setForm(undefined)} />}
      {item.kind === 'folder' && !collapsed && <Branch root={root} folder={item} folders={folders} depth={depth + 1} />}
    </li>
  );
}

function RequestButton({ root, item, isOpen, dirty }: { root: string; item: RequestItem; isOpen: boolean; dirty: boolean }) {
  const open = () => {
    const draft = useRequestStore.getState();
    if (isDirty(draft) && !isOpen && !window.confirm(`Discard the unsaved changes to ${draft.name}?`)) return;
    useCollectionStore.getState().loadRequest(root, item);
  };
  return (
    <button type="button" className={`tree-item${isOpen ? ' active' : ''}`} aria-current={isOpen ? 'true' : undefined} onClick={open} title={item.url}>
      <span className={`m m-${item.method.toLowerCase()}`}>{item.method}</span>
      <span className="tree-name">
        {item.name}
        {dirty && (
          <span className="dirty" aria-label="unsaved changes" title="Unsaved changes (Ctrl+S saves)">
            {' •'}
          </span>
        )}
      </span>
    </button>
  );
}

function Branch({ root, folder, folders, depth }: { root: string; folder: FolderItem; folders: Array<{ path: string; label: string }>; depth: number }) {
  if (folder.items.length === 0) {
    return <p className="hint tree-empty" style={{ paddingLeft: `${depth * 14 + 6}px` }}>Empty folder</p>;
  }
  return <TreeList root={root} items={folder.items} folder={folder.path} folders={folders} depth={depth} />;
}

export function TreeList({ root, items, folder, folders, depth }: { root: string; items: TreeItem[]; folder: string; folders: Array<{ path: string; label: string }>; depth: number }) {
  return (
    <ul className="tree" role={depth === 0 ? undefined : 'group'}>
      {items.map((item) => (
        <Row key={item.path} root={root} item={item} siblings={items} folder={folder} folders={folders} depth={depth} />
      ))}
    </ul>
  );
}
