/**
 * proxy-originated for a proxy no fingerprint knows: the evidence that a hop named in Via wrote the 501
 * (hop-author.ts), and what the probes add to it.
 *
 * - A control request on the same URL (GET/HEAD, or the request without the refused feature) answered
 *   under a different `Server` than the 501 came from elsewhere: the origin. The 501's author is the Via
 *   hop, which relays the origin's answers but wrote this one itself. The same `Server` on the control
 *   means the name in Via does not separate proxy from origin (a proxy that rewrites Server, or an origin
 *   that names itself in Via): evidence against.
 * - OPTIONS with Max-Forwards: 0 is answered by the first hop that honours it (RFC 9110 §7.6.2); when that
 *   answer carries the 501's `Server` and the control does not, the first hop wrote the 501.
 * - The same method on a sibling path answered with an identical page: a blanket rule in front, not this
 *   endpoint (the origin's stubs and routes differ by path).
 * - Without Via on the 501, a control relayed through the path may still carry it: the hop is learned
 *   from there (a proxy that does not put Via on its own answers).
 */
import { hopAuthorship, serverProduct, viaEntries, type HopAuthorship } from '../hop-author';
import { statusLine, type ProbeObservations, type ProbeView } from '../probe-analysis';
import type { PassiveSignals } from '../signals';
import { probeSource, type Tally } from './tally';

function controlsOf(p: ProbeObservations): ProbeView[] {
  return [p.byKind['control-get'], p.byKind['control-head'], p.byKind['without-feature']].filter(
    (v): v is ProbeView => v?.signals !== null && v?.signals !== undefined,
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

const serverOf = (v: ProbeView) => (v.signals ? serverProduct(v.signals.headers) : null);
const serverLine = (s: PassiveSignals) =>
  s.headers.find(([n]) => n.toLowerCase() === 'server')?.[1] ?? 'no Server';

/** The hop the 501 names, from its own head, or from the Via a relayed control carried. */
export function hopFor(s: PassiveSignals, p: ProbeObservations | null): HopAuthorship | null {
  if (s.author.kind === 'application' || s.author.kind === 'framework') return null;
  if (s.author.hop !== null || p === null) return s.author.hop;
  const extra = controlsOf(p).flatMap((v) => (v.signals ? viaEntries(v.signals.headers) : []));
  if (extra.length === 0) return null;
  return hopAuthorship(
    {
      headers: s.headers,
      body: s.body,
      mediaType: s.mediaType,
      bodyVisible: s.bodyVisible,
      identity: s.author.identity,
      urlHost: hostOf(s.url),
    },
    extra,
  );
}

/**
 * Adds the hop evidence to the tally. `controlCounted`: the fingerprint branch already weighed the
 * control answer (an application behind nginx/Apache), so it is not counted twice.
 */
export function addHopEvidence(
  t: Tally,
  s: PassiveSignals,
  p: ProbeObservations | null,
  hop: HopAuthorship,
  controlCounted: boolean,
): void {
  if (hop.points > 0) {
    const [first, ...rest] = hop.evidence;
    if (first) t.add(hop.points, first.observed, first.inference);
    for (const e of rest) t.evidence.push(e);
  }
  if (p === null) return;
  const own = serverProduct(s.headers);
  const control = controlsOf(p).find((v) => v.status !== null && !v.sameAsOriginal);
  let elsewhere = false;
  if (control && !controlCounted) {
    const theirs = serverOf(control);
    if (theirs !== own) {
      elsewhere = true;
      const relayed =
        control.signals && viaEntries(control.signals.headers).length > 0 ? ', relayed with Via' : '';
      t.add(
        3,
        `${control.method} on the same URL: ${statusLine(control)} from ${control.signals?.headers.find(([n]) => n.toLowerCase() === 'server')?.[1] ?? 'a server without Server'}${relayed}; the 501 from ${serverLine(s)}`,
        `another server answers this URL normally (the origin); the 501 came from the hop "${hop.name}" named in Via, which wrote it without asking the origin`,
        probeSource(control.id),
      );
    } else if (control.status !== 501) {
      t.add(
        -3,
        `${control.method} on the same URL: ${statusLine(control)}, also from ${serverLine(s)}`,
        `the same server answers requests it relays or serves normally: "${hop.name}" in Via does not show a proxy wrote the 501`,
        probeSource(control.id),
      );
    }
  }
  const hop0 = p.byKind['max-forwards'];
  if ((elsewhere || controlCounted) && hop0?.signals && own !== null && serverOf(hop0) === own) {
    t.add(
      1,
      `OPTIONS with Max-Forwards: 0: ${statusLine(hop0)} from ${serverLine(s)}`,
      'the first hop answers Max-Forwards: 0 itself (RFC 9110 §7.6.2) and is the same product that wrote the 501',
      probeSource(hop0.id),
    );
  }
  const sib = p.byKind['sibling-path'];
  if (sib?.sameAsOriginal && t.points > 0)
    t.add(
      1,
      `${s.method} on a sibling path: the identical 501 page`,
      'the hop refuses the request the same way on every path: a blanket rule in front, not this endpoint',
      probeSource(sib.id),
    );
}
