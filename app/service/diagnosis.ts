import type { diagnosisOps } from '../contract/diagnosis-ops';
import type { HandlersFor, ServiceEnv } from './types';

/** Implements the operations declared in app/contract/diagnosis-ops.ts. */
export function diagnosisHandlers(_env: ServiceEnv): HandlersFor<keyof typeof diagnosisOps> {
  return {};
}
