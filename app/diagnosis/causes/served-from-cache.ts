/**
 * served-from-cache: the 501 came from a cache. 501 is heuristically cacheable (RFC 9110 §15.6.2,
 * RFC 9111 §4.2.2), so a cache may keep serving it after the origin has been fixed.
 */
import { statusLine } from '../probe-analysis';
import { doNotRetry, reportToOwner } from './steps';
import { probeSource, Tally, type CauseInput, type CauseScore } from './tally';

export function scoreServedFromCache({ s, p }: CauseInput): CauseScore {
  const t = new Tally();
  const c = s.cache;
  if (c.hit) t.add(3, c.hit, 'a cache on the path served this response from storage');
  if (c.age !== null && c.age > 0)
    t.add(2, `Age: ${c.age}`, `the response has been stored in a cache for ${c.age} s (RFC 9111 §5.1)`);
  if (c.miss && !c.hit) t.add(-2, c.miss, 'the cache says it fetched this response from upstream');
  if (p && t.points > 0) {
    const bypass = p.byKind['cache-bypass'];
    if (bypass?.status !== null && bypass?.status !== undefined) {
      if (bypass.status !== 501)
        t.add(
          4,
          `the same request with Cache-Control: no-cache: ${statusLine(bypass)}`,
          'the origin no longer answers 501: the cached 501 is stale',
          probeSource(bypass.id),
        );
      else
        t.add(
          -1,
          'the same request with Cache-Control: no-cache: 501 again',
          'the origin answers 501 too; the cache only repeats it',
          probeSource(bypass.id),
        );
    }
  }
  return {
    cause: 'served-from-cache',
    points: t.points,
    evidence: t.evidence,
    against: t.against,
    ref: 'RFC 9111 §4.2.2',
    summary: 'A cache served this 501 (501 is heuristically cacheable, RFC 9110 §15.6.2); it may be stale.',
    settle:
      'Send the request again with Cache-Control: no-cache: a different answer means the cached 501 is stale.',
    nextSteps: [
      {
        title: 'Bypass the cache',
        detail:
          'Send the request again with Cache-Control: no-cache so the cache revalidates with the origin (RFC 9111 §5.2.1.4).',
        action: { kind: 'retry-with-header', name: 'Cache-Control', value: 'no-cache' },
      },
      {
        title: 'Purge the cached 501',
        detail:
          'Ask whoever runs the cache (CDN, reverse proxy) to purge this URL, and to stop caching error responses (Cache-Control: no-store on 501s).',
      },
      reportToOwner,
      doNotRetry,
    ],
  };
}
