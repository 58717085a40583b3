/**
 * method-spelling: the method differs from a registered one only by case or a typo (`patch`, `DELTE`).
 * Method tokens are case-sensitive (RFC 9110 §9.1), so the server saw a method it does not know.
 */
import { statusLine } from '../probe-analysis';
import { doNotRetry } from './steps';
import { probeSource, Tally, type CauseInput, type CauseScore } from './tally';

export function scoreMethodSpelling({ s, p }: CauseInput): CauseScore {
  const t = new Tally();
  const best = s.methodFacts.suggestions[0];
  const m = s.method;
  if (best) {
    if (best.kind === 'case')
      t.add(
        3,
        `method "${m}"`,
        `"${m}" is ${best.method} in the wrong case; method names are case-sensitive (RFC 9110 §9.1), so the server saw an unknown method`,
        'request',
      );
    else
      t.add(
        best.distance <= 1 ? 2.5 : 1.5,
        `method "${m}"`,
        `"${m}" is not registered and is ${best.distance} edit${best.distance > 1 ? 's' : ''} from ${best.method}`,
        'request',
      );
    const a = s.author;
    if ((a.kind === 'application' || a.kind === 'framework') && a.confidence === 'high') {
      t.add(
        -1.5,
        a.evidence[0]?.observed ?? 'the application answered',
        'application code answered, so the server let the token through: the spelling may not be what failed',
      );
    }
    if (s.allow?.includes(best.method))
      t.add(1, `Allow: ${s.allow.join(', ')}`, `${best.method} is supported here`);
    const upper = p?.byKind['method-upper'];
    if (upper?.status !== null && upper?.status !== undefined) {
      // Decisive: the server implements the method under its registered spelling, so what it lacks is
      // only the misspelt token; method-unsupported takes the same probe as evidence against itself.
      if (upper.status !== 501)
        t.add(
          4,
          `${upper.method} on the same URL: ${statusLine(upper)}`,
          `the corrected method is handled: the server implements ${upper.method}, only the spelling "${m}" was wrong`,
          probeSource(upper.id),
        );
      else
        t.add(
          -2,
          `${upper.method} on the same URL: 501 too`,
          'the corrected method is refused as well: spelling is not the (only) cause',
          probeSource(upper.id),
        );
    }
  }
  return {
    cause: 'method-spelling',
    points: best ? t.points : 0,
    evidence: t.evidence,
    against: t.against,
    ref: 'RFC 9110 §9.1',
    summary: best
      ? `The method "${m}" is not registered; it differs from ${best.method} only by ${best.kind === 'case' ? 'letter case' : 'a typo'}.`
      : `The method "${m}" is spelled as registered.`,
    settle: best ? `Send ${best.method} instead: if it is accepted, the spelling was the cause.` : undefined,
    nextSteps: best
      ? [
          {
            title: `Send ${best.method}`,
            detail: `Method tokens are case-sensitive (RFC 9110 §9.1); "${m}" is not ${best.method}.`,
            action: { kind: 'retry-with-method', method: best.method },
          },
          doNotRetry,
        ]
      : [],
  };
}
