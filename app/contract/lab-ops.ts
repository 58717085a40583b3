/** Operations of the lab domain. Add entries here; app/service/lab.ts must then implement them. */
export const labOps = {};

export interface LabEvents {}
