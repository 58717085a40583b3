/**
 * Who wrote the response body: a proxy's or server's built-in error page (a fingerprint with an
 * `authored` signal), a framework's default error format, or the application's own JSON. The body
 * tells this more reliably than `Server`, which proxies keep or rewrite at will.
 */
import type { Confidence, Evidence } from '../contract/diagnosis-ops';
import type { HeaderPair } from '../contract/exchange';
import { isProxyOnly, type FingerprintMatch } from '../knowledge/fingerprints';
import type { AppErrorBody } from './body';
import { hopAuthorship, type HopAuthorship } from './hop-author';

export const AUTHOR_KINDS = ['proxy', 'server', 'framework', 'application', 'unknown'] as const;
export type AuthorKind = (typeof AUTHOR_KINDS)[number];

export interface AuthorAnalysis {
  kind: AuthorKind;
  /** The product whose own page or format the body is, when one matched. */
  fingerprint: FingerprintMatch | null;
  /** The product named by the head (Server, X-Powered-By) when no page matched. */
  identity: FingerprintMatch | null;
  confidence: Confidence;
  /** The body is a product's built-in error page rather than the application's own content. */
  template: boolean;
  evidence: Evidence[];
  /**
   * The Via hop the response ties itself to (hop-author.ts: Server or the page's footer names it), when
   * the body is not the application's. With no fingerprint, a linked hop makes the author a proxy.
   */
  hop: HopAuthorship | null;
}

interface AuthorInput {
  headers: HeaderPair[];
  body: string;
  bodyVisible: string;
  bodyEmpty: boolean;
  mediaType: string;
  /** The host[:port] the request was sent to. */
  urlHost: string;
  appError: AppErrorBody | null;
  bareStatusText: boolean;
  fingerprints: FingerprintMatch[];
}

function describe(m: FingerprintMatch): string {
  return (
    m.hits.find((h) => h.signal.proves === 'authored')?.observed ?? m.hits[0]?.observed ?? m.fingerprint.name
  );
}

export function analyseAuthor(s: AuthorInput): AuthorAnalysis {
  const authored = s.fingerprints.find((m) => m.authored) ?? null;
  const identity = s.fingerprints.find((m) => m.identity) ?? null;
  const hopOf = () =>
    hopAuthorship({
      headers: s.headers,
      body: s.body,
      mediaType: s.mediaType,
      bodyVisible: s.bodyVisible,
      identity,
      urlHost: s.urlHost,
    });
  if (authored) {
    const f = authored.fingerprint;
    const kind: AuthorKind = isProxyOnly(f) ? 'proxy' : f.kind === 'framework' ? 'framework' : 'server';
    return {
      kind,
      fingerprint: authored,
      identity,
      confidence: 'high',
      template: true,
      hop: kind === 'framework' ? null : hopOf(),
      evidence: [
        {
          observed: describe(authored),
          inference:
            kind === 'proxy'
              ? `the body is ${f.name}'s own error page: ${f.name} wrote this response`
              : kind === 'framework'
                ? `the body is ${f.name}'s default error format: application code on ${f.name} produced it`
                : `the body is ${f.name}'s built-in error page: ${f.name} answered itself, not an application behind it`,
          source: 'response',
        },
      ],
    };
  }
  if (s.appError) {
    return {
      kind: 'application',
      fingerprint: null,
      identity,
      confidence: 'high',
      template: false,
      hop: null,
      evidence: [
        {
          observed: `a JSON error object${s.appError.code ? ` with code "${s.appError.code}"` : ''}`,
          inference:
            "the body is in the application's own error format, not a server or proxy error page: the application answered",
          source: 'response',
        },
      ],
    };
  }
  const frameworkIdentity = identity?.fingerprint.kind === 'framework' ? identity : null;
  const hop = frameworkIdentity || /json/i.test(s.mediaType) ? null : hopOf();
  if (hop?.linked && !s.bareStatusText) {
    // No product's page matched, but the response names the Via hop that wrote it (hop-author.ts).
    return {
      kind: 'proxy',
      fingerprint: null,
      identity,
      confidence: hop.points >= 4 ? 'high' : 'medium',
      template: !s.bodyEmpty,
      evidence: hop.evidence.slice(0, 1),
      hop,
    };
  }
  if (s.bodyEmpty) {
    const json = /json/i.test(s.mediaType);
    return {
      kind: json ? 'application' : 'unknown',
      fingerprint: null,
      identity,
      confidence: 'low',
      template: false,
      hop,
      evidence: json
        ? [
            {
              observed: `no body, but Content-Type: ${s.mediaType}`,
              inference: 'the head announces a JSON body, as an application (not a server error page) would',
              source: 'response',
            },
          ]
        : [],
    };
  }
  if (s.bareStatusText) {
    return {
      kind: 'application',
      fingerprint: null,
      identity,
      confidence: 'low',
      template: false,
      hop: null,
      evidence: [
        {
          observed: `the body is only the status text "${s.body.trim()}"`,
          inference:
            'that is what application code writes when it sets a status with no body of its own (res.sendStatus, res.end(STATUS_CODES[code]))',
          source: 'response',
        },
      ],
    };
  }
  return {
    kind: frameworkIdentity ? 'framework' : 'unknown',
    fingerprint: null,
    identity,
    confidence: 'low',
    template: false,
    hop,
    evidence: frameworkIdentity
      ? [
          {
            observed: describe(frameworkIdentity),
            inference: `the response comes from an application on ${frameworkIdentity.fingerprint.name}`,
            source: 'response',
          },
        ]
      : [],
  };
}
