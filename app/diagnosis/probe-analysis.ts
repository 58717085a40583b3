/**
 * Reads what each probe's exchange shows, relative to the original 501: did it get the same answer
 * (same status, same body template), a different author, a static file, an Allow list?
 */
import { finalResponse } from '../common/exchange';
import type { ProbeKind } from '../contract/diagnosis-ops';
import type { ExchangeRecord } from '../contract/exchange';
import { looksLikeStaticFile } from './body';
import { extractSignals, type PassiveSignals } from './signals';

export interface ProbeView {
  id: string;
  kind: ProbeKind;
  method: string;
  /** Null when the probe failed at the transport level (nothing learned). */
  status: number | null;
  signals: PassiveSignals | null;
  /** Same status and the same body template as the original response. */
  sameAsOriginal: boolean;
  /** A file served from disk by the web server itself (Last-Modified with ETag or Accept-Ranges). */
  staticFile: boolean;
}

export interface ProbeObservations {
  byKind: Partial<Record<ProbeKind, ProbeView>>;
}

export interface ProbeOutcome {
  id: string;
  kind: ProbeKind;
  method: string;
  exchange: ExchangeRecord | null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A body with the request-specific parts blanked: methods, paths, numbers, dates. */
function template(s: PassiveSignals): string {
  let text = s.bodyVisible;
  for (const token of [s.method, s.path])
    if (token.length > 1) text = text.replace(new RegExp(escapeRe(token), 'g'), '<x>');
  return text
    .replace(/\b[A-Z]{3,}\b/g, '<M>')
    .replace(/\d+/g, '0')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sameAnswer(a: PassiveSignals, b: PassiveSignals): boolean {
  if (a.status !== b.status) return false;
  if (a.mediaType.toLowerCase() !== b.mediaType.toLowerCase()) return false;
  // A HEAD answer has no body to compare: status and media type are all there is.
  if (a.bodyEmpty || b.bodyEmpty)
    return a.bodyEmpty === b.bodyEmpty || a.method === 'HEAD' || b.method === 'HEAD';
  return template(a) === template(b);
}

export function analyseProbes(
  original: PassiveSignals,
  outcomes: readonly ProbeOutcome[],
): ProbeObservations {
  const byKind: ProbeObservations['byKind'] = {};
  for (const o of outcomes) {
    const response = o.exchange ? finalResponse(o.exchange) : undefined;
    const signals = o.exchange && response ? extractSignals(o.exchange) : null;
    byKind[o.kind] = {
      id: o.id,
      kind: o.kind,
      method: o.method,
      status: response?.status ?? null,
      signals,
      sameAsOriginal: signals !== null && sameAnswer(original, signals),
      staticFile: response ? looksLikeStaticFile(response.headers) : false,
    };
  }
  return { byKind };
}

/** The probe's observed status line, for evidence text. */
export function statusLine(v: ProbeView): string {
  if (v.status === null || v.signals === null) return 'no response';
  return `${v.status}${v.signals.reason ? ` ${v.signals.reason}` : ''}`;
}

/**
 * A probe that repeats the original request: the cache-bypassing retry (same method, URL and body), else
 * a control probe that happens to use the original's method on the same URL.
 */
export function repeatOf(method: string, p: ProbeObservations): ProbeView | undefined {
  const bypass = p.byKind['cache-bypass'];
  if (bypass?.status !== null && bypass?.status !== undefined) return bypass;
  return [p.byKind['control-get'], p.byKind['control-head']].find(
    (v) => v !== undefined && v.method === method && v.status !== null,
  );
}

/** The response came out of a cache (a hit, or an Age above zero). */
export function fromCache(s: PassiveSignals): boolean {
  return s.cache.hit !== null || (s.cache.age ?? 0) > 0;
}
