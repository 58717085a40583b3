/**
 * Writing a collection: create it, save a request (new or edited), save collection settings, create a
 * folder. Every caller-supplied path goes through resolveInside first; every write is atomic; an edit
 * of a file that changed on disk since the caller loaded it is a `collection.conflict`, not an overwrite.
 * Entry operations (rename, duplicate, move, delete, reorder) are in store-entries.ts.
 */
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { z } from 'zod';
import { fail, ok, type Result } from '../common/result';
import {
  collectionFileSchema,
  folderFileSchema,
  savedRequestSchema,
  type CollectionFile,
  type SavedRequest,
  type Variable,
} from '../contract/collection';
import { contentHash, writeAtomic } from './atomic';
import { canonical, deepEqual } from './canonical';
import { loadYaml, type LoadedFile } from './files';
import { serialized } from './lock';
import { editOrder, insertEdit } from './order';
import { joinRel, resolveInside, resolveLexically, slugify, splitRel, uniqueName } from './paths';
import { COLLECTION_FILE, isRequestFileName, isReservedEntry, listEntries, openCollection } from './tree';
import type { CollectionTree, Saved } from './types';

export type { Saved } from './types';
import { toYamlText, updateYamlText } from './yaml-file';

export function conflict(rel: string, currentHash: string | undefined): Result<never> {
  return fail(
    'collection.conflict',
    `${rel} changed on disk since it was loaded (another program, or a git pull). Reload it, or save again to overwrite.`,
    { detail: { path: rel, currentHash: currentHash ?? null } },
  );
}

/** Refuses paths that are not request files: collection.yaml, folder.yaml, environments/, hidden files. */
export function checkRequestPath(root: string, rel: string): Result<void> {
  const lexical = resolveLexically(root, rel);
  if (!lexical.ok) return lexical;
  const parts = rel.split('/');
  const reserved = parts.some((part, i) => isReservedEntry(parts.slice(0, i).join('/'), part));
  if (reserved || !isRequestFileName(rel)) {
    return fail(
      'collection.reserved-path',
      `${rel} is not a request file path (request files end in .yaml and live outside environments/).`,
      {
        detail: { path: rel },
      },
    );
  }
  return ok(undefined);
}

/** Writes `value` over an existing, loaded file, unless the file changed on disk or nothing changed. */
export async function writeEdited<T>(
  file: LoadedFile<T>,
  schema: z.ZodType,
  value: unknown,
  baseHash: string | undefined,
): Promise<Result<Saved>> {
  if (baseHash !== undefined && baseHash !== file.hash) return conflict(file.rel, file.hash);
  const { parsed } = file;
  if (parsed.ok) {
    if (deepEqual(canonical(schema, parsed.value), canonical(schema, value)))
      return ok({ path: file.rel, hash: file.hash, changed: false });
    const text = updateYamlText(parsed.doc, schema, value);
    await writeAtomic(file.abs, text);
    return ok({ path: file.rel, hash: contentHash(text), changed: true });
  }
  // The file on disk does not parse: replace it only when the caller saw exactly this content.
  if (baseHash === undefined) {
    const p = parsed.problem;
    return fail(
      'collection.invalid-file',
      `${p.path}:${p.line}:${p.column}: ${p.reason}. Fix the file, or reload it and save over it.`,
      {
        detail: { path: p.path, line: p.line, column: p.column },
      },
    );
  }
  const text = toYamlText(schema, value);
  await writeAtomic(file.abs, text);
  return ok({ path: file.rel, hash: contentHash(text), changed: true });
}

export async function createCollection(root: string, name: string): Promise<Result<CollectionTree>> {
  if (!path.isAbsolute(root))
    return fail(
      'collection.root-not-absolute',
      `The collection folder must be an absolute path, got ${JSON.stringify(root)}.`,
    );
  return serialized(root, async () => {
    await mkdir(root, { recursive: true });
    const file = path.join(root, COLLECTION_FILE);
    if (await stat(file).catch(() => undefined))
      return fail('collection.exists', `${root} already holds a collection.`, { detail: { path: root } });
    await writeAtomic(file, toYamlText(collectionFileSchema, collectionFileSchema.parse({ name })));
    return openCollection(root);
  });
}

export interface SaveRequestInput {
  /** The file to update; absent to create a new file named after the request. */
  relPath?: string;
  /** Where a new request goes (collection-relative folder, `''` for the top level). */
  folder?: string;
  request: SavedRequest;
  /** The hash the caller got when loading; a mismatch is a conflict. */
  baseHash?: string;
}

export async function saveRequest(root: string, input: SaveRequestInput): Promise<Result<Saved>> {
  return serialized(root, async () => {
    if (input.relPath !== undefined) {
      const check = checkRequestPath(root, input.relPath);
      if (!check.ok) return check;
      const loaded = await loadYaml(root, input.relPath, savedRequestSchema);
      if (!loaded.ok) return loaded;
      if (loaded.value !== undefined)
        return writeEdited(loaded.value, savedRequestSchema, input.request, input.baseHash);
      if (input.baseHash !== undefined) return conflict(input.relPath, undefined);
      const { parent } = splitRel(input.relPath);
      const folder = await resolveInside(root, parent);
      if (!folder.ok) return folder;
      if (!(await stat(folder.value).catch(() => undefined))?.isDirectory()) {
        return fail('collection.not-found', `The folder ${parent || '(top level)'} does not exist.`, {
          detail: { path: parent },
        });
      }
      return createRequestFile(root, input.relPath, input.request);
    }
    const folderRel = input.folder ?? '';
    const folder = await resolveInside(root, folderRel);
    if (!folder.ok) return folder;
    if (!(await stat(folder.value).catch(() => undefined))?.isDirectory()) {
      return fail('collection.not-found', `The folder ${folderRel || '(top level)'} does not exist.`, {
        detail: { path: folderRel },
      });
    }
    const siblings = (await listEntries(root, folderRel)).map((e) => e.name);
    const file = uniqueName(slugify(input.request.name) || 'request', '.yaml', [
      ...siblings,
      'folder.yaml',
      COLLECTION_FILE,
    ]);
    return createRequestFile(root, joinRel(folderRel, file), input.request);
  });
}

async function createRequestFile(
  root: string,
  rel: string,
  request: SavedRequest,
  after?: string,
): Promise<Result<Saved>> {
  const abs = await resolveInside(root, rel);
  if (!abs.ok) return abs;
  const text = toYamlText(savedRequestSchema, request);
  await writeAtomic(abs.value, text);
  const { parent, base } = splitRel(rel);
  const ordered = await editOrder(root, parent, insertEdit(base, after === undefined ? {} : { after }));
  if (!ordered.ok) return ordered;
  return ok({ path: rel, hash: contentHash(text), changed: true });
}

export { createRequestFile };

export async function createFolder(
  root: string,
  parent: string,
  name: string,
): Promise<Result<{ path: string }>> {
  return serialized(root, async () => {
    const parentAbs = await resolveInside(root, parent);
    if (!parentAbs.ok) return parentAbs;
    if (!(await stat(parentAbs.value).catch(() => undefined))?.isDirectory()) {
      return fail('collection.not-found', `The folder ${parent || '(top level)'} does not exist.`, {
        detail: { path: parent },
      });
    }
    const siblings = (await listEntries(root, parent)).map((e) => e.name);
    const reserved = parent === '' ? ['environments', COLLECTION_FILE] : ['folder.yaml'];
    const dir = uniqueName(slugify(name) || 'folder', '', [...siblings, ...reserved]);
    const rel = joinRel(parent, dir);
    const abs = await resolveInside(root, rel);
    if (!abs.ok) return abs;
    await mkdir(abs.value);
    // folder.yaml only when the display name is not the directory name: fewer files for simple groups.
    if (name !== dir)
      await writeAtomic(
        path.join(abs.value, 'folder.yaml'),
        toYamlText(folderFileSchema, folderFileSchema.parse({ name })),
      );
    const ordered = await editOrder(root, parent, insertEdit(dir));
    if (!ordered.ok) return ordered;
    return ok({ path: rel });
  });
}

/** Separates secret values (they go to the SecretStore) from what may be written into the folder. */
export function splitSecrets(variables: readonly Variable[]): {
  variables: Variable[];
  secrets: Array<{ name: string; value: string }>;
} {
  const secrets: Array<{ name: string; value: string }> = [];
  const kept = variables.map((v) => {
    if (!v.secret) return v;
    if (v.value !== undefined) secrets.push({ name: v.name, value: v.value });
    return { name: v.name, secret: true };
  });
  return { variables: kept, secrets };
}

export type CollectionSettings = Omit<CollectionFile, 'order' | 'schema'>;

/** Saves collection.yaml's settings; the `order` list stays as it is on disk (entry operations own it). */
export async function saveSettings(
  root: string,
  settings: CollectionSettings,
  baseHash: string | undefined,
): Promise<Result<Saved & { secrets: Array<{ name: string; value: string }> }>> {
  return serialized(root, async () => {
    const loaded = await loadYaml(root, COLLECTION_FILE, collectionFileSchema);
    if (!loaded.ok) return loaded;
    if (loaded.value === undefined)
      return fail('collection.not-a-collection', `${root} has no ${COLLECTION_FILE}.`, {
        detail: { path: root },
      });
    const { variables, secrets } = splitSecrets(settings.variables);
    const order = loaded.value.parsed.ok ? loaded.value.parsed.value.order : [];
    const next = collectionFileSchema.parse({ ...settings, variables, order });
    const saved = await writeEdited(loaded.value, collectionFileSchema, next, baseHash);
    return saved.ok ? ok({ ...saved.value, secrets }) : saved;
  });
}
