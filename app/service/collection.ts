import type { collectionOps } from '../contract/collection-ops';
import type { HandlersFor, ServiceEnv } from './types';

/** Implements the operations declared in app/contract/collection-ops.ts. */
export function collectionHandlers(_env: ServiceEnv): HandlersFor<keyof typeof collectionOps> {
  return {};
}
