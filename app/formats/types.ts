/**
 * What every importer produces and every exporter consumes. An import is a collection tree plus the
 * warnings that say, per item, what could not be carried over (scripts, unsupported auth, dynamic
 * variables…): an import never drops anything silently.
 */
import type { Result } from '../common/result';
import type { CollectionFile, EnvironmentFile, SavedRequest } from '../contract/collection';

export const IMPORT_FORMATS = ['postman', 'insomnia', 'openapi', 'har', 'curl'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportWarning {
  /** Where: the item's path in the tree (`Folder / Request`), or the collection's or environment's name. */
  item: string;
  /** What was not carried over, and what was done instead. */
  what: string;
}

export interface ImportedFolder {
  kind: 'folder';
  name: string;
  description: string;
  children: ImportedItem[];
}

export interface ImportedRequest {
  kind: 'request';
  request: SavedRequest;
}

export type ImportedItem = ImportedFolder | ImportedRequest;

/** A collection in memory: what the folder on disk holds, in tree form. */
export interface CollectionTree {
  collection: CollectionFile;
  items: ImportedItem[];
  environments: EnvironmentFile[];
}

export interface ImportResult extends CollectionTree {
  warnings: ImportWarning[];
}

export interface Importer {
  id: ImportFormat;
  name: string;
  /** 0 = not this format; 1 = certainly this format. Cheap: no full parse beyond JSON/YAML. */
  detect(text: string): number;
  import(text: string): Promise<Result<ImportResult>>;
}

/** Counts for the CLI's summary line. */
export function countItems(items: readonly ImportedItem[]): { requests: number; folders: number } {
  let requests = 0;
  let folders = 0;
  for (const item of items) {
    if (item.kind === 'request') requests += 1;
    else {
      folders += 1;
      const inner = countItems(item.children);
      requests += inner.requests;
      folders += inner.folders;
    }
  }
  return { requests, folders };
}

/** Every request in tree order with its folder path, for exporters and tests. */
export function flattenRequests(
  items: readonly ImportedItem[],
  path: string[] = [],
): { path: string[]; request: SavedRequest }[] {
  const out: { path: string[]; request: SavedRequest }[] = [];
  for (const item of items) {
    if (item.kind === 'request') out.push({ path, request: item.request });
    else out.push(...flattenRequests(item.children, [...path, item.name]));
  }
  return out;
}
