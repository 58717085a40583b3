/** Operations of the knowledge domain. Add entries here; app/service/knowledge.ts must then implement them. */
export const knowledgeOps = {};

export interface KnowledgeEvents {}
