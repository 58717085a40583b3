/** Read-only helpers over exchange records, used by the CLI, the diagnosis and the renderer alike. */
import type { ExchangeRecord, HeaderPair, Hop, Timings } from '../contract/exchange';

export function finalHop(exchange: ExchangeRecord): Hop | undefined {
  return exchange.hops[exchange.hops.length - 1];
}

export function finalResponse(exchange: ExchangeRecord): Hop['response'] | undefined {
  return finalHop(exchange)?.response;
}

/** All values of a header, case-insensitively, in order. */
export function headerValues(headers: readonly HeaderPair[], name: string): string[] {
  const wanted = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
}

/** The first value of a header, case-insensitively. */
export function headerValue(headers: readonly HeaderPair[], name: string): string | undefined {
  return headerValues(headers, name)[0];
}

export const TIMING_PHASES = ['dns', 'connect', 'tls', 'send', 'wait', 'download'] as const;
export type TimingPhase = (typeof TIMING_PHASES)[number];

export interface PhaseSpan {
  phase: TimingPhase;
  start: number;
  duration: number;
}

/** Turns the offsets the engine records into consecutive phases for a timing bar. */
export function timingPhases(t: Timings): PhaseSpan[] {
  const spans: PhaseSpan[] = [];
  let cursor = 0;
  const push = (phase: TimingPhase, end: number | undefined) => {
    if (end === undefined) return;
    spans.push({ phase, start: cursor, duration: Math.max(0, end - cursor) });
    cursor = Math.max(cursor, end);
  };
  push('dns', t.dnsDone);
  push('connect', t.connected);
  push('tls', t.tlsDone);
  push('send', t.requestSent);
  push('wait', t.firstByte);
  // Without a first byte there was no download: the exchange ended (failed or cancelled) before it.
  if (t.firstByte !== undefined) push('download', t.end);
  return spans;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(2)} ms` : ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
