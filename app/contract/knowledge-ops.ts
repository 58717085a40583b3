/**
 * Operations of the knowledge domain: the teaching library of statuses, methods, headers, comparisons
 * and myths (app/knowledge). All read-only and local; implemented in app/service/knowledge.ts.
 */
import { z } from 'zod';
import type { KnowledgeList, MethodInfo } from '../knowledge/catalog';
import type { SearchResult } from '../knowledge/search';
import type { Comparison, HeaderMeaning, Myth, StatusEntry } from '../knowledge/types';
import type { HeaderCarrier } from '../knowledge/header-meanings';
import { operation } from './define';

export type { KnowledgeList, MethodInfo } from '../knowledge/catalog';

export const knowledgeOps = {
  /** Ranked results over statuses, methods, header fields, comparisons and myths. */
  'knowledge:search': operation<SearchResult[]>()(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(10) }),
  ),
  /**
   * One status entry. A code with no registry entry fails with `knowledge.unknown-status`, whose message
   * still explains the code's class (RFC 9110 §15).
   */
  'knowledge:status': operation<StatusEntry>()(z.object({ code: z.number().int() })),
  /** A method's registry entry, or spelling suggestions when it is not registered as written. */
  'knowledge:method': operation<MethodInfo>()(z.object({ name: z.string().min(1).max(100) })),
  /**
   * A comparison of 2–6 statuses: the hand-written one for exactly that set if it exists, else one built
   * from the entries. Fails with `knowledge.unknown-status` for an unregistered code.
   */
  'knowledge:compare': operation<Comparison>()(z.object({ codes: z.array(z.number().int()).min(2).max(6) })),
  /** A comparison by its id (as listed by knowledge:list and found by search). */
  'knowledge:comparison': operation<Comparison>()(z.object({ id: z.string().min(1).max(100) })),
  /** A header field's meaning and the statuses that should carry it. */
  'knowledge:header': operation<{ meaning: HeaderMeaning; carriedBy: HeaderCarrier[] }>()(z.object({ name: z.string().min(1).max(100) })),
  /** A myth with the fact that corrects it and its citations. */
  'knowledge:myth': operation<Myth>()(z.object({ id: z.string().min(1).max(100) })),
  /** The tables of contents: every status and method (with citations), comparisons and myths. */
  'knowledge:list': operation<KnowledgeList>()(z.object({})),
};

export interface KnowledgeEvents {}
