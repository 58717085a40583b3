/**
 * What opening a collection returns: a tree the sidebar renders as is. Plain data, no Node imports,
 * because the contract (and through it the renderer) type-imports it.
 */
import type { CollectionFile, EnvironmentFile, SavedRequest } from '../contract/collection';

export interface FileProblem {
  /** Collection-relative path with `/` separators. */
  path: string;
  /** 1-based; 0 when the problem is not tied to a position (unreadable file). */
  line: number;
  column: number;
  reason: string;
}

export interface RequestItem {
  kind: 'request';
  /** Collection-relative path of the file, e.g. `users/get-user.yaml`. */
  path: string;
  name: string;
  method: string;
  url: string;
  /** Content hash of the file as loaded; hand it back as `baseHash` when saving to detect conflicts. */
  hash: string;
  request: SavedRequest;
}

export interface FolderItem {
  kind: 'folder';
  path: string;
  /** `folder.yaml`'s name, or the directory name when there is no folder.yaml. */
  name: string;
  description: string;
  /** Hash of folder.yaml, absent when the folder has none. */
  hash?: string;
  items: TreeItem[];
}

/** A file that failed to parse: shown in its place with its problem, never rewritten. */
export interface BrokenItem {
  kind: 'broken';
  path: string;
  name: string;
  problem: FileProblem;
}

export type TreeItem = RequestItem | FolderItem | BrokenItem;
export const TREE_ITEM_KINDS = ['request', 'folder', 'broken'] as const;

export interface CollectionTree {
  /** Absolute path of the collection folder. */
  root: string;
  name: string;
  /** collection.yaml as parsed (defaults when it failed to parse; see problems). */
  settings: CollectionFile;
  /** Hash of collection.yaml as loaded. */
  hash: string;
  items: TreeItem[];
  /** Every file that failed to parse, with the line and column of the first error. */
  problems: FileProblem[];
}

export interface EnvironmentEntry {
  /** Collection-relative path, `environments/<slug>.yaml`. */
  path: string;
  name: string;
  hash: string;
  /** Secret variables carry no value here; `hasValue` says whether the secret store holds one. */
  environment: EnvironmentFile;
  secrets: Array<{ name: string; hasValue: boolean }>;
}
