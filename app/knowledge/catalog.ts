/**
 * The library's answers as the service and the CLI give them: one place, so IPC, web mode and the
 * terminal say the same thing.
 */
import { checkMethodToken } from '../common/method-token';
import { COMPARISONS } from './comparisons';
import {
  closestMethods,
  IANA_METHOD_REGISTRY_UPDATED,
  IANA_METHOD_REGISTRY_URL,
  METHODS,
  methodEntry,
  type MethodSuggestion,
} from './methods';
import { MYTHS } from './myths';
import { STATUS_CODES, STATUS_REGISTRY_INFO } from './status-codes';
import type { MethodEntry, Myth } from './types';

export interface MethodInfo {
  /** The name exactly as asked. */
  name: string;
  registered: boolean;
  /** The registry entry when `name` is registered exactly as written (case-sensitive, RFC 9110 §9.1). */
  entry: MethodEntry | null;
  /** Registered methods it was probably meant to be; empty when it is registered. */
  suggestions: MethodSuggestion[];
  /** Why the name cannot be sent at all (not an RFC 9110 token), or null. */
  tokenProblem: string | null;
}

export interface StatusListItem {
  code: number;
  reason: string;
  rfc: string;
}

export interface MethodListItem {
  name: string;
  safe: boolean;
  idempotent: boolean;
  rfc: string;
}

export interface KnowledgeList {
  registries: {
    statuses: { source: string; lastUpdated: string };
    methods: { source: string; lastUpdated: string };
  };
  statuses: StatusListItem[];
  methods: MethodListItem[];
  comparisons: { id: string; title: string }[];
  myths: Pick<Myth, 'id' | 'myth'>[];
}

export function methodInfo(name: string): MethodInfo {
  const entry = methodEntry(name) ?? null;
  const token = checkMethodToken(name);
  return {
    name,
    registered: entry !== null,
    entry,
    suggestions: entry === null ? closestMethods(name) : [],
    tokenProblem: token.valid ? null : token.reason,
  };
}

export function statusList(): StatusListItem[] {
  return STATUS_CODES.map((s) => ({ code: s.code, reason: s.reason, rfc: s.ref }));
}

export function methodList(): MethodListItem[] {
  return METHODS.map((m) => ({ name: m.name, safe: m.safe, idempotent: m.idempotent, rfc: m.refs[0] }));
}

export function knowledgeList(): KnowledgeList {
  return {
    registries: {
      statuses: { source: STATUS_REGISTRY_INFO.source, lastUpdated: STATUS_REGISTRY_INFO.lastUpdated },
      methods: { source: IANA_METHOD_REGISTRY_URL, lastUpdated: IANA_METHOD_REGISTRY_UPDATED },
    },
    statuses: statusList(),
    methods: methodList(),
    comparisons: COMPARISONS.map((c) => ({ id: c.id, title: c.title })),
    myths: MYTHS.map((m) => ({ id: m.id, myth: m.myth })),
  };
}
