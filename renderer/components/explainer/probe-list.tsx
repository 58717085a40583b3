/** Probes: why each was sent, what came back, and its raw exchange on demand. */
import type { ProbeRecord, SkippedProbe } from '../../../app/contract/diagnosis-ops';
import { useExplainStore } from '../../stores/explain-store';

export function ProbeList({ probes, skipped }: { probes: ProbeRecord[]; skipped: SkippedProbe[] }) {
  const openId = useExplainStore((s) => s.openProbeId);
  const openProbe = useExplainStore((s) => s.openProbe);
  return (
    <div className="probes">
      <ol>
        {probes.map((p) => (
          <li key={p.id} id={`probe-${p.id}`} className={p.id === openId ? 'open' : ''}>
            <button type="button" className="probe-head" aria-expanded={p.id === openId} onClick={() => openProbe(p.id === openId ? undefined : p.id)}>
              <code>
                {p.request.method} {new URL(p.request.url).pathname}
              </code>
              <span className={`probe-status ${p.response ? `s${Math.floor(p.response.status / 100)}xx` : 'err'}`}>{p.response ? `${p.response.status} ${p.response.reason}` : (p.error?.code ?? 'no response')}</span>
              <span className="ms">{Math.round(p.ms)} ms</span>
            </button>
            <p className="why">{p.why}</p>
            {p.id === openId && (
              <div className="probe-raw" data-testid={`probe-raw-${p.id}`}>
                <pre className="wire">{p.rawRequest.replace(/\r?\n\r?\n$/, '')}</pre>
                <pre className="wire">{p.rawResponse ? p.rawResponse.replace(/\r?\n\r?\n$/, '') : p.error?.message}</pre>
                {p.response?.body && !p.rawResponse.includes(p.response.body.slice(0, 200)) && <pre className="wire body">{p.response.body.slice(0, 2000)}</pre>}
              </div>
            )}
          </li>
        ))}
      </ol>
      {skipped.length > 0 && (
        <details className="skipped">
          <summary>{skipped.length} probe(s) not sent</summary>
          <ul>
            {skipped.map((s) => (
              <li key={s.kind}>
                <code>{s.kind}</code>: {s.why}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
