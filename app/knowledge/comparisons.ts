/**
 * Side-by-side comparisons of statuses that are easy to mix up, for the teaching view and for the 501
 * explainer (which needs the 501 / 405 / 404 / 400 / 500 / 502 / 503 distinctions). Every row cites the
 * sections it rests on; each comparison ends in one practical rule.
 */
import type { Comparison, ComparisonRow } from './types';

function row(aspect: string, cells: Record<string, string>, refs: string[]): ComparisonRow {
  return { aspect, cells, refs };
}

export const COMPARISONS: readonly Comparison[] = [
  {
    id: '501-vs-405-vs-404',
    title: '501 Not Implemented vs 405 Method Not Allowed vs 404 Not Found',
    codes: [501, 405, 404],
    rows: [
      row(
        'Who says it',
        {
          501: 'Any server on the path that lacks the functionality: the origin, or a proxy or gateway that does not support the method itself.',
          405: 'The origin server, which knows the method.',
          404: 'The origin server (a gateway may relay it).',
        },
        ['RFC 9110 §15.6.2', 'RFC 9110 §15.5.6', 'RFC 9110 §15.5.5'],
      ),
      row(
        'What it means',
        {
          501: 'The server does not support the functionality the request needs; for a method, it does not recognise it for any resource.',
          405: 'The method is known, but this target resource does not support it.',
          404: 'There is no current representation for this target (or the server will not say).',
        },
        ['RFC 9110 §15.6.2', 'RFC 9110 §15.5.6', 'RFC 9110 §15.5.5'],
      ),
      row('Scope', { 501: 'The whole server.', 405: 'This resource.', 404: 'This URI.' }, [
        'RFC 9110 §15.6.2',
        'RFC 9110 §15.5.6',
      ]),
      row(
        'Lasting or transient',
        {
          501: 'Lasting, until the server gains the feature.',
          405: 'Lasting for this resource; may change with its state.',
          404: 'No indication either way (410 would say permanent).',
        },
        ['RFC 9110 §15.6.2', 'RFC 9110 §15.5.6', 'RFC 9110 §15.5.11'],
      ),
      row(
        'Retry',
        {
          501: 'No: change the method or drop the unsupported feature.',
          405: 'With one of the methods listed in Allow.',
          404: 'After correcting the URI.',
        },
        ['RFC 9110 §15.5.6'],
      ),
      row(
        'Cacheable by default',
        { 501: 'Yes (heuristically).', 405: 'Yes (heuristically).', 404: 'Yes (heuristically).' },
        ['RFC 9110 §15.1'],
      ),
      row(
        'Headers',
        {
          501: 'None required.',
          405: 'Allow: MUST, listing the supported methods.',
          404: 'None required.',
        },
        ['RFC 9110 §15.5.6', 'RFC 9110 §10.2.1'],
      ),
    ],
    rule: 'Unknown to the server for every resource → 501; known but not here → 405 with Allow; nothing here → 404.',
  },
  {
    id: '501-vs-500',
    title: '501 Not Implemented vs 500 Internal Server Error',
    codes: [501, 500],
    rows: [
      row(
        'What it means',
        {
          501: 'The server does not support the functionality required.',
          500: 'The server met an unexpected condition.',
        },
        ['RFC 9110 §15.6.2', 'RFC 9110 §15.6.1'],
      ),
      row(
        'Deliberate or accidental',
        {
          501: 'Deliberate: a statement about what the server can do.',
          500: 'Accidental: something broke (an exception, a crash, a misconfiguration).',
        },
        ['RFC 9110 §15.6.2', 'RFC 9110 §15.6.1'],
      ),
      row(
        'Lasting or transient',
        { 501: 'Lasting.', 500: 'Unknown: often transient, sometimes a lasting bug.' },
        ['RFC 9110 §15.6.1'],
      ),
      row(
        'Retry',
        {
          501: 'No: the same request gets the same answer.',
          500: 'Idempotent requests with backoff; report it if it persists.',
        },
        ['RFC 9110 §9.2.2'],
      ),
      row('Cacheable by default', { 501: 'Yes (heuristically).', 500: 'No.' }, ['RFC 9110 §15.1']),
      row('Headers', { 501: 'None required.', 500: 'None required.' }, [
        'RFC 9110 §15.6.2',
        'RFC 9110 §15.6.1',
      ]),
    ],
    rule: 'If the server would say the same tomorrow because the feature does not exist, it is 501; if something went wrong, it is 500.',
  },
  {
    id: '501-vs-503',
    title: '501 Not Implemented vs 503 Service Unavailable',
    codes: [501, 503],
    rows: [
      row(
        'What it means',
        {
          501: 'The functionality the request needs is not supported.',
          503: 'The server cannot handle the request right now: overload or maintenance.',
        },
        ['RFC 9110 §15.6.2', 'RFC 9110 §15.6.4'],
      ),
      row('Lasting or transient', { 501: 'Lasting.', 503: 'Temporary by definition.' }, ['RFC 9110 §15.6.4']),
      row('Retry', { 501: 'No.', 503: 'Yes, after Retry-After (or with backoff).' }, [
        'RFC 9110 §15.6.4',
        'RFC 9110 §10.2.3',
      ]),
      row('Cacheable by default', { 501: 'Yes (heuristically).', 503: 'No.' }, ['RFC 9110 §15.1']),
      row('Headers', { 501: 'None required.', 503: 'Retry-After: MAY.' }, ['RFC 9110 §15.6.4']),
    ],
    rule: 'Waiting fixes a 503 and never a 501.',
  },
  {
    id: '502-vs-504',
    title: '502 Bad Gateway vs 504 Gateway Timeout',
    codes: [502, 504],
    rows: [
      row(
        'Who says it',
        {
          502: 'A gateway or proxy, about its upstream.',
          504: 'A gateway or proxy, about its upstream.',
        },
        ['RFC 9110 §15.6.3', 'RFC 9110 §15.6.5'],
      ),
      row(
        'What happened upstream',
        {
          502: 'An invalid response: refused or reset connection, malformed HTTP.',
          504: 'No timely response.',
        },
        ['RFC 9110 §15.6.3', 'RFC 9110 §15.6.5'],
      ),
      row(
        'Did the origin act on it?',
        {
          502: 'Often not (nothing reached it), but it cannot be ruled out.',
          504: 'Possibly: it may still be processing the request.',
        },
        ['RFC 9110 §15.6.5'],
      ),
      row('Lasting or transient', { 502: 'Usually transient.', 504: 'Usually transient.' }, [
        'RFC 9110 §15.6.3',
        'RFC 9110 §15.6.5',
      ]),
      row(
        'Retry',
        {
          502: 'Idempotent requests with backoff.',
          504: 'Idempotent requests with backoff; check the effect before repeating a POST.',
        },
        ['RFC 9110 §9.2.2'],
      ),
      row('Cacheable by default', { 502: 'No.', 504: 'No.' }, ['RFC 9110 §15.1']),
      row(
        'Headers',
        {
          502: 'None required; Via and Server show which hop answered.',
          504: 'None required; Via and Server show which hop answered.',
        },
        ['RFC 9110 §7.6.3', 'RFC 9110 §10.2.4'],
      ),
    ],
    rule: '502: the upstream answered wrongly (or refused); 504: it did not answer in time.',
  },
  {
    id: '400-vs-422',
    title: '400 Bad Request vs 422 Unprocessable Content',
    codes: [400, 422],
    rows: [
      row(
        'What it means',
        {
          400: 'The server cannot or will not process the request: malformed syntax, invalid framing.',
          422: 'The content type is understood and the syntax is correct, but the instructions cannot be processed.',
        },
        ['RFC 9110 §15.5.1', 'RFC 9110 §15.5.21'],
      ),
      row(
        'Typical trigger',
        {
          400: 'Unparsable JSON, an invalid Content-Length, a bad request line.',
          422: 'Valid JSON with a missing required field or an out-of-range value.',
        },
        ['RFC 9112 §6.3', 'RFC 9110 §15.5.21'],
      ),
      row('Lasting or transient', { 400: 'Lasting for this request.', 422: 'Lasting for this request.' }, [
        'RFC 9110 §15.5',
      ]),
      row('Retry', { 400: 'After fixing the syntax.', 422: 'After fixing the values.' }, ['RFC 9110 §15.5']),
      row('Cacheable by default', { 400: 'No.', 422: 'No.' }, ['RFC 9110 §15.1']),
      row('Headers', { 400: 'None required.', 422: 'None required.' }, [
        'RFC 9110 §15.5.1',
        'RFC 9110 §15.5.21',
      ]),
    ],
    rule: 'Could not read it → 400; read it and it is wrong → 422.',
  },
  {
    id: '401-vs-403',
    title: '401 Unauthorized vs 403 Forbidden',
    codes: [401, 403],
    rows: [
      row(
        'What it means',
        {
          401: 'The request lacks valid credentials for the target.',
          403: 'The server understood the request and refuses it.',
        },
        ['RFC 9110 §15.5.2', 'RFC 9110 §15.5.4'],
      ),
      row(
        'Does authenticating help?',
        {
          401: 'Yes: authenticate as the challenge describes.',
          403: 'Not with the same identity; credentials were understood and are insufficient.',
        },
        ['RFC 9110 §15.5.2', 'RFC 9110 §15.5.4'],
      ),
      row('Retry', { 401: 'With (new) credentials.', 403: 'No; ask for access or use another identity.' }, [
        'RFC 9110 §15.5.4',
      ]),
      row('Cacheable by default', { 401: 'No.', 403: 'No.' }, ['RFC 9110 §15.1']),
      row(
        'Headers',
        {
          401: 'WWW-Authenticate: MUST, with at least one challenge.',
          403: 'None required.',
        },
        ['RFC 9110 §15.5.2', 'RFC 9110 §11.6.1'],
      ),
    ],
    rule: '401: "who are you?"; 403: "I know who you are, and no."',
  },
  {
    id: '501-vs-400-vs-502',
    title: '501 Not Implemented vs 400 Bad Request vs 502 Bad Gateway',
    codes: [501, 400, 502],
    rows: [
      row(
        'Who says it',
        {
          501: 'Any server on the path lacking the feature: origin or intermediary.',
          400: 'Whichever server finds the request malformed: origin or intermediary.',
          502: 'A gateway or proxy, about its upstream.',
        },
        ['RFC 9110 §15.6.2', 'RFC 9110 §15.5.1', 'RFC 9110 §15.6.3'],
      ),
      row(
        'Whose fault',
        {
          501: "The server's feature set; the request may be perfectly valid.",
          400: 'The request.',
          502: 'The path behind the gateway.',
        },
        ['RFC 9110 §15.6', 'RFC 9110 §15.5'],
      ),
      row(
        'Typical trigger',
        {
          501: 'An unrecognised method, or a Transfer-Encoding the server does not understand.',
          400: 'Malformed syntax, such as an invalid Content-Length.',
          502: 'The upstream refused the connection or sent an invalid response.',
        },
        ['RFC 9112 §6.1', 'RFC 9112 §6.3', 'RFC 9110 §15.6.3'],
      ),
      row(
        'Lasting or transient',
        {
          501: 'Lasting.',
          400: 'Lasting for this request.',
          502: 'Usually transient.',
        },
        ['RFC 9110 §15.6.2', 'RFC 9110 §15.6.3'],
      ),
      row('Retry', { 501: 'No.', 400: 'After fixing the request.', 502: 'With backoff.' }, [
        'RFC 9110 §9.2.2',
      ]),
      row('Cacheable by default', { 501: 'Yes (heuristically).', 400: 'No.', 502: 'No.' }, [
        'RFC 9110 §15.1',
      ]),
      row(
        'Headers',
        {
          501: 'None required; Server and Via show which hop answered.',
          400: 'None required.',
          502: 'None required; Via shows the gateway.',
        },
        ['RFC 9110 §10.2.4', 'RFC 9110 §7.6.3'],
      ),
    ],
    rule: "Blame the server's features → 501; blame the request bytes → 400; blame the hop behind the gateway → 502.",
  },
];

const keyOf = (codes: readonly number[]): string => [...new Set(codes)].sort((a, b) => a - b).join(',');
const byKey = new Map(COMPARISONS.map((c) => [keyOf(c.codes), c]));

/** The predefined comparison of exactly this set of codes, in any order. */
export function findComparison(codes: readonly number[]): Comparison | undefined {
  return byKey.get(keyOf(codes));
}

export function comparisonById(id: string): Comparison | undefined {
  return COMPARISONS.find((c) => c.id === id);
}
