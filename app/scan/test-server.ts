/**
 * For tests: a raw HTTP/1.1 server whose answer to every (path, method) is written down in a table, so a
 * scan's or an audit's result can be checked against known behaviour. Raw TCP (app/testing/servers.ts)
 * because node:http rejects lower-case and unknown methods before any handler sees them.
 */
import { rawResponse, startRawServer, type RawServer } from '../testing/servers';

export interface Reply {
  status: number;
  reason?: string;
  headers?: Array<[string, string]>;
  body?: string;
}

/**
 * Path → method → reply. HEAD defaults to the route's GET; a route's `*` answers the methods it does not
 * list; a path ending in `/*` matches by prefix; an unknown path gets the fallback.
 */
export type RouteTable = Record<string, Record<string, Reply>>;

const REASONS: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

export const SERVER_HEADER: [string, string] = ['Server', 'known-test/1.0'];

export function json(status: number, value: unknown, headers: Array<[string, string]> = []): Reply {
  return { status, headers: [['Content-Type', 'application/json'], ...headers], body: JSON.stringify(value) };
}

export function text(status: number, body: string, headers: Array<[string, string]> = []): Reply {
  return { status, headers: [['Content-Type', 'text/plain; charset=utf-8'], ...headers], body };
}

function routeFor(table: RouteTable, path: string): Record<string, Reply> | undefined {
  if (table[path]) return table[path];
  for (const [key, route] of Object.entries(table))
    if (key.endsWith('/*') && path.startsWith(key.slice(0, -1))) return route;
  return undefined;
}

export function replyFor(table: RouteTable, method: string, target: string, fallback: Reply): Reply {
  const path = target.split('?')[0] ?? target;
  const route = routeFor(table, path);
  return route?.[method] ?? (method === 'HEAD' ? route?.GET : undefined) ?? route?.['*'] ?? fallback;
}

/** Starts the server; every answer closes the connection (each exchange uses a fresh one anyway). */
export async function startKnownServer(
  table: RouteTable,
  fallback: Reply = json(404, { error: 'not_found' }),
): Promise<RawServer> {
  return startRawServer((seen, socket) => {
    const [method = '', target = '/'] = seen.requestLine.split(' ');
    const reply = replyFor(table, method, target, fallback);
    const body = reply.body ?? '';
    const headers: Array<[string, string]> = [
      SERVER_HEADER,
      ...(reply.headers ?? []),
      ['Connection', 'close'],
    ];
    let bytes = rawResponse(reply.status, reply.reason ?? REASONS[reply.status] ?? 'Unknown', headers, body);
    // RFC 9110 §9.3.2: HEAD gets GET's header section (Content-Length included) and no content.
    if (method === 'HEAD') bytes = bytes.slice(0, bytes.indexOf('\r\n\r\n') + 4);
    socket.end(bytes);
  });
}
