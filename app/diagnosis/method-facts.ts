/**
 * What the method token itself tells: registered or not, safe or not, and the registered method it was
 * probably meant to be (methods are case-sensitive, RFC 9110 §9.1). Wraps the method library
 * (app/knowledge/methods.ts) so the scorers read one small value.
 */
import { closestMethods, methodEntry, type MethodSuggestion } from '../knowledge/methods';

export interface MethodFacts {
  registered: boolean;
  /** RFC 9110 §9.2.1. Unregistered tokens are treated as unsafe: nothing says otherwise. */
  safe: boolean;
  /** RFC 9110 §9.1: every general-purpose server MUST support GET and HEAD. */
  mustBeSupported: boolean;
  /** The closest registered methods, best first (`patch` → PATCH kind 'case'). */
  suggestions: MethodSuggestion[];
  /** Methods almost every HTTP server routes (GET HEAD POST PUT DELETE OPTIONS PATCH). */
  common: boolean;
}

const COMMON = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']);

export function methodFacts(method: string): MethodFacts {
  const entry = methodEntry(method);
  return {
    registered: entry !== undefined,
    safe: entry?.safe ?? false,
    mustBeSupported: method === 'GET' || method === 'HEAD',
    suggestions: closestMethods(method),
    common: COMMON.has(method),
  };
}
