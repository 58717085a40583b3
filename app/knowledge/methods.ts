/**
 * The method library: lookups over the IANA HTTP Method Registry (method-registry.ts) and spelling
 * help for method tokens that are not registered as written. Method names are case-sensitive
 * (RFC 9110 §9.1), so `patch` is not PATCH: servers may answer it with 501 or 405.
 */
import { damerauLevenshtein } from './edit-distance';
import { METHODS } from './method-registry';
import type { MethodEntry } from './types';

export { IANA_METHOD_REGISTRY_UPDATED, IANA_METHOD_REGISTRY_URL, METHODS } from './method-registry';

const byName = new Map(METHODS.map((m) => [m.name, m]));

/** The registry entry for a method, matched exactly (case-sensitive, RFC 9110 §9.1). */
export function methodEntry(name: string): MethodEntry | undefined {
  return byName.get(name);
}

export function isRegisteredMethod(name: string): boolean {
  return byName.has(name);
}

export const SUGGESTION_KINDS = ['case', 'typo'] as const;
export type SuggestionKind = (typeof SUGGESTION_KINDS)[number];

export interface MethodSuggestion {
  /** The registered method name, exactly as it must be sent. */
  method: string;
  /** 'case': the token differs only in letter case. 'typo': it is within a small edit distance. */
  kind: SuggestionKind;
  /** Edit distance ignoring case (0 for a pure case difference). */
  distance: number;
  entry: MethodEntry;
}

/**
 * The largest edit distance still read as a typo, scaled to the token's length so that short tokens
 * do not match everything: up to 4 characters (`GTE`, `PSOT`) allow 1, `DELTE` (5) and longer allow 2.
 */
export function maxTypoDistance(length: number): number {
  return length <= 4 ? 1 : 2;
}

/** Methods people actually send, ranked first when two suggestions are equally close. */
const COMMON = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'QUERY'];

function commonness(name: string): number {
  const i = COMMON.indexOf(name);
  return i === -1 ? COMMON.length : i;
}

/**
 * Registered methods a token was probably meant to be, best first.
 *
 * - An exactly registered token returns `[]`: there is nothing to correct.
 * - A token that matches a registered name ignoring case (`patch`, `Get`) returns that name with
 *   kind 'case' first: tokens are case-sensitive (RFC 9110 §9.1), so the server saw a different method.
 * - Otherwise (and after the case match) names within Damerau-Levenshtein distance
 *   `maxTypoDistance(token.length)`, compared case-insensitively, with kind 'typo'
 *   (`DELTE` → DELETE, `PROPFIN` → PROPFIND, `GTE` → GET), nearest first, common methods first on ties.
 *
 * The reserved name `*` is never suggested. At most `limit` suggestions are returned.
 */
export function closestMethods(token: string, limit = 3): MethodSuggestion[] {
  if (token.length === 0 || isRegisteredMethod(token)) return [];
  const upper = token.toUpperCase();
  const max = maxTypoDistance(token.length);
  const found: MethodSuggestion[] = [];
  for (const entry of METHODS) {
    if (entry.name === '*') continue;
    if (entry.name === upper) {
      found.push({ method: entry.name, kind: 'case', distance: 0, entry });
      continue;
    }
    // Cheap length check first: the distance is at least the difference in length.
    if (Math.abs(entry.name.length - upper.length) > max) continue;
    const distance = damerauLevenshtein(upper, entry.name);
    if (distance <= max && distance < entry.name.length)
      found.push({ method: entry.name, kind: 'typo', distance, entry });
  }
  found.sort(
    (a, b) =>
      a.distance - b.distance ||
      commonness(a.method) - commonness(b.method) ||
      a.method.localeCompare(b.method),
  );
  return found.slice(0, Math.max(0, limit));
}
