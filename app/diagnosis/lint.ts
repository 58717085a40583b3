/**
 * Response lint: what a response of this status should (or must) carry and does not, or carries
 * wrongly. Each rule cites its section; the BCP 14 keyword sets the level (MUST → violation,
 * SHOULD → warning, MAY → note). Only unconditional expectations are checked: the status library's
 * conditional ones ("if a 200 would carry it", "only if temporary") cannot be judged from one response.
 */
import { headerValue } from '../common/exchange';
import type { LintIssue, LintLevel } from '../contract/diagnosis-ops';
import type { PassiveSignals } from './signals';

type Keyword = LintIssue['keyword'];

interface Rule {
  id: string;
  applies: (s: PassiveSignals) => boolean;
  keyword: Keyword;
  header?: string;
  ref: string;
  message: (s: PassiveSignals) => string;
}

const has = (s: PassiveSignals, name: string) => headerValue(s.headers, name) !== undefined;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const levelOf = (k: Keyword): LintLevel => (k === 'MUST' ? 'violation' : k === 'SHOULD' ? 'warning' : 'note');

const RULES: readonly Rule[] = [
  {
    id: '405-allow',
    applies: (s) => s.status === 405 && !has(s, 'allow'),
    keyword: 'MUST',
    header: 'Allow',
    ref: 'RFC 9110 §15.5.6',
    message: () =>
      '405 without Allow: the origin server MUST list the methods the resource supports (an empty Allow is fine).',
  },
  {
    id: '405-allow-lists-method',
    applies: (s) => s.status === 405 && s.allow !== null && s.allow.includes(s.method),
    keyword: 'MUST',
    header: 'Allow',
    ref: 'RFC 9110 §15.5.6',
    message: (s) => `405 for ${s.method}, yet Allow lists ${s.method}: the response contradicts itself.`,
  },
  {
    id: '401-www-authenticate',
    applies: (s) => s.status === 401 && !has(s, 'www-authenticate'),
    keyword: 'MUST',
    header: 'WWW-Authenticate',
    ref: 'RFC 9110 §15.5.2',
    message: () =>
      '401 without WWW-Authenticate: the server MUST send at least one challenge saying how to authenticate (use 403 if credentials would not help).',
  },
  {
    id: '407-proxy-authenticate',
    applies: (s) => s.status === 407 && !has(s, 'proxy-authenticate'),
    keyword: 'MUST',
    header: 'Proxy-Authenticate',
    ref: 'RFC 9110 §15.5.8',
    message: () => '407 without Proxy-Authenticate: the proxy MUST send a challenge.',
  },
  {
    id: '503-retry-after',
    applies: (s) => s.status === 503 && !has(s, 'retry-after'),
    keyword: 'MAY',
    header: 'Retry-After',
    ref: 'RFC 9110 §15.6.4',
    message: () =>
      '503 without Retry-After: the server may say when to come back; without it, clients can only guess (back off).',
  },
  {
    id: '429-retry-after',
    applies: (s) => s.status === 429 && !has(s, 'retry-after'),
    keyword: 'MAY',
    header: 'Retry-After',
    ref: 'RFC 6585 §4',
    message: () => '429 without Retry-After: the server may say how long to wait before the next request.',
  },
  {
    id: 'retry-after-format',
    applies: (s) => {
      const v = headerValue(s.headers, 'retry-after')?.trim();
      return v !== undefined && !/^\d+$/.test(v) && Number.isNaN(Date.parse(v));
    },
    keyword: 'MUST',
    header: 'Retry-After',
    ref: 'RFC 9110 §10.2.3',
    message: (s) =>
      `Retry-After "${headerValue(s.headers, 'retry-after') ?? ''}" is neither an HTTP-date nor a number of seconds.`,
  },
  {
    id: '416-content-range',
    applies: (s) => s.status === 416 && !has(s, 'content-range'),
    keyword: 'SHOULD',
    header: 'Content-Range',
    ref: 'RFC 9110 §15.5.17',
    message: () =>
      '416 without Content-Range: the server SHOULD send "Content-Range: bytes */<length>" so the client learns the representation length.',
  },
  {
    id: '426-upgrade',
    applies: (s) => s.status === 426 && !has(s, 'upgrade'),
    keyword: 'MUST',
    header: 'Upgrade',
    ref: 'RFC 9110 §15.5.22',
    message: () => '426 without Upgrade: the server MUST name the protocol(s) the client has to switch to.',
  },
  {
    id: '206-content-range',
    applies: (s) =>
      s.status === 206 && !has(s, 'content-range') && !/multipart\/byteranges/i.test(s.mediaType),
    keyword: 'MUST',
    header: 'Content-Range',
    ref: 'RFC 9110 §15.3.7.1',
    message: () => 'A single-part 206 MUST carry Content-Range (or be multipart/byteranges).',
  },
  {
    id: '201-location',
    applies: (s) => s.status === 201 && !has(s, 'location'),
    keyword: 'MAY',
    header: 'Location',
    ref: 'RFC 9110 §15.3.2',
    message: () =>
      '201 without Location: the created resource is then taken to be the target URI itself; send Location if it was created elsewhere.',
  },
  {
    id: '3xx-location',
    applies: (s) => REDIRECTS.has(s.status) && !has(s, 'location'),
    keyword: 'SHOULD',
    header: 'Location',
    ref: 'RFC 9110 §15.4',
    message: (s) =>
      `${s.status} without Location: the server SHOULD say where to go; clients cannot follow this redirect.`,
  },
  {
    id: 'no-content-body',
    applies: (s) =>
      (s.status === 204 || s.status === 304) &&
      (!s.bodyEmpty || Number(headerValue(s.headers, 'content-length') ?? '0') > 0) &&
      s.method !== 'HEAD',
    keyword: 'MUST',
    ref: 'RFC 9110 §15.3.5',
    message: (s) =>
      `${s.status} with content: a ${s.status} response cannot contain content (it ends at the header section).`,
  },
  {
    id: 'content-type',
    applies: (s) => !s.bodyEmpty && !has(s, 'content-type') && s.status !== 204 && s.status !== 304,
    keyword: 'SHOULD',
    header: 'Content-Type',
    ref: 'RFC 9110 §8.3',
    message: () => 'Content without Content-Type: the sender SHOULD label it; the client has to sniff.',
  },
  {
    id: '501-get-head',
    applies: (s) => s.status === 501 && s.methodFacts.mustBeSupported,
    keyword: 'MUST',
    ref: 'RFC 9110 §9.1',
    message: (s) =>
      `501 to ${s.method}: all general-purpose servers MUST support GET and HEAD, so this is a resource that refuses it (a stub), a proxy, or a misused 501.`,
  },
  {
    id: '501-allow-lists-method',
    applies: (s) => s.status === 501 && s.allow !== null && s.allow.includes(s.method),
    keyword: 'SHOULD',
    header: 'Allow',
    ref: 'RFC 9110 §10.2.1',
    message: (s) => `501 for ${s.method}, yet Allow lists ${s.method} as supported.`,
  },
];

export function lintResponse(s: PassiveSignals): LintIssue[] {
  const issues: LintIssue[] = RULES.filter((r) => r.applies(s)).map((r) => ({
    id: r.id,
    level: levelOf(r.keyword),
    keyword: r.keyword,
    ...(r.header !== undefined ? { header: r.header } : {}),
    message: r.message(s),
    ref: r.ref,
  }));
  return issues;
}
