import type { SecretCipher } from '../collections/secrets';
import type { Result } from '../common/result';
import type { EventName, Events, InputOf, OperationName, OutputOf } from '../contract/operations';

/** What a handler may do besides returning: push events to the caller that started it. */
export interface CallContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

export type Handler<K extends OperationName> = (input: InputOf<K>, ctx: CallContext) => Promise<Result<OutputOf<K>>>;

/** Handlers for a subset of operations (one domain). */
export type HandlersFor<Names extends OperationName> = { [K in Names]: Handler<K> };

export type Handlers = HandlersFor<OperationName>;

/** Where the service keeps its state on disk; every transport passes its own. */
export interface ServiceEnv {
  /** The app's data dir: history, secrets, settings. Never inside a collection. */
  dataDir: string;
  /** Where large response bodies spill to. */
  tempDir: string;
  /** Keep every exchange sent through exchange:send in the history (the app: yes; the CLI: no). */
  recordHistory?: boolean;
  /** Encrypts stored secrets: Electron's safeStorage in the app; absent in web mode and the CLI. */
  secretCipher?: SecretCipher;
}

export const silentContext: CallContext = { emit: () => undefined };
