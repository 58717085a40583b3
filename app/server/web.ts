/**
 * `npm run web` and `statuscope web`: starts web mode and prints the URL to open (with its token).
 * Also the fallback `npm start` uses where the Electron binary is missing.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createHandlers } from '../service/index';
import { defaultServiceEnv } from './app-env';
import { startWebServer, type WebServer } from './web-server';

/** The renderer build: beside the bundled server (dist/server → dist/renderer) or under the working dir. */
export function findRendererDir(cwd = process.cwd()): string | undefined {
  const candidates = [
    process.env.STATUSCOPE_RENDERER_DIR,
    process.argv[1] ? join(dirname(resolve(process.argv[1])), '..', 'renderer') : undefined,
    join(cwd, 'dist', 'renderer'),
  ];
  return candidates.find((c): c is string => c !== undefined && existsSync(join(c, 'index.html')));
}

export async function runWebMode(options: { port?: number; log?: (line: string) => void; env?: Record<string, string | undefined> } = {}): Promise<WebServer> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const staticDir = findRendererDir();
  if (!staticDir) log('The renderer is not built (no dist/renderer/index.html); run `npm run build` first. Serving the API only.');
  const server = await startWebServer({
    handlers: createHandlers(defaultServiceEnv(options.env, true)),
    ...(staticDir ? { staticDir: resolve(staticDir) } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
  });
  log(`Statuscope web mode: ${server.openUrl}`);
  return server;
}
