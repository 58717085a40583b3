/**
 * Starts the lab: the origin and the reverse proxy in front of it, both on 127.0.0.1 only.
 */
import type { LabInfo, LabRoute } from '../contract/lab-ops';
import type { RawHttpServer } from './connection';
import { startOrigin } from './origin';
import { startProxy } from './proxy';
import { labRoutes } from './routes';

export interface LabOptions {
  /** The origin's port; 0 or absent picks a free one. */
  port?: number;
  /** The proxy's port; defaults to `port + 1` when `port` is given, else a free one. */
  proxyPort?: number;
  /** Let the process exit while the lab runs (the app's shared lab). The CLI's standalone lab keeps it alive. */
  unref?: boolean;
  /** How long the proxy waits for the origin (the 504 case). */
  upstreamTimeoutMs?: number;
  /** How long the origin's slow route takes; must exceed upstreamTimeoutMs for the 504 case. */
  slowDelayMs?: number;
}

export interface Lab extends LabInfo {
  close(): Promise<void>;
}

export const DEFAULT_UPSTREAM_TIMEOUT_MS = 1500;

/** Throws when a port is taken (the error's `code` is the system's, e.g. `EADDRINUSE`). */
export async function startLab(opts: LabOptions = {}): Promise<Lab> {
  const upstreamTimeoutMs = opts.upstreamTimeoutMs ?? DEFAULT_UPSTREAM_TIMEOUT_MS;
  let routes: LabRoute[] = [];
  const origin = await startOrigin({
    port: opts.port ?? 0,
    slowDelayMs: opts.slowDelayMs ?? upstreamTimeoutMs * 2,
    unref: opts.unref === true,
    index: () => ({
      name: 'Statuscope lab origin',
      about:
        'A practice API: each route below produces one status on purpose. The proxy in front of this server adds a second hop.',
      routes: routes.map((r) => ({
        id: r.id,
        method: r.method,
        url: r.url,
        via: r.via,
        expectedStatus: r.expectedStatus,
        title: r.title,
      })),
    }),
  });
  let proxy: RawHttpServer;
  try {
    const proxyPort = opts.proxyPort ?? (opts.port !== undefined && opts.port !== 0 ? opts.port + 1 : 0);
    proxy = await startProxy({
      port: proxyPort,
      originPort: origin.port,
      upstreamTimeoutMs,
      unref: opts.unref === true,
    });
  } catch (e) {
    await origin.close();
    throw e;
  }
  const originUrl = `http://127.0.0.1:${origin.port}`;
  const proxyUrl = `http://127.0.0.1:${proxy.port}`;
  routes = labRoutes(originUrl, proxyUrl);
  let closed: Promise<void> | null = null;
  return {
    originUrl,
    proxyUrl,
    routes,
    close: () => {
      closed ??= Promise.all([proxy.close(), origin.close()]).then(() => undefined);
      return closed;
    },
  };
}
