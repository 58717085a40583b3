/** One finding: cause, confidence, summary, evidence (observed → inference), next steps as buttons. */
import { useState } from 'react';
import type { Finding } from '../../../app/contract/diagnosis-ops';
import { useExplainStore } from '../../stores/explain-store';
import { describeAction, runAction } from './actions';

export function FindingCard({ finding, rank, reportText }: { finding: Finding; rank: number; reportText: string }) {
  const openProbe = useExplainStore((s) => s.openProbe);
  const [message, setMessage] = useState<string>();
  return (
    <article className={`finding ${rank === 0 ? 'top' : ''}`} aria-label={`Finding: ${finding.cause}`} data-testid={`finding-${finding.cause}`}>
      <header>
        <code className="cause">{finding.cause}</code>
        <span className={`confidence c-${finding.confidence}`}>{finding.confidence} confidence</span>
        <span className="ref">{finding.ref}</span>
      </header>
      <p className="summary">{finding.summary}</p>
      <ul className="evidence">
        {finding.evidence.map((e, i) => (
          <li key={i}>
            <span className="observed">{e.observed}</span>
            <span className="arrow" aria-hidden>
              →
            </span>
            <span className="inference">{e.inference}</span>
            {e.source.startsWith('probe:') ? (
              <button type="button" className="source link" onClick={() => openProbe(e.source.slice('probe:'.length))}>
                {e.source}
              </button>
            ) : (
              <span className="source">{e.source}</span>
            )}
          </li>
        ))}
      </ul>
      {finding.settle && (
        <p className="settle">
          <strong>What would settle it:</strong> {finding.settle}
        </p>
      )}
      {finding.nextSteps.length > 0 && (
        <div className="next-steps">
          <h4>Next steps</h4>
          <ul>
            {finding.nextSteps.map((step, i) => (
              <li key={i}>
                <strong>{step.title}</strong> {step.detail}
                {step.action && (
                  <button type="button" className="step-action" onClick={() => void runAction(step.action!, reportText).then(setMessage)}>
                    {describeAction(step.action)}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {message && <p role="status">{message}</p>}
        </div>
      )}
    </article>
  );
}
