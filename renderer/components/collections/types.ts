/**
 * The shapes the collection operations return, named through the contract (the renderer reads
 * app/collections' types only as app/contract re-exposes them).
 */
import type { OutputOf } from '../../../app/contract/operations';

export type CollectionTree = OutputOf<'collection:open'>;
export type TreeItem = CollectionTree['items'][number];
export type RequestItem = Extract<TreeItem, { kind: 'request' }>;
export type FolderItem = Extract<TreeItem, { kind: 'folder' }>;
export type FileProblem = CollectionTree['problems'][number];
export type EnvironmentEntry = OutputOf<'environment:list'>['environments'][number];
export type HistorySummary = OutputOf<'history:list'>['entries'][number];
export type HistoryEntry = OutputOf<'history:get'>;
export type ResolvedRequest = OutputOf<'collection:resolve'>;
