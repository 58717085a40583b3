/**
 * A small HTTP/1.1 server on raw `net` sockets, shared by the lab's origin and proxy: persistent
 * connections with requests answered one at a time in order (pipelining, RFC 9112 §9.3.2), bounded
 * reads, an idle timeout, and every socket destroyed on close. node:http is not used because its parser
 * rejects unknown and lower-case methods and unknown transfer codings before a handler could answer.
 */
import { once } from 'node:events';
import net from 'node:net';
import { messageOf } from '../common/result';
import { LIMITS } from './http-head';
import { serializeResponse, type LabResponse } from './http-response';
import { RequestReader, type LabRequest } from './request-reader';

export interface HandlerContext {
  /** Aborted when the client goes away or the server closes: long handlers stop waiting. */
  signal: AbortSignal;
  /** The client's address, for X-Forwarded-For. */
  remoteAddress: string;
}

export interface RawHttpServerOptions {
  /** Answers one request. Throwing is a bug in the lab; the client then gets `internalError`. */
  handle(request: LabRequest, ctx: HandlerContext): Promise<LabResponse> | LabResponse;
  /** The server's own page for a request it could not read (400, 413, 414, 431, 505) or a handler crash (500). */
  errorPage(status: number, detail: string): LabResponse;
  /** Idle connections are closed after this long (also bounds a client that stops mid-request). */
  idleTimeoutMs?: number;
  /** Do not keep the process alive for this server (the app's shared lab; the CLI keeps its own alive). */
  unref?: boolean;
}

export interface RawHttpServer {
  port: number;
  close(): Promise<void>;
}

export async function startRawHttpServer(
  host: string,
  port: number,
  opts: RawHttpServerOptions,
): Promise<RawHttpServer> {
  const sockets = new Set<net.Socket>();
  const closing = new AbortController();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, opts, closing.signal);
  });
  server.maxConnections = 512;
  await new Promise<void>((resolve, reject) => {
    const onError = (e: Error) => {
      server.off('listening', onListening);
      reject(e);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
  // Once listening, an accept failure (EMFILE under load) must not take the app down with it.
  server.on('error', () => undefined);
  if (opts.unref === true) server.unref();
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the lab server has no TCP address');
  return {
    port: address.port,
    close: async () => {
      closing.abort();
      for (const s of sockets) s.destroy();
      if (!server.listening) return;
      const closed = once(server, 'close');
      server.close();
      await closed;
    },
  };
}

function serveConnection(socket: net.Socket, opts: RawHttpServerOptions, serverClosing: AbortSignal): void {
  const reader = new RequestReader();
  const gone = new AbortController();
  const onServerClose = () => gone.abort();
  serverClosing.addEventListener('abort', onServerClose, { once: true });
  let busy = false;
  let finished = false;
  socket.setNoDelay(true);
  socket.setTimeout(opts.idleTimeoutMs ?? 15_000, () => socket.destroy());
  socket.on('error', () => undefined);
  socket.on('close', () => {
    finished = true;
    gone.abort();
    serverClosing.removeEventListener('abort', onServerClose);
  });

  const write = (bytes: Buffer, close: boolean) => {
    if (finished) return;
    socket.write(bytes);
    if (close) {
      finished = true;
      // Half-close and keep draining (ignored) input: closing in stages (RFC 9112 §9.6) keeps the client's
      // unread request bytes from turning into a reset that could destroy the answer before it is read.
      socket.end();
    }
  };

  const pump = async () => {
    if (busy) return;
    busy = true;
    try {
      while (!finished) {
        const outcome = reader.next();
        if (outcome.kind === 'need-more') {
          if (outcome.sendContinue) write(Buffer.from('HTTP/1.1 100 Continue\r\n\r\n', 'latin1'), false);
          break;
        }
        if (outcome.kind === 'error') {
          write(
            serializeResponse(
              { ...opts.errorPage(outcome.status, outcome.reason), close: true },
              'GET',
              false,
            ),
            true,
          );
          break;
        }
        const request = outcome.request;
        let response: LabResponse;
        try {
          response = await opts.handle(request, {
            signal: gone.signal,
            remoteAddress: socket.remoteAddress ?? '127.0.0.1',
          });
        } catch (thrown) {
          response = { ...opts.errorPage(500, messageOf(thrown)), close: true };
        }
        if (response.raw !== undefined) {
          write(response.raw, true);
          break;
        }
        const keepAlive =
          request.keepAlive && response.close !== true && request.unknownTransferCoding === null;
        write(serializeResponse(response, request.method, keepAlive, request.version), !keepAlive);
      }
    } finally {
      busy = false;
    }
  };

  socket.on('data', (chunk: Buffer) => {
    if (finished) return;
    reader.push(chunk);
    if (reader.bufferedBytes > LIMITS.maxHeadBytes + LIMITS.maxRequestBodyBytes + 64 * 1024) {
      // A client that keeps sending while its earlier requests are answered is not reading: stop it here.
      socket.destroy();
      return;
    }
    void pump();
  });
}
