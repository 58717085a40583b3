/** One bar per hop: DNS, connect, TLS, send, wait (first byte), download. Absent phases are skipped. */
import { formatMs, timingPhases } from '../../app/common/exchange';
import type { Hop } from '../../app/contract/exchange';

const LABELS = { dns: 'DNS', connect: 'TCP connect', tls: 'TLS', send: 'Request sent', wait: 'Waiting (first byte)', download: 'Download' } as const;

export function TimingBar({ hop }: { hop: Hop }) {
  const spans = timingPhases(hop.timings);
  const total = hop.timings.end ?? spans.reduce((n, s) => n + s.duration, 0);
  return (
    <figure className="timing" aria-label={`Timings for ${hop.url}`}>
      <div className="timing-bar">
        {spans.map((s) => (
          <span key={s.phase} className={`phase-${s.phase}`} style={{ left: `${(s.start / (total || 1)) * 100}%`, width: `${Math.max(0.5, (s.duration / (total || 1)) * 100)}%` }} title={`${LABELS[s.phase]}: ${formatMs(s.duration)}`} />
        ))}
      </div>
      <table className="timing-table">
        <tbody>
          {spans.map((s) => (
            <tr key={s.phase}>
              <td>
                <i className={`swatch phase-${s.phase}`} /> {LABELS[s.phase]}
              </td>
              <td className="num">{formatMs(s.duration)}</td>
            </tr>
          ))}
          <tr className="total">
            <td>Total</td>
            <td className="num">{formatMs(total)}</td>
          </tr>
        </tbody>
      </table>
      {hop.timings.dnsDone === undefined && <figcaption className="hint">No DNS phase: the URL names an IP address.</figcaption>}
    </figure>
  );
}
