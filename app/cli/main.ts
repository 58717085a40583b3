/**
 * `statuscope`: the command line. Every command calls the same service the app uses (app/service),
 * so the CLI never carries a copy of the engine.
 */
import type { CliCommand, CliIo } from './command';
import { commands } from './commands/index';

export function usage(list: CliCommand[] = commands): string {
  const width = Math.max(...list.map((c) => c.name.length));
  return `Statuscope: send any HTTP request, see exactly what happened, and learn why (above all for 501).

Usage: statuscope COMMAND [options]

Commands:
${list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Run \`statuscope COMMAND --help\` for a command's options.`;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.stdout(`${topic ? topic.help : usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`statuscope ${process.env.STATUSCOPE_VERSION ?? '0.1.0'}\n`);
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`statuscope: there is no command "${name}".\n\n${usage()}\n`);
    return 2;
  }
  return command.run(rest, io);
}

/** Process entry: wires real stdout/stderr and Ctrl+C, then exits with the command's code. */
export async function main(): Promise<void> {
  const controller = new AbortController();
  process.once('SIGINT', () => controller.abort());
  process.once('SIGTERM', () => controller.abort());
  const io: CliIo = {
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
    signal: controller.signal,
  };
  const code = await runCli(process.argv.slice(2), io);
  // Let stdout drain before exiting (large --json output to a pipe).
  process.stdout.write('', () => process.exit(code));
}
