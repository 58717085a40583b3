/**
 * Opening a collection folder: collection.yaml, then every request file and group folder, in the order
 * the `order` lists give (entries they do not name follow, sorted by name, so the order is stable even
 * for a hand-made folder). A file that fails to parse becomes a `broken` item plus a problem; the rest
 * still loads.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../common/result';
import {
  collectionFileSchema,
  folderFileSchema,
  savedRequestSchema,
  type CollectionFile,
} from '../contract/collection';
import { loadYaml } from './files';
import { joinRel, resolveInside } from './paths';
import type { CollectionTree, FileProblem, TreeItem } from './types';

export const COLLECTION_FILE = 'collection.yaml';
export const FOLDER_FILE = 'folder.yaml';
export const ENVIRONMENTS_DIR = 'environments';
const MAX_DEPTH = 24;

/** Entries of a folder that are not requests or groups. */
export function isReservedEntry(folderRel: string, name: string): boolean {
  if (name.startsWith('.') || name === 'node_modules') return true;
  if (folderRel === '') return name === COLLECTION_FILE || name === ENVIRONMENTS_DIR;
  return name === FOLDER_FILE;
}

export function isRequestFileName(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

/** Names listed in `order` first (when present), then the rest by name: a stable order for any folder. */
export function applyOrder(names: readonly string[], order: readonly string[]): string[] {
  const present = new Set(names);
  const listed = order.filter((n, i) => present.has(n) && order.indexOf(n) === i);
  const listedSet = new Set(listed);
  const rest = names.filter((n) => !listedSet.has(n)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return [...listed, ...rest];
}

interface Entry {
  name: string;
  kind: 'file' | 'dir';
}

/** Entries of a folder that belong to the tree; symlinks count only when they stay inside the root. */
export async function listEntries(root: string, folderRel: string): Promise<Entry[]> {
  const abs = await resolveInside(root, folderRel);
  if (!abs.ok) return [];
  let dirents: Dirent[];
  try {
    dirents = await readdir(abs.value, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: Entry[] = [];
  for (const d of dirents) {
    if (isReservedEntry(folderRel, d.name)) continue;
    let isDir = d.isDirectory();
    let isFile = d.isFile();
    if (d.isSymbolicLink()) {
      const inside = await resolveInside(root, joinRel(folderRel, d.name));
      if (!inside.ok) continue;
      const info = await stat(inside.value).catch(() => undefined);
      isDir = info?.isDirectory() ?? false;
      isFile = info?.isFile() ?? false;
    }
    if (isDir) out.push({ name: d.name, kind: 'dir' });
    else if (isFile && isRequestFileName(d.name)) out.push({ name: d.name, kind: 'file' });
  }
  return out;
}

async function readFolder(
  root: string,
  folderRel: string,
  order: readonly string[],
  problems: FileProblem[],
  depth: number,
): Promise<TreeItem[]> {
  const entries = await listEntries(root, folderRel);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const items: TreeItem[] = [];
  for (const name of applyOrder([...byName.keys()], order)) {
    const entry = byName.get(name);
    if (!entry) continue;
    const rel = joinRel(folderRel, name);
    if (entry.kind === 'file') {
      const loaded = await loadYaml(root, rel, savedRequestSchema);
      if (!loaded.ok || loaded.value === undefined) continue;
      const { parsed, hash } = loaded.value;
      if (parsed.ok) {
        const r = parsed.value;
        items.push({
          kind: 'request',
          path: rel,
          name: r.name,
          method: r.method,
          url: r.url,
          hash,
          request: r,
        });
      } else {
        problems.push(parsed.problem);
        items.push({ kind: 'broken', path: rel, name, problem: parsed.problem });
      }
      continue;
    }
    if (depth >= MAX_DEPTH) {
      problems.push({
        path: rel,
        line: 0,
        column: 0,
        reason: `folders nest deeper than ${MAX_DEPTH} levels; the rest is not loaded`,
      });
      continue;
    }
    const folderFile = await loadYaml(root, joinRel(rel, FOLDER_FILE), folderFileSchema);
    let folderName = name;
    let description = '';
    let folderOrder: string[] = [];
    let hash: string | undefined;
    if (folderFile.ok && folderFile.value !== undefined) {
      hash = folderFile.value.hash;
      const parsed = folderFile.value.parsed;
      if (parsed.ok) {
        folderName = parsed.value.name;
        description = parsed.value.description;
        folderOrder = parsed.value.order;
      } else {
        problems.push(parsed.problem);
      }
    }
    const children = await readFolder(root, rel, folderOrder, problems, depth + 1);
    items.push({
      kind: 'folder',
      path: rel,
      name: folderName,
      description,
      ...(hash === undefined ? {} : { hash }),
      items: children,
    });
  }
  return items;
}

export async function openCollection(root: string): Promise<Result<CollectionTree>> {
  if (!path.isAbsolute(root))
    return fail(
      'collection.root-not-absolute',
      `The collection root must be an absolute path, got ${JSON.stringify(root)}.`,
    );
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory())
    return fail('collection.not-found', `There is no folder at ${root}.`, { detail: { path: root } });
  const loaded = await loadYaml(root, COLLECTION_FILE, collectionFileSchema);
  if (!loaded.ok) return loaded;
  if (loaded.value === undefined) {
    return fail(
      'collection.not-a-collection',
      `${root} has no ${COLLECTION_FILE}; create a collection there first.`,
      { detail: { path: root } },
    );
  }
  const problems: FileProblem[] = [];
  let settings: CollectionFile;
  if (loaded.value.parsed.ok) {
    settings = loaded.value.parsed.value;
  } else {
    problems.push(loaded.value.parsed.problem);
    settings = collectionFileSchema.parse({ name: path.basename(root) });
  }
  const items = await readFolder(root, '', settings.order, problems, 0);
  return ok({ root, name: settings.name, settings, hash: loaded.value.hash, items, problems });
}

/** Finds an item by path in a tree (for tests and callers holding a tree). */
export function findItem(items: readonly TreeItem[], rel: string): TreeItem | undefined {
  for (const item of items) {
    if (item.path === rel) return item;
    if (item.kind === 'folder') {
      const found = findItem(item.items, rel);
      if (found) return found;
    }
  }
  return undefined;
}
