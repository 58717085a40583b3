/**
 * The scorers' common shape: each cause adds weighted evidence for or against itself; the combiner
 * turns points into a score and a confidence. Weights are log-odds-like: 1 is a hint, 3 is a strong
 * sign, 5 is close to proof.
 */
import type { CauseId } from '../../contract/collection';
import type { Evidence, NextStep } from '../../contract/diagnosis-ops';
import type { ProbeObservations } from '../probe-analysis';
import type { PassiveSignals } from '../signals';

export interface CauseInput {
  s: PassiveSignals;
  /** Null in a passive-only diagnosis. */
  p: ProbeObservations | null;
}

export interface CauseScore {
  cause: CauseId;
  points: number;
  evidence: Evidence[];
  /** Evidence that weighs against the cause (kept so a conflicting finding says so). */
  against: Evidence[];
  summary: string;
  ref: string;
  nextSteps: NextStep[];
  settle?: string;
}

export class Tally {
  points = 0;
  readonly evidence: Evidence[] = [];
  readonly against: Evidence[] = [];

  /** Adds (or, with negative weight, subtracts) points with the observation that justifies them. */
  add(weight: number, observed: string, inference: string, source = 'response'): void {
    this.points += weight;
    (weight >= 0 ? this.evidence : this.against).push({ observed, inference, source });
  }
}

export const probeSource = (id: string) => `probe:${id}`;
