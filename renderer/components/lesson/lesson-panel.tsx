/**
 * A lesson: each step pre-fills a request against the lab, asks the learner to predict the status, sends
 * it, and then shows what came back, whether the prediction held, and why (the explainer does the rest).
 */
import { finalResponse } from '../../../app/common/exchange';
import type { Lesson } from '../../../app/contract/lab-ops';
import { useExchangeStore } from '../../stores/exchange-store';
import { useExplainStore } from '../../stores/explain-store';
import { loadStep, useLabStore } from '../../stores/lab-store';
import { sendCurrent } from '../request-bar';

export function LessonPanel({ lesson }: { lesson: Lesson }) {
  const { lab, stepIndex, prediction, stepExchangeId, completed, predict, setStepExchange, completeStep, nextStep, startLesson } = useLabStore();
  const exchange = useExchangeStore((s) => s.exchange);
  const sendStatus = useExchangeStore((s) => s.status);
  const explanation = useExplainStore((s) => s.explanation);
  const explainedId = useExplainStore((s) => s.exchangeId);
  const step = lesson.steps[stepIndex];

  if (!step) {
    return (
      <section className="lesson" aria-label={`Lesson: ${lesson.title}`}>
        <h3>{lesson.title}: done</h3>
        <p className="verdict" data-testid="lesson-rule">
          {lesson.rule.text}
        </p>
        <p className="ref">{lesson.rule.rfc.join(', ')}</p>
        <button type="button" onClick={() => startLesson(undefined)}>
          Back to the lab
        </button>
      </section>
    );
  }

  const outcome = stepExchangeId && exchange?.id === stepExchangeId && sendStatus === 'done' ? finalResponse(exchange) : undefined;
  const topCause = explainedId === stepExchangeId ? (explanation?.findings[0]?.cause ?? null) : undefined;
  const statusOk = outcome?.status === step.expect.status;
  const causeOk = step.expect.cause === null || topCause === step.expect.cause;
  const stepKey = `${lesson.id}#${stepIndex}`;
  const judged = outcome !== undefined && (step.expect.cause === null || topCause !== undefined);
  const complete = judged && statusOk && causeOk;
  if (complete && !completed.includes(stepKey)) queueMicrotask(() => completeStep(stepKey));

  const send = () => {
    if (!lab) return;
    loadStep(lab, step);
    sendCurrent();
    // The exchange id is assigned when sending starts; pick it up on the next tick.
    queueMicrotask(() => {
      const id = useExchangeStore.getState().exchangeId;
      if (id) setStepExchange(id);
    });
  };

  return (
    <section className="lesson" aria-label={`Lesson: ${lesson.title}`}>
      <p className="crumbs">
        <button type="button" className="link" onClick={() => startLesson(undefined)}>
          Lab
        </button>{' '}
        › {lesson.title} · step {stepIndex + 1} of {lesson.steps.length}
      </p>
      <h3>{step.title}</h3>
      <p>{step.instruction}</p>
      <p className="mono request-preview">
        {step.request.method} {step.request.path} <span className="hint">via the {step.request.via}</span>
      </p>
      <fieldset className="predict" disabled={outcome !== undefined}>
        <legend>{step.predict.question}</legend>
        <div role="radiogroup" aria-label="Your prediction">
          {step.predict.choices.map((c) => (
            <label key={c}>
              <input type="radio" name={`predict-${stepKey}`} checked={prediction === c} onChange={() => predict(c)} /> {c}
            </label>
          ))}
        </div>
      </fieldset>
      <button type="button" className="primary" disabled={prediction === undefined || sendStatus === 'sending'} onClick={send}>
        {outcome ? 'Send again' : prediction === undefined ? 'Predict first, then send' : 'Send it'}
      </button>
      {outcome && (
        <div className={`outcome ${complete ? 'good' : judged ? 'bad' : ''}`} data-testid={complete ? 'lesson-step-complete' : 'lesson-step-outcome'}>
          <p>
            The server answered <strong>{outcome.status}</strong>; you predicted <strong>{prediction}</strong>
            {prediction === outcome.status ? ' — right.' : '.'}
          </p>
          {step.expect.cause && topCause !== undefined && (
            <p>
              The explainer's top cause: <code>{topCause ?? 'none'}</code>
              {causeOk ? '' : ` (the lesson expected ${step.expect.cause})`}.
            </p>
          )}
          <p>{step.explanation}</p>
          {complete && (
            <button type="button" className="primary" onClick={nextStep}>
              {stepIndex + 1 < lesson.steps.length ? 'Next step' : 'Finish'}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
