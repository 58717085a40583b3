/**
 * Preload (sandboxed, contextIsolation on): exposes one function per operation, each bound to its own
 * IPC channel, and one subscribe function per event that returns its unsubscribe. No generic
 * invoke(channel, …) passthrough, no Node objects across the bridge.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { OPERATION_NAMES } from '../app/contract/operations';
import { EVENT_NAMES } from './events';

const api: Record<string, unknown> = {};
for (const name of OPERATION_NAMES) {
  api[name] = (input: unknown) => ipcRenderer.invoke(name, input);
}
const events: Record<string, (listener: (payload: unknown) => void) => () => void> = {};
for (const name of EVENT_NAMES) {
  events[name] = (listener) => {
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(name, wrapped);
    return () => ipcRenderer.removeListener(name, wrapped);
  };
}
api.events = events;

contextBridge.exposeInMainWorld('statuscope', api);
