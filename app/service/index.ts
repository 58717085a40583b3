/**
 * The service: one implementation of every operation in app/contract, shared by Electron IPC, the
 * web-mode server, the CLI and tests. Each domain implements its own slice; this file only joins them,
 * and the `Handlers` type makes a missing operation a compile error.
 */
import { collectionHandlers } from './collection';
import { diagnosisHandlers } from './diagnosis';
import { exchangeHandlers } from './exchange';
import { knowledgeHandlers } from './knowledge';
import { labHandlers } from './lab';
import { runHandlers } from './run';
import type { Handlers, ServiceEnv } from './types';

export function createHandlers(env: ServiceEnv): Handlers {
  return {
    ...exchangeHandlers(env),
    ...diagnosisHandlers(env),
    ...knowledgeHandlers(env),
    ...collectionHandlers(env),
    ...labHandlers(env),
    ...runHandlers(env),
  };
}

export type { CallContext, Handlers, ServiceEnv } from './types';
