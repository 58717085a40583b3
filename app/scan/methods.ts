/**
 * The methods a capability scan sends, by group, and whether each may be sent without consent.
 * Safety is the IANA HTTP Method Registry's "Safe" column (RFC 9110 §9.2.1), read through app/knowledge.
 */
import type { MethodSafety, MethodSet } from '../contract/run-ops';
import { methodEntry } from '../knowledge/methods';

/**
 * - standard: RFC 9110 §9.3 plus PATCH (RFC 5789). CONNECT is left out: it opens a tunnel, not a request
 *   on a resource, and the engine sends it only in raw mode. OPTIONS always goes first, on its own.
 * - webdav: the RFC 4918 §9 methods.
 * - query: QUERY, the safe method with a body (IANA registry; draft-ietf-httpbis-safe-method-w-body).
 * - unknown: a token registered nowhere, to see what the server does with a method it cannot know.
 * - lowercase: GET spelled in lower case; method tokens are case-sensitive (RFC 9110 §9.1), so `get`
 *   is a different method, and a server that answers it as GET folds case.
 */
export const METHODS_BY_SET: Record<MethodSet, readonly string[]> = {
  standard: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'TRACE'],
  webdav: ['PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK'],
  query: ['QUERY'],
  unknown: ['XYZZY'],
  lowercase: ['get'],
};

/** The probe token of the `unknown` set: checked against the registry by methods.test.ts. */
export const UNKNOWN_TOKEN = 'XYZZY';

/**
 * A registered token has the registry's safety; a case variant of one (`get`, `Post`) has the safety of the
 * method a case-folding server would run; anything else is unregistered.
 */
export function methodSafety(method: string): MethodSafety {
  const exact = methodEntry(method) ?? methodEntry(method.toUpperCase());
  if (exact === undefined || exact.name === '*') return 'unregistered';
  return exact.safe ? 'safe' : 'unsafe';
}

/**
 * Whether a method needs the user's consent. Unsafe methods do. So does an unregistered token the user
 * added (`PURGE` empties a Varnish cache, yet no registry lists it); the scan's own `unknown` token is
 * sent without a body and means nothing to any server, so it goes without consent.
 */
export function needsConsent(method: string, set: MethodSet | 'options' | 'extra'): boolean {
  const safety = methodSafety(method);
  if (safety === 'unsafe') return true;
  if (safety === 'unregistered') return set !== 'unknown';
  return false;
}

/** The `Allow` members (RFC 9110 §10.2.1: `Allow = #method`), case kept, empties dropped. */
export function allowMembers(values: readonly string[]): string[] {
  return values
    .flatMap((v) => v.split(','))
    .map((m) => m.trim())
    .filter((m) => m.length > 0);
}
