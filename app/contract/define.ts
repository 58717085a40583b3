/**
 * How an operation is declared: a zod schema for its input (parsed at every boundary) and a phantom
 * type for its output (produced by our own code, so it needs no run-time schema).
 */
import type { z } from 'zod';

export interface OperationDef<I extends z.ZodType, O> {
  input: I;
  /** Phantom: carries the output type only; never read at run time. */
  output: O;
}

export function operation<O>() {
  return <I extends z.ZodType>(input: I): OperationDef<I, O> => ({ input, output: undefined as unknown as O });
}
