/**
 * Plans the active probes for a 501: which requests to send, each with its reason. Safe methods
 * (GET, HEAD, OPTIONS) always; the original (unsafe) method, or a corrected unsafe one, only with
 * explicit consent. At most 8 probes, none following redirects (maxRedirects 0). When the original
 * was sent raw, the probes are raw too, derived from its bytes.
 */
import { randomBytes } from 'node:crypto';
import type { OriginalRequest, ProbeKind, ProbeOptions, SkippedProbe } from '../contract/diagnosis-ops';
import {
  requestSpecSchema,
  type HeaderPair,
  type RawRequest,
  type RequestBody,
  type RequestSpec,
} from '../contract/exchange';
import { suspectFeature } from './causes/protocol-feature';
import type { PassiveSignals } from './signals';

export const MAX_PROBES = 8;

export type ProbeSend =
  | { mode: 'client'; spec: RequestSpec }
  | { mode: 'raw'; raw: RawRequest; method: string; url: string; target: string };

export interface PlannedProbe {
  id: string;
  kind: ProbeKind;
  why: string;
  method: string;
  send: ProbeSend;
}

export interface ProbePlan {
  probes: PlannedProbe[];
  skipped: SkippedProbe[];
}

/** Framing and hop-by-hop fields a derived request must not copy (RFC 9110 §7.6.1, RFC 9112 §6). */
const NOT_COPIED = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'te',
  'upgrade',
  'expect',
  'proxy-connection',
  'max-forwards',
]);
const BODY_FIELDS = new Set([
  'content-type',
  'content-encoding',
  'content-language',
  'content-md5',
  'digest',
  'content-digest',
]);

interface Base {
  /** The resource the original request was about (its path and query are the probes' target). */
  url: URL;
  /** Where to connect: scheme, host and port (raw mode: the original RawRequest.target's origin). */
  connect: string;
  /** The Host header the original sent (raw mode), else the URL's host. */
  host: string;
  /** Raw mode: the original used absolute-form (a request to a forward proxy, RFC 9112 §3.2.2). */
  absoluteForm: boolean;
  method: string;
  /** End-to-end headers worth keeping (Authorization, Cookie, Accept, …), in order. */
  headers: HeaderPair[];
  /** Spec mode: the original body. Raw mode: the original body bytes. */
  body: RequestBody;
  rawBody: Buffer;
  /** Raw mode: the original's framing fields (Transfer-Encoding, Content-Length, Expect, Upgrade), for "the same request". */
  framing: HeaderPair[];
  raw: boolean;
  timeoutMs: number;
  rejectUnauthorized: boolean;
}

function splitRaw(bytes: Buffer): { head: string; body: Buffer } {
  const text = bytes.toString('latin1');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { head: text, body: Buffer.alloc(0) };
  return { head: text.slice(0, end), body: bytes.subarray(end + 4) };
}

function baseOf(s: PassiveSignals, original: OriginalRequest, opts: ProbeOptions): Base {
  if (original.kind === 'spec') {
    const r = original.request;
    const url = new URL(r.url);
    return {
      url,
      connect: url.origin,
      host: url.host,
      absoluteForm: false,
      method: r.method,
      headers: r.headers.filter(([n]) => !NOT_COPIED.has(n.toLowerCase())),
      body: r.body,
      rawBody: Buffer.alloc(0),
      framing: [],
      raw: false,
      timeoutMs: opts.timeoutMs,
      rejectUnauthorized: r.options.rejectUnauthorized,
    };
  }
  const { head, body } = splitRaw(Buffer.from(original.request.bytesBase64, 'base64'));
  const lines = head.split('\r\n');
  const headers: HeaderPair[] = [];
  for (const line of lines.slice(1)) {
    const i = line.indexOf(':');
    if (i > 0) headers.push([line.slice(0, i).trim(), line.slice(i + 1).trim()]);
  }
  // RawRequest.target only says where to connect (its path is ignored), so the resource comes from the
  // request line the bytes carry, and the Host from their Host field (RFC 9112 §3.2).
  const connect = new URL(original.request.target).origin;
  const requestTarget = /^\S+ (\S+)/.exec(lines[0] ?? '')?.[1] ?? '/';
  const absoluteForm = /^https?:\/\//i.test(requestTarget);
  let url: URL;
  try {
    url = absoluteForm
      ? new URL(requestTarget)
      : new URL(
          requestTarget.startsWith('/') && !requestTarget.startsWith('//') ? requestTarget : '/',
          connect,
        );
  } catch {
    url = new URL(s.url);
  }
  const hostField = headers.find(([n]) => n.toLowerCase() === 'host')?.[1];
  return {
    url,
    connect,
    host: hostField ?? url.host,
    absoluteForm,
    method: s.method,
    headers: headers.filter(([n]) => !NOT_COPIED.has(n.toLowerCase())),
    body: { kind: 'none' },
    rawBody: body,
    framing: headers.filter(([n]) =>
      ['transfer-encoding', 'content-length', 'expect', 'upgrade'].includes(n.toLowerCase()),
    ),
    raw: true,
    timeoutMs: opts.timeoutMs,
    rejectUnauthorized: original.request.rejectUnauthorized,
  };
}

function withoutBodyFields(headers: HeaderPair[]): HeaderPair[] {
  return headers.filter(([n]) => !BODY_FIELDS.has(n.toLowerCase()));
}

interface Shape {
  method: string;
  /** Request target: a path (with query) or `*`. */
  target: string;
  headers: HeaderPair[];
  withBody: boolean;
  /** Raw mode: repeat the original's framing and body bytes exactly ("the same request"). */
  sameFraming?: boolean;
  /** Raw mode: the request-line version. */
  version?: string;
}

function build(b: Base, shape: Shape): ProbeSend {
  const url = shape.target === '*' ? new URL('/', b.url) : new URL(shape.target, b.url);
  if (b.raw || shape.target === '*') {
    const same = shape.sameFraming === true && b.raw;
    const body = (shape.withBody || same) && b.raw ? b.rawBody : Buffer.alloc(0);
    const requestTarget = b.absoluteForm && shape.target !== '*' ? url.href : shape.target;
    const lines = [
      `${shape.method} ${requestTarget} ${shape.version ?? 'HTTP/1.1'}`,
      `Host: ${b.host}`,
      ...shape.headers.map(([n, v]) => `${n}: ${v}`),
    ];
    if (same) lines.push(...b.framing.map(([n, v]) => `${n}: ${v}`));
    else if (body.length > 0 || (shape.withBody && !['GET', 'HEAD', 'OPTIONS'].includes(shape.method)))
      lines.push(`Content-Length: ${body.length}`);
    lines.push('Connection: close');
    const bytes = Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
    return {
      mode: 'raw',
      method: shape.method,
      url: shape.target === '*' ? b.url.origin : url.href,
      target: requestTarget,
      raw: {
        target: b.connect,
        bytesBase64: bytes.toString('base64'),
        timeoutMs: b.timeoutMs,
        rejectUnauthorized: b.rejectUnauthorized,
      },
    };
  }
  return {
    mode: 'client',
    spec: requestSpecSchema.parse({
      method: shape.method,
      url: url.href,
      headers: shape.headers,
      body: shape.withBody ? b.body : { kind: 'none' },
      options: {
        maxRedirects: 0,
        totalTimeoutMs: b.timeoutMs,
        connectTimeoutMs: b.timeoutMs,
        headersTimeoutMs: b.timeoutMs,
        bodyTimeoutMs: b.timeoutMs,
        rejectUnauthorized: b.rejectUnauthorized,
      },
    }),
  };
}

function siblingTarget(url: URL): string {
  const token = `statuscope-probe-${randomBytes(4).toString('hex')}`;
  const path = url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  const cut = path.lastIndexOf('/');
  return `${cut >= 0 ? path.slice(0, cut) : ''}/${token}`;
}

export function planProbes(s: PassiveSignals, original: OriginalRequest, opts: ProbeOptions): ProbePlan {
  const probes: PlannedProbe[] = [];
  const skipped: SkippedProbe[] = [];
  const b = baseOf(s, original, opts);
  const target = `${b.url.pathname}${b.url.search}`;
  const plain = withoutBodyFields(b.headers);
  const unsafeOk = s.methodFacts.safe || opts.allowUnsafe;
  const consent = `needs consent to send ${s.method} again (--allow-unsafe-probes)`;
  const add = (kind: ProbeKind, why: string, shape: Shape) =>
    probes.push({ id: kind, kind, why, method: shape.method, send: build(b, shape) });

  const control = s.method === 'GET' ? 'HEAD' : 'GET';
  add(
    s.method === 'GET' ? 'control-head' : 'control-get',
    `${control} on the same URL: learns who answers there (the origin's fingerprint) and whether the endpoint fails for every method`,
    { method: control, target, headers: plain, withBody: false },
  );
  if (s.method !== 'OPTIONS')
    add(
      'options-target',
      'OPTIONS on the same URL: the Allow header lists the methods the resource supports (RFC 9110 §9.3.7)',
      { method: 'OPTIONS', target, headers: plain, withBody: false },
    );
  else skipped.push({ kind: 'options-target', why: 'the original request was OPTIONS on this URL' });
  add(
    'options-star',
    'OPTIONS * asks the server itself (not a resource) what it supports (RFC 9110 §9.3.7)',
    { method: 'OPTIONS', target: '*', headers: [], withBody: false },
  );
  if (unsafeOk) {
    add(
      'sibling-path',
      `${s.method} on a random sibling path: the same 501 there means a server-wide gap, a different answer means this endpoint alone refuses`,
      {
        method: s.method,
        target: siblingTarget(b.url),
        headers: b.headers,
        withBody: true,
        sameFraming: true,
        version: s.features.version,
      },
    );
  } else skipped.push({ kind: 'sibling-path', why: `${s.method} on a sibling path ${consent}` });
  add(
    'max-forwards',
    'OPTIONS with Max-Forwards: 0: the first proxy that honours it answers itself (RFC 9110 §7.6.2), showing whether a hop sits in front',
    { method: 'OPTIONS', target, headers: [...plain, ['Max-Forwards', '0']], withBody: false },
  );

  const feature = suspectFeature(s);
  if (feature) {
    if (unsafeOk) {
      const drop = feature.header.toLowerCase();
      add(
        'without-feature',
        `the same request without ${feature.header}: ${feature.value}${feature.header === 'Transfer-Encoding' ? ' (and the body it framed)' : ''}: if it is accepted, the feature is the cause`,
        {
          method: s.method,
          target,
          headers: b.headers.filter(([n]) => n.toLowerCase() !== drop),
          withBody: feature.header !== 'Transfer-Encoding',
        },
      );
    } else skipped.push({ kind: 'without-feature', why: `retrying without ${feature.header} ${consent}` });
  }
  const best = s.methodFacts.suggestions[0];
  if (best) {
    if (best.entry.safe || opts.allowUnsafe)
      add(
        'method-upper',
        `${best.method} instead of "${s.method}" (${best.kind === 'case' ? 'upper-cased' : 'spelling corrected'}): method tokens are case-sensitive (RFC 9110 §9.1)`,
        { method: best.method, target, headers: b.headers, withBody: true },
      );
    else
      skipped.push({
        kind: 'method-upper',
        why: `${best.method} is not a safe method; sending it needs consent (--allow-unsafe-probes)`,
      });
  }
  if (unsafeOk) {
    add(
      'cache-bypass',
      'the same request with Cache-Control: no-cache: a different answer means a cache served a stale 501, or the 501 comes and goes',
      {
        method: s.method,
        target,
        headers: [...b.headers, ['Cache-Control', 'no-cache'], ['Pragma', 'no-cache']],
        withBody: true,
        sameFraming: true,
        version: s.features.version,
      },
    );
  } else skipped.push({ kind: 'cache-bypass', why: `a cache-bypassing retry ${consent}` });

  return {
    probes: probes.slice(0, MAX_PROBES),
    skipped: [
      ...skipped,
      ...probes
        .slice(MAX_PROBES)
        .map((p) => ({ kind: p.kind, why: `over the limit of ${MAX_PROBES} probes` })),
    ],
  };
}
