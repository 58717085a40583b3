/**
 * The renderer's only door to the host. In Electron the preload exposes one function per operation
 * (window.statuscope); in web mode calls go over an authenticated WebSocket to app/server. Tests can
 * swap the host with setHost(). Nothing else in renderer/ talks to the outside.
 */
import type { AppError, CallInputOf, EventName, Events, HostApi, OperationName, OutputOf, Result } from '../app/contract/operations';

/**
 * What main/preload.ts exposes on window through contextBridge: one function per operation, each bound
 * to its own IPC channel, plus one subscribe function per event that returns its unsubscribe.
 */
export type ElectronBridge = {
  [K in OperationName]: (input: unknown) => Promise<unknown>;
} & {
  events: { [E in EventName]: (listener: (payload: unknown) => void) => () => void };
};

declare global {
  interface Window {
    statuscope?: ElectronBridge;
  }
}

function isResult(value: unknown): value is Result<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof (value as { ok: unknown }).ok === 'boolean';
}

function transportError(message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code: 'host.unavailable', message } };
}

function electronHost(bridge: ElectronBridge): HostApi {
  return {
    async call(name, input) {
      const result: unknown = await bridge[name](input);
      // The result comes from our own main process; still, a malformed reply must not crash the UI.
      return (isResult(result) ? result : transportError('The app process sent an unreadable reply.')) as never;
    },
    on(event, listener) {
      return bridge.events[event]((payload) => listener(payload as never));
    },
  };
}

type Pending = (result: Result<unknown>) => void;

function webHost(): HostApi {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) sessionStorage.setItem('statuscope.token', fromUrl);
  const token = fromUrl ?? sessionStorage.getItem('statuscope.token') ?? '';
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket | undefined;
  let opening: Promise<WebSocket> | undefined;

  const open = (): Promise<WebSocket> => {
    if (socket && socket.readyState === WebSocket.OPEN) return Promise.resolve(socket);
    opening ??= new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc?token=${encodeURIComponent(token)}`);
      ws.onopen = () => {
        socket = ws;
        opening = undefined;
        resolve(ws);
      };
      ws.onerror = () => {
        opening = undefined;
        reject(new Error('closed'));
      };
      ws.onclose = () => {
        socket = undefined;
        for (const [id, settle] of pending) {
          pending.delete(id);
          settle(transportError('The connection to Statuscope closed; is `statuscope web` still running?'));
        }
      };
      ws.onmessage = (event: MessageEvent<string>) => {
        let message: unknown;
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        if (typeof message !== 'object' || message === null) return;
        const m = message as { t?: unknown; id?: unknown; result?: unknown; event?: unknown; payload?: unknown };
        if (m.t === 'result' && typeof m.id === 'number') {
          const settle = pending.get(m.id);
          pending.delete(m.id);
          settle?.(isResult(m.result) ? m.result : transportError('Unreadable reply.'));
        } else if (m.t === 'event' && typeof m.event === 'string') {
          for (const l of listeners.get(m.event) ?? []) l(m.payload);
        }
      };
    });
    return opening;
  };

  return {
    async call(name, input) {
      let ws: WebSocket;
      try {
        ws = await open();
      } catch {
        return transportError(
          token ? 'Cannot reach the Statuscope server; is `statuscope web` still running?' : 'This page was opened without its access token; open the URL that `statuscope web` printed.',
        ) as never;
      }
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending);
        ws.send(JSON.stringify({ t: 'call', id, op: name, input }));
      });
    },
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      const l = listener as (payload: unknown) => void;
      set.add(l);
      listeners.set(event, set);
      void open().catch(() => undefined);
      return () => set.delete(l);
    },
  };
}

let current: HostApi | undefined;

export function host(): HostApi {
  current ??= window.statuscope ? electronHost(window.statuscope) : webHost();
  return current;
}

/** For tests and stories: replace the transport. */
export function setHost(next: HostApi): void {
  current = next;
}

/** Calls an operation; convenience over host().call with the contract's types. */
export function call<K extends OperationName>(name: K, input: CallInputOf<K>): Promise<Result<OutputOf<K>>> {
  return host().call(name, input);
}

export function subscribe<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
  return host().on(event, listener);
}
