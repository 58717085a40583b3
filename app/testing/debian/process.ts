/**
 * Runs a real server binary as a non-daemon child in its own process group, on an ephemeral 127.0.0.1
 * port, with every file it writes inside one temp folder; waits for the port with a bounded TCP poll and
 * stops the whole group (SIGTERM, then SIGKILL) on close. Shared by the Debian server helpers beside it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { rmSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

/** A port that was free a moment ago: bind port 0, read the port, release it, then hand it to the server. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const addr = probe.address();
  probe.close();
  await once(probe, 'close');
  if (addr === null || typeof addr === 'string') throw new Error('the port probe has no TCP address');
  return addr.port;
}

/** A fresh temp folder for one server's config, pid, logs and temp files. */
export async function tempServerDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `statuscope-live-${name}-`));
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.setTimeout(500);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface LiveServer {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  /** The temp folder holding config, pid and logs; removed on close. */
  dir: string;
  /** What the process printed on stdout and stderr so far (for failure messages and request logs). */
  output(): string;
  /** A file the server wrote inside `dir` (its access log), or '' when it does not exist (yet). */
  readLog(relativePath: string): Promise<string>;
  /** Stops the process group and removes `dir`. Safe to call twice. */
  close(): Promise<void>;
}

export interface SpawnServerOptions {
  /** Short name for messages and the temp folder, e.g. `nginx`. */
  name: string;
  binary: string;
  args: string[];
  port: number;
  dir: string;
  /** Bound on the wait for the port to accept connections. */
  readyTimeoutMs?: number;
  /** Process group grace period between SIGTERM and SIGKILL. */
  stopGraceMs?: number;
  env?: Record<string, string>;
  /** Log files inside `dir` quoted when the server fails to start (where squid, nginx, apache say why). */
  startupLogs?: string[];
  /**
   * How close() asks the server to stop: `SIGTERM` (default) waits for an orderly shutdown up to
   * `stopGraceMs`; `SIGKILL` is for servers whose orderly shutdown is slow and holds nothing a test needs,
   * with `cleanup` removing what a killed server leaves outside `dir`.
   */
  stopSignal?: 'SIGTERM' | 'SIGKILL';
  /** Synchronous, so the exit hook can run it too. */
  cleanup?: () => void;
}

/**
 * Servers still running, with their folders. The children lead their own process groups (so close() can
 * reach their workers), which also means they would outlive a test process that ends without closing
 * them (a failed assertion before t.after ran, a test timeout): the exit hook stops them and their files.
 */
const running = new Map<ChildProcess, { dir: string; cleanup: (() => void) | undefined }>();
process.once('exit', () => {
  for (const [child, { dir, cleanup }] of running) {
    signalGroup(child, 'SIGKILL');
    cleanup?.();
    rmSync(dir, { recursive: true, force: true });
  }
});

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    // A negative pid addresses the process group (the child was spawned `detached`, so it leads one):
    // this also reaches the workers nginx, squid and apache fork.
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/**
 * Spawns the server and resolves once its port accepts a TCP connection. Rejects (after stopping it) when
 * the process exits first or the port does not open within `readyTimeoutMs`, quoting its output.
 */
export async function spawnServer(options: SpawnServerOptions): Promise<LiveServer> {
  const readyTimeoutMs = options.readyTimeoutMs ?? 10_000;
  const stopGraceMs = options.stopGraceMs ?? 3_000;
  let output = '';
  const child = spawn(options.binary, options.args, {
    cwd: options.dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...options.env },
  });
  child.stdout?.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => void (output += chunk.toString('utf8')));
  running.set(child, { dir: options.dir, cleanup: options.cleanup });
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (e) => {
      output += `\n[spawn error] ${e.message}`;
      exited = true;
      resolve();
    });
  });

  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    if (!exited) {
      signalGroup(child, options.stopSignal ?? 'SIGTERM');
      // Cancelled once the process exits, so no timer holds the test process open afterwards.
      const graceOver = new AbortController();
      const grace = delay(stopGraceMs, 'timeout' as const, { signal: graceOver.signal }).catch(
        () => 'exited' as const,
      );
      const first = await Promise.race([exit.then(() => 'exited' as const), grace]);
      graceOver.abort();
      if (first === 'timeout') {
        signalGroup(child, 'SIGKILL');
        await exit;
      }
    }
    // Workers that outlived the leader (they share its group) get the same end.
    signalGroup(child, 'SIGKILL');
    running.delete(child);
    options.cleanup?.();
    await rm(options.dir, { recursive: true, force: true });
  };

  const failStart = async (what: string): Promise<never> => {
    let logs = '';
    for (const log of options.startupLogs ?? []) {
      logs += `\n--- ${log}\n${await readFile(join(options.dir, log), 'utf8').catch(() => '(none)')}`;
    }
    await close();
    throw new Error(`${options.name} ${what}:\n${output}${logs}`);
  };
  const deadline = Date.now() + readyTimeoutMs;
  for (;;) {
    if (exited) await failStart(`exited before listening on 127.0.0.1:${options.port}`);
    if (await canConnect(options.port)) break;
    if (Date.now() > deadline)
      await failStart(`did not listen on 127.0.0.1:${options.port} within ${readyTimeoutMs} ms`);
    await delay(50);
  }

  return {
    url: `http://127.0.0.1:${options.port}`,
    port: options.port,
    dir: options.dir,
    output: () => output,
    readLog: async (relativePath) => readFile(join(options.dir, relativePath), 'utf8').catch(() => ''),
    close,
  };
}
