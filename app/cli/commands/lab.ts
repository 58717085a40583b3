import { parseArgs } from 'node:util';
import { messageOf } from '../../common/result';
import type { LabRoute } from '../../contract/lab-ops';
import { startLab } from '../../lab/index';
import type { CliCommand } from '../command';

/** The route table as printed: method, URL, expected status, what it teaches, and any header to send. */
export function formatLabRoutes(routes: readonly LabRoute[]): string {
  const methodWidth = Math.max(...routes.map((r) => r.method.length));
  const urlWidth = Math.max(...routes.map((r) => (r.path === '*' ? r.url.length + 2 : r.url.length)));
  const lines: string[] = [];
  for (const r of routes) {
    const url = r.path === '*' ? `${r.url} *` : r.url;
    const cause = r.cause === null ? '' : `  [${r.cause}]`;
    lines.push(
      `  ${r.method.padEnd(methodWidth)}  ${url.padEnd(urlWidth)}  ${r.expectedStatus}  ${r.title}${cause}`,
    );
    for (const [name, value] of r.headers)
      lines.push(`  ${''.padEnd(methodWidth)}    with ${name}: ${value}`);
    if (r.body !== null) lines.push(`  ${''.padEnd(methodWidth)}    with body ${JSON.stringify(r.body)}`);
  }
  return lines.join('\n');
}

export const labCommand: CliCommand = {
  name: 'lab',
  summary:
    'run the practice API (an origin and a reverse proxy on 127.0.0.1) and list what each route teaches',
  help: `Usage:
  statuscope lab [--port N] [--json]

Starts the lab standalone, so a class can share one: an origin server that produces each 501 cause
and its neighbours (404, 405, 500, 502, 503, 504) on demand, and a reverse proxy in front of it for
the "which hop answered?" cases. Both listen on 127.0.0.1 only. Prints every route (method, URL,
expected status, what it teaches) and runs until Ctrl+C.

Options:
      --port N    the origin listens on N and the proxy on N+1 (default: free ports)
      --json      print {originUrl, proxyUrl, routes} as JSON instead of the table
  -h, --help      show this help

Examples:
  statuscope lab
  statuscope lab --port 8501
  statuscope send PROPFIND http://127.0.0.1:8501/api/users/42`,
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          port: { type: 'string' },
          json: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
      }));
    } catch (e) {
      io.stderr(`statuscope lab: ${messageOf(e)}\n`);
      return 2;
    }
    if (values.help === true) {
      io.stdout(`${labCommand.help}\n`);
      return 0;
    }
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!/^\d+$/.test(values.port ?? '') || port > 65534)) {
      io.stderr(
        `statuscope lab: --port takes a port number (0-65534; the proxy uses the next one), not "${values.port}".\n`,
      );
      return 2;
    }
    // The standalone lab is started here rather than through 'lab:start': that operation hands out the
    // process's shared lab, which never closes, while this command owns its lab and closes it on Ctrl+C.
    let lab;
    try {
      lab = await startLab(port === undefined ? {} : { port });
    } catch (e) {
      const inUse = typeof e === 'object' && e !== null && 'code' in e && e.code === 'EADDRINUSE';
      io.stderr(
        `statuscope lab: ${inUse ? `port ${port} or ${(port ?? 0) + 1} is already in use; pick another with --port` : messageOf(e)}\n`,
      );
      return 1;
    }
    if (values.json === true) {
      io.stdout(
        `${JSON.stringify({ originUrl: lab.originUrl, proxyUrl: lab.proxyUrl, routes: lab.routes }, null, 2)}\n`,
      );
    } else {
      io.stdout(
        `Statuscope lab\n  origin  ${lab.originUrl}\n  proxy   ${lab.proxyUrl}   (a reverse proxy in front of the origin)\n\n` +
          `Routes (method, URL, expected status, what it teaches):\n${formatLabRoutes(lab.routes)}\n\nPress Ctrl+C to stop.\n`,
      );
    }
    if (!io.signal.aborted)
      await new Promise<void>((resolve) =>
        io.signal.addEventListener('abort', () => resolve(), { once: true }),
      );
    await lab.close();
    if (values.json !== true) io.stdout('Lab stopped.\n');
    return 0;
  },
};
