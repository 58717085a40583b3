/**
 * Editing the `order` lists of collection.yaml (top level) and folder.yaml (groups). A folder without an
 * `order` list is sorted by name, so inserting into an empty list is a no-op: the file is only written
 * when the user has chosen an order (reorder) or already has one.
 */
import { ok, type Result } from '../common/result';
import { collectionFileSchema, folderFileSchema } from '../contract/collection';
import { writeAtomic } from './atomic';
import { deepEqual } from './canonical';
import { loadYaml } from './files';
import { joinRel, resolveInside, splitRel } from './paths';
import { applyOrder, COLLECTION_FILE, FOLDER_FILE } from './tree';
import { toYamlText, updateYamlText } from './yaml-file';

/** Returns the new order, or undefined to leave the file alone. */
export type OrderEdit = (order: readonly string[]) => string[] | undefined;

export async function editOrder(root: string, folderRel: string, edit: OrderEdit): Promise<Result<void>> {
  const isRoot = folderRel === '';
  const hostRel = isRoot ? COLLECTION_FILE : joinRel(folderRel, FOLDER_FILE);
  if (isRoot) {
    const loaded = await loadYaml(root, hostRel, collectionFileSchema);
    if (!loaded.ok) return loaded;
    // A broken or missing collection.yaml is left untouched; the order falls back to sorting by name.
    if (loaded.value === undefined || !loaded.value.parsed.ok) return ok(undefined);
    const { value, doc } = loaded.value.parsed;
    const next = edit(value.order);
    if (next === undefined || deepEqual(next, value.order)) return ok(undefined);
    await writeAtomic(loaded.value.abs, updateYamlText(doc, collectionFileSchema, { ...value, order: next }));
    return ok(undefined);
  }
  const loaded = await loadYaml(root, hostRel, folderFileSchema);
  if (!loaded.ok) return loaded;
  if (loaded.value === undefined) {
    const next = edit([]);
    if (next === undefined || next.length === 0) return ok(undefined);
    const abs = await resolveInside(root, hostRel);
    if (!abs.ok) return abs;
    await writeAtomic(
      abs.value,
      toYamlText(folderFileSchema, folderFileSchema.parse({ name: splitRel(folderRel).base, order: next })),
    );
    return ok(undefined);
  }
  if (!loaded.value.parsed.ok) return ok(undefined);
  const { value, doc } = loaded.value.parsed;
  const next = edit(value.order);
  if (next === undefined || deepEqual(next, value.order)) return ok(undefined);
  await writeAtomic(loaded.value.abs, updateYamlText(doc, folderFileSchema, { ...value, order: next }));
  return ok(undefined);
}

/**
 * Adds `name` after `after` (or at `index`, or at the end) when the folder has an explicit order. An
 * `index` into a folder without one makes the order explicit, starting from `siblings` sorted by name.
 */
export function insertEdit(
  name: string,
  where: { after?: string; index?: number; siblings?: readonly string[] } = {},
): OrderEdit {
  return (order) => {
    if (order.length === 0 && where.index === undefined) return undefined;
    const base = order.length === 0 ? applyOrder(where.siblings ?? [], []) : order;
    const next = base.filter((n) => n !== name);
    let at = next.length;
    if (where.after !== undefined && next.includes(where.after)) at = next.indexOf(where.after) + 1;
    if (where.index !== undefined) at = Math.max(0, Math.min(where.index, next.length));
    next.splice(at, 0, name);
    return next;
  };
}

export function removeEdit(name: string): OrderEdit {
  return (order) => (order.includes(name) ? order.filter((n) => n !== name) : undefined);
}

export function renameEdit(from: string, to: string): OrderEdit {
  return (order) => (order.includes(from) ? order.map((n) => (n === from ? to : n)) : undefined);
}
