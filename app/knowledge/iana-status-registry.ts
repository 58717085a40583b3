/**
 * The IANA HTTP Status Code Registry, transcribed as the fact the status library is tested against
 * (status-codes.test.ts): every code listed here must have an entry with the same description, and no
 * entry may exist that is not listed here. References are copied in the registry's own notation.
 *
 * Source: https://www.iana.org/assignments/http-status-codes (registration procedure: IETF Review,
 * RFC 9110 §16.2.1). Unlisted values in 100–599 are "Unassigned".
 */
export const IANA_STATUS_REGISTRY_UPDATED = '2025-09-15';
export const IANA_STATUS_REGISTRY_URL = 'https://www.iana.org/assignments/http-status-codes';

export interface RegistryStatusRecord {
  code: number;
  description: string;
  reference: string;
  /** The registry's own remark in the description column, kept apart from the description. */
  note?: string;
}

export const IANA_STATUS_REGISTRY: readonly RegistryStatusRecord[] = [
  { code: 100, description: 'Continue', reference: '[RFC9110, Section 15.2.1]' },
  { code: 101, description: 'Switching Protocols', reference: '[RFC9110, Section 15.2.2]' },
  { code: 102, description: 'Processing', reference: '[RFC2518]' },
  { code: 103, description: 'Early Hints', reference: '[RFC8297]' },
  {
    code: 104,
    description: 'Upload Resumption Supported',
    reference: '[draft-ietf-httpbis-resumable-upload-05]',
    note: 'TEMPORARY - registered 2024-11-13, extension registered 2025-09-15, expires 2026-11-13',
  },
  { code: 200, description: 'OK', reference: '[RFC9110, Section 15.3.1]' },
  { code: 201, description: 'Created', reference: '[RFC9110, Section 15.3.2]' },
  { code: 202, description: 'Accepted', reference: '[RFC9110, Section 15.3.3]' },
  { code: 203, description: 'Non-Authoritative Information', reference: '[RFC9110, Section 15.3.4]' },
  { code: 204, description: 'No Content', reference: '[RFC9110, Section 15.3.5]' },
  { code: 205, description: 'Reset Content', reference: '[RFC9110, Section 15.3.6]' },
  { code: 206, description: 'Partial Content', reference: '[RFC9110, Section 15.3.7]' },
  { code: 207, description: 'Multi-Status', reference: '[RFC4918]' },
  { code: 208, description: 'Already Reported', reference: '[RFC5842]' },
  { code: 226, description: 'IM Used', reference: '[RFC3229]' },
  { code: 300, description: 'Multiple Choices', reference: '[RFC9110, Section 15.4.1]' },
  { code: 301, description: 'Moved Permanently', reference: '[RFC9110, Section 15.4.2]' },
  { code: 302, description: 'Found', reference: '[RFC9110, Section 15.4.3]' },
  { code: 303, description: 'See Other', reference: '[RFC9110, Section 15.4.4]' },
  { code: 304, description: 'Not Modified', reference: '[RFC9110, Section 15.4.5]' },
  { code: 305, description: 'Use Proxy', reference: '[RFC9110, Section 15.4.6]' },
  { code: 306, description: '(Unused)', reference: '[RFC9110, Section 15.4.7]' },
  { code: 307, description: 'Temporary Redirect', reference: '[RFC9110, Section 15.4.8]' },
  { code: 308, description: 'Permanent Redirect', reference: '[RFC9110, Section 15.4.9]' },
  { code: 400, description: 'Bad Request', reference: '[RFC9110, Section 15.5.1]' },
  { code: 401, description: 'Unauthorized', reference: '[RFC9110, Section 15.5.2]' },
  { code: 402, description: 'Payment Required', reference: '[RFC9110, Section 15.5.3]' },
  { code: 403, description: 'Forbidden', reference: '[RFC9110, Section 15.5.4]' },
  { code: 404, description: 'Not Found', reference: '[RFC9110, Section 15.5.5]' },
  { code: 405, description: 'Method Not Allowed', reference: '[RFC9110, Section 15.5.6]' },
  { code: 406, description: 'Not Acceptable', reference: '[RFC9110, Section 15.5.7]' },
  { code: 407, description: 'Proxy Authentication Required', reference: '[RFC9110, Section 15.5.8]' },
  { code: 408, description: 'Request Timeout', reference: '[RFC9110, Section 15.5.9]' },
  { code: 409, description: 'Conflict', reference: '[RFC9110, Section 15.5.10]' },
  { code: 410, description: 'Gone', reference: '[RFC9110, Section 15.5.11]' },
  { code: 411, description: 'Length Required', reference: '[RFC9110, Section 15.5.12]' },
  { code: 412, description: 'Precondition Failed', reference: '[RFC9110, Section 15.5.13]' },
  { code: 413, description: 'Content Too Large', reference: '[RFC9110, Section 15.5.14]' },
  { code: 414, description: 'URI Too Long', reference: '[RFC9110, Section 15.5.15]' },
  { code: 415, description: 'Unsupported Media Type', reference: '[RFC9110, Section 15.5.16]' },
  { code: 416, description: 'Range Not Satisfiable', reference: '[RFC9110, Section 15.5.17]' },
  { code: 417, description: 'Expectation Failed', reference: '[RFC9110, Section 15.5.18]' },
  { code: 418, description: '(Unused)', reference: '[RFC9110, Section 15.5.19]' },
  { code: 421, description: 'Misdirected Request', reference: '[RFC9110, Section 15.5.20]' },
  { code: 422, description: 'Unprocessable Content', reference: '[RFC9110, Section 15.5.21]' },
  { code: 423, description: 'Locked', reference: '[RFC4918]' },
  { code: 424, description: 'Failed Dependency', reference: '[RFC4918]' },
  { code: 425, description: 'Too Early', reference: '[RFC8470]' },
  { code: 426, description: 'Upgrade Required', reference: '[RFC9110, Section 15.5.22]' },
  { code: 428, description: 'Precondition Required', reference: '[RFC6585]' },
  { code: 429, description: 'Too Many Requests', reference: '[RFC6585]' },
  { code: 431, description: 'Request Header Fields Too Large', reference: '[RFC6585]' },
  { code: 451, description: 'Unavailable For Legal Reasons', reference: '[RFC7725]' },
  { code: 500, description: 'Internal Server Error', reference: '[RFC9110, Section 15.6.1]' },
  { code: 501, description: 'Not Implemented', reference: '[RFC9110, Section 15.6.2]' },
  { code: 502, description: 'Bad Gateway', reference: '[RFC9110, Section 15.6.3]' },
  { code: 503, description: 'Service Unavailable', reference: '[RFC9110, Section 15.6.4]' },
  { code: 504, description: 'Gateway Timeout', reference: '[RFC9110, Section 15.6.5]' },
  { code: 505, description: 'HTTP Version Not Supported', reference: '[RFC9110, Section 15.6.6]' },
  { code: 506, description: 'Variant Also Negotiates', reference: '[RFC2295]' },
  { code: 507, description: 'Insufficient Storage', reference: '[RFC4918]' },
  { code: 508, description: 'Loop Detected', reference: '[RFC5842]' },
  {
    code: 510,
    description: 'Not Extended',
    reference: '[RFC2774][status-change-http-experiments-to-historic]',
    note: 'OBSOLETED',
  },
  { code: 511, description: 'Network Authentication Required', reference: '[RFC6585]' },
];

/** The heuristically cacheable statuses RFC 9110 §15.1 lists ("understood by the cache" being assumed). */
export const HEURISTICALLY_CACHEABLE_CODES: readonly number[] = [
  200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501,
];

/** Codes defined outside RFC 9110 whose own spec makes them cacheable by default. */
export const EXTENSION_CACHEABLE_CODES: readonly { code: number; ref: string }[] = [
  { code: 451, ref: 'RFC 7725 §3' },
];
