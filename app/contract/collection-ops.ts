/** Operations of the collection domain. Add entries here; app/service/collection.ts must then implement them. */
export const collectionOps = {};

export interface CollectionEvents {}
