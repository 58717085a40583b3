/** Prints an exchange the way it went over the wire: request head, response head, body, timings. */
import { finalResponse, formatBytes, formatMs, timingPhases } from '../common/exchange';
import type { ExchangeRecord, Hop } from '../contract/exchange';

function prefixLines(text: string, prefix: string): string {
  const trimmed = text.replace(/\r?\n\r?\n$/, '');
  return `${trimmed
    .split(/\r?\n/)
    .map((l) => `${prefix}${l}`)
    .join('\n')}\n${prefix.trimEnd()}\n`;
}

export function formatTimings(hop: Hop): string {
  const parts = [...timingPhases(hop.timings).map((p) => `${p.phase} ${formatMs(p.duration)}`), `total ${formatMs(hop.timings.end ?? 0)}`];
  return `timings: ${parts.join(' · ')}`;
}

export function formatHop(hop: Hop, index: number, count: number): string {
  let out = count > 1 ? `— hop ${index + 1} of ${count}: ${hop.method} ${hop.url}\n` : '';
  if (!hop.requestHead) return `${out}  (nothing was written: ${hop.method} ${hop.url} failed before the request went out)\n`;
  out += prefixLines(hop.requestHead, '> ');
  const added = hop.requestHeaders.filter((h) => h.added).map((h) => h.name);
  if (added.length > 0) out += `  (added by the client, not typed: ${added.join(', ')})\n`;
  if (hop.response) out += prefixLines(hop.response.rawHead, '< ');
  return out;
}

export function formatBody(exchange: ExchangeRecord): string {
  const res = finalResponse(exchange);
  if (!res) return '';
  const b = res.body;
  const sizes = b.decoded.length > 0 ? `${formatBytes(b.encodedBytes)} on the wire, ${formatBytes(b.decodedBytes)} after ${b.decoded.join('+')}` : formatBytes(b.decodedBytes);
  let out = '';
  if (b.decodedBytes === 0) out += '(empty body)\n';
  else if (b.previewEncoding === 'utf8') {
    out += b.preview.endsWith('\n') ? b.preview : `${b.preview}\n`;
    if (b.previewTruncated) out += `… (body continues; ${sizes} in all${b.file ? `, saved at ${b.file}` : ''})\n`;
  } else out += `(binary body, ${b.mediaType || 'no media type'}, ${sizes}${b.file ? `, saved at ${b.file}` : ''})\n`;
  if (b.decodeNote) out += `note: ${b.decodeNote}\n`;
  return out;
}

export function formatExchange(exchange: ExchangeRecord): string {
  let out = exchange.hops.map((h, i) => formatHop(h, i, exchange.hops.length)).join('');
  out += formatBody(exchange);
  const last = exchange.hops[exchange.hops.length - 1];
  if (last) out += `${formatTimings(last)}\n`;
  return out;
}
