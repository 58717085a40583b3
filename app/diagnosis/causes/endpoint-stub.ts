/**
 * endpoint-stub: the application routes this endpoint but answers 501 by design (a placeholder, a
 * feature flag, a retired version). Signs: the application's own body says "not implemented", the
 * framework would never 501 by itself, GET fails too, the same method works on another path.
 */
import { fromCache, repeatOf, statusLine } from '../probe-analysis';
import { docsStep, doNotRetry, hasProtocolFeature, reportToOwner, useAllowedMethodSteps } from './steps';
import { probeSource, Tally, type CauseInput, type CauseScore } from './tally';

export function scoreEndpointStub({ s, p }: CauseInput): CauseScore {
  const t = new Tally();
  const app = s.appError;
  const feature = hasProtocolFeature(s);
  const author = s.author;
  if (app) {
    const what = `a JSON error object${app.code ? ` "${app.code}"` : ''}${app.message ? `: "${app.message.slice(0, 100)}"` : ''}`;
    if (app.saysNotImplemented)
      t.add(
        3,
        what,
        "the application's own handler says this operation is not implemented: a placeholder for this endpoint",
      );
    else
      t.add(
        2,
        what,
        "the application's own handler answered 501, so the request reached code routed for this endpoint",
      );
    if (app.plannedForVersion)
      t.add(
        1,
        `planned_for_version: ${app.plannedForVersion}`,
        'the endpoint is announced for a later version: not built yet',
      );
    if (app.documentationUrl)
      t.add(
        0.5,
        `documentation_url: ${app.documentationUrl}`,
        'the application documents this answer: a deliberate 501',
      );
  }
  if (s.mentions.stubPhrase)
    t.add(
      1,
      `"${s.mentions.stubPhrase}"`,
      'placeholder wording: the feature is planned or retired, not missing from the server',
    );
  const f =
    author.fingerprint?.fingerprint ??
    (author.kind === 'framework' ? author.identity?.fingerprint : undefined);
  if (author.kind === 'framework' && f) {
    if (f.own501.every((r) => r === 'app')) {
      t.add(
        2.5,
        author.evidence[0]?.observed ?? f.name,
        `${f.name} answers unknown methods with 404 or 405 by itself, never 501: application code raised this 501 for the endpoint`,
      );
    } else if (f.own501.includes('app')) {
      t.add(
        1,
        author.evidence[0]?.observed ?? f.name,
        `${f.name} only answers 501 itself in narrow cases; more often application code raised it`,
      );
    }
  }
  if (s.bareStatusText && !author.template)
    t.add(
      1.5,
      `body "${s.bodyVisible}"`,
      'a bare status text is what a handler sends with res.sendStatus(501) or equivalent: the endpoint chose 501',
    );
  if (s.bodyEmpty && !app && /json/i.test(s.mediaType))
    t.add(
      1.5,
      `no body, Content-Type: ${s.mediaType}`,
      "the 501 head is an application's (a server error page is HTML or text)",
    );
  if (author.template && author.kind === 'server' && !s.mentions.methodRejection && !feature) {
    t.add(
      1.5,
      author.evidence[0]?.observed ?? 'a server error page',
      "the server's generic 501 page without a method complaint: a handler asked for it (send_error(501), sendError(501))",
    );
  }
  if (s.methodFacts.mustBeSupported && !feature) {
    t.add(
      1.5,
      `501 to ${s.method}`,
      `every general-purpose server must support GET and HEAD (RFC 9110 §9.1): the server implements ${s.method}, this resource refuses it`,
    );
  }
  if (s.mentions.endpointScope && (app !== null || !author.template))
    t.add(0.5, `"${s.mentions.endpointScope}"`, 'the message is about this resource, not the whole server');
  if (s.mentions.methodRejection && !app)
    t.add(-1.5, `"${s.mentions.methodRejection}"`, 'the message complains about the method itself');
  if (s.mentions.serverScope && !app)
    t.add(-1.5, `"${s.mentions.serverScope}"`, 'the refusal is stated as server-wide');
  if (author.kind === 'proxy')
    t.add(
      -3,
      author.evidence[0]?.observed ?? 'a proxy error page',
      'a proxy wrote the 501: the endpoint may never have been reached',
    );

  if (p) {
    const control = p.byKind['control-get'] ?? p.byKind['control-head'];
    if (control?.signals && control.method !== s.method) {
      if (control.status === 501) {
        // A 501 to the control out of the same cache is the same stored answer, not a second opinion.
        const cached = fromCache(control.signals);
        t.add(
          cached ? 1 : control.sameAsOriginal ? 3 : 2.5,
          `${control.method} on the same URL: ${statusLine(control)}${cached ? ' (from a cache)' : ''}`,
          `the endpoint refuses ${control.method} too, which every server implements: the endpoint itself is the stub`,
          probeSource(control.id),
        );
      }
    }
    // A stub answers 501 every time; the same request answered otherwise is stale (cached) or intermittent.
    const again = repeatOf(s.method, p);
    if (again?.status !== null && again?.status !== undefined && again.status !== 501)
      t.add(
        -4,
        `the same request again: ${statusLine(again)}`,
        fromCache(s)
          ? 'the origin implements the endpoint today: the stored 501 is stale, not a stub'
          : 'the 501 comes and goes: a stub would answer 501 every time',
        probeSource(again.id),
      );
    const sib = p.byKind['sibling-path'];
    if (sib?.signals) {
      if (sib.sameAsOriginal)
        t.add(
          -2.5,
          `${s.method} on a sibling path: the same 501`,
          'the same answer elsewhere: not specific to this endpoint',
          probeSource(sib.id),
        );
      else if (sib.status === 501)
        t.add(
          1.5,
          `${s.method} on a sibling path: a different 501`,
          "the server's answer elsewhere differs from this endpoint's: this endpoint's 501 is its own",
          probeSource(sib.id),
        );
      else
        t.add(
          3.5,
          `${s.method} on a sibling path: ${statusLine(sib)}`,
          `the server handles ${s.method} elsewhere (routes it, answers ${sib.status}): only this endpoint answers 501`,
          probeSource(sib.id),
        );
    }
    const allow = p.byKind['options-target']?.signals?.allow;
    const optId = p.byKind['options-target']?.id;
    if (allow && optId && allow.includes(s.method))
      t.add(
        1.5,
        `OPTIONS lists ${s.method} in Allow`,
        'the resource claims the method, yet answers 501: a placeholder',
        probeSource(optId),
      );
  }
  return {
    cause: 'endpoint-stub',
    points: t.points,
    evidence: t.evidence,
    against: t.against,
    ref: 'RFC 9110 §15.6.2',
    summary: `This endpoint answers 501 by design (a placeholder, a feature flag or a retired version); the server itself handles ${s.method}.`,
    settle:
      `Send GET to the same URL and ${s.method} to another path of the same API: 501 on both GET here and nowhere else means a stub; ` +
      `the same 501 everywhere means the server does not implement ${s.method}.`,
    nextSteps: [
      ...docsStep(s),
      ...(app?.plannedForVersion
        ? [
            {
              title: `Wait for version ${app.plannedForVersion}`,
              detail: 'The response says when the endpoint is planned.',
            },
          ]
        : []),
      ...useAllowedMethodSteps(s, p),
      {
        title: 'Look for the implemented version of this endpoint',
        detail:
          'Stubs often sit next to a working older version (/v1/ beside /v2/); the message or the documentation usually names it.',
      },
      reportToOwner,
      doNotRetry,
    ],
  };
}
