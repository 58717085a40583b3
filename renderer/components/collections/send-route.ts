/**
 * Sending a request that belongs to a collection goes through `collection:send`: the host resolves its
 * {{variables}} with the selected environment and the secret store, attaches the collection's cookies,
 * runs Digest/OAuth 2 round trips and records history. sendCurrent() in request-bar.tsx asks
 * `collectionOrigin()` whether the draft belongs to an open collection and sends it here if so.
 *
 * Before sending, placeholders without a value block the send with their names (the host refuses them
 * too, but saying so before anything leaves is clearer than a failed exchange).
 */
import { useEffect, useState } from 'react';
import { newId } from '../../../app/common/ids';
import { assertNever } from '../../../app/common/result';
import { call } from '../../host';
import { collectionOf, useCollectionStore } from '../../stores/collection-store';
import { useExchangeStore } from '../../stores/exchange-store';
import { isDirty, useRequestStore, type DraftOrigin } from '../../stores/request-store';
import { draftToSaved, placeholdersIn } from './draft-mapping';
import type { ResolvedRequest } from './types';

/** A clean draft is sent by path (history then names its file); an edited one as the draft itself. */
function requestRef(origin: DraftOrigin): { relPath: string } | { request: ReturnType<typeof draftToSaved> } {
  const draft = useRequestStore.getState();
  const conflicted = useCollectionStore.getState().conflict?.relPath === origin.relPath;
  return isDirty(draft) || conflicted ? { request: draftToSaved(draft, origin.saved) } : { relPath: origin.relPath };
}

export async function sendFromCollection(origin: DraftOrigin): Promise<void> {
  const store = useCollectionStore.getState();
  const environment = collectionOf(origin.root)?.environment;
  const env = environment ? { environment } : {};
  const ref = requestRef(origin);
  const resolved = await call('collection:resolve', { root: origin.root, ...ref, ...env });
  if (!resolved.ok) {
    useExchangeStore.setState({ status: 'failed', error: resolved.error, exchange: undefined, exchangeId: undefined });
    return;
  }
  if (resolved.value.unresolved.length > 0) {
    store.setBlocked({ root: origin.root, names: resolved.value.unresolved, ...env });
    return;
  }
  store.setBlocked(undefined);
  const exchangeId = newId('ex');
  useExchangeStore.setState({ status: 'sending', exchangeId, error: undefined, receivedBytes: 0 });
  const result = await call('collection:send', { root: origin.root, ...ref, ...env, exchangeId });
  if (useExchangeStore.getState().exchangeId !== exchangeId) return;
  if (result.ok) {
    useExchangeStore.setState({ status: 'done', exchange: result.value.exchange, sentSpec: result.value.spec, sentRaw: undefined, error: undefined });
  } else {
    useExchangeStore.setState({ status: 'failed', error: result.error, exchange: undefined, sentSpec: undefined, sentRaw: undefined });
  }
}

/** The collection the current draft belongs to, when that collection is open. */
export function collectionOrigin(): DraftOrigin | undefined {
  const origin = useRequestStore.getState().origin;
  return origin && collectionOf(origin.root) ? origin : undefined;
}

export interface VariableHint {
  name: string;
  state: 'resolved' | 'unresolved' | 'pending';
  /** Secrets arrive masked from the host. */
  value?: string;
  source?: string;
}

/** The hover text for the URL bar: each {{variable}} and what it resolves to. */
export function describeVariables(hints: VariableHint[]): string {
  const line = (h: VariableHint): string => {
    switch (h.state) {
      case 'resolved':
        return `{{${h.name}}} = ${h.value ?? ''}  (from ${h.source ?? '?'})`;
      case 'unresolved':
        return `{{${h.name}}}: no value; Send is blocked until it has one`;
      case 'pending':
        return `{{${h.name}}}: resolving…`;
      default:
        return assertNever(h.state, 'variable hint state');
    }
  };
  return hints.map(line).join('\n');
}

/**
 * The URL's {{variables}} with the values they resolve to in the selected environment (secrets masked);
 * the URL bar shows them on hover (describeVariables).
 */
export function useUrlVariables(): { hints: VariableHint[]; unresolved: string[] } {
  const origin = useRequestStore((s) => s.origin);
  const url = useRequestStore((s) => s.url);
  const headers = useRequestStore((s) => s.headers);
  const body = useRequestStore((s) => s.body);
  const environment = useCollectionStore((s) => s.collections.find((c) => c.tree.root === origin?.root)?.environment);
  const tree = useCollectionStore((s) => s.collections.find((c) => c.tree.root === origin?.root)?.tree);
  const [resolved, setResolved] = useState<ResolvedRequest | undefined>();

  useEffect(() => {
    if (!origin) {
      setResolved(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const request = draftToSaved(useRequestStore.getState(), origin.saved);
      void call('collection:resolve', { root: origin.root, request, ...(environment ? { environment } : {}) }).then((r) => {
        if (live) setResolved(r.ok ? r.value : undefined);
      });
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `tree` is a dependency so a collection.yaml edited on disk re-resolves.
  }, [origin, url, headers, body, environment, tree]);

  const names = origin ? placeholdersIn(url) : [];
  const hints = names.map((name): VariableHint => {
    if (!resolved) return { name, state: 'pending' };
    const used = resolved.used.find((u) => u.name === name);
    return used ? { name, state: 'resolved', value: used.value, source: used.source } : { name, state: 'unresolved' };
  });

  return { hints, unresolved: resolved?.unresolved ?? [] };
}
