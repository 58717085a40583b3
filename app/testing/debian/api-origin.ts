/**
 * A small JSON API on a raw 127.0.0.1 socket, for the proxies to forward to: most routes work, one route
 * is a stub that answers 501 with the application's JSON error to every method (a placeholder endpoint,
 * as public APIs ship them). Its `requests` list is the origin's request log: what reached it, and so
 * who answered what did not.
 */
import { rawResponse, startRawServer, type RawServer } from '../servers';

/** The stub route: routed by the application, answered 501 by design. */
export const STUB_PATH = '/api/v2/payments/refunds';
/** A working resource. */
export const WORKING_PATH = '/api/users/42';

const ALLOW = 'GET, HEAD, POST, OPTIONS';

function json(status: number, reason: string, body: unknown, extra: Array<[string, string]> = []): string {
  return rawResponse(
    status,
    reason,
    [['Server', 'api-origin/1.0'], ['Content-Type', 'application/json'], ['Connection', 'close'], ...extra],
    `${JSON.stringify(body)}\n`,
  );
}

function answer(method: string, path: string, origin: string): string {
  const head = method === 'HEAD';
  const strip = (text: string) => (head ? text.slice(0, text.indexOf('\r\n\r\n') + 4) : text);
  if (path === STUB_PATH || path.startsWith(`${STUB_PATH}?`)) {
    return strip(
      json(501, 'Not Implemented', {
        error: 'not_implemented',
        message: 'Refunds are not available in this API version yet.',
        documentation_url: `${origin}/docs/payments#refunds`,
      }),
    );
  }
  switch (method) {
    case 'GET':
    case 'HEAD':
      return strip(json(200, 'OK', { id: 42, name: 'Ada Lovelace' }));
    case 'POST':
      return json(200, 'OK', { id: 42, updated: true });
    case 'OPTIONS':
      return rawResponse(204, 'No Content', [
        ['Server', 'api-origin/1.0'],
        ['Allow', ALLOW],
        ['Connection', 'close'],
      ]);
    default:
      // A method the application routes nowhere: 405 with Allow (RFC 9110 §15.5.6).
      return json(405, 'Method Not Allowed', { error: 'method_not_allowed', allowed: ALLOW.split(', ') }, [
        ['Allow', ALLOW],
      ]);
  }
}

/** Starts the API; `requests` records every request head that reached it. */
export async function startApiOrigin(): Promise<RawServer> {
  let origin = 'http://127.0.0.1';
  const server = await startRawServer((req, socket) => {
    const [method = '', target = '/'] = req.requestLine.split(' ');
    // Absolute-form targets (a proxy may forward them) are reduced to their path.
    const path = target.startsWith('http') ? new URL(target).pathname : target;
    socket.end(Buffer.from(answer(method, path, origin), 'latin1'));
  });
  origin = server.url;
  return server;
}

/** The request lines the origin received for `path` (e.g. `POST /api/v2/payments/refunds HTTP/1.1`). */
export function requestLinesFor(server: RawServer, path: string): string[] {
  return server.requests
    .map((r) => r.requestLine)
    .filter((line) => (line.split(' ')[1] ?? '').startsWith(path));
}
