/**
 * Sending a request that belongs to a collection goes through `collection:send`: the host resolves its
 * {{variables}} with the selected environment and the secret store, attaches the collection's cookies,
 * runs Digest/OAuth 2 round trips and records history. The Send button (request-bar.tsx) calls
 * `useExchangeStore.getState().send`; while installed, this route takes that call for collection drafts
 * and leaves every other draft to the plain `exchange:send`.
 *
 * Before sending, placeholders without a value block the send with their names (the host refuses them
 * too, but saying so before anything leaves is clearer than a failed exchange).
 */
import { useEffect, useState } from 'react';
import { newId } from '../../../app/common/ids';
import { assertNever } from '../../../app/common/result';
import type { RequestSpecInput } from '../../../app/contract/exchange';
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

async function sendFromCollection(origin: DraftOrigin): Promise<void> {
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

/** Installs the route; returns its removal (effects run twice under StrictMode, so both must be safe). */
export function installCollectionSendRoute(): () => void {
  const plain = useExchangeStore.getState().send;
  const routed = async (spec: RequestSpecInput): Promise<void> => {
    const origin = useRequestStore.getState().origin;
    if (origin && collectionOf(origin.root)) await sendFromCollection(origin);
    else await plain(spec);
  };
  useExchangeStore.setState({ send: routed });
  return () => {
    if (useExchangeStore.getState().send === routed) useExchangeStore.setState({ send: plain });
  };
}

export interface VariableHint {
  name: string;
  state: 'resolved' | 'unresolved' | 'pending';
  /** Secrets arrive masked from the host. */
  value?: string;
  source?: string;
}

function describe(hints: VariableHint[]): string {
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
 * The URL's {{variables}} with the values they resolve to in the selected environment (secrets masked).
 * The hint is also put on the URL field's title, so hovering the URL bar shows it.
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

  useEffect(() => {
    const field = document.querySelector<HTMLInputElement>('input[aria-label="URL"]');
    if (!field) return;
    if (hints.length > 0) field.title = describe(hints);
    else field.removeAttribute('title');
  });

  return { hints, unresolved: resolved?.unresolved ?? [] };
}
