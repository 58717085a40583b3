/**
 * Entry operations on a collection: rename, duplicate, move, delete, reorder. Requests are files named
 * after the request (slug + `.yaml`, de-duplicated); folders are directories, their display name in
 * folder.yaml. Each operation keeps the parent's `order` list in step.
 */
import { cp, mkdir, rename as fsRename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../common/result';
import { folderFileSchema, savedRequestSchema } from '../contract/collection';
import { contentHash, writeAtomic } from './atomic';
import { loadYaml, loadYamlStrict } from './files';
import { serialized } from './lock';
import { editOrder, insertEdit, removeEdit, renameEdit } from './order';
import { joinRel, resolveInside, resolveLexically, slugify, splitRel, uniqueName } from './paths';
import { checkRequestPath, conflict } from './store';
import { applyOrder, COLLECTION_FILE, FOLDER_FILE, isReservedEntry, listEntries } from './tree';
import { toYamlText, updateYamlText } from './yaml-file';

type EntryKind = 'request' | 'folder';

async function entryKind(root: string, rel: string): Promise<Result<{ abs: string; kind: EntryKind }>> {
  const lexical = resolveLexically(root, rel);
  if (!lexical.ok) return lexical;
  if (
    rel === '' ||
    rel.split('/').some((part, i, parts) => isReservedEntry(parts.slice(0, i).join('/'), part))
  ) {
    return fail(
      'collection.reserved-path',
      `${rel || 'The collection root'} cannot be renamed, moved or deleted this way.`,
      { detail: { path: rel } },
    );
  }
  const abs = await resolveInside(root, rel);
  if (!abs.ok) return abs;
  const info = await stat(abs.value).catch(() => undefined);
  if (!info) return fail('collection.not-found', `${rel} does not exist.`, { detail: { path: rel } });
  if (info.isDirectory()) return ok({ abs: abs.value, kind: 'folder' });
  const check = checkRequestPath(root, rel);
  if (!check.ok) return check;
  return ok({ abs: abs.value, kind: 'request' });
}

async function siblingNames(root: string, folderRel: string, except?: string): Promise<string[]> {
  const names = (await listEntries(root, folderRel)).map((e) => e.name).filter((n) => n !== except);
  return [...names, ...(folderRel === '' ? [COLLECTION_FILE, 'environments'] : [FOLDER_FILE])];
}

/** Writes folder.yaml's name (creating the file when the name differs from the directory). */
async function setFolderName(root: string, folderRel: string, name: string): Promise<Result<void>> {
  const loaded = await loadYaml(root, joinRel(folderRel, FOLDER_FILE), folderFileSchema);
  if (!loaded.ok) return loaded;
  if (loaded.value === undefined) {
    if (name === splitRel(folderRel).base) return ok(undefined);
    const abs = await resolveInside(root, joinRel(folderRel, FOLDER_FILE));
    if (!abs.ok) return abs;
    await writeAtomic(abs.value, toYamlText(folderFileSchema, folderFileSchema.parse({ name })));
    return ok(undefined);
  }
  const { parsed } = loaded.value;
  if (!parsed.ok) return ok(undefined); // a broken folder.yaml is left as the user wrote it
  if (parsed.value.name !== name)
    await writeAtomic(
      loaded.value.abs,
      updateYamlText(parsed.doc, folderFileSchema, { ...parsed.value, name }),
    );
  return ok(undefined);
}

/** Renames a request (its `name` and its file) or a folder (its directory and folder.yaml name). */
export async function renameEntry(
  root: string,
  rel: string,
  name: string,
  baseHash?: string,
): Promise<Result<{ path: string; hash?: string }>> {
  return serialized(root, async () => {
    const entry = await entryKind(root, rel);
    if (!entry.ok) return entry;
    const { parent, base } = splitRel(rel);
    if (entry.value.kind === 'request') {
      const loaded = await loadYamlStrict(root, rel, savedRequestSchema);
      if (!loaded.ok) return loaded;
      if (baseHash !== undefined && baseHash !== loaded.value.hash) return conflict(rel, loaded.value.hash);
      const wanted = `${slugify(name) || 'request'}.yaml`;
      const file =
        wanted === base
          ? base
          : uniqueName(slugify(name) || 'request', '.yaml', await siblingNames(root, parent, base));
      const newRel = joinRel(parent, file);
      const target = await resolveInside(root, newRel);
      if (!target.ok) return target;
      const text = updateYamlText(loaded.value.doc, savedRequestSchema, { ...loaded.value.value, name });
      await writeAtomic(target.value, text);
      if (newRel !== rel) await unlink(entry.value.abs);
      const ordered = await editOrder(root, parent, renameEdit(base, file));
      if (!ordered.ok) return ordered;
      return ok({ path: newRel, hash: contentHash(text) });
    }
    const wanted = slugify(name) || 'folder';
    const dir = wanted === base ? base : uniqueName(wanted, '', await siblingNames(root, parent, base));
    const newRel = joinRel(parent, dir);
    const target = await resolveInside(root, newRel);
    if (!target.ok) return target;
    if (newRel !== rel) await fsRename(entry.value.abs, target.value);
    const named = await setFolderName(root, newRel, name);
    if (!named.ok) return named;
    const ordered = await editOrder(root, parent, renameEdit(base, dir));
    if (!ordered.ok) return ordered;
    return ok({ path: newRel });
  });
}

/** Copies a request or a folder beside the original, named "<name> copy", placed right after it. */
export async function duplicateEntry(root: string, rel: string): Promise<Result<{ path: string }>> {
  return serialized(root, async () => {
    const entry = await entryKind(root, rel);
    if (!entry.ok) return entry;
    const { parent, base } = splitRel(rel);
    if (entry.value.kind === 'request') {
      const loaded = await loadYamlStrict(root, rel, savedRequestSchema);
      if (!loaded.ok) return loaded;
      const name = `${loaded.value.value.name} copy`;
      const file = uniqueName(slugify(name) || 'request', '.yaml', await siblingNames(root, parent));
      const newRel = joinRel(parent, file);
      const target = await resolveInside(root, newRel);
      if (!target.ok) return target;
      await writeAtomic(
        target.value,
        updateYamlText(loaded.value.doc, savedRequestSchema, { ...loaded.value.value, name }),
      );
      const ordered = await editOrder(root, parent, insertEdit(file, { after: base }));
      return ordered.ok ? ok({ path: newRel }) : ordered;
    }
    const folderFile = await loadYaml(root, joinRel(rel, FOLDER_FILE), folderFileSchema);
    const currentName =
      folderFile.ok && folderFile.value?.parsed.ok ? folderFile.value.parsed.value.name : base;
    const dir = uniqueName(`${base}-copy`, '', await siblingNames(root, parent));
    const newRel = joinRel(parent, dir);
    const target = await resolveInside(root, newRel);
    if (!target.ok) return target;
    // verbatimSymlinks keeps links as written; links leading out of the root are ignored when loading anyway.
    await cp(entry.value.abs, target.value, {
      recursive: true,
      errorOnExist: true,
      force: false,
      verbatimSymlinks: true,
    });
    const named = await setFolderName(root, newRel, `${currentName} copy`);
    if (!named.ok) return named;
    const ordered = await editOrder(root, parent, insertEdit(dir, { after: base }));
    return ordered.ok ? ok({ path: newRel }) : ordered;
  });
}

/** Moves a request or folder into `toFolder` (`''` = top level), at `index` in its order when given. */
export async function moveEntry(
  root: string,
  rel: string,
  toFolder: string,
  index?: number,
): Promise<Result<{ path: string }>> {
  return serialized(root, async () => {
    const entry = await entryKind(root, rel);
    if (!entry.ok) return entry;
    const dest = await resolveInside(root, toFolder);
    if (!dest.ok) return dest;
    if (
      !(await stat(dest.value).catch(() => undefined))?.isDirectory() ||
      (toFolder !== '' && !(await entryKind(root, toFolder)).ok)
    ) {
      return fail('collection.not-found', `The folder ${toFolder || '(top level)'} does not exist.`, {
        detail: { path: toFolder },
      });
    }
    if (entry.value.kind === 'folder' && (toFolder === rel || toFolder.startsWith(`${rel}/`))) {
      return fail(
        'collection.move-into-self',
        `A folder cannot be moved into itself (${rel} → ${toFolder}).`,
        { detail: { path: rel } },
      );
    }
    const { parent, base } = splitRel(rel);
    let newRel = rel;
    if (toFolder !== parent) {
      const ext = entry.value.kind === 'request' ? path.extname(base) : '';
      const stem = ext === '' ? base : base.slice(0, -ext.length);
      const name = uniqueName(stem, ext, await siblingNames(root, toFolder));
      newRel = joinRel(toFolder, name);
      const target = await resolveInside(root, newRel);
      if (!target.ok) return target;
      await fsRename(entry.value.abs, target.value);
      const removed = await editOrder(root, parent, removeEdit(base));
      if (!removed.ok) return removed;
    }
    const newBase = splitRel(newRel).base;
    const siblings = (await listEntries(root, toFolder)).map((e) => e.name);
    const ordered = await editOrder(
      root,
      toFolder,
      insertEdit(newBase, index === undefined ? { siblings } : { index, siblings }),
    );
    return ordered.ok ? ok({ path: newRel }) : ordered;
  });
}

export async function deleteEntry(root: string, rel: string): Promise<Result<{ path: string }>> {
  return serialized(root, async () => {
    const entry = await entryKind(root, rel);
    if (!entry.ok) return entry;
    await rm(entry.value.abs, { recursive: entry.value.kind === 'folder', force: false });
    const { parent, base } = splitRel(rel);
    const ordered = await editOrder(root, parent, removeEdit(base));
    return ordered.ok ? ok({ path: rel }) : ordered;
  });
}

/** Sets the order of a folder's entries; names it does not hold are refused, missing ones follow by name. */
export async function reorderFolder(
  root: string,
  folderRel: string,
  order: readonly string[],
): Promise<Result<{ order: string[] }>> {
  return serialized(root, async () => {
    const abs = await resolveInside(root, folderRel);
    if (!abs.ok) return abs;
    if (!(await stat(abs.value).catch(() => undefined))?.isDirectory()) {
      return fail('collection.not-found', `The folder ${folderRel || '(top level)'} does not exist.`, {
        detail: { path: folderRel },
      });
    }
    const names = (await listEntries(root, folderRel)).map((e) => e.name);
    const unknown = order.filter((n) => !names.includes(n));
    if (unknown.length > 0) {
      return fail(
        'collection.not-found',
        `${folderRel || 'The top level'} has no entries named ${unknown.map((n) => JSON.stringify(n)).join(', ')}.`,
        {
          detail: { path: folderRel },
        },
      );
    }
    const full = applyOrder(names, order);
    if (folderRel !== '') await mkdir(abs.value, { recursive: true });
    const edited = await editOrder(root, folderRel, () => full);
    return edited.ok ? ok({ order: full }) : edited;
  });
}
