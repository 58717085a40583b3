/**
 * The shape of a fingerprint: how to recognise which product wrote (or relayed) a response, as data.
 * Every signal carries the source it was taken from, so a reader can check it and a test can insist on it.
 */

/** What a product is, as far as the diagnosis cares. */
export const FINGERPRINT_KINDS = ['proxy', 'cdn', 'load-balancer', 'cache', 'server', 'framework'] as const;
export type FingerprintKind = (typeof FINGERPRINT_KINDS)[number];

/** Where a product can sit: in front of an origin, as the origin, or both (nginx, Apache, Caddy). */
export const PRODUCT_ROLES = ['proxy', 'origin'] as const;
export type ProductRole = (typeof PRODUCT_ROLES)[number];

/**
 * What a signal proves when it matches:
 * - `authored`: this product wrote this response (its error page, a header only its own errors carry);
 * - `on-path`:  it is somewhere on the path, relayed responses carry it too (CF-Ray, Via, X-Served-By);
 * - `identity`: it names the hop that sent the head (Server), which a proxy may keep or rewrite.
 */
export const SIGNAL_PROOFS = ['authored', 'on-path', 'identity'] as const;
export type SignalProof = (typeof SIGNAL_PROOFS)[number];

/** Where the signal is read. `header` names the field in `header`. */
export const SIGNAL_PLACES = ['server', 'via', 'header', 'reason', 'body'] as const;
export type SignalPlace = (typeof SIGNAL_PLACES)[number];

export interface FingerprintSignal {
  place: SignalPlace;
  /** For `header`: the field name (case-insensitive). */
  header?: string;
  pattern: RegExp;
  proves: SignalProof;
  /** Where this was learned: a vendor document, a source file, or a recorded exchange. */
  source: string;
}

/**
 * Why a product writes a 501 of its own, when it does (used to weigh causes once it is known to have
 * authored the response):
 * - `method`: it does not implement the request method (RFC 9110 §15.6.2);
 * - `transfer-coding`: it does not understand a transfer coding of the request (RFC 9112 §6.1);
 * - `policy`: a configured rule refuses the request (a method allow-list, a WAF);
 * - `app`: it only relays a 501 the application asked for (abort(501), sendError(501), res.sendStatus(501)).
 */
export const OWN_501_REASONS = ['method', 'transfer-coding', 'policy', 'app'] as const;
export type Own501Reason = (typeof OWN_501_REASONS)[number];

export interface Fingerprint {
  id: string;
  name: string;
  kind: FingerprintKind;
  roles: readonly ProductRole[];
  signals: readonly FingerprintSignal[];
  own501: readonly Own501Reason[];
  /**
   * For products that can be either origin or proxy: the 501s it writes itself while proxying (nginx
   * refuses an unknown Transfer-Encoding before forwarding; Apache's mod_proxy relays unknown methods).
   * Proxy-only products write all of `own501` as a proxy.
   */
  own501AsProxy?: readonly Own501Reason[];
  /** One line a user can act on, shown with the finding. */
  note?: string;
  /**
   * Set (to its source) when the product, as a proxy, replaces the upstream `Server` with its own on
   * everything it relays. For such a product `Server` naming it proves nothing about who wrote a
   * response, so the diagnosis's "Server names the Via hop" signal (app/diagnosis/hop-author.ts) skips it.
   */
  rewritesServer?: string;
}
