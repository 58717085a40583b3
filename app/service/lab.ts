import type { labOps } from '../contract/lab-ops';
import type { HandlersFor, ServiceEnv } from './types';

/** Implements the operations declared in app/contract/lab-ops.ts. */
export function labHandlers(_env: ServiceEnv): HandlersFor<keyof typeof labOps> {
  return {};
}
