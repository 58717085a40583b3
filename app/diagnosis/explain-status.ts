/**
 * The status explanation every response gets: meaning, class, RFC section, retry semantics and
 * cacheability from the status library (app/knowledge/status-codes.ts), plus remarks on this response.
 */
import type { StatusExplanation } from '../contract/diagnosis-ops';
import {
  CLASS_DESCRIPTIONS,
  classOfCode,
  describeUnregisteredStatus,
  statusEntry,
} from '../knowledge/status-codes';
import type { PassiveSignals } from './signals';

function notesFor(s: PassiveSignals, registeredReason: string | null): string[] {
  const notes: string[] = [];
  if (s.reason === '') {
    notes.push(
      'No reason phrase was sent. That is allowed (RFC 9112 §4): the code alone carries the meaning; Tomcat, for one, never sends one.',
    );
  } else if (registeredReason !== null && s.reason.toLowerCase() !== registeredReason.toLowerCase()) {
    notes.push(
      `The reason phrase "${s.reason}" is not the registered "${registeredReason}". Clients must ignore it (RFC 9112 §4), but it often says what the server meant.`,
    );
  } else if (registeredReason !== null && s.reason !== registeredReason) {
    notes.push(
      `The reason phrase "${s.reason}" differs from "${registeredReason}" only in letter case; it carries no meaning (RFC 9112 §4).`,
    );
  }
  if (s.status === 501 && s.methodFacts.mustBeSupported) {
    notes.push(
      `A 501 to ${s.method} is itself unusual: all general-purpose servers MUST support GET and HEAD (RFC 9110 §9.1).`,
    );
  }
  if (s.status === 501 && s.features.unusualTransferEncoding) {
    notes.push(
      `The request carried Transfer-Encoding: ${s.features.unusualTransferEncoding}; a server that does not understand a transfer coding SHOULD answer 501 (RFC 9112 §6.1).`,
    );
  }
  if ((s.status === 501 || s.status === 405) && !s.methodFacts.registered && s.methodFacts.suggestions[0]) {
    const best = s.methodFacts.suggestions[0];
    notes.push(
      `"${s.method}" is not a registered method; did you mean ${best.method}? Method names are case-sensitive (RFC 9110 §9.1).`,
    );
  }
  return notes;
}

export function explainStatus(s: PassiveSignals): StatusExplanation {
  const entry = statusEntry(s.status);
  if (entry) {
    return {
      code: entry.code,
      registeredReason: entry.reason,
      sentReason: s.reason,
      statusClass: entry.statusClass,
      ref: entry.ref,
      meaning: entry.meaning,
      cacheableByDefault: entry.cacheableByDefault,
      retry: { semantics: entry.retry.semantics, advice: entry.retry.advice },
      confusions: entry.confusions.map((c) => ({ code: c.code, rule: c.rule })),
      notes: notesFor(s, entry.reason),
    };
  }
  const statusClass = classOfCode(s.status);
  const cls = statusClass ? CLASS_DESCRIPTIONS[statusClass] : null;
  return {
    code: s.status,
    registeredReason: null,
    sentReason: s.reason,
    statusClass: statusClass ?? 'invalid',
    ref: cls?.ref ?? 'RFC 9110 §15',
    meaning: describeUnregisteredStatus(s.status),
    cacheableByDefault: false,
    retry: {
      semantics: 'not-applicable',
      advice: cls ? `Treat it as ${cls.treatAs} (RFC 9110 §15).` : 'It is not a valid status code.',
    },
    confusions: [],
    notes: notesFor(s, null),
  };
}
