/**
 * The hop diagram: client → proxies → origin, with the hop that authored the response marked. Proxies
 * come from Via (RFC 9110 §7.6.3: each intermediary appends itself as the response travels back, so
 * the last entry is the one nearest the client) and from on-path fingerprints (CF-Ray, X-Served-By).
 */
import type { Confidence, Finding, HopDiagram, HopNode } from '../contract/diagnosis-ops';
import { isProxyOnly, type Fingerprint } from '../knowledge/fingerprints';
import { hopFor } from './causes/proxy-hop';
import { viaEntries } from './hop-author';
import type { ProbeObservations } from './probe-analysis';
import type { PassiveSignals } from './signals';

function viaProduct(entry: string, s: PassiveSignals): Fingerprint | undefined {
  for (const m of s.fingerprints) {
    if (m.fingerprint.signals.some((sig) => sig.place === 'via' && sig.pattern.test(entry)))
      return m.fingerprint;
  }
  return undefined;
}

export function buildHops(
  s: PassiveSignals,
  findings: readonly Finding[],
  p: ProbeObservations | null,
): HopDiagram {
  const hops: HopNode[] = [{ role: 'client', label: 'Statuscope', source: 'request', authored: false }];
  const seen = new Set<string>();
  // Via lists the nearest-to-origin first; the diagram runs from the client.
  for (const entry of [...s.via].reverse()) {
    const product = viaProduct(entry, s);
    if (product) seen.add(product.id);
    hops.push({
      role: 'proxy',
      label: `Via: ${entry}`,
      ...(product ? { fingerprint: product.id } : {}),
      source: 'Via',
      authored: false,
    });
  }
  const viaNames = viaEntries(s.headers).map((e) => e.host);
  for (const m of s.fingerprints) {
    const f = m.fingerprint;
    if (seen.has(f.id) || !isProxyOnly(f) || !(m.onPath || m.identity || m.authored)) continue;
    // An on-path hint that names a hop already drawn from Via (`X-Cache: HIT from <that hop>`, a format
    // many caches copy from Squid) is that hop, not a second proxy of this product.
    const namesViaHop = m.hits.every((h) =>
      viaNames.some((n) => h.observed.toLowerCase().includes(`from ${n}`)),
    );
    if (!m.authored && !m.identity && namesViaHop) continue;
    seen.add(f.id);
    hops.push({
      role: 'proxy',
      label: f.name,
      fingerprint: f.id,
      source: m.hits[0]?.observed ?? f.name,
      authored: false,
    });
  }
  const top = findings[0];
  const proxyTop = top?.cause === 'proxy-originated' && top.confidence !== 'low';
  const author = s.author;
  const authorFp = author.fingerprint?.fingerprint;
  if (proxyTop && authorFp && !seen.has(authorFp.id)) {
    // An origin-capable server (nginx) shown by the probes to front an application.
    hops.push({
      role: 'proxy',
      label: `${authorFp.name} (reverse proxy)`,
      fingerprint: authorFp.id,
      source: p ? 'probe:control' : 'response body',
      authored: false,
    });
    seen.add(authorFp.id);
  }
  // A hop no fingerprint knows, tied to the response by its Server or page footer (hop-author.ts).
  const viaHop = authorFp === undefined && (author.kind === 'proxy' || proxyTop) ? hopFor(s, p) : null;
  let viaHopIndex = viaHop ? hops.findIndex((h) => h.label === `Via: ${viaHop.entry.raw}`) : -1;
  if (viaHop && viaHopIndex < 0) {
    hops.push({
      role: 'proxy',
      label: `Via: ${viaHop.entry.raw}`,
      source: p ? 'Via on a probe relayed through the same path' : 'Via',
      authored: false,
    });
    viaHopIndex = hops.length - 1;
  }
  const originProduct =
    author.kind !== 'proxy' && !proxyTop ? (authorFp ?? author.identity?.fingerprint) : undefined;
  const serverHeader = s.headers.find(([n]) => n.toLowerCase() === 'server')?.[1];
  const originLabel =
    originProduct?.name ??
    (author.kind === 'application'
      ? `application${serverHeader && !proxyTop ? ` (Server: ${serverHeader})` : ''}`
      : proxyTop || author.kind === 'proxy'
        ? 'origin (did not answer)'
        : serverHeader
          ? `origin (Server: ${serverHeader})`
          : 'origin (unidentified)');
  hops.push({
    role: 'origin',
    label: originLabel,
    ...(originProduct ? { fingerprint: originProduct.id } : {}),
    source: originProduct ? 'fingerprint' : author.kind === 'application' ? 'response body' : 'Server',
    authored: false,
  });

  let authorIndex = hops.length - 1;
  let confidence: Confidence = author.confidence;
  let note = 'The origin wrote the response; any proxies relayed it.';
  if (author.kind === 'proxy' || proxyTop) {
    const idx = hops.findIndex(
      (h) => h.role === 'proxy' && h.fingerprint !== undefined && h.fingerprint === authorFp?.id,
    );
    authorIndex = idx >= 0 ? idx : viaHopIndex >= 0 ? viaHopIndex : hops.findIndex((h) => h.role === 'proxy');
    confidence = top?.cause === 'proxy-originated' ? top.confidence : author.confidence;
    const who = authorFp?.name ?? (viaHop ? `The proxy "${viaHop.name}" (named in Via)` : 'A proxy');
    note = `${who} wrote the response; the origin may never have seen the request.`;
  } else if (author.kind === 'unknown') {
    note =
      'No proxy error page was recognised, so the origin most likely wrote the response; nothing in it proves which hop did.';
  }
  const authored = hops[authorIndex];
  if (authored) authored.authored = true;
  return { hops, authorConfidence: confidence, note };
}
