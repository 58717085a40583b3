import { fail, ok } from '../common/result';
import type { knowledgeOps } from '../contract/knowledge-ops';
import { knowledgeList, methodInfo } from '../knowledge/catalog';
import { compareStatuses } from '../knowledge/compare';
import { comparisonById } from '../knowledge/comparisons';
import { headerMeaning, statusesCarrying } from '../knowledge/header-meanings';
import { MYTHS } from '../knowledge/myths';
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
    'knowledge:comparison': async ({ id }) => {
      const found = comparisonById(id);
      return found ? ok(found) : fail('knowledge.unknown-comparison', `There is no comparison with id "${id}".`);
    },
    'knowledge:header': async ({ name }) => {
      const meaning = headerMeaning(name);
      return meaning ? ok({ meaning, carriedBy: statusesCarrying(name) }) : fail('knowledge.unknown-header', `The library has no entry for the header "${name}".`);
    },
    'knowledge:myth': async ({ id }) => {
      const myth = MYTHS.find((m) => m.id === id);
      return myth ? ok(myth) : fail('knowledge.unknown-myth', `There is no myth with id "${id}".`);
    },
    'knowledge:list': async () => ok(knowledgeList()),
  };
}
