/**
 * Operations of the collection domain: collections on disk, environments, secrets, cookies, history.
 * Implemented in app/service/collection.ts over app/collections/. Paths inside a collection are
 * collection-relative with `/` separators; the service resolves each inside the root before any fs call.
 */
import { z } from 'zod';
import { exchangeRecordSchema } from './exchange-record-schema';
import type { HistoryEntry, HistorySummary } from '../collections/history/schema';
import type {
  CollectionTree,
  CookieView,
  EnvironmentEntry,
  FileProblem,
  ResolvedRequest,
  Saved,
  SendOutcome,
} from '../collections/types';
import {
  authSchema,
  environmentFileSchema,
  headerRowSchema,
  savedRequestSchema,
  variableSchema,
} from './collection';
import { operation } from './define';
import { rawRequestSchema, requestSpecSchema } from './exchange';

// `history:add` receives an exchange record across a boundary and history files are read back from disk,
// so both are parsed with the one record schema (app/contract/exchange-record-schema.ts), not trusted.
export { exchangeRecordSchema };

// ---------------------------------------------------------------------------------------------------

/** An absolute folder path chosen by the user (a dialog, the CLI's argument). */
const root = z.string().min(1).max(4096);
/** A collection-relative path; `..`, absolute paths and escaping symlinks are refused by the service. */
const relPath = z.string().max(1024);
const baseHash = z.string().max(128).optional();
const environmentName = z.string().min(1).max(200);
const exchangeId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);

/** Either a saved file (`relPath`) or an unsaved request from the editor (`request`). */
const requestRef = z
  .object({
    root,
    relPath: relPath.optional(),
    request: savedRequestSchema.optional(),
    environment: environmentName.optional(),
  })
  .refine(
    (v) => (v.relPath === undefined) !== (v.request === undefined),
    'give exactly one of relPath and request',
  );

const settingsSchema = z.object({
  name: z.string().min(1),
  description: z.string().default(''),
  headers: z.array(headerRowSchema).default([]),
  variables: z.array(variableSchema).default([]),
  auth: authSchema.default({ type: 'none' }),
});

export type ChangeSaved = Saved;
export interface CollectionSendResult extends SendOutcome {
  /** The history entry of the final exchange. */
  historyId?: string;
}

export const collectionOps = {
  /** Opens a collection folder: the tree, every parse problem, and a watcher pushing `collection:changed`. */
  'collection:open': operation<CollectionTree>()(z.object({ path: root })),
  /** Stops watching a collection opened by this caller. */
  'collection:close': operation<{ closed: boolean }>()(z.object({ root })),
  /** Creates collection.yaml in a (new or empty) folder and opens it. */
  'collection:create': operation<CollectionTree>()(
    z.object({ path: root, name: z.string().min(1).max(200) }),
  ),
  /** Creates (no relPath: a new file in `folder`, named after the request) or updates a request file. */
  'collection:save-request': operation<Saved>()(
    z.object({
      root,
      relPath: relPath.optional(),
      folder: relPath.optional(),
      request: savedRequestSchema,
      baseHash,
    }),
  ),
  /** Saves collection.yaml's settings; secret variable values go to the secret store, not the file. */
  'collection:save-settings': operation<Saved>()(z.object({ root, settings: settingsSchema, baseHash })),
  'collection:create-folder': operation<{ path: string }>()(
    z.object({ root, parent: relPath.default(''), name: z.string().min(1).max(200) }),
  ),
  /** Renames a request (its name and file) or a folder (its directory and display name). */
  'collection:rename': operation<{ path: string; hash?: string }>()(
    z.object({ root, path: relPath, name: z.string().min(1).max(200), baseHash }),
  ),
  'collection:duplicate': operation<{ path: string }>()(z.object({ root, path: relPath })),
  /** Moves into `toFolder` (`''` = top level), at `index` in its order when given. */
  'collection:move': operation<{ path: string }>()(
    z.object({ root, path: relPath, toFolder: relPath, index: z.number().int().min(0).optional() }),
  ),
  'collection:delete': operation<{ path: string }>()(z.object({ root, path: relPath })),
  'collection:reorder': operation<{ order: string[] }>()(
    z.object({ root, folder: relPath.default(''), order: z.array(z.string().max(255)).max(10_000) }),
  ),
  /** The request as it would be sent, secrets masked, with unresolved and used variables (hover display). */
  'collection:resolve': operation<ResolvedRequest>()(requestRef),
  /**
   * Resolves and sends a collection request with its cookies and auth round trips (Digest, OAuth 2),
   * refusing while variables are unresolved; every exchange goes into history.
   */
  'collection:send': operation<CollectionSendResult>()(
    z
      .object({
        root,
        relPath: relPath.optional(),
        request: savedRequestSchema.optional(),
        environment: environmentName.optional(),
        exchangeId,
      })
      .refine(
        (v) => (v.relPath === undefined) !== (v.request === undefined),
        'give exactly one of relPath and request',
      ),
  ),

  'environment:list': operation<{ environments: EnvironmentEntry[]; problems: FileProblem[] }>()(
    z.object({ root }),
  ),
  /** Creates or updates `environments/<name>.yaml`; secret values go to the secret store. */
  'environment:save': operation<Saved>()(
    z.object({ root, environment: environmentFileSchema, relPath: relPath.optional(), baseHash }),
  ),
  'environment:delete': operation<{ path: string }>()(z.object({ root, name: environmentName })),

  /** Secret names of a collection (or one of its environments); values never leave the host. */
  'secret:list': operation<{ names: string[] }>()(
    z.object({ root, environment: environmentName.optional() }),
  ),
  'secret:set': operation<{ names: string[] }>()(
    z.object({
      root,
      environment: environmentName.optional(),
      name: z.string().min(1).max(200),
      value: z.string().max(64 * 1024),
    }),
  ),
  'secret:delete': operation<{ names: string[]; deleted: boolean }>()(
    z.object({ root, environment: environmentName.optional(), name: z.string().min(1).max(200) }),
  ),

  'cookies:list': operation<{ cookies: CookieView[] }>()(z.object({ root })),
  /** Clears a collection's cookies, or only one domain's. */
  'cookies:clear': operation<{ removed: number }>()(
    z.object({ root, domain: z.string().max(255).optional() }),
  ),

  /** Newest first; `query` terms: words (URL substring or exact method), `status:5xx`, `method:PATCH`. */
  'history:list': operation<{ entries: HistorySummary[] }>()(
    z.object({
      query: z.string().max(500).default(''),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
  ),
  'history:get': operation<HistoryEntry>()(z.object({ id: z.string().max(64) })),
  'history:clear': operation<{ removed: number }>()(z.object({})),
  /** Records a sent exchange (the exchange service calls it after each send). */
  'history:add': operation<HistorySummary>()(
    z.object({
      request: requestSpecSchema,
      exchange: exchangeRecordSchema,
      source: z.object({ root, path: relPath, request: savedRequestSchema.optional() }).optional(),
      /** A raw-mode send: the exact bytes (then `request` is a readable approximation of them). */
      raw: rawRequestSchema.optional(),
    }),
  ),
  /** Saves a history entry as a request file; credential headers are dropped unless it came from a collection. */
  'history:save-to-collection': operation<Saved & { dropped: string[] }>()(
    z.object({ id: z.string().max(64), root, folder: relPath.default(''), name: z.string().min(1).max(200) }),
  ),
};

export interface CollectionEvents {
  /** Files or folders of an open collection changed on disk (debounced); reload those paths. */
  'collection:changed': { root: string; paths: string[] };
}
