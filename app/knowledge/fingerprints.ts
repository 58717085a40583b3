/**
 * Who wrote a response: fingerprints of servers, proxies, CDNs and frameworks, as data with a source
 * for every signal (fingerprints-*.ts), and a matcher over an exchange's response (fingerprints-match.ts).
 */
import { CDN_FINGERPRINTS } from './fingerprints-cdns';
import { FRAMEWORK_FINGERPRINTS } from './fingerprints-frameworks';
import { PROXY_FINGERPRINTS } from './fingerprints-proxies';
import { SERVER_FINGERPRINTS } from './fingerprints-servers';
import type { Fingerprint } from './fingerprints-types';

export const FINGERPRINTS: readonly Fingerprint[] = [
  ...PROXY_FINGERPRINTS,
  ...CDN_FINGERPRINTS,
  ...SERVER_FINGERPRINTS,
  ...FRAMEWORK_FINGERPRINTS,
];

const BY_ID = new Map(FINGERPRINTS.map((f) => [f.id, f]));

export function fingerprintById(id: string): Fingerprint | undefined {
  return BY_ID.get(id);
}

/** True when the product can only sit in front of an origin (Squid, HAProxy, a CDN). */
export function isProxyOnly(f: Fingerprint): boolean {
  return f.roles.length === 1 && f.roles[0] === 'proxy';
}

export type {
  Fingerprint,
  FingerprintSignal,
  FingerprintKind,
  Own501Reason,
  ProductRole,
  SignalProof,
} from './fingerprints-types';
export {
  matchFingerprints,
  type FingerprintMatch,
  type MatchInput,
  type SignalHit,
} from './fingerprints-match';
