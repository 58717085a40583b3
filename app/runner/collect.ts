/**
 * From a collection folder to the ordered list of requests a run (or a scan) goes through: the tree in
 * the collection's order, narrowed to one folder or one request file, each request resolved against the
 * chosen environment. A broken file or unresolved variables do not stop the list: the item carries the
 * problem and is reported in its place.
 */
import { fail, ok, type Result } from '../common/result';
import type { EnvironmentFile, SavedRequest } from '../contract/collection';
import { findEnvironment } from '../collections/environments';
import { requireResolved, resolveRequest, type ResolvedRequest } from '../collections/resolve';
import { findItem, openCollection } from '../collections/tree';
import type { CollectionTree, TreeItem } from '../collections/types';

/** Secret values for a scope (the app's secret store); a failure leaves secrets unset, never stops a run. */
export type SecretSource = (scope: { root: string; environment?: string }) => Promise<Record<string, string>>;

export interface RunnableItem {
  path: string;
  name: string;
  folder: string;
  folderName: string;
  /** Absent for a file that failed to parse. */
  saved?: SavedRequest;
  /** The resolved request, or why it cannot be sent (broken file, unresolved variables, invalid request). */
  resolved: Result<ResolvedRequest>;
}

export interface Runnable {
  tree: CollectionTree;
  environment: EnvironmentFile | null;
  items: RunnableItem[];
}

export interface CollectOptions {
  root: string;
  relPath: string;
  environment?: string;
  /** A process-like environment; `STATUSCOPE_VAR_*` entries override variables (CI). */
  env?: Readonly<Record<string, string | undefined>>;
  secrets?: SecretSource;
}

interface Flat {
  item: Exclude<TreeItem, { kind: 'folder' }>;
  folder: string;
  folderName: string;
}

function flatten(items: readonly TreeItem[], folder: string, folderName: string, out: Flat[]): Flat[] {
  for (const item of items) {
    if (item.kind === 'folder') flatten(item.items, item.path, item.name, out);
    else out.push({ item, folder, folderName });
  }
  return out;
}

/** The folder (or request) `relPath` names, with the folder it sits in; `''` is the whole collection. */
function narrow(tree: CollectionTree, relPath: string): Result<Flat[]> {
  const rel = relPath.replace(/^\.?\/+|\/+$/g, '');
  if (rel === '' || rel === '.') return ok(flatten(tree.items, '', tree.name, []));
  const found = findItem(tree.items, rel);
  if (found === undefined)
    return fail(
      'run.not-found',
      `There is no request or folder ${JSON.stringify(rel)} in the collection ${tree.root}.`,
      { detail: { path: rel } },
    );
  if (found.kind === 'folder') return ok(flatten(found.items, found.path, found.name, []));
  const parent = rel.includes('/') ? rel.slice(0, rel.lastIndexOf('/')) : '';
  const parentItem = parent === '' ? undefined : findItem(tree.items, parent);
  return ok([{ item: found, folder: parent, folderName: parentItem?.name ?? tree.name }]);
}

async function secretsOf(
  source: SecretSource | undefined,
  scope: { root: string; environment?: string },
): Promise<Record<string, string>> {
  if (!source) return {};
  try {
    return await source(scope);
  } catch {
    return {};
  }
}

export async function collectRunnable(opts: CollectOptions): Promise<Result<Runnable>> {
  const opened = await openCollection(opts.root);
  if (!opened.ok) return opened;
  const tree = opened.value;
  let environment: EnvironmentFile | null = null;
  if (opts.environment !== undefined) {
    const found = await findEnvironment(tree.root, opts.environment);
    if (!found.ok) return found;
    environment = found.value.environment;
  }
  const flat = narrow(tree, opts.relPath);
  if (!flat.ok) return flat;
  const secrets = {
    collection: await secretsOf(opts.secrets, { root: tree.root }),
    ...(environment
      ? { environment: await secretsOf(opts.secrets, { root: tree.root, environment: environment.name }) }
      : {}),
  };
  const items = flat.value.map(({ item, folder, folderName }): RunnableItem => {
    if (item.kind === 'broken') {
      const p = item.problem;
      return {
        path: item.path,
        name: item.name,
        folder,
        folderName,
        resolved: fail('collection.invalid-file', `${p.path}:${p.line}:${p.column}: ${p.reason}`),
      };
    }
    const resolved = resolveRequest(item.request, {
      collection: tree.settings,
      ...(environment ? { environment } : {}),
      secrets,
      ...(opts.env ? { env: opts.env } : {}),
    });
    return {
      path: item.path,
      name: item.name,
      folder,
      folderName,
      saved: item.request,
      resolved: resolved.ok ? requireResolved(resolved.value) : resolved,
    };
  });
  return ok({ tree, environment, items });
}
