/**
 * The explainer beside the response: a one-sentence verdict, the status explanation and lint, the hop
 * diagram, and for 501 the findings with evidence and next steps, plus the probes that back them.
 * Every word shown comes from app/diagnosis; this panel only lays it out.
 */
import { useEffect, useState } from 'react';
import { finalResponse } from '../../../app/common/exchange';
import type { Explanation } from '../../../app/contract/diagnosis-ops';
import { useExchangeStore } from '../../stores/exchange-store';
import { useExplainStore } from '../../stores/explain-store';
import { FindingCard } from './finding-card';
import { HopDiagram } from './hop-diagram';
import { ProbeList } from './probe-list';
import { runAction } from './actions';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH', 'REPORT', 'QUERY']);

function verdict(explanation: Explanation): string {
  const top = explanation.findings[0];
  const text = top ? top.summary : (explanation.status.meaning.split(/(?<=\.)\s/)[0] ?? explanation.status.meaning);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function StatusSection({ explanation }: { explanation: Explanation }) {
  const s = explanation.status;
  return (
    <section className="status-explained" aria-label="What the status means">
      <h3>
        {s.code} {s.registeredReason ?? '(unregistered)'} <span className="ref">{s.ref ?? ''}</span>
      </h3>
      <p>{s.meaning}</p>
      <dl className="facts">
        <dt>Class</dt>
        <dd>{s.statusClass}</dd>
        <dt>Cacheable by default</dt>
        <dd>{s.cacheableByDefault ? 'yes (heuristically, RFC 9110 §15.1)' : 'no'}</dd>
        <dt>Retry</dt>
        <dd>{s.retry.advice}</dd>
      </dl>
      {s.notes.map((n, i) => (
        <p key={i} className="notice">
          {n}
        </p>
      ))}
      {s.confusions.length > 0 && (
        <details>
          <summary>Often confused with</summary>
          <ul>
            {s.confusions.map((c) => (
              <li key={c.code}>
                <strong>{c.code}</strong>: {c.rule}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

export function ExplainerPanel() {
  const exchange = useExchangeStore((s) => (s.status === 'done' ? s.exchange : undefined));
  const sentSpec = useExchangeStore((s) => s.sentSpec);
  const sentRaw = useExchangeStore((s) => s.sentRaw);
  const st = useExplainStore();
  const [message, setMessage] = useState<string>();

  useEffect(() => {
    if (exchange && exchange.id !== st.exchangeId) void st.explain(exchange);
  }, [exchange?.id]);

  if (!exchange || !finalResponse(exchange)) return null;
  const explanation = st.explanation;
  const method = exchange.request.method;
  const unsafe = !SAFE.has(method);
  const probes = st.report?.probes ?? st.liveProbes;
  return (
    <aside className="explainer" aria-label="Explainer">
      {!explanation && !st.explainError && <p className="hint">Explaining…</p>}
      {st.explainError && (
        <p className="error-box" role="alert">
          {st.explainError.message}
        </p>
      )}
      {explanation && (
        <>
          <p className="verdict" data-testid="verdict">
            {verdict(explanation)}
          </p>
          <HopDiagram diagram={explanation.hops} />
          {explanation.findings.length > 0 && (
            <section aria-label="Findings" className="findings">
              <h3>Why 501: findings by confidence</h3>
              {explanation.findings.map((f, i) => (
                <FindingCard
                  key={`${f.cause}-${i}`}
                  finding={f}
                  rank={i}
                  reportText={explanation.reportText}
                />
              ))}
            </section>
          )}
          {finalResponse(exchange)?.status === 501 && (
            <section className="probe-control" aria-label="Probes">
              <h3>Probes</h3>
              <p className="hint">
                Run probes sends up to 8 more requests to {new URL(exchange.request.url).host}, each shown
                below with its reason and raw exchange: a control GET/HEAD of the same URL, OPTIONS on the URL
                and on *, Max-Forwards: 0, a cache-bypassing retry, a retry without the suspect protocol
                feature, the method upper-cased, and{' '}
                {unsafe
                  ? `${method} on a random sibling path (only if you allow it below)`
                  : `${method} on a random sibling path`}
                . No redirect is followed.
              </p>
              {unsafe && (
                <label>
                  <input
                    type="checkbox"
                    checked={st.allowUnsafe}
                    onChange={(e) => st.setAllowUnsafe(e.target.checked)}
                  />{' '}
                  Allow sending {method} (not a safe method) to another path of this server
                </label>
              )}
              <button
                type="button"
                className="primary"
                disabled={st.probeStatus === 'running'}
                onClick={() => void st.runProbes(exchange, sentSpec, sentRaw)}
              >
                {st.probeStatus === 'running'
                  ? `Probing… ${st.liveProbes.length}/${st.probeTotal || '?'}`
                  : st.probeStatus === 'done'
                    ? 'Run probes again'
                    : 'Run probes'}
              </button>
              {st.probeError && (
                <p className="error-box" role="alert">
                  {st.probeError.message}
                </p>
              )}
              {probes.length > 0 && <ProbeList probes={probes} skipped={st.report?.skippedProbes ?? []} />}
            </section>
          )}
          <StatusSection explanation={explanation} />
          {explanation.lint.length > 0 && (
            <section aria-label="What the response should carry" className="lint">
              <h3>What this response should carry</h3>
              <ul>
                {explanation.lint.map((l) => (
                  <li key={l.id} className={`lint-${l.level}`}>
                    <strong>{l.keyword}</strong> {l.message} <span className="ref">{l.ref}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <div className="report-actions">
            <button
              type="button"
              onClick={() => void runAction({ kind: 'copy-report' }, explanation.reportText).then(setMessage)}
            >
              Copy report
            </button>
            {message && <span role="status">{message}</span>}
          </div>
        </>
      )}
    </aside>
  );
}
