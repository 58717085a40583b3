/**
 * Where a server's answers to different methods on one URL disagree with each other or with RFC 9110.
 * Pure: from the cells of one row to its list of contradictions.
 */
import type { Contradiction, ScanCell } from '../contract/run-ops';

/** Methods whose successful answer may legitimately be the target's current representation (RFC 9110 §9.3). */
const REPRESENTATION_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

const is2xx = (s: number | undefined): boolean => s !== undefined && s >= 200 && s < 300;

function list(methods: readonly string[]): string {
  return methods.length <= 1
    ? (methods[0] ?? '')
    : `${methods.slice(0, -1).join(', ')} and ${methods[methods.length - 1] ?? ''}`;
}

/** Methods the server itself says it supports: the OPTIONS answer's Allow plus every 405's Allow. */
function advertised(optionsAllow: readonly string[] | null, cells: readonly ScanCell[]): Set<string> {
  const out = new Set(optionsAllow ?? []);
  for (const c of cells) if (c.status === 405) for (const m of c.allow ?? []) out.add(m);
  return out;
}

function allowedButRefused(allow: Set<string>, answered: readonly ScanCell[]): Contradiction[] {
  const refused = answered
    .filter((c) => (c.status === 501 || c.status === 405) && allow.has(c.method))
    .map((c) => c.method);
  if (refused.length === 0) return [];
  return [
    {
      kind: 'allowed-but-refused',
      methods: refused,
      message: `${list(refused)} ${refused.length === 1 ? 'is' : 'are'} listed in Allow, yet answered 405 or 501: Allow advertises what the resource supports (RFC 9110 §10.2.1), so one of the two is wrong.`,
      ref: 'RFC 9110 §10.2.1',
    },
  ];
}

function bare405(answered: readonly ScanCell[]): Contradiction[] {
  const methods = answered
    .filter((c) => c.status === 405 && (c.allow === undefined || c.allow.length === 0))
    .map((c) => c.method);
  if (methods.length === 0) return [];
  return [
    {
      kind: '405-without-allow',
      methods,
      message: `${list(methods)} got 405 without an Allow header; the origin server MUST send Allow with a 405 (RFC 9110 §15.5.6), so clients cannot learn what would work.`,
      ref: 'RFC 9110 §15.5.6',
    },
  ];
}

function basic501(answered: readonly ScanCell[]): Contradiction[] {
  const methods = answered
    .filter((c) => (c.method === 'GET' || c.method === 'HEAD') && c.status === 501)
    .map((c) => c.method);
  if (methods.length === 0) return [];
  return [
    {
      kind: '501-on-get-head',
      methods,
      message: `${list(methods)} answered 501, but all general-purpose servers MUST support GET and HEAD (RFC 9110 §9.1): this is an endpoint stub or a misused 501, not a missing method.`,
      ref: 'RFC 9110 §9.1',
    },
  ];
}

function notFoundNot405(answered: readonly ScanCell[]): Contradiction[] {
  const get = answered.find((c) => c.method === 'GET');
  if (!get || !is2xx(get.status)) return [];
  const methods = answered.filter((c) => c.method !== 'GET' && c.status === 404).map((c) => c.method);
  if (methods.length === 0) return [];
  return [
    {
      kind: '404-not-405',
      methods,
      message: `GET found the resource (${get.status}), yet ${list(methods)} answered 404: the resource exists, so a method it does not support is 405 with Allow (RFC 9110 §15.5.6), or 501 when the server knows no such method (§15.6.2).`,
      ref: 'RFC 9110 §15.5.6',
    },
  ];
}

/**
 * Byte-identical successful bodies for methods of which at least one cannot return the resource's
 * representation (OPTIONS, TRACE, WebDAV, QUERY, an unknown token, a case variant): the method is
 * probably not looked at. PUT, PATCH, POST and DELETE alone are not flagged: sent without a body, as the
 * scan sends them, they may well answer with the unchanged representation.
 */
function identicalBodies(answered: readonly ScanCell[]): Contradiction[] {
  const byHash = new Map<string, string[]>();
  for (const c of answered) {
    if (!is2xx(c.status) || c.bodyHash === undefined) continue;
    byHash.set(c.bodyHash, [...(byHash.get(c.bodyHash) ?? []), c.method]);
  }
  const out: Contradiction[] = [];
  for (const methods of byHash.values()) {
    if (methods.length < 2 || methods.every((m) => REPRESENTATION_METHODS.has(m))) continue;
    const folded = methods.some((m) => m !== m.toUpperCase() && methods.includes(m.toUpperCase()));
    out.push({
      kind: 'identical-bodies',
      methods,
      message: `${list(methods)} got byte-identical successful answers: the server likely ignores the method${folded ? ' (and folds its case, though method tokens are case-sensitive, RFC 9110 §9.1)' : ''} and routes them all to one handler.`,
      ref: 'RFC 9110 §9.1',
    });
  }
  return out;
}

export function findContradictions(
  optionsAllow: readonly string[] | null,
  cells: readonly ScanCell[],
): Contradiction[] {
  const answered = cells.filter((c) => c.status !== undefined);
  return [
    ...allowedButRefused(advertised(optionsAllow, answered), answered),
    ...bare405(answered),
    ...basic501(answered),
    ...notFoundNot405(answered),
    ...identicalBodies(answered),
  ];
}
