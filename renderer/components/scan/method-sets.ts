/**
 * How the contract's method groups (METHOD_SETS in app/contract/run-ops.ts) are named in the form. The
 * tokens of each group are the host's (app/scan/methods.ts); the form shows them from the host's plan.
 * A Record keyed by the closed set: adding a group to the contract fails to compile here until named.
 */
import type { MethodSet } from '../../../app/contract/run-ops';

const LABELS: Record<MethodSet, { label: string; why: string }> = {
  standard: { label: 'Standard', why: 'RFC 9110 §9.3 and PATCH (RFC 5789)' },
  webdav: { label: 'WebDAV', why: 'RFC 4918 §9' },
  query: { label: 'QUERY', why: 'the safe method with a body' },
  unknown: { label: 'Unknown token', why: 'a method no registry lists, sent without a body' },
  lowercase: { label: 'Lower-case variant', why: 'method tokens are case-sensitive (RFC 9110 §9.1)' },
};

const ORDER: readonly MethodSet[] = ['standard', 'webdav', 'query', 'unknown', 'lowercase'];

export const METHOD_SETS_UI: ReadonlyArray<{ set: MethodSet; label: string; why: string }> = ORDER.map(
  (set) => ({ set, ...LABELS[set] }),
);
