/**
 * The teaching library's public surface. Fingerprints (fingerprints*.ts) are exported from their own
 * module by the diagnosis side; everything else a caller needs is here.
 */
export * from './types';
export { isWellFormedRef, refUrl, rfcNumberOf } from './spec-ref';
export {
  CLASS_DESCRIPTIONS,
  STATUS_CODES,
  STATUS_REGISTRY_INFO,
  classOfCode,
  describeUnregisteredStatus,
  statusEntry,
} from './status-codes';
export { IANA_STATUS_REGISTRY, IANA_STATUS_REGISTRY_UPDATED } from './iana-status-registry';
export {
  IANA_METHOD_REGISTRY_UPDATED,
  IANA_METHOD_REGISTRY_URL,
  METHODS,
  SUGGESTION_KINDS,
  closestMethods,
  isRegisteredMethod,
  maxTypoDistance,
  methodEntry,
  type MethodSuggestion,
  type SuggestionKind,
} from './methods';
export { HEADER_MEANINGS, headerMeaning, statusesCarrying, type HeaderCarrier } from './header-meanings';
export { COMPARISONS, comparisonById, findComparison } from './comparisons';
export { buildComparison, compareStatuses } from './compare';
export { MYTHS } from './myths';
export { SEARCH_KINDS, searchKnowledge, type SearchKind, type SearchResult } from './search';
export { damerauLevenshtein } from './edit-distance';
export {
  knowledgeList,
  methodInfo,
  methodList,
  statusList,
  type KnowledgeList,
  type MethodInfo,
  type MethodListItem,
  type StatusListItem,
} from './catalog';
export {
  TEXT_WIDTH,
  formatComparisonText,
  formatHeaderText,
  formatMethodText,
  formatStatusText,
  formatUnknownMethodText,
  wrap,
} from './text';
