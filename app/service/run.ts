import type { runOps } from '../contract/run-ops';
import type { HandlersFor, ServiceEnv } from './types';

/** Implements the operations declared in app/contract/run-ops.ts. */
export function runHandlers(_env: ServiceEnv): HandlersFor<keyof typeof runOps> {
  return {};
}
