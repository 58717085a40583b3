/**
 * Real servers on 127.0.0.1 with ephemeral ports, for unit tests and e2e alike (STYLE.md: never a mocked
 * transport). Every server records what it received and closes all of its sockets on close().
 */
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function trackSockets(server: net.Server): () => void {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return () => {
    for (const s of sockets) s.destroy();
  };
}

async function listen(server: net.Server): Promise<number> {
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('server has no TCP address');
  return addr.port;
}

export interface RawRequestSeen {
  /** Everything the client sent on the connection, as latin1 text. */
  text: string;
  /** The request head only (up to and including the blank line). */
  head: string;
  /** The request line, e.g. `patch / HTTP/1.1`. */
  requestLine: string;
}

export interface RawServer extends RunningServer {
  requests: RawRequestSeen[];
}

/**
 * A raw TCP server for what node:http rejects (lower-case or unknown methods, odd framing). `respond` is
 * called once the request head has arrived (plus `Content-Length` body bytes when present) and writes the
 * reply itself; it may also keep the socket open to test timeouts.
 */
export async function startRawServer(
  respond: (req: RawRequestSeen, socket: net.Socket) => void,
): Promise<RawServer> {
  const requests: RawRequestSeen[] = [];
  const server = net.createServer((socket) => {
    let buf = Buffer.alloc(0);
    let answered = false;
    socket.on('data', (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      if (answered) return;
      const text = buf.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = text.slice(0, end + 4);
      const m = /\r\ncontent-length:\s*(\d+)/i.exec(head);
      const want = m ? Number(m[1]) : 0;
      if (buf.length < end + 4 + want && !/\r\ntransfer-encoding:/i.test(head)) return;
      answered = true;
      const seen = { text, head, requestLine: head.slice(0, head.indexOf('\r\n')) };
      requests.push(seen);
      respond(seen, socket);
    });
    socket.on('error', () => undefined);
  });
  const destroyAll = trackSockets(server);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    requests,
    close: async () => {
      destroyAll();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}

/** Formats a full HTTP/1.1 response with Content-Length, header order and casing as given. */
export function rawResponse(status: number, reason: string, headers: Array<[string, string]>, body = ''): string {
  const bodyBytes = Buffer.byteLength(body, 'latin1');
  const lines = [`HTTP/1.1 ${status} ${reason}`, ...headers.map(([n, v]) => `${n}: ${v}`)];
  if (!headers.some(([n]) => /^(content-length|transfer-encoding)$/i.test(n))) lines.push(`Content-Length: ${bodyBytes}`);
  return `${lines.join('\r\n')}\r\n\r\n${body}`;
}

export interface HttpServer extends RunningServer {
  server: http.Server;
}

/** A node:http server for the ordinary cases (redirects, compression, large bodies). */
export async function startHttpServer(handler: http.RequestListener): Promise<HttpServer> {
  const server = http.createServer(handler);
  const destroyAll = trackSockets(server);
  const port = await listen(server);
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    server,
    close: async () => {
      destroyAll();
      server.close();
      await once(server, 'close').catch(() => undefined);
    },
  };
}

/** A port that was free a moment ago and has nothing listening now (for connection-refused tests). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  const port = await listen(server);
  server.close();
  await once(server, 'close');
  return port;
}

/**
 * A small reverse proxy with a method allow-list, as hardened HAProxy or Squid set-ups have: methods on
 * the list are relayed to `origin` (with `Via` appended to the response), any other method gets the
 * proxy's own 501 page. For tests of "which hop answered" on a real two-hop path.
 */
export async function startAllowListProxy(origin: RunningServer, options: { name: string; allow: string[] }): Promise<RawServer> {
  return startRawServer((req, client) => {
    const method = req.requestLine.split(' ')[0] ?? '';
    if (!options.allow.includes(method)) {
      const page = `<!DOCTYPE html>\n<html><head><title>501 Not Implemented</title></head><body>\n<h1>Not Implemented</h1>\n<p>The method ${method} is not allowed through this gateway.</p>\n<hr><address>${options.name} gateway</address>\n</body></html>\n`;
      client.end(rawResponse(501, 'Not Implemented', [['Server', options.name], ['Content-Type', 'text/html'], ['Connection', 'close']], page));
      return;
    }
    const upstream = net.connect(origin.port, '127.0.0.1', () => upstream.write(Buffer.from(req.text, 'latin1')));
    let head = true;
    upstream.on('data', (chunk: Buffer) => {
      if (!head) return void client.write(chunk);
      head = false;
      const text = chunk.toString('latin1');
      const eol = text.indexOf('\r\n');
      client.write(Buffer.from(`${text.slice(0, eol)}\r\nVia: 1.1 ${options.name}${text.slice(eol)}`, 'latin1'));
    });
    upstream.on('end', () => client.end());
    upstream.on('error', () => client.destroy());
  });
}
