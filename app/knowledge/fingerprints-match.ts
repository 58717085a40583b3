/**
 * Matches an exchange's response against the fingerprint table. A product is reported once, with what
 * its matching signals prove: that it wrote this response (`authored`), that it sent the head
 * (`identity`, e.g. Server — a proxy may keep or rewrite it), or only that it is on the path (`on-path`).
 */
import { CDN_FINGERPRINTS } from './fingerprints-cdns';
import { FRAMEWORK_FINGERPRINTS } from './fingerprints-frameworks';
import { PROXY_FINGERPRINTS } from './fingerprints-proxies';
import { SERVER_FINGERPRINTS } from './fingerprints-servers';
import type { Fingerprint, FingerprintSignal } from './fingerprints-types';

export interface MatchInput {
  headers: readonly (readonly [string, string])[];
  reason: string;
  /** Body text (a preview is enough: error pages identify themselves early). */
  body: string;
}

export interface SignalHit {
  signal: FingerprintSignal;
  /** What was seen, e.g. `Server: nginx/1.22.1` or `body: <hr><center>nginx/1.22.1</center>`. */
  observed: string;
}

export interface FingerprintMatch {
  fingerprint: Fingerprint;
  authored: boolean;
  identity: boolean;
  onPath: boolean;
  hits: SignalHit[];
}

const ALL: readonly Fingerprint[] = [
  ...PROXY_FINGERPRINTS,
  ...CDN_FINGERPRINTS,
  ...SERVER_FINGERPRINTS,
  ...FRAMEWORK_FINGERPRINTS,
];

function valuesOf(headers: MatchInput['headers'], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v.trim());
}

function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function hitOf(signal: FingerprintSignal, input: MatchInput): SignalHit | null {
  switch (signal.place) {
    case 'server':
    case 'via':
    case 'header': {
      const name = signal.place === 'header' ? (signal.header ?? '') : signal.place;
      for (const value of valuesOf(input.headers, name)) {
        // Via is a list (RFC 9110 §7.6.3): test each member.
        const parts = signal.place === 'via' ? value.split(',') : [value];
        for (const part of parts) {
          if (signal.pattern.test(part.trim()))
            return {
              signal,
              observed: `${name === 'via' ? 'Via' : name === 'server' ? 'Server' : name}: ${clip(value)}`,
            };
        }
      }
      return null;
    }
    case 'reason':
      return signal.pattern.test(input.reason)
        ? { signal, observed: `reason phrase "${input.reason}"` }
        : null;
    case 'body': {
      const m = signal.pattern.exec(input.body);
      return m ? { signal, observed: `body: ${clip(m[0])}` } : null;
    }
  }
}

export function matchFingerprints(input: MatchInput): FingerprintMatch[] {
  const matches: FingerprintMatch[] = [];
  for (const fingerprint of ALL) {
    const hits = fingerprint.signals.map((s) => hitOf(s, input)).filter((h): h is SignalHit => h !== null);
    if (hits.length === 0) continue;
    matches.push({
      fingerprint,
      authored: hits.some((h) => h.signal.proves === 'authored'),
      identity: hits.some((h) => h.signal.proves === 'identity'),
      onPath: hits.some((h) => h.signal.proves === 'on-path'),
      hits,
    });
  }
  // Authors first, then products that sent the head, then those merely on the path.
  const rank = (m: FingerprintMatch) => (m.authored ? 0 : m.identity ? 1 : 2);
  return matches.sort((a, b) => rank(a) - rank(b) || b.hits.length - a.hits.length);
}
