/**
 * protocol-feature: a protocol feature of the request is unsupported — above all a transfer coding
 * (RFC 9112 §6.1: a server that receives a transfer coding it does not understand SHOULD answer 501),
 * less often an expectation, an upgrade, or a version.
 */
import { statusLine } from '../probe-analysis';
import type { PassiveSignals } from '../signals';
import { doNotRetry, reportToOwner } from './steps';
import { probeSource, Tally, type CauseInput, type CauseScore } from './tally';
import type { NextStep } from '../../contract/diagnosis-ops';

interface Feature {
  header: string;
  value: string;
  weight: number;
  ref: string;
  why: string;
}

export function suspectFeature(s: PassiveSignals): Feature | null {
  const f = s.features;
  if (f.unusualTransferEncoding) {
    return {
      header: 'Transfer-Encoding',
      value: f.unusualTransferEncoding,
      weight: 2.5,
      ref: 'RFC 9112 §6.1',
      why: 'a server that does not understand a transfer coding of the request SHOULD answer 501 (RFC 9112 §6.1)',
    };
  }
  if (f.unusualVersion)
    return {
      header: 'HTTP version',
      value: f.version,
      weight: 1,
      ref: 'RFC 9110 §15.6.6',
      why: 'an unsupported major version is usually answered with 505, sometimes 501',
    };
  if (f.unusualExpect)
    return {
      header: 'Expect',
      value: f.unusualExpect,
      weight: 1,
      ref: 'RFC 9110 §10.1.1',
      why: 'an expectation the server cannot meet is usually answered with 417, sometimes 501',
    };
  if (f.upgrade)
    return {
      header: 'Upgrade',
      value: f.upgrade,
      weight: 0.5,
      ref: 'RFC 9110 §7.8',
      why: 'a server may ignore Upgrade; a few refuse protocols they do not implement with 501',
    };
  return null;
}

export function scoreProtocolFeature({ s, p }: CauseInput): CauseScore {
  const t = new Tally();
  const feature = suspectFeature(s);
  const author = s.author;
  if (feature) {
    t.add(feature.weight, `${feature.header}: ${feature.value} in the request`, feature.why, 'request');
    if (s.mentions.transferCoding && feature.header === 'Transfer-Encoding')
      t.add(3, `"${s.mentions.transferCoding}" in the response`, 'the refusal names the transfer coding');
    const f = author.fingerprint?.fingerprint;
    if (
      f &&
      author.template &&
      feature.header === 'Transfer-Encoding' &&
      f.own501.includes('transfer-coding') &&
      !s.mentions.methodRejection
    ) {
      t.add(
        1,
        author.evidence[0]?.observed ?? f.name,
        `${f.name} answers 501 itself to a transfer coding it does not implement, before any handler runs`,
      );
    }
    if (s.appError)
      t.add(
        -3,
        'a JSON error object from the application',
        "the application's own handler answered: the request's framing got through",
      );
    else if (author.kind === 'framework')
      t.add(
        -2,
        author.evidence[0]?.observed ?? 'a framework error format',
        'application code answered, after the framing was accepted',
      );
    if (s.mentions.methodRejection)
      t.add(
        s.mentions.methodNamed ? -2.5 : -1,
        `"${s.mentions.methodRejection}"`,
        'the refusal is about the method, not the framing',
      );
    if (p) {
      const without = p.byKind['without-feature'];
      if (without?.status !== null && without?.status !== undefined) {
        if (without.status !== 501)
          t.add(
            3,
            `the same request without ${feature.header}: ${statusLine(without)}`,
            `without ${feature.header} the request is accepted: the feature is the cause`,
            probeSource(without.id),
          );
        else
          t.add(
            without.sameAsOriginal ? -3 : -1.5,
            `the same request without ${feature.header}: 501 again`,
            'the 501 does not depend on the feature',
            probeSource(without.id),
          );
      }
    }
  }
  const steps: NextStep[] = [];
  if (feature?.header === 'Transfer-Encoding') {
    steps.push({
      title: 'Drop the transfer coding',
      detail:
        'Send the body with Content-Length (or chunked only); compress the payload with Content-Encoding instead if that was the intent.',
      action: { kind: 'retry-without-header', name: 'Transfer-Encoding' },
    });
  } else if (feature?.header === 'Expect' || feature?.header === 'Upgrade') {
    steps.push({
      title: `Send the request without ${feature.header}`,
      detail: `The server does not implement ${feature.header}: ${feature.value}.`,
      action: { kind: 'retry-without-header', name: feature.header },
    });
  } else if (feature?.header === 'HTTP version') {
    steps.push({
      title: 'Use HTTP/1.1',
      detail: `${feature.value} in a request line is not something this server speaks; HTTP/2 and HTTP/3 are negotiated (ALPN), not typed.`,
    });
  }
  return {
    cause: 'protocol-feature',
    points: feature ? t.points : 0,
    evidence: t.evidence,
    against: t.against,
    ref: feature?.ref ?? 'RFC 9112 §6.1',
    summary: feature
      ? `The server does not implement a protocol feature the request uses: ${feature.header}: ${feature.value}.`
      : 'The request uses no unusual protocol feature.',
    settle: feature
      ? `Send the same request without ${feature.header}: if it is accepted, the feature is the cause.`
      : undefined,
    nextSteps: [...steps, reportToOwner, doNotRetry],
  };
}
