import type { knowledgeOps } from '../contract/knowledge-ops';
import type { HandlersFor, ServiceEnv } from './types';

/** Implements the operations declared in app/contract/knowledge-ops.ts. */
export function knowledgeHandlers(_env: ServiceEnv): HandlersFor<keyof typeof knowledgeOps> {
  return {};
}
