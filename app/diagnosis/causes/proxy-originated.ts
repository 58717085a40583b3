/**
 * proxy-originated: a proxy, gateway, load balancer or CDN generated the 501; the origin may never
 * have seen the request. Claimed only on positive evidence that a proxy wrote the body: a proxy-only
 * product's own page, or an origin-capable server's page while a control request shows an application
 * answering behind it. A server page alone (nginx can be the origin) is never enough. For proxies no
 * fingerprint knows: the response names a Via hop as its writer (hop-author.ts), and the probes confirm or
 * refute it (proxy-hop.ts).
 */
import type { NextStep } from '../../contract/diagnosis-ops';
import type { Fingerprint } from '../../knowledge/fingerprints';
import { statusLine, type ProbeView } from '../probe-analysis';
import { addHopEvidence, hopFor } from './proxy-hop';
import { doNotRetry } from './steps';
import { suspectFeature } from './protocol-feature';
import { probeSource, Tally, type CauseInput, type CauseScore } from './tally';

/** Does the control answer come from something other than the product that wrote the 501? */
function applicationBehind(control: ProbeView, f: Fingerprint): { weight: number; observed: string } | null {
  const c = control.signals;
  if (!c || control.staticFile) return null;
  if (c.author.fingerprint?.fingerprint.id === f.id) return null;
  if (c.bodyEmpty && !/json/i.test(c.mediaType)) return null;
  if (
    c.appError ||
    /json/i.test(c.mediaType) ||
    c.author.kind === 'application' ||
    c.author.kind === 'framework'
  ) {
    return {
      weight: 4,
      observed: `${control.method} on the same URL${control.kind === 'without-feature' ? ' without the feature' : ''}: ${statusLine(control)}, ${c.mediaType || 'a body'} not written by ${f.name}`,
    };
  }
  if (!c.author.template)
    return {
      weight: 2.5,
      observed: `${control.method} on the same URL: ${statusLine(control)}, content that is not ${f.name}'s`,
    };
  return null;
}

export function scoreProxyOriginated({ s, p }: CauseInput): CauseScore {
  const t = new Tally();
  const author = s.author;
  const f = author.fingerprint?.fingerprint;
  const feature = suspectFeature(s);
  const hop = author.kind === 'proxy' && f ? null : hopFor(s, p);
  let proxyName = f?.name ?? (hop ? `the proxy "${hop.name}"` : 'a proxy');
  let controlCounted = false;
  if (author.kind === 'proxy' && f) {
    t.add(
      5,
      author.evidence[0]?.observed ?? f.name,
      `${f.name} is a proxy (it is never the origin), and this is its own error page: it answered without forwarding`,
    );
  } else if (author.template && f && f.roles.includes('proxy') && p) {
    const reason =
      feature?.header === 'Transfer-Encoding'
        ? 'transfer-coding'
        : s.mentions.methodRejection
          ? 'method'
          : null;
    const asProxy = f.own501AsProxy ?? f.own501;
    // Any answer from the same URL without the refused feature shows who answers there normally.
    const controls = [p.byKind['control-get'], p.byKind['without-feature'], p.byKind['control-head']].filter(
      (v): v is ProbeView => v !== undefined && v.status !== null,
    );
    const found = controls
      .map((v) => ({ v, behind: applicationBehind(v, f) }))
      .find((x) => x.behind !== null);
    const control = found?.v ?? controls.find((v) => v.staticFile);
    if (reason && asProxy.includes(reason) && control) {
      const behind = found?.behind;
      if (behind) {
        t.add(
          behind.weight,
          behind.observed,
          `an application answers behind ${f.name}, yet the 501 is ${f.name}'s own page: ${f.name} acts as a reverse proxy and refused the request itself`,
          probeSource(control.id),
        );
        proxyName = `${f.name} (reverse proxy)`;
        controlCounted = true;
      } else if (control.staticFile) {
        t.add(
          -3,
          `${control.method} on the same URL: a static file from ${f.name}`,
          `${f.name} serves this URL itself: it is the origin`,
          probeSource(control.id),
        );
      }
    }
  }
  // A Via hop the response names (no fingerprint needed): hop-author.ts and proxy-hop.ts.
  if (hop) addHopEvidence(t, s, p, hop, controlCounted);
  // RFC 9110 §7.6.2: the first hop that honours Max-Forwards: 0 answers the OPTIONS itself.
  const hop0 = p?.byKind['max-forwards'];
  if (!hop && t.points > 0 && f && hop0?.signals?.author.fingerprint?.fingerprint.id === f.id) {
    t.add(
      0.5,
      `OPTIONS with Max-Forwards: 0 answered by ${f.name}`,
      `${f.name} is the first hop on the path`,
      probeSource(hop0.id),
    );
  }
  if (author.kind === 'application' || author.kind === 'framework')
    t.add(
      -5,
      author.evidence[0]?.observed ?? 'the application body',
      "the body is the application's: the origin answered and proxies only relayed it",
    );

  const steps: NextStep[] = [];
  if (feature?.header === 'Transfer-Encoding') {
    steps.push({
      title: 'Drop the transfer coding',
      detail: `${proxyName} refuses Transfer-Encoding: ${feature.value}; send the body with Content-Length.`,
      action: { kind: 'retry-without-header', name: 'Transfer-Encoding' },
    });
  } else if (!s.methodFacts.safe && s.method !== 'POST') {
    steps.push({
      title: 'Tunnel the method through POST',
      detail: `Many APIs behind proxies that block methods accept POST with X-HTTP-Method-Override: ${s.method}; check the API's documentation first.`,
      action: { kind: 'retry-with-header', name: 'X-HTTP-Method-Override', value: s.method, method: 'POST' },
    });
  }
  steps.push(
    {
      title: `Ask whoever runs ${proxyName} to allow the request`,
      detail:
        'The refusal is a proxy rule or limit, not the API: the API owner may not know the proxy blocks it. Attach the report.',
      action: { kind: 'copy-report' },
    },
    doNotRetry,
  );
  return {
    cause: 'proxy-originated',
    points: t.points,
    evidence: t.evidence,
    against: t.against,
    ref: 'RFC 9110 §15.6.2',
    // proxyName reads "the proxy …" mid-sentence; a summary starts with a capital.
    summary: `${proxyName.charAt(0).toUpperCase()}${proxyName.slice(1)} generated this 501 itself; the origin may never have seen the request.`,
    settle: `Send GET to the same URL: an answer from the application behind ${proxyName} while this request gets ${proxyName}'s own page shows the proxy refused it.`,
    nextSteps: steps,
  };
}
