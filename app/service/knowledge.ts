import { fail, ok } from '../common/result';
import type { knowledgeOps } from '../contract/knowledge-ops';
import { knowledgeList, methodInfo } from '../knowledge/catalog';
import { compareStatuses } from '../knowledge/compare';
import { searchKnowledge } from '../knowledge/search';
import { describeUnregisteredStatus, statusEntry } from '../knowledge/status-codes';
import type { HandlersFor, ServiceEnv } from './types';

/** Implements the operations declared in app/contract/knowledge-ops.ts. Read-only: the env is unused. */
export function knowledgeHandlers(_env: ServiceEnv): HandlersFor<keyof typeof knowledgeOps> {
  return {
    'knowledge:search': async ({ query, limit }) => ok(searchKnowledge(query, limit)),
    'knowledge:status': async ({ code }) => {
      const entry = statusEntry(code);
      if (entry === undefined)
        return fail('knowledge.unknown-status', describeUnregisteredStatus(code), { detail: { code } });
      return ok(entry);
    },
    'knowledge:method': async ({ name }) => ok(methodInfo(name)),
    'knowledge:compare': async ({ codes }) => compareStatuses(codes),
    'knowledge:list': async () => ok(knowledgeList()),
  };
}
