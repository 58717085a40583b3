/**
 * What the collection tree's buttons, menus and drops do: one host operation each, then a refresh of
 * the tree. When the entry moved or renamed is (or holds) the request open in the editor, the editor
 * follows it, so the next save goes to the file's new place.
 */
import type { AppError, Result } from '../../../app/common/result';
import { call } from '../../host';
import { findItem, useCollectionStore } from '../../stores/collection-store';
import { useRequestStore } from '../../stores/request-store';
import { draftToSaved, emptySaved } from './draft-mapping';
import type { TreeItem } from './types';

async function run<T>(root: string, op: Promise<Result<T>>): Promise<T | undefined> {
  const result = await op;
  const store = useCollectionStore.getState();
  if (!result.ok) store.setError(result.error);
  else store.setError(undefined);
  await store.refresh(root);
  return result.ok ? result.value : undefined;
}

/** Moves the editor's origin along when `from` (a file, or a folder holding it) now lives at `to`. */
function follow(root: string, from: string, to: string, hash?: string): void {
  const draft = useRequestStore.getState();
  const o = draft.origin;
  if (!o || o.root !== root) return;
  if (o.relPath === from) draft.setOrigin({ ...o, relPath: to, ...(hash ? { hash } : {}) }, false);
  else if (o.relPath.startsWith(`${from}/`)) draft.setOrigin({ ...o, relPath: `${to}${o.relPath.slice(from.length)}` }, false);
}

export function parentOf(path: string): string {
  const at = path.lastIndexOf('/');
  return at < 0 ? '' : path.slice(0, at);
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export async function newRequest(root: string, folder: string): Promise<void> {
  const saved = await run(root, call('collection:save-request', { root, folder, request: emptySaved('New request') }));
  if (!saved) return;
  const tree = useCollectionStore.getState().collections.find((c) => c.tree.root === root)?.tree;
  const item = tree ? findItem(tree.items, saved.path) : undefined;
  if (item?.kind === 'request') useCollectionStore.getState().loadRequest(root, item);
}

export async function newFolder(root: string, parent: string, name: string): Promise<void> {
  await run(root, call('collection:create-folder', { root, parent, name }));
}

export async function renameEntry(root: string, item: TreeItem, name: string): Promise<void> {
  const draft = useRequestStore.getState();
  const isOpen = draft.origin?.root === root && draft.origin.relPath === item.path;
  const baseHash = item.kind === 'request' ? { baseHash: item.hash } : {};
  const renamed = await run(root, call('collection:rename', { root, path: item.path, name, ...baseHash }));
  if (!renamed) return;
  if (isOpen && draft.origin) {
    // The file's `name` changed with it: the editor shows the new name, and it is not an unsaved edit.
    draft.setOrigin({ ...draft.origin, relPath: renamed.path, ...(renamed.hash ? { hash: renamed.hash } : {}), saved: { ...draft.origin.saved, name } }, false);
    useRequestStore.getState().setName(name);
  } else follow(root, item.path, renamed.path);
}

export async function duplicateEntry(root: string, path: string): Promise<void> {
  await run(root, call('collection:duplicate', { root, path }));
}

export async function moveEntry(root: string, path: string, toFolder: string, index?: number): Promise<void> {
  const moved = await run(root, call('collection:move', { root, path, toFolder, ...(index === undefined ? {} : { index }) }));
  if (moved) follow(root, path, moved.path);
}

export async function deleteEntry(root: string, path: string): Promise<void> {
  const draft = useRequestStore.getState();
  const o = draft.origin;
  const opensIt = o !== undefined && o.root === root && (o.relPath === path || o.relPath.startsWith(`${path}/`));
  const deleted = await run(root, call('collection:delete', { root, path }));
  // The request stays in the editor as a scratch draft, so deleting its file loses nothing typed.
  if (deleted && opensIt) useRequestStore.getState().setOrigin(undefined, false);
}

export async function reorder(root: string, folder: string, order: string[]): Promise<void> {
  await run(root, call('collection:reorder', { root, folder, order }));
}

/** Saves a scratch draft (typed in, a lab route, a history entry) as a new file and ties the editor to it. */
export async function saveDraftAs(root: string, folder: string, name: string): Promise<AppError | undefined> {
  const draft = useRequestStore.getState();
  const request = draftToSaved({ ...draft, name });
  const saved = await call('collection:save-request', { root, folder, request });
  if (!saved.ok) return saved.error;
  draft.setName(name);
  useRequestStore.getState().setOrigin({ root, relPath: saved.value.path, hash: saved.value.hash, saved: request }, true);
  await useCollectionStore.getState().refresh(root, [saved.value.path]);
  return undefined;
}
