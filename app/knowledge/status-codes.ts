/**
 * The status library: every code in the IANA HTTP Status Code Registry (iana-status-registry.ts holds the
 * registry itself, the fact the tests check this table against), plus what an unregistered code means.
 */
import { IANA_STATUS_REGISTRY_UPDATED, IANA_STATUS_REGISTRY_URL } from './iana-status-registry';
import { STATUSES_1XX_2XX } from './status-codes-1xx-2xx';
import { STATUSES_3XX } from './status-codes-3xx';
import { STATUSES_400_417 } from './status-codes-4xx';
import { STATUSES_418_451 } from './status-codes-4xx-extended';
import { STATUSES_5XX } from './status-codes-5xx';
import { classOfCode } from './status-entry';
import type { SpecRef, StatusClass, StatusEntry } from './types';

export { classOfCode } from './status-entry';

/** Every registered status, in code order. */
export const STATUS_CODES: readonly StatusEntry[] = [
  ...STATUSES_1XX_2XX,
  ...STATUSES_3XX,
  ...STATUSES_400_417,
  ...STATUSES_418_451,
  ...STATUSES_5XX,
].sort((a, b) => a.code - b.code);

export const STATUS_REGISTRY_INFO = {
  source: IANA_STATUS_REGISTRY_URL,
  lastUpdated: IANA_STATUS_REGISTRY_UPDATED,
} as const;

const byCode = new Map(STATUS_CODES.map((s) => [s.code, s]));

export function statusEntry(code: number): StatusEntry | undefined {
  return byCode.get(code);
}

/** What RFC 9110 §15 says about each class, for codes the registry does not list. */
export const CLASS_DESCRIPTIONS: Record<
  StatusClass,
  { range: string; ref: SpecRef; meaning: string; treatAs: number }
> = {
  informational: {
    range: '1xx',
    ref: 'RFC 9110 §15.2',
    meaning: 'an interim response: the request was received and is being processed; a final status follows',
    treatAs: 100,
  },
  successful: {
    range: '2xx',
    ref: 'RFC 9110 §15.3',
    meaning: 'the request was successfully received, understood and accepted',
    treatAs: 200,
  },
  redirection: {
    range: '3xx',
    ref: 'RFC 9110 §15.4',
    meaning: 'further action by the user agent is needed to fulfil the request',
    treatAs: 300,
  },
  'client-error': {
    range: '4xx',
    ref: 'RFC 9110 §15.5',
    meaning: 'the request contains bad syntax or cannot be fulfilled; the client seems to be at fault',
    treatAs: 400,
  },
  'server-error': {
    range: '5xx',
    ref: 'RFC 9110 §15.6',
    meaning: 'the server failed to fulfil an apparently valid request',
    treatAs: 500,
  },
};

/**
 * Explains a code with no registry entry. RFC 9110 §15: a client must understand the class of any status
 * code and treat an unrecognised one as the x00 code of that class.
 */
export function describeUnregisteredStatus(code: number): string {
  const statusClass = classOfCode(code);
  if (statusClass === null) {
    return `${code} is not an HTTP status code: status codes are three-digit integers from 100 to 599 (RFC 9110 §15).`;
  }
  const c = CLASS_DESCRIPTIONS[statusClass];
  return (
    `${code} is not in the IANA HTTP Status Code Registry (as of ${IANA_STATUS_REGISTRY_UPDATED}). ` +
    `It is in the ${c.range} class (${statusClass}, ${c.ref}): ${c.meaning}. ` +
    `A client that does not recognise it treats it as ${c.treatAs} (RFC 9110 §15), and no cache stores it ` +
    `heuristically, since only the codes RFC 9110 §15.1 names are heuristically cacheable. ` +
    `Whatever the server means by it is private to that server; read the response content.`
  );
}
