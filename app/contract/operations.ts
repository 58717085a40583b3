/**
 * The one table of operations and events. Electron IPC (main/), the web-mode WebSocket (app/server)
 * and the CLI all call the implementation in app/service through this table; adding an operation here
 * makes every side fail to compile until it is wired (STYLE.md, "one contract").
 */
import type { z } from 'zod';
import type { AppError, Result } from '../common/result';
import { collectionOps, type CollectionEvents } from './collection-ops';
import { diagnosisOps, type DiagnosisEvents } from './diagnosis-ops';
import { exchangeOps, type ExchangeEvents } from './exchange-ops';
import { formatsOps, type FormatsEvents } from './formats-ops';
import { knowledgeOps, type KnowledgeEvents } from './knowledge-ops';
import { labOps, type LabEvents } from './lab-ops';
import { runOps, type RunEvents } from './run-ops';

export const operations = {
  ...exchangeOps,
  ...diagnosisOps,
  ...knowledgeOps,
  ...collectionOps,
  ...formatsOps,
  ...labOps,
  ...runOps,
};

export type Operations = typeof operations;
export type OperationName = keyof Operations;
export type InputOf<K extends OperationName> = z.output<Operations[K]['input']>;
/** What a caller passes: defaults may be omitted. */
export type CallInputOf<K extends OperationName> = z.input<Operations[K]['input']>;
export type OutputOf<K extends OperationName> = Operations[K]['output'];

export type Events = ExchangeEvents &
  DiagnosisEvents &
  KnowledgeEvents &
  CollectionEvents &
  FormatsEvents &
  LabEvents &
  RunEvents;
export type EventName = keyof Events;

export const OPERATION_NAMES = Object.keys(operations) as OperationName[];

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(operations, name);
}

/** The shape every transport exposes to the renderer (renderer/host.ts) and tests. */
export interface HostApi {
  call<K extends OperationName>(name: K, input: CallInputOf<K>): Promise<Result<OutputOf<K>>>;
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export type { AppError, Result };
