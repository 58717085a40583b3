/**
 * Event names the main process may push to the renderer. Listing them here (checked against the
 * contract's Events type) keeps the preload from subscribing to arbitrary channels.
 */
import type { EventName } from '../app/contract/operations';

const ALL: Record<EventName, true> = {
  'exchange:progress': true,
  'diagnosis:probe': true,
  'collection:changed': true,
  'scan:progress': true,
  'audit:progress': true,
  'run:progress': true,
};

export const EVENT_NAMES = Object.keys(ALL) as EventName[];
