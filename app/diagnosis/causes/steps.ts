/**
 * Next steps shared by several causes. Each is concrete, and carries a machine-readable action where a
 * UI button fits (NextAction in app/contract/diagnosis-ops.ts).
 */
import type { NextStep } from '../../contract/diagnosis-ops';
import type { ProbeObservations } from '../probe-analysis';
import type { PassiveSignals } from '../signals';

export const doNotRetry: NextStep = {
  title: 'Do not retry automatically',
  detail:
    '501 is a lasting condition, not a hiccup, and heuristically cacheable (RFC 9110 §15.6.2): repeating the same request gets the same answer. Change the request or the server, not the timing.',
};

export const reportToOwner: NextStep = {
  title: 'Report it to the API owner with this exchange attached',
  detail:
    'Copy the ready-made report (finding, evidence and the raw request and response) and send it to whoever runs the API.',
  action: { kind: 'copy-report' },
};

export function docsStep(s: PassiveSignals): NextStep[] {
  const url = s.appError?.documentationUrl;
  if (!url) return [];
  return [
    {
      title: 'Read the documentation the response names',
      detail: `The error body points to ${url}.`,
      action: { kind: 'open-url', url },
    },
  ];
}

/** Methods the server says it supports: Allow on the response, the body's list, or OPTIONS. */
export function knownMethods(
  s: PassiveSignals,
  p: ProbeObservations | null,
): { methods: string[]; from: string } | null {
  if (s.allow && s.allow.length > 0) return { methods: s.allow, from: 'the Allow header of the response' };
  if (s.appError?.supportedMethods)
    return { methods: s.appError.supportedMethods, from: 'the supported methods the error body lists' };
  const opt = p?.byKind['options-target']?.signals?.allow;
  if (opt && opt.length > 0) return { methods: opt, from: 'Allow on the OPTIONS probe' };
  return null;
}

export function useAllowedMethodSteps(s: PassiveSignals, p: ProbeObservations | null): NextStep[] {
  const known = knownMethods(s, p);
  if (!known) return [];
  const candidates = known.methods
    .filter((m) => m !== s.method && m !== 'OPTIONS' && m !== 'HEAD')
    .slice(0, 3);
  return candidates.map((method) => ({
    title: `Use ${method}`,
    detail: `${method} is listed in ${known.from} (${known.methods.join(', ')}).`,
    action: { kind: 'retry-with-method', method },
  }));
}

export function hasProtocolFeature(s: PassiveSignals): boolean {
  const f = s.features;
  return (
    f.unusualTransferEncoding !== null || f.unusualExpect !== null || f.upgrade !== null || f.unusualVersion
  );
}
