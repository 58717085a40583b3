/**
 * Between an import/export and a collection folder, through the collection store (app/collections):
 * writing an ImportResult into a new folder (or merging into an existing collection), and reading a
 * collection folder back as a CollectionTree for the exporters.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../common/result';
import { folderFileSchema, type Variable } from '../contract/collection';
import { writeAtomic } from '../collections/atomic';
import { listEnvironments, saveEnvironment } from '../collections/environments';
import { createCollection, createFolder, saveRequest, saveSettings } from '../collections/store';
import { editOrder } from '../collections/order';
import { applyOrder, listEntries, openCollection } from '../collections/tree';
import type { TreeItem } from '../collections/types';
import { toYamlText } from '../collections/yaml-file';
import type { CollectionTree, ImportedItem, ImportResult, ImportWarning } from './types';
import { countItems } from './types';

export interface WriteSummary {
  root: string;
  requests: number;
  folders: number;
  environments: string[];
  /** What merging could not carry over (a variable or environment already there, different). */
  warnings: ImportWarning[];
}

async function isEmptyDir(dir: string): Promise<boolean | undefined> {
  const info = await stat(dir).catch(() => undefined);
  if (!info) return true;
  if (!info.isDirectory()) return undefined;
  return (await readdir(dir)).length === 0;
}

/** Writes items into a folder; returns the entry names (file or directory) in the import's order. */
async function writeItems(
  root: string,
  folderRel: string,
  items: readonly ImportedItem[],
): Promise<Result<string[]>> {
  const names: string[] = [];
  for (const item of items) {
    if (item.kind === 'request') {
      const saved = await saveRequest(root, { folder: folderRel, request: item.request });
      if (!saved.ok) return saved;
      names.push(saved.value.path.split('/').at(-1) ?? saved.value.path);
      continue;
    }
    const created = await createFolder(root, folderRel, item.name);
    if (!created.ok) return created;
    names.push(created.value.path.split('/').at(-1) ?? created.value.path);
    if (item.description) {
      // createFolder writes folder.yaml only for names that differ from the directory; the description needs it always.
      const file = path.join(root, ...created.value.path.split('/'), 'folder.yaml');
      await writeAtomic(
        file,
        toYamlText(
          folderFileSchema,
          folderFileSchema.parse({ name: item.name, description: item.description }),
        ),
      );
    }
    const inner = await writeItems(root, created.value.path, item.children);
    if (!inner.ok) return inner;
    // Without an explicit order a folder sorts by name; the import's order is the author's, so it is kept.
    const ordered = await editOrder(root, created.value.path, () => inner.value);
    if (!ordered.ok) return ordered;
  }
  return ok(names);
}

function mergeVariables(
  existing: readonly Variable[],
  incoming: readonly Variable[],
  where: string,
  warnings: ImportWarning[],
): Variable[] {
  const out = [...existing];
  for (const v of incoming) {
    const same = out.find((e) => e.name === v.name);
    if (!same) out.push(v);
    else if (same.value !== v.value || same.secret !== v.secret)
      warnings.push({
        item: where,
        what: `variable "${v.name}" already exists with another value; the existing one is kept`,
      });
  }
  return out;
}

/**
 * Writes an import into `root`. A new collection needs an empty (or missing) folder; with `merge`, the
 * import's items are added to the collection already there, next to what it holds.
 */
export async function writeImport(
  root: string,
  result: ImportResult,
  opts: { merge: boolean },
): Promise<Result<WriteSummary>> {
  const abs = path.resolve(root);
  const warnings: ImportWarning[] = [];
  const empty = await isEmptyDir(abs);
  if (empty === undefined)
    return fail('import.target-not-a-folder', `${abs} exists and is not a folder.`, {
      detail: { path: abs },
    });
  const existing = empty ? undefined : await openCollection(abs);
  if (!empty && !opts.merge) {
    return fail(
      'import.target-not-empty',
      `${abs} is not empty; choose an empty folder, or pass --merge to add to the collection there.`,
      { detail: { path: abs } },
    );
  }
  if (existing && !existing.ok)
    return fail(
      'import.target-not-a-collection',
      `${abs} is not empty and holds no collection to merge into (${existing.error.message})`,
      { detail: { path: abs } },
    );

  const { collection } = result;
  if (!existing) {
    const created = await createCollection(abs, collection.name);
    if (!created.ok) return created;
    const settings = await saveSettings(
      abs,
      {
        name: collection.name,
        description: collection.description,
        headers: collection.headers,
        variables: collection.variables,
        auth: collection.auth,
      },
      undefined,
    );
    if (!settings.ok) return settings;
  } else {
    const current = existing.value.settings;
    const where = current.name;
    if (JSON.stringify(current.auth) !== JSON.stringify(collection.auth) && collection.auth.type !== 'none') {
      warnings.push({
        item: where,
        what: `the imported collection auth (${collection.auth.type}) is not applied; the existing collection keeps ${current.auth.type}`,
      });
    }
    if (collection.headers.length)
      warnings.push({
        item: where,
        what: `collection headers ${collection.headers.map((h) => h.name).join(', ')} of the import not applied to the existing collection`,
      });
    const variables = mergeVariables(current.variables, collection.variables, where, warnings);
    const settings = await saveSettings(
      abs,
      {
        name: current.name,
        description: current.description,
        headers: current.headers,
        variables,
        auth: current.auth,
      },
      existing.value.hash,
    );
    if (!settings.ok) return settings;
  }
  const before = existing
    ? applyOrder(
        (await listEntries(abs, '')).map((e) => e.name),
        existing.value.settings.order,
      )
    : [];
  const written = await writeItems(abs, '', result.items);
  if (!written.ok) return written;
  const added = new Set(written.value);
  const ordered = await editOrder(abs, '', () => [...before.filter((n) => !added.has(n)), ...written.value]);
  if (!ordered.ok) return ordered;

  const known = await listEnvironments(abs);
  const names = new Set(known.ok ? known.value.environments.map((e) => e.name) : []);
  const environments: string[] = [];
  for (const env of result.environments) {
    if (names.has(env.name)) {
      warnings.push({
        item: `environment ${env.name}`,
        what: 'an environment with this name already exists; the imported one is not written',
      });
      continue;
    }
    const saved = await saveEnvironment(abs, env, undefined, undefined);
    if (!saved.ok) return saved;
    names.add(env.name);
    environments.push(env.name);
  }
  const counts = countItems(result.items);
  return ok({ root: abs, requests: counts.requests, folders: counts.folders, environments, warnings });
}

function fromTree(items: readonly TreeItem[], warnings: ImportWarning[]): ImportedItem[] {
  const out: ImportedItem[] = [];
  for (const item of items) {
    if (item.kind === 'request') out.push({ kind: 'request', request: item.request });
    else if (item.kind === 'folder')
      out.push({
        kind: 'folder',
        name: item.name,
        description: item.description,
        children: fromTree(item.items, warnings),
      });
    else
      warnings.push({
        item: item.path,
        what: `not exported: ${item.problem.path}:${item.problem.line}:${item.problem.column}: ${item.problem.reason}`,
      });
  }
  return out;
}

/** Reads a collection folder for the exporters; files that fail to parse are reported and left out. */
export async function readCollection(
  root: string,
): Promise<Result<{ tree: CollectionTree; warnings: ImportWarning[] }>> {
  const opened = await openCollection(path.resolve(root));
  if (!opened.ok) return opened;
  const warnings: ImportWarning[] = [];
  const items = fromTree(opened.value.items, warnings);
  const envs = await listEnvironments(opened.value.root);
  if (!envs.ok) return envs;
  for (const p of envs.value.problems)
    warnings.push({
      item: p.path,
      what: `environment not exported: line ${p.line}, column ${p.column}: ${p.reason}`,
    });
  return ok({
    tree: {
      collection: opened.value.settings,
      items,
      environments: envs.value.environments.map((e) => e.environment),
    },
    warnings,
  });
}
