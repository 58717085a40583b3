import { parseArgs } from 'node:util';
import { runWebMode } from '../../server/web';
import type { CliCommand } from '../command';

export const webCommand: CliCommand = {
  name: 'web',
  summary: 'start web mode (the app in your browser) on 127.0.0.1 and print its URL with its token',
  help: `Usage:
  statuscope web [--port N]

Serves the Statuscope UI and its API on 127.0.0.1 only. The printed URL carries a random token that
every call must present; requests from other origins or with a foreign Host header are refused.
Stop with Ctrl+C.

Options:
      --port N    listen on port N (default: a free port)
  -h, --help      show this help`,
  async run(args, io) {
    let values;
    try {
      ({ values } = parseArgs({ args, options: { port: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
    } catch (e) {
      io.stderr(`statuscope web: ${e instanceof Error ? e.message : String(e)}\n`);
      return 2;
    }
    if (values.help) {
      io.stdout(`${webCommand.help}\n`);
      return 0;
    }
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      io.stderr(`statuscope web: --port takes a port number (0-65535), not "${values.port}".\n`);
      return 2;
    }
    const server = await runWebMode({ ...(port !== undefined ? { port } : {}), log: (l) => io.stdout(`${l}\n`), env: io.env });
    await new Promise<void>((resolve) => io.signal.addEventListener('abort', () => resolve(), { once: true }));
    await server.close();
    return 0;
  },
};
