/**
 * Watches a collection folder (chokidar 4) so that files changed on disk — a `git pull`, an editor —
 * show up without a restart. Bursts are debounced into one change event listing the collection-relative
 * paths touched; the caller reloads those (or the whole tree) and compares content hashes, which also
 * tells its own saves apart from external edits.
 */
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { toRel } from './paths';
import { isRequestFileName } from './tree';

export interface CollectionChange {
  root: string;
  /** Collection-relative paths (`/`-separated) of files and folders added, changed or removed. */
  paths: string[];
}

export interface CollectionWatcher {
  /** Resolves once the initial scan is done: edits after this are reported. */
  ready: Promise<void>;
  close(): Promise<void>;
}

export const DEFAULT_DEBOUNCE_MS = 150;

/** Hidden entries (.git, editor swap files) and node_modules are never part of a collection. */
function ignoredUnder(root: string) {
  return (p: string): boolean => {
    const rel = path.relative(root, p);
    if (rel === '' || rel.startsWith('..')) return false;
    return rel.split(path.sep).some((seg) => seg.startsWith('.') || seg === 'node_modules');
  };
}

export function watchCollection(
  root: string,
  onChange: (change: CollectionChange) => void,
  options: { debounceMs?: number } = {},
): CollectionWatcher {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  const watcher: FSWatcher = watch(root, {
    ignoreInitial: true,
    followSymlinks: false,
    depth: 24,
    ignored: ignoredUnder(root),
    // write-file-atomic renames a temp file over the target: report the settled file, not the temp.
    atomic: true,
  });
  const flush = () => {
    timer = undefined;
    if (closed || pending.size === 0) return;
    const paths = [...pending].sort();
    pending.clear();
    onChange({ root, paths });
  };
  watcher.on('all', (event, p) => {
    const isDirEvent = event === 'addDir' || event === 'unlinkDir';
    // Temp files of atomic writes and non-YAML files are noise; folders matter (groups added or removed).
    if (!isDirEvent && !isRequestFileName(p)) return;
    const rel = toRel(root, p);
    if (rel === '' || rel.startsWith('..')) return;
    pending.add(rel);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, debounceMs);
  });
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  // A watcher error (EMFILE, a removed root) must not crash the host; the tree can still be reloaded by hand.
  watcher.on('error', () => undefined);
  return {
    ready,
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      await watcher.close();
    },
  };
}
