/**
 * Open collections (their trees as app/collections reads them from disk), their environments and the
 * selected one, and the state of the request loaded from a collection: saving with the base hash, and
 * the conflict shown when the file changed on disk under unsaved edits. The host's `collection:changed`
 * event refreshes a tree; the content hash tells our own saves apart from edits made elsewhere.
 */
import { create } from 'zustand';
import type { AppError } from '../../app/common/result';
import type { SavedRequest } from '../../app/contract/collection';
import { call, subscribe } from '../host';
import { draftToSaved, savedToDraft } from '../components/collections/draft-mapping';
import type { CollectionTree, EnvironmentEntry, FileProblem, RequestItem, TreeItem } from '../components/collections/types';
import { useRawStore } from './raw-store';
import { isDirty, useRequestStore } from './request-store';

export interface OpenCollection {
  tree: CollectionTree;
  environments: EnvironmentEntry[];
  environmentProblems: FileProblem[];
  /** The environment requests of this collection are resolved and sent with. */
  environment?: string;
  /** Folder paths the user collapsed. */
  collapsed: string[];
}

export const CONFLICT_KINDS = ['changed', 'deleted', 'broken'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export interface Conflict {
  root: string;
  relPath: string;
  kind: ConflictKind;
  message: string;
}

interface CollectionState {
  collections: OpenCollection[];
  /** The last operation that failed, shown where the user acted. */
  error?: AppError;
  conflict?: Conflict;
  /** Set when Send was refused before sending because placeholders have no value. */
  blocked?: { root: string; names: string[]; environment?: string };
  /** Root of the collection whose variables dialog is open. */
  variablesFor?: string;
  saveAsOpen: boolean;
  saving: boolean;
  /** Resolves to the failure, if any, for the form that asked. */
  open(path: string): Promise<AppError | undefined>;
  create(path: string, name: string): Promise<AppError | undefined>;
  close(root: string): Promise<void>;
  refresh(root: string, changed?: string[]): Promise<void>;
  loadEnvironments(root: string): Promise<void>;
  selectEnvironment(root: string, name: string | undefined): void;
  toggleFolder(root: string, path: string): void;
  loadRequest(root: string, item: RequestItem): void;
  save(overwrite?: boolean): Promise<boolean>;
  reloadFromDisk(): Promise<void>;
  setError(error: AppError | undefined): void;
  setBlocked(blocked: CollectionState['blocked']): void;
  showVariables(root: string | undefined): void;
  showSaveAs(open: boolean): void;
}

const STORAGE_KEY = 'statuscope.collections';

interface Remembered {
  root: string;
  environment?: string;
}

function remembered(): Remembered[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.flatMap((v: unknown): Remembered[] => {
      if (typeof v !== 'object' || v === null || !('root' in v) || typeof v.root !== 'string') return [];
      const env = 'environment' in v && typeof v.environment === 'string' ? { environment: v.environment } : {};
      return [{ root: v.root, ...env }];
    });
  } catch {
    return [];
  }
}

function remember(collections: OpenCollection[]): void {
  const list: Remembered[] = collections.map((c) => ({ root: c.tree.root, ...(c.environment ? { environment: c.environment } : {}) }));
  localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
}

export function findItem(items: TreeItem[], path: string): TreeItem | undefined {
  for (const item of items) {
    if (item.path === path) return item;
    if (item.kind === 'folder' && path.startsWith(`${item.path}/`)) return findItem(item.items, path);
  }
  return undefined;
}

export function collectionOf(root: string): OpenCollection | undefined {
  return useCollectionStore.getState().collections.find((c) => c.tree.root === root);
}

export const useCollectionStore = create<CollectionState>()((set, get) => {
  const update = (root: string, patch: (c: OpenCollection) => Partial<OpenCollection>) =>
    set((s) => ({ collections: s.collections.map((c) => (c.tree.root === root ? { ...c, ...patch(c) } : c)) }));

  const adopt = async (tree: CollectionTree, environment?: string) => {
    const existing = collectionOf(tree.root);
    if (existing) update(tree.root, () => ({ tree }));
    else set((s) => ({ collections: [...s.collections, { tree, environments: [], environmentProblems: [], collapsed: [], ...(environment ? { environment } : {}) }] }));
    remember(get().collections);
    await get().loadEnvironments(tree.root);
  };

  /** The open request's file after a tree refresh: reload it if untouched, else say what happened. */
  const reconcile = (tree: CollectionTree) => {
    const draft = useRequestStore.getState();
    const origin = draft.origin;
    if (!origin || origin.root !== tree.root || get().saving) return;
    const item = findItem(tree.items, origin.relPath);
    const here = { root: tree.root, relPath: origin.relPath };
    if (item?.kind === 'request') {
      if (item.hash === origin.hash) {
        if (get().conflict?.relPath === origin.relPath) set({ conflict: undefined });
      } else if (!isDirty(draft)) {
        get().loadRequest(tree.root, item);
      } else {
        set({ conflict: { ...here, kind: 'changed', message: `${origin.relPath} changed on disk while you were editing it.` } });
      }
    } else if (item?.kind === 'broken') {
      const p = item.problem;
      set({ conflict: { ...here, kind: 'broken', message: `${p.path} no longer parses (line ${p.line}: ${p.reason}).` } });
    } else if (item === undefined) {
      set({ conflict: { ...here, kind: 'deleted', message: `${origin.relPath} was deleted or moved on disk.` } });
    }
  };

  subscribe('collection:changed', (change) => {
    if (collectionOf(change.root)) void get().refresh(change.root, change.paths);
  });

  // Collections open at the last start come back (per browser profile / Electron session).
  queueMicrotask(() => {
    for (const r of remembered()) {
      void call('collection:open', { path: r.root }).then((tree) => {
        if (tree.ok) void adopt(tree.value, r.environment);
      });
    }
  });

  return {
    collections: [],
    saveAsOpen: false,
    saving: false,
    open: async (path) => {
      const tree = await call('collection:open', { path: path.trim() });
      if (!tree.ok) return tree.error;
      await adopt(tree.value);
      return undefined;
    },
    create: async (path, name) => {
      const tree = await call('collection:create', { path: path.trim(), name: name.trim() });
      if (!tree.ok) return tree.error;
      // create does not start the watcher; open does.
      const opened = await call('collection:open', { path: tree.value.root });
      await adopt(opened.ok ? opened.value : tree.value);
      return undefined;
    },
    close: async (root) => {
      await call('collection:close', { root });
      set((s) => ({ collections: s.collections.filter((c) => c.tree.root !== root), ...(s.conflict?.root === root ? { conflict: undefined } : {}) }));
      remember(get().collections);
      const origin = useRequestStore.getState().origin;
      // The draft stays in the editor as a scratch draft: closing a collection never loses edits.
      if (origin?.root === root) useRequestStore.getState().setOrigin(undefined, false);
    },
    refresh: async (root, changed) => {
      const tree = await call('collection:open', { path: root });
      if (!tree.ok) {
        set({ error: tree.error });
        return;
      }
      update(root, () => ({ tree: tree.value }));
      if (!changed || changed.some((p) => p.startsWith('environments'))) await get().loadEnvironments(root);
      reconcile(tree.value);
    },
    loadEnvironments: async (root) => {
      const listed = await call('environment:list', { root });
      if (!listed.ok) {
        set({ error: listed.error });
        return;
      }
      update(root, (c) => ({
        environments: listed.value.environments,
        environmentProblems: listed.value.problems,
        // A selected environment deleted on disk falls back to none rather than to a surprise.
        environment: listed.value.environments.some((e) => e.name === c.environment) ? c.environment : undefined,
      }));
    },
    selectEnvironment: (root, name) => {
      update(root, () => ({ environment: name }));
      remember(get().collections);
      set({ blocked: undefined });
    },
    toggleFolder: (root, path) =>
      update(root, (c) => ({ collapsed: c.collapsed.includes(path) ? c.collapsed.filter((p) => p !== path) : [...c.collapsed, path] })),
    loadRequest: (root, item) => {
      useRawStore.getState().setEnabled(false);
      useRequestStore.getState().load(savedToDraft(item.request), { root, relPath: item.path, hash: item.hash, saved: item.request });
      set({ conflict: undefined, blocked: undefined });
    },
    save: async (overwrite = false) => {
      const draft = useRequestStore.getState();
      const origin = draft.origin;
      if (!origin) {
        set({ saveAsOpen: true });
        return false;
      }
      const request: SavedRequest = draftToSaved(draft, origin.saved);
      set({ saving: true });
      const saved = await call('collection:save-request', {
        root: origin.root,
        relPath: origin.relPath,
        request,
        ...(overwrite ? {} : { baseHash: origin.hash }),
      });
      set({ saving: false });
      if (!saved.ok) {
        if (saved.error.code === 'collection.conflict') {
          set({ conflict: { root: origin.root, relPath: origin.relPath, kind: 'changed', message: saved.error.message } });
        } else set({ error: saved.error });
        return false;
      }
      // Only the draft that was saved becomes clean: keystrokes typed while the save was in flight stay marked.
      const { name, method, url, params, headers, body, options, auth, assertions, notes } = draft;
      useRequestStore.setState({
        origin: { ...origin, relPath: saved.value.path, hash: saved.value.hash, saved: request },
        baseline: { name, method, url, params, headers, body, options, auth, assertions, notes },
      });
      set({ conflict: undefined, error: undefined });
      await get().refresh(origin.root, [saved.value.path]);
      return true;
    },
    reloadFromDisk: async () => {
      const conflict = get().conflict;
      if (!conflict) return;
      const tree = await call('collection:open', { path: conflict.root });
      if (!tree.ok) {
        set({ error: tree.error });
        return;
      }
      update(conflict.root, () => ({ tree: tree.value }));
      const item = findItem(tree.value.items, conflict.relPath);
      if (item?.kind === 'request') get().loadRequest(conflict.root, item);
      else set({ error: { code: 'collection.not-found', message: `${conflict.relPath} cannot be loaded from disk: ${conflict.message}` } });
    },
    setError: (error) => set({ error }),
    setBlocked: (blocked) => set({ blocked }),
    showVariables: (root) => set({ variablesFor: root }),
    showSaveAs: (open) => set({ saveAsOpen: open }),
  };
});
