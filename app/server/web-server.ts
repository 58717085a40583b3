/**
 * Web mode: serves the built renderer and a WebSocket RPC endpoint on 127.0.0.1 only.
 * DESIGN.md security model: loopback bind, a random token per start required on every call, the
 * Origin and Host of every request checked (no DNS rebinding: a page at evil.test resolving to
 * 127.0.0.1 sends `Host: evil.test`), no CORS headers at all.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { messageOf } from '../common/result';
import { dispatch } from '../service/dispatch';
import type { CallContext, Handlers } from '../service/types';

export interface WebServerOptions {
  handlers: Handlers;
  /** Folder with the built renderer (index.html); absent in API-only tests. */
  staticDir?: string;
  port?: number;
  token?: string;
}

export interface WebServer {
  url: string;
  /** The URL to open: carries the token the page must present. */
  openUrl: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

function csp(port: number): string {
  // Monaco injects <style> elements, hence 'unsafe-inline' for styles only; scripts are 'self' only.
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}`,
    "frame-src 'self' blob: data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function tokenMatches(given: string | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  let port = 0;
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  const hostOk = (req: http.IncomingMessage) => allowedHosts().has(req.headers.host ?? '');
  // Browsers always send Origin on WebSocket upgrades; a missing Origin means a non-browser client, which
  // still needs the token.
  const originOk = (req: http.IncomingMessage) => req.headers.origin === undefined || allowedOrigins().has(req.headers.origin);

  const server = http.createServer(async (req, res) => {
    const refuse = (status: number, why: string) => res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${why}\n`);
    if (!hostOk(req)) return refuse(421, 'Statuscope web mode answers only to 127.0.0.1 and localhost.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(405, 'Only GET and HEAD are served here.');
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname === '/healthz') return res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok\n');
    if (!options.staticDir) return refuse(404, 'No renderer build is being served.');
    const relative = normalize(decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)).replace(/^[/\\]+/, '');
    const file = join(options.staticDir, relative);
    if (!file.startsWith(options.staticDir + sep)) return refuse(403, 'Outside the app.');
    try {
      const info = await stat(file);
      if (!info.isFile()) return refuse(404, 'Not found.');
      const body = await readFile(file);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': csp(port),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'no-referrer',
        'Cache-Control': 'no-cache',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      refuse(404, 'Not found.');
    }
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 * 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const deny = (status: string) => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (url.pathname !== '/rpc') return deny('404 Not Found');
    if (!hostOk(req)) return deny('421 Misdirected Request');
    if (!originOk(req)) return deny('403 Forbidden');
    if (!tokenMatches(url.searchParams.get('token'), token)) return deny('401 Unauthorized');
    wss.handleUpgrade(req, socket, head, (ws) => serveConnection(ws, options.handlers));
  });

  server.listen(options.port ?? 0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('web server has no TCP address');
  port = address.port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    openUrl: `${url}/?token=${token}`,
    port,
    token,
    close: async () => {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}

interface CallMessage {
  t: 'call';
  id: number;
  op: unknown;
  input: unknown;
}

function parseCall(data: unknown): CallMessage | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const m = data as Record<string, unknown>;
  if (m.t !== 'call' || typeof m.id !== 'number') return undefined;
  return { t: 'call', id: m.id, op: m.op, input: m.input };
}

function serveConnection(ws: WebSocket, handlers: Handlers): void {
  const send = (message: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const ctx: CallContext = { emit: (event, payload) => send({ t: 'event', event, payload }) };
  ws.on('message', async (raw) => {
    let call: CallMessage | undefined;
    try {
      call = parseCall(JSON.parse(raw.toString()));
    } catch (e) {
      return send({ t: 'error', message: `Unreadable message: ${messageOf(e)}` });
    }
    if (!call) return send({ t: 'error', message: 'Messages must be {t: "call", id, op, input}.' });
    const result = await dispatch(handlers, call.op, call.input, ctx);
    send({ t: 'result', id: call.id, result });
  });
}
