/** Operations of the run domain. Add entries here; app/service/run.ts must then implement them. */
export const runOps = {};

export interface RunEvents {}
