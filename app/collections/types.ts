/**
 * What opening a collection returns: a tree the sidebar renders as is. Plain data, no Node imports,
 * because the contract (and through it the renderer) type-imports it.
 */
import type { Auth, CollectionFile, EnvironmentFile, SavedRequest } from '../contract/collection';
import type { ExchangeRecord, RequestSpec } from '../contract/exchange';

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

// Outputs of the store, the resolver, the send flow and the cookie jars (re-exported by their modules).

export interface Saved {
  /** Collection-relative path of the file written. */
  path: string;
  /** Hash of the content now on disk: the caller's next `baseHash`. */
  hash: string;
  /** False when the content was already what the caller asked for (nothing was written). */
  changed: boolean;
}

export const VARIABLE_SOURCES = ['process-env', 'environment', 'collection'] as const;
export type VariableSource = (typeof VARIABLE_SOURCES)[number];

/** What a masked secret looks like in a preview; never sent. */
export const SECRET_MASK = '••••••';

export interface UsedVariable {
  name: string;
  /** The value substituted; SECRET_MASK for secrets (the UI shows where a value came from, not the secret). */
  value: string;
  source: VariableSource;
  secret: boolean;
}

/** Auth that needs a round trip: applied by the send flow (auth/digest-flow.ts, auth/oauth2.ts). */
export type PendingAuth = Extract<Auth, { type: 'digest' | 'oauth2-client-credentials' }>;

export interface ResolvedRequest {
  spec: RequestSpec;
  /** Placeholders left in the spec because nothing defines them; a send is refused while any remain. */
  unresolved: string[];
  used: UsedVariable[];
  /** The auth in effect after `inherit`, variables substituted. */
  auth: Exclude<Auth, { type: 'inherit' }>;
  pendingAuth?: PendingAuth;
}

export const EXCHANGE_ROLES = ['token', 'challenge', 'request'] as const;
export type ExchangeRole = (typeof EXCHANGE_ROLES)[number];

export interface SentExchange {
  role: ExchangeRole;
  /** The request as it was sent for this exchange. */
  spec: RequestSpec;
  exchange: ExchangeRecord;
}

export interface SendOutcome {
  /** The final exchange: what the user asked for. */
  exchange: ExchangeRecord;
  spec: RequestSpec;
  exchanges: SentExchange[];
  notes: string[];
}

export interface CookieView {
  name: string;
  value: string;
  domain: string | null;
  path: string | null;
  /** ISO date, or null for a session cookie. */
  expires: string | null;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string;
  hostOnly: boolean;
}
