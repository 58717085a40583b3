/**
 * Python's `http.server` (SimpleHTTPRequestHandler: do_GET and do_HEAD only, anything else gets
 * BaseHTTPRequestHandler's `501 Unsupported method ('X')`), serving a temp folder on an ephemeral
 * 127.0.0.1 port, as the 501 corpus recorded it (shared corpus apps/src/python-http-server/run.sh).
 * It logs every request line to stderr: `output()` is its request log.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { freePort, spawnServer, tempServerDir, type LiveServer } from './process';

export interface PythonHttpServerOptions {
  binary: string;
  /** Files to serve: path relative to the served folder → content. */
  files: Record<string, string>;
}

export async function startPythonHttpServer(options: PythonHttpServerOptions): Promise<LiveServer> {
  const dir = await tempServerDir('python3');
  const port = await freePort();
  const www = join(dir, 'www');
  await mkdir(www);
  for (const [path, content] of Object.entries(options.files)) {
    const full = join(www, path);
    await mkdir(join(full, '..'), { recursive: true });
    await writeFile(full, content);
  }
  return spawnServer({
    name: 'python3 -m http.server',
    binary: options.binary,
    args: ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', www],
    port,
    dir,
    // Unbuffered, so the request log reaches output() as each request is served.
    env: { PYTHONUNBUFFERED: '1' },
  });
}
