import { finalResponse } from '../common/exchange';
import { newId } from '../common/ids';
import { fail, ok } from '../common/result';
import type { diagnosisOps } from '../contract/diagnosis-ops';
import { diagnoseExchange } from '../diagnosis/diagnose';
import { explainExchange } from '../diagnosis/explain';
import type { HandlersFor, ServiceEnv } from './types';

const noResponse = () =>
  fail(
    'diagnosis.no-response',
    'The exchange has no response to explain: it failed before a status line arrived.',
  );

/** Implements the operations declared in app/contract/diagnosis-ops.ts; the logic lives in app/diagnosis. */
export function diagnosisHandlers(env: ServiceEnv): HandlersFor<keyof typeof diagnosisOps> {
  return {
    'diagnosis:explain': async ({ exchange }) =>
      finalResponse(exchange) ? ok(explainExchange(exchange)) : noResponse(),
    'diagnosis:run': async ({ diagnosisId, exchange, original, probes }, ctx) => {
      if (!finalResponse(exchange)) return noResponse();
      const id = diagnosisId ?? newId('dg');
      const report = await diagnoseExchange(exchange, original, probes, {
        tempDir: env.tempDir,
        onProbe: (probe, done, total) => ctx.emit('diagnosis:probe', { diagnosisId: id, probe, done, total }),
      });
      return ok(report);
    },
  };
}
