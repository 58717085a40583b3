/**
 * The collection domain's state for one host (Electron main, the web server, the CLI): the secret
 * store, cookie jars, OAuth 2 token cache, history and collection watchers, plus the steps that join
 * them (load a request, build its resolve context, send it and record it). The service handlers and
 * the CLI call these in a line or two.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../common/result';
import { collectionFileSchema, savedRequestSchema, type SavedRequest } from '../contract/collection';
import type { ExchangeRecord } from '../contract/exchange';
import { OAuth2TokenCache } from './auth/oauth2';
import type { Sender } from './auth/sender';
import { CookieJars } from './cookies';
import { findEnvironment, listEnvironments } from './environments';
import { loadYaml, loadYamlStrict } from './files';
import { HistoryStore } from './history/history-store';
import { resolveRequest, type ResolveContext, type ResolvedRequest } from './resolve';
import { FileSecretStore, type SecretCipher, type SecretStore } from './secrets';
import { sendResolved, type SendOutcome } from './send-saved';
import { COLLECTION_FILE } from './tree';
import type { EnvironmentEntry, FileProblem } from './types';
import { watchCollection, type CollectionChange, type CollectionWatcher } from './watcher';

export interface WorkspaceOptions {
  dataDir: string;
  /** How requests go out: the engine's sendExchange in the app, with progress wired by the caller. */
  send: Sender;
  /** Electron's safeStorage pair; without it secrets.json holds plain values (mode 0600). */
  secretCipher?: SecretCipher;
  /** A process-like environment for STATUSCOPE_VAR_* (process.env in the app and the CLI). */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface RequestRef {
  root: string;
  relPath?: string;
  request?: SavedRequest;
  environment?: string;
}

export interface WorkspaceSendResult extends SendOutcome {
  historyId?: string;
}

export class CollectionWorkspace {
  readonly secrets: SecretStore;
  readonly cookies: CookieJars;
  readonly history: HistoryStore;
  readonly tokens = new OAuth2TokenCache();
  private readonly watchers = new Map<
    string,
    { watcher: CollectionWatcher; listeners: Map<object, (c: CollectionChange) => void> }
  >();

  constructor(private readonly options: WorkspaceOptions) {
    this.secrets = new FileSecretStore(options.dataDir, options.secretCipher);
    this.cookies = new CookieJars(options.dataDir);
    this.history = new HistoryStore(options.dataDir);
  }

  /** The root as an absolute real path: one key for secrets and cookies however the caller spells it. */
  async root(root: string): Promise<Result<string>> {
    if (!path.isAbsolute(root))
      return fail(
        'collection.root-not-absolute',
        `The collection folder must be an absolute path, got ${JSON.stringify(root)}.`,
      );
    return ok(await realpath(root).catch(() => path.resolve(root)));
  }

  async requestOf(ref: RequestRef): Promise<Result<SavedRequest>> {
    if (ref.request) return ok(ref.request);
    if (ref.relPath === undefined) return fail('collection.not-found', 'No request given.');
    const loaded = await loadYamlStrict(ref.root, ref.relPath, savedRequestSchema);
    return loaded.ok ? ok(loaded.value.value) : loaded;
  }

  /** collection.yaml, the chosen environment and both layers' secrets. A broken collection.yaml counts as empty. */
  async context(root: string, environment?: string, mask = false): Promise<Result<ResolveContext>> {
    const loaded = await loadYaml(root, COLLECTION_FILE, collectionFileSchema);
    if (!loaded.ok) return loaded;
    const collection = loaded.value?.parsed.ok
      ? loaded.value.parsed.value
      : collectionFileSchema.parse({ name: path.basename(root) });
    const ctx: ResolveContext = { collection, env: this.options.env ?? {}, mask };
    // Locked or unreadable secrets resolve as absent: the placeholders then show as unresolved, which says what to fix.
    const collectionSecrets = await this.secrets.values({ root });
    let environmentSecrets: Record<string, string> = {};
    if (environment !== undefined) {
      const env = await findEnvironment(root, environment);
      if (!env.ok) return env;
      ctx.environment = env.value.environment;
      const values = await this.secrets.values({ root, environment });
      environmentSecrets = values.ok ? values.value : {};
    }
    ctx.secrets = {
      collection: collectionSecrets.ok ? collectionSecrets.value : {},
      environment: environmentSecrets,
    };
    return ok(ctx);
  }

  /** The request as it would be sent, secrets masked: for display. */
  async preview(ref: RequestRef): Promise<Result<ResolvedRequest>> {
    const root = await this.root(ref.root);
    if (!root.ok) return root;
    const request = await this.requestOf({ ...ref, root: root.value });
    if (!request.ok) return request;
    const ctx = await this.context(root.value, ref.environment, true);
    return ctx.ok ? resolveRequest(request.value, ctx.value) : ctx;
  }

  /** Resolves, sends (auth round trips, cookies) and records every exchange in history. */
  async send(
    ref: RequestRef,
    send: Sender = this.options.send,
    signal?: AbortSignal,
  ): Promise<Result<WorkspaceSendResult>> {
    const root = await this.root(ref.root);
    if (!root.ok) return root;
    const request = await this.requestOf({ ...ref, root: root.value });
    if (!request.ok) return request;
    const ctx = await this.context(root.value, ref.environment);
    if (!ctx.ok) return ctx;
    const resolved = resolveRequest(request.value, ctx.value);
    if (!resolved.ok) return resolved;
    const source = { root: root.value, path: ref.relPath ?? '', request: request.value };
    // A transport failure still leaves a partial exchange worth keeping in history.
    const failed: Array<{ spec: Parameters<Sender>[0]; exchange: ExchangeRecord }> = [];
    const recordingSend: Sender = async (spec, opts) => {
      const r = await send(spec, opts);
      if (!r.ok && r.error.exchange) failed.push({ spec, exchange: r.error.exchange });
      return r;
    };
    const cookies = {
      attach: (s: Parameters<Sender>[0]) => this.cookies.attach(root.value, s),
      store: (e: ExchangeRecord) => this.cookies.store(root.value, e),
    };
    const outcome = await sendResolved(resolved.value, {
      send: recordingSend,
      tokens: this.tokens,
      cookies,
      ...(signal ? { signal } : {}),
    });
    for (const f of failed) await this.history.add(f.spec, f.exchange, source);
    if (!outcome.ok) return outcome;
    let historyId: string | undefined;
    for (const e of outcome.value.exchanges)
      historyId = (await this.history.add(e.spec, e.exchange, source)).id;
    return ok({ ...outcome.value, ...(historyId === undefined ? {} : { historyId }) });
  }

  async environments(
    rootIn: string,
  ): Promise<Result<{ environments: EnvironmentEntry[]; problems: FileProblem[] }>> {
    const root = await this.root(rootIn);
    if (!root.ok) return root;
    const listed = await listEnvironments(root.value);
    if (!listed.ok) return listed;
    const environments: EnvironmentEntry[] = [];
    for (const e of listed.value.environments) {
      const names = await this.secrets.names({ root: root.value, environment: e.name });
      const set = new Set(names.ok ? names.value : []);
      const secrets = e.environment.variables
        .filter((v) => v.secret)
        .map((v) => ({ name: v.name, hasValue: set.has(v.name) }));
      environments.push({ ...e, secrets });
    }
    return ok({ environments, problems: listed.value.problems });
  }

  /** Starts (or joins) the watcher of a root; `key` identifies the listener (one per caller). */
  async watch(root: string, key: object, listener: (change: CollectionChange) => void): Promise<void> {
    let entry = this.watchers.get(root);
    if (!entry) {
      const listeners = new Map<object, (c: CollectionChange) => void>();
      const watcher = watchCollection(root, (change) => {
        for (const l of listeners.values()) l(change);
      });
      entry = { watcher, listeners };
      this.watchers.set(root, entry);
      await watcher.ready;
    }
    entry.listeners.set(key, listener);
  }

  /** Stops watching a root for every listener. */
  async unwatch(root: string): Promise<boolean> {
    const entry = this.watchers.get(root);
    if (!entry) return false;
    this.watchers.delete(root);
    await entry.watcher.close();
    return true;
  }

  async close(): Promise<void> {
    for (const root of [...this.watchers.keys()]) await this.unwatch(root);
  }
}
