/**
 * method-unsupported: the server does not implement the method for any resource (RFC 9110 §9.1,
 * §15.6.2). Signs: the refusal names the method ("Unsupported method ('PUT')"), Allow omits it, the
 * token is not a registered method, and the same method gets the same 501 on another path.
 */
import { statusLine } from '../probe-analysis';
import { doNotRetry, hasProtocolFeature, knownMethods, reportToOwner, useAllowedMethodSteps } from './steps';
import { probeSource, Tally, type CauseInput, type CauseScore } from './tally';

export function scoreMethodUnsupported({ s, p }: CauseInput): CauseScore {
  const t = new Tally();
  const author = s.author;
  const m = s.method;
  if (s.mentions.methodRejection) {
    const inReason = s.reason.includes(s.mentions.methodRejection);
    t.add(
      inReason ? 4 : 3,
      `${inReason ? 'reason phrase' : 'body'} "${s.mentions.methodRejection}"`,
      `the server says it does not support the method ${m}`,
    );
    const f = author.fingerprint?.fingerprint;
    if (f && f.own501.includes('method'))
      t.add(
        1,
        author.evidence[0]?.observed ?? f.name,
        `${f.name} writes this page when no handler implements the method`,
      );
  }
  if (s.mentions.serverScope)
    t.add(1, `"${s.mentions.serverScope}"`, 'the refusal is stated for the whole server, not this resource');
  if (s.allow) {
    if (!s.allow.includes(m))
      t.add(
        1.5,
        `Allow: ${s.allow.join(', ')}`,
        `the server lists the methods it supports here, and ${m} is not one (RFC 9110 §10.2.1)`,
      );
    else t.add(-1, `Allow: ${s.allow.join(', ')}`, `${m} is listed as supported`);
  }
  if (s.appError?.supportedMethods && !s.appError.supportedMethods.includes(m)) {
    t.add(
      0.5,
      `supported methods in the body: ${s.appError.supportedMethods.join(', ')}`,
      `${m} is not among them`,
    );
  }
  if (!s.methodFacts.registered) {
    const caseOnly = s.methodFacts.suggestions[0]?.kind === 'case';
    t.add(
      caseOnly ? 2 : 1.5,
      `method "${m}"`,
      caseOnly
        ? `"${m}" is not a registered method (tokens are case-sensitive, RFC 9110 §9.1); a server that does not know a token answers 501 for every resource`
        : `"${m}" is not in the IANA method registry; a server that does not know a method answers 501 for every resource (RFC 9110 §15.6.2)`,
      'request',
    );
  }
  if (s.methodFacts.mustBeSupported)
    t.add(
      -3,
      `501 to ${m}`,
      `every general-purpose server must support ${m} (RFC 9110 §9.1): the server implements it`,
      'request',
    );
  if (s.appError)
    t.add(
      -0.5,
      'a JSON error object from the application',
      'the request reached application code, so the server routed the method',
    );
  if (s.bareStatusText && !author.template)
    t.add(-0.5, `body "${s.bodyVisible}"`, "a bare status text is usually a handler's choice");
  const fw =
    author.kind === 'framework'
      ? (author.fingerprint?.fingerprint ?? author.identity?.fingerprint)
      : undefined;
  if (fw && fw.own501.every((r) => r === 'app'))
    t.add(-2, fw.name, `${fw.name} does not answer unknown methods with 501`);
  if (author.kind === 'proxy')
    t.add(
      -2,
      author.evidence[0]?.observed ?? 'a proxy error page',
      'a proxy refused it; the origin may support the method',
    );
  if (hasProtocolFeature(s) && !s.mentions.methodRejection)
    t.add(
      -1,
      'the request uses an unusual protocol feature',
      'the 501 may be about that feature rather than the method',
      'request',
    );

  if (p) {
    const sib = p.byKind['sibling-path'];
    if (sib?.signals) {
      if (sib.sameAsOriginal)
        t.add(
          3,
          `${m} on a sibling path: the same 501`,
          'the method gets the same refusal elsewhere: the gap is server-wide',
          probeSource(sib.id),
        );
      else if (sib.status === 501)
        t.add(
          1,
          `${m} on a sibling path: 501 (a different body)`,
          'the method is refused elsewhere too',
          probeSource(sib.id),
        );
      else
        t.add(
          -5,
          `${m} on a sibling path: ${statusLine(sib)}`,
          `the server handles ${m} on other paths, so it does implement the method`,
          probeSource(sib.id),
        );
    }
    const upper = p.byKind['method-upper'];
    if (upper?.status !== null && upper?.status !== undefined && upper.status !== 501)
      t.add(
        -4,
        `${upper.method} on the same URL: ${statusLine(upper)}`,
        `the server implements ${upper.method}; what it refuses is only the spelling "${m}" (method-spelling)`,
        probeSource(upper.id),
      );
    const control = p.byKind['control-get'] ?? p.byKind['control-head'];
    if (control?.status !== null && control?.status !== undefined && control.method !== m) {
      if (control.status === 501)
        t.add(
          -2,
          `${control.method} on the same URL: 501 too`,
          'the endpoint refuses even GET: the endpoint, not the method, is the problem',
          probeSource(control.id),
        );
      else if (control.status < 400)
        t.add(
          0.5,
          `${control.method} on the same URL: ${statusLine(control)}`,
          'the resource is there and answers other methods: the method is what fails',
          probeSource(control.id),
        );
    }
    for (const kind of ['options-target', 'options-star'] as const) {
      const o = p.byKind[kind];
      const allow = o?.signals?.allow;
      if (o && allow && allow.length > 0) {
        if (allow.includes(m))
          t.add(
            -1.5,
            `OPTIONS ${kind === 'options-star' ? '*' : 'on the URL'}: Allow: ${allow.join(', ')}`,
            `${m} is advertised`,
            probeSource(o.id),
          );
        else
          t.add(
            kind === 'options-star' ? 0.5 : 1,
            `OPTIONS ${kind === 'options-star' ? '*' : 'on the URL'}: Allow: ${allow.join(', ')}`,
            `${m} is not among the methods advertised`,
            probeSource(o.id),
          );
      }
    }
  }
  const known = knownMethods(s, p);
  return {
    cause: 'method-unsupported',
    points: t.points,
    evidence: t.evidence,
    against: t.against,
    ref: 'RFC 9110 §9.1',
    summary: `The server does not implement the method ${m} for any resource (RFC 9110 §15.6.2); 405 would mean it knows the method but not here.`,
    settle: `Send ${m} to another path of the same server: the same 501 there confirms a server-wide gap; a different answer means only this endpoint refuses it.`,
    nextSteps: [
      ...useAllowedMethodSteps(s, p),
      ...(known
        ? []
        : [
            {
              title: 'Ask the server which methods it supports',
              detail: 'Send OPTIONS to the URL; the Allow header of the answer lists them (RFC 9110 §9.3.7).',
            },
          ]),
      {
        title: 'Use a server or module that implements the method',
        detail: `If ${m} is what the API needs (WebDAV methods, QUERY), the server must enable the module that handles it; the client cannot.`,
      },
      reportToOwner,
      doNotRetry,
    ],
  };
}
