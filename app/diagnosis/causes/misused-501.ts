/**
 * misused-501: the server uses 501 for what is really a runtime failure (a stack trace, a database
 * error, an answer that comes and goes). 501 promises a lasting lack of support; a failure belongs to
 * 500 or 503 (RFC 9110 §15.6.1, §15.6.4).
 */
import { fromCache, repeatOf, statusLine } from '../probe-analysis';
import { reportToOwner } from './steps';
import { probeSource, Tally, type CauseInput, type CauseScore } from './tally';

const STACK =
  /Traceback \(most recent call last\)|\bat [\w$.]+\([\w$]+\.(java|kt|scala):\d+\)|\bat [\w$.<>]+ \(.*:\d+:\d+\)|Exception Report/;

export function scoreMisused501({ s, p }: CauseInput): CauseScore {
  const t = new Tally();
  const failure = s.mentions.runtimeFailure;
  if (failure) {
    // The error line ("TypeError: …") often comes before the frames: look for a frame in the whole body.
    const frame = STACK.exec(failure) ?? STACK.exec(s.bodyVisible);
    if (frame)
      t.add(
        4,
        `"${failure}"${frame[0] === failure ? '' : ` … "${frame[0].slice(0, 120)}"`}`,
        'a stack trace: code crashed; that is a 500, not a lasting "not implemented"',
      );
    else t.add(2.5, `"${failure}"`, 'the message describes a runtime failure, not missing functionality');
  }
  const retry = p ? repeatOf(s.method, p) : undefined;
  if (retry?.status !== null && retry?.status !== undefined && retry.status !== 501 && !fromCache(s)) {
    t.add(
      3,
      `the same request again: ${statusLine(retry)}`,
      'the 501 comes and goes, with no cache on the path: not a lasting lack of support',
      probeSource(retry.id),
    );
  }
  return {
    cause: 'misused-501',
    points: t.points,
    evidence: t.evidence,
    against: t.against,
    ref: 'RFC 9110 §15.6.1',
    summary: 'The server appears to use 501 for a runtime failure; 500 or 503 would be the honest status.',
    settle:
      'Send the same request again after a moment: a different status means the 501 was a failure, not a lack of support.',
    nextSteps: [
      {
        title: 'Retry later, with backoff',
        detail: 'If this is a runtime failure, it may pass; a real 501 would not (RFC 9110 §15.6.2).',
      },
      reportToOwner,
    ],
  };
}
