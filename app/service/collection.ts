import { fail, ok, type Result } from '../common/result';
import { deleteEnvironment, saveEnvironment } from '../collections/environments';
import { historyToSavedRequest } from '../collections/history/history-store';
import type { SecretScope } from '../collections/secrets';
import { createCollection, createFolder, saveRequest, saveSettings } from '../collections/store';
import {
  deleteEntry,
  duplicateEntry,
  moveEntry,
  renameEntry,
  reorderFolder,
} from '../collections/store-entries';
import { openCollection } from '../collections/tree';
import { CollectionWorkspace } from '../collections/workspace';
import type { collectionOps } from '../contract/collection-ops';
import { sendExchange } from '../engine/send';
import type { ExchangeRuntime } from './exchange-runtime';
import type { HandlersFor, ServiceEnv } from './types';

/** Implements the operations declared in app/contract/collection-ops.ts over app/collections. */
export function collectionHandlers(env: ServiceEnv, runtime: ExchangeRuntime): HandlersFor<keyof typeof collectionOps> {
  const ws = new CollectionWorkspace({
    dataDir: env.dataDir,
    env: process.env,
    send: (spec, o) =>
      sendExchange(spec, { tempDir: env.tempDir, ...(o?.signal ? { signal: o.signal } : {}) }),
    ...(env.secretCipher ? { secretCipher: env.secretCipher } : {}),
  });
  /** Every root is made absolute and real before use (one key for secrets, cookies and watchers). */
  const at = async <T>(root: string, run: (root: string) => Promise<Result<T>>): Promise<Result<T>> => {
    const r = await ws.root(root);
    return r.ok ? run(r.value) : r;
  };
  const secretNames = async (scope: SecretScope) => {
    const names = await ws.secrets.names(scope);
    return names.ok ? ok({ names: names.value }) : names;
  };
  const storeSecrets = async (
    scope: SecretScope,
    secrets: ReadonlyArray<{ name: string; value: string }>,
  ): Promise<Result<void>> => {
    for (const s of secrets) {
      const set = await ws.secrets.set(scope, s.name, s.value);
      if (!set.ok) return set;
    }
    return ok(undefined);
  };

  return {
    'collection:open': (input, ctx) =>
      at(input.path, async (root) => {
        const tree = await openCollection(root);
        if (tree.ok) await ws.watch(root, ctx, (change) => ctx.emit('collection:changed', change));
        return tree;
      }),
    'collection:close': (input) => at(input.root, async (root) => ok({ closed: await ws.unwatch(root) })),
    'collection:create': (input) => at(input.path, (root) => createCollection(root, input.name)),
    'collection:save-request': (input) =>
      at(input.root, (root) =>
        saveRequest(root, {
          request: input.request,
          ...(input.relPath === undefined ? {} : { relPath: input.relPath }),
          ...(input.folder === undefined ? {} : { folder: input.folder }),
          ...(input.baseHash === undefined ? {} : { baseHash: input.baseHash }),
        }),
      ),
    'collection:save-settings': (input) =>
      at(input.root, async (root) => {
        const saved = await saveSettings(root, input.settings, input.baseHash);
        if (!saved.ok) return saved;
        const stored = await storeSecrets({ root }, saved.value.secrets);
        if (!stored.ok) return stored;
        const { secrets: _values, ...rest } = saved.value;
        return ok(rest);
      }),
    'collection:create-folder': (input) =>
      at(input.root, (root) => createFolder(root, input.parent, input.name)),
    'collection:rename': (input) =>
      at(input.root, (root) => renameEntry(root, input.path, input.name, input.baseHash)),
    'collection:duplicate': (input) => at(input.root, (root) => duplicateEntry(root, input.path)),
    'collection:move': (input) =>
      at(input.root, (root) => moveEntry(root, input.path, input.toFolder, input.index)),
    'collection:delete': (input) => at(input.root, (root) => deleteEntry(root, input.path)),
    'collection:reorder': (input) => at(input.root, (root) => reorderFolder(root, input.folder, input.order)),
    'collection:resolve': (input) => ws.preview(input),
    // Shares the exchange runtime, so exchange:cancel stops it and exchange:body serves its body. Auth
    // round trips (Digest, OAuth) send more than one exchange under the same id, one after the other.
    'collection:send': (input, ctx) =>
      ws.send(input, (spec, o) =>
        runtime.track(input.exchangeId, (signal) => sendExchange(spec, runtime.sendOptions(input.exchangeId, ctx, signal)), o?.signal),
      ),

    'environment:list': (input) => ws.environments(input.root),
    'environment:save': (input) =>
      at(input.root, async (root) => {
        const saved = await saveEnvironment(root, input.environment, input.relPath, input.baseHash);
        if (!saved.ok) return saved;
        const stored = await storeSecrets({ root, environment: input.environment.name }, saved.value.secrets);
        if (!stored.ok) return stored;
        const { secrets: _values, ...rest } = saved.value;
        return ok(rest);
      }),
    'environment:delete': (input) => at(input.root, (root) => deleteEnvironment(root, input.name)),

    'secret:list': (input) =>
      at(input.root, (root) =>
        secretNames({ root, ...(input.environment ? { environment: input.environment } : {}) }),
      ),
    'secret:set': (input) =>
      at(input.root, async (root) => {
        const scope = { root, ...(input.environment ? { environment: input.environment } : {}) };
        const set = await ws.secrets.set(scope, input.name, input.value);
        return set.ok ? secretNames(scope) : set;
      }),
    'secret:delete': (input) =>
      at(input.root, async (root) => {
        const scope = { root, ...(input.environment ? { environment: input.environment } : {}) };
        const deleted = await ws.secrets.delete(scope, input.name);
        if (!deleted.ok) return deleted;
        const names = await secretNames(scope);
        return names.ok ? ok({ names: names.value.names, deleted: deleted.value.deleted }) : names;
      }),

    'cookies:list': (input) => at(input.root, async (root) => ok({ cookies: await ws.cookies.list(root) })),
    'cookies:clear': (input) =>
      at(input.root, async (root) => ok({ removed: await ws.cookies.clear(root, input.domain) })),

    'history:list': async (input) => ok({ entries: await ws.history.list(input.query, input.limit) }),
    'history:get': (input) => ws.history.get(input.id),
    'history:clear': async () => ok(await ws.history.clear()),
    'history:add': async (input) => ok(await ws.history.add(input.request, input.exchange, input.source, input.raw)),
    'history:save-to-collection': (input) =>
      at(input.root, async (root) => {
        const entry = await ws.history.get(input.id);
        if (!entry.ok) return entry;
        // Raw bytes (odd framing, unknown codings) have no faithful form as a saved request.
        if (entry.value.raw) return fail('history.raw-not-savable', 'This exchange was sent in raw mode; its exact bytes cannot be stored as a collection request. Copy them from the Raw mode tab instead.');
        const { request, dropped } = historyToSavedRequest(entry.value, input.name);
        const saved = await saveRequest(root, { folder: input.folder, request });
        return saved.ok ? ok({ ...saved.value, dropped }) : saved;
      }),
  };
}
