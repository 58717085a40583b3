/**
 * The shapes of the teaching library: statuses, methods, header meanings, comparisons and myths.
 * Everything here is data the UI and the CLI render; neither holds a copy of its own (STYLE.md).
 */

/** A citation: `RFC 9110 §15.6.2`, or an Internet-Draft name with its revision when no RFC exists yet. */
export type SpecRef = string;

/** RFC 9110 §15: the first digit of a status code names its class. */
export const STATUS_CLASSES = [
  'informational',
  'successful',
  'redirection',
  'client-error',
  'server-error',
] as const;
export type StatusClass = (typeof STATUS_CLASSES)[number];

/** Where a code stands in the IANA registry. */
export const REGISTRATION_STATES = [
  /** In force. */
  'registered',
  /** Listed as "(Unused)": reserved so it is never reassigned (306, 418). */
  'unused',
  /** Registered but its defining document is obsolete or historic (510). */
  'obsoleted',
  /** A temporary (provisional) registration for an Internet-Draft that expires unless renewed (104). */
  'temporary',
] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** What a client should do after receiving the status. A closed set: every switch over it ends in assertNever. */
export const RETRY_SEMANTICS = [
  /** Nothing failed: informational or success. */
  'not-applicable',
  /** Redirection: make the request to the URI in Location (RFC 9110 §15.4). */
  'follow',
  /** Use the stored response the client already has (304, RFC 9110 §15.4.5). */
  'use-cached',
  /** Repeating the same request will get the same answer; change the plan, not the timing. */
  'no-retry',
  /** The request itself is at fault: fix it (syntax, method, media type, preconditions), then send again. */
  'retry-after-fix',
  /** Authenticate (or authenticate differently) and send again. */
  'retry-with-credentials',
  /** A temporary condition: wait (for Retry-After when present), then send again. */
  'retry-later',
  /** A transient failure somewhere on the path: retry idempotent requests with exponential backoff. */
  'retry-with-backoff',
  /** The connection was wrong for this request: retry on a different connection (421, RFC 9110 §15.5.20). */
  'retry-on-new-connection',
  /** The request was sent in TLS early data: retry once the handshake has completed (425, RFC 8470 §5.2). */
  'retry-after-handshake',
] as const;
export type RetrySemantics = (typeof RETRY_SEMANTICS)[number];

/** BCP 14 keywords, as the defining spec uses them for a header in this response. */
export const REQUIREMENT_LEVELS = ['MUST', 'SHOULD', 'MAY'] as const;
export type RequirementLevel = (typeof REQUIREMENT_LEVELS)[number];

/** A header field the response should carry, with how strongly and where the spec says so. */
export interface HeaderExpectation {
  header: string;
  level: RequirementLevel;
  ref: SpecRef;
  /** When it applies and why, in plain words. */
  why: string;
}

/** A code this one is often mixed up with, and the rule that tells them apart. */
export interface Confusion {
  code: number;
  rule: string;
}

export interface StatusEntry {
  code: number;
  /** The reason phrase as the IANA registry lists it. */
  reason: string;
  statusClass: StatusClass;
  registration: RegistrationState;
  /** The defining document and section. */
  ref: SpecRef;
  /** One paragraph, plain words. */
  meaning: string;
  /** Heuristically cacheable by default (RFC 9110 §15.1, RFC 9111 §4.2.2). */
  cacheableByDefault: boolean;
  retry: { semantics: RetrySemantics; advice: string };
  headers: readonly HeaderExpectation[];
  confusions: readonly Confusion[];
}

export interface MethodEntry {
  /** Exactly as registered: method names are case-sensitive (RFC 9110 §9.1). */
  name: string;
  /** RFC 9110 §9.2.1. */
  safe: boolean;
  /** RFC 9110 §9.2.2. */
  idempotent: boolean;
  /** Defining spec and section first, then any that update it, as the IANA registry lists them. */
  refs: readonly [SpecRef, ...SpecRef[]];
  /** One sentence, plain words. */
  summary: string;
  /** Anything a reader should know about the registration itself (obsolete spec, reserved name, new). */
  note?: string;
}

export interface HeaderMeaning {
  /** Canonical spelling; header names are case-insensitive (RFC 9110 §5.1). */
  name: string;
  ref: SpecRef;
  meaning: string;
}

/** One aspect of a comparison: the same question answered for each code, with a citation. */
export interface ComparisonRow {
  aspect: string;
  /** Keyed by status code, as a string so the value serialises as JSON unchanged. */
  cells: Readonly<Record<string, string>>;
  refs: readonly SpecRef[];
}

export interface Comparison {
  id: string;
  title: string;
  codes: readonly number[];
  rows: readonly ComparisonRow[];
  /** One line a practitioner can act on. */
  rule: string;
}

export interface Myth {
  id: string;
  /** What people believe. */
  myth: string;
  /** What the spec says instead. */
  fact: string;
  refs: readonly [SpecRef, ...SpecRef[]];
  /** Statuses, methods and headers this myth is about, for search and cross-links. */
  related: readonly string[];
}
