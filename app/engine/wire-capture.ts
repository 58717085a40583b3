/**
 * Watches one connection: phase timings from socket events and the exact bytes in both directions.
 * undici offers no DNS/connect/TLS events (spike.md §4), so the engine wraps its connector and attaches
 * here to the socket the connector returns, before any of its events can fire.
 *
 * Inbound bytes are teed by wrapping `socket.read`, because undici's HTTP/1.1 parser pulls with read()
 * on 'readable'; adding a 'data' listener would switch the socket to flowing mode under it.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { performance } from 'node:perf_hooks';
import type { Timings } from '../contract/exchange';

/** Heads are small; anything past this is body and not kept here. */
const CAPTURE_LIMIT = 256 * 1024;

export class WireCapture {
  readonly timings: Timings = {};
  private out: Buffer[] = [];
  private outSize = 0;
  private inb: Buffer[] = [];
  private inSize = 0;
  socket?: Socket | TLSSocket;

  constructor(private readonly t0: number) {}

  now(): number {
    return Math.round((performance.now() - this.t0) * 1000) / 1000;
  }

  get connected(): boolean {
    return this.timings.connected !== undefined;
  }

  attach(socket: Socket | TLSSocket): void {
    this.socket = socket;
    // Prepended, so the time is taken before undici's own listener writes the request.
    socket.prependOnceListener('lookup', () => (this.timings.dnsDone = this.now()));
    socket.prependOnceListener('connect', () => (this.timings.connected = this.now()));
    socket.prependOnceListener('secureConnect', () => (this.timings.tlsDone = this.now()));

    const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
    // Replaces the instance's write so every byte undici sends is seen first; arguments pass through untouched.
    (socket as unknown as { write: (...args: unknown[]) => boolean }).write = (...args: unknown[]) => {
      const [chunk, encoding] = args;
      if (this.outSize < CAPTURE_LIMIT) {
        const buf = Buffer.isBuffer(chunk)
          ? chunk
          : chunk instanceof Uint8Array
            ? Buffer.from(chunk)
            : typeof chunk === 'string'
              ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'latin1')
              : Buffer.alloc(0);
        this.out.push(buf);
        this.outSize += buf.length;
      }
      this.timings.requestSent = this.now();
      return write(...args);
    };

    const read = socket.read.bind(socket);
    socket.read = (size?: number) => {
      const chunk: unknown = read(size);
      if (Buffer.isBuffer(chunk)) this.noteInbound(chunk);
      return chunk;
    };
  }

  /** Raw mode reads with 'data' itself and reports chunks here. */
  noteInbound(chunk: Buffer): void {
    if (this.timings.firstByte === undefined) this.timings.firstByte = this.now();
    if (this.inSize < CAPTURE_LIMIT) {
      this.inb.push(chunk);
      this.inSize += chunk.length;
    }
  }

  get firstByte(): boolean {
    return this.timings.firstByte !== undefined;
  }

  outbound(): Buffer {
    return Buffer.concat(this.out);
  }

  inbound(): Buffer {
    return Buffer.concat(this.inb);
  }
}

/** The bytes up to and including the first blank line (CRLF CRLF, or bare LF LF from lenient peers). */
export function headOf(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return text.slice(0, crlf + 4);
  if (lf >= 0) return text.slice(0, lf + 2);
  return text;
}

/** Every response head in the inbound bytes up to the final (non-1xx) one: interim responses included. */
export function responseHeads(bytes: Buffer): string {
  let text = bytes.toString('latin1');
  let heads = '';
  for (;;) {
    const head = headOf(Buffer.from(text, 'latin1'));
    heads += head;
    const status = /^HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(head);
    if (!status || Number(status[1]) >= 200 || head.length >= text.length) return heads;
    text = text.slice(head.length);
  }
}

/** Splits a head into its start line and [name, value] pairs, order and casing kept. */
export function parseHeadLines(head: string): { startLine: string; headers: Array<[string, string]> } {
  const lines = head.split(/\r?\n/);
  const startLine = lines.shift() ?? '';
  const headers: Array<[string, string]> = [];
  for (const line of lines) {
    if (line === '') continue;
    if (/^[ \t]/.test(line) && headers.length > 0) {
      // obs-fold (RFC 9112 §5.2): a continuation line joins the previous value.
      const last = headers[headers.length - 1];
      if (last) last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    headers.push([line.slice(0, colon), line.slice(colon + 1).trim()]);
  }
  return { startLine, headers };
}
