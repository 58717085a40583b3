/**
 * `statuscope run`: the collection runner for CI ('run:start', stopped with 'run:stop' on Ctrl+C).
 * DIR may be the collection folder or any folder or request file inside it: the collection root is the
 * nearest folder upwards holding collection.yaml, and only DIR's part of it runs.
 */
import { stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newId } from '../../common/ids';
import { assertNever } from '../../common/result';
import type { RunReport } from '../../contract/run-ops';
import { toJUnit } from '../../runner/junit';
import { formatRunText, summaryLine } from '../../runner/report-text';
import type { CliCommand, CliIo } from '../command';
import { cliCall } from '../host';
import { CliUsageError, emit, parseNumberOption } from '../options';

const HELP = `Usage:
  statuscope run DIR [--env NAME] [--reporter cli|json|junit] [--out FILE] [--bail] [--concurrency N]

Runs the requests of a collection in the collection's order and checks each one's assertions
(docs/assertions.md). DIR is the collection folder, or a folder or request file inside it to run only
that part. Variables resolve from STATUSCOPE_VAR_<name>, then the environment, then the collection.

Options:
  -e, --env NAME              resolve variables with this environment (environments/*.yaml)
  -r, --reporter NAME         cli (default): a line per request; json: the whole report;
                              junit: JUnit XML for CI servers (Jenkins, GitLab, GitHub)
  -o, --out FILE              write the report to FILE; the cli summary still goes to standard output
      --bail                  stop after the first request that fails or cannot be sent
      --concurrency N         requests in flight at once (default 1); the report keeps the order
      --progress              print each request to standard error as it finishes
  -h, --help                  show this help

Exit status: 0 when every request was sent and every assertion passed; 1 when an assertion failed or
a request could not be sent (it is still in the report); 2 on a usage error or when the collection
cannot be opened.

Examples:
  statuscope run ./my-api --env staging
  statuscope run ./my-api/users --reporter junit --out junit.xml --bail`;

const options = {
  env: { type: 'string', short: 'e' },
  reporter: { type: 'string', short: 'r' },
  out: { type: 'string', short: 'o' },
  bail: { type: 'boolean' },
  concurrency: { type: 'string' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const REPORTERS = ['cli', 'json', 'junit'] as const;
type Reporter = (typeof REPORTERS)[number];

/** The nearest folder at or above `target` holding collection.yaml, and `target`'s path inside it. */
export async function locateCollection(
  target: string,
): Promise<{ root: string; relPath: string } | undefined> {
  const info = await stat(target).catch(() => undefined);
  if (!info) return undefined;
  let dir = info.isDirectory() ? target : path.dirname(target);
  for (;;) {
    if (
      await stat(path.join(dir, 'collection.yaml')).then(
        (s) => s.isFile(),
        () => false,
      )
    ) {
      return { root: dir, relPath: path.relative(dir, target).split(path.sep).join('/') };
    }
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function runExitCode(report: RunReport): number {
  return report.totals.failed > 0 || report.totals.errors > 0 || report.stopped ? 1 : 0;
}

function parse(args: string[]) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

function render(report: RunReport, reporter: Reporter): string {
  switch (reporter) {
    case 'cli':
      return formatRunText(report);
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'junit':
      return toJUnit(report, { hostname: hostname() });
    default:
      return assertNever(reporter, 'reporter');
  }
}

async function runRunCommand(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  let reporter: Reporter;
  let concurrency: number | undefined;
  try {
    parsed = parse(args);
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1)
      throw new CliUsageError('Give exactly one collection folder (or a folder or request inside one).');
    const found = REPORTERS.find((r) => r === (values.reporter ?? 'cli'));
    if (found === undefined)
      throw new CliUsageError(
        `--reporter is one of ${REPORTERS.join(', ')}, not "${values.reporter ?? ''}".`,
      );
    reporter = found;
    concurrency = parseNumberOption('concurrency', values.concurrency, 1, 64);
    if (concurrency !== undefined && !Number.isInteger(concurrency))
      throw new CliUsageError('--concurrency takes a whole number.');
  } catch (e) {
    io.stderr(
      `statuscope run: ${e instanceof Error ? e.message : String(e)}\nSee \`statuscope run --help\`.\n`,
    );
    return 2;
  }
  const { values, positionals } = parsed;
  const target = path.resolve(io.cwd, positionals[0] ?? '.');
  const located = await locateCollection(target);
  if (!located) {
    io.stderr(
      `statuscope run: ${target} is not inside a collection (no collection.yaml in it or above it).\n`,
    );
    return 2;
  }
  const runId = newId('run');
  const onAbort = () => void cliCall(io, 'run:stop', { runId });
  io.signal.addEventListener('abort', onAbort, { once: true });
  const result = await cliCall(
    io,
    'run:start',
    {
      root: located.root,
      relPath: located.relPath,
      ...(values.env === undefined ? {} : { environment: values.env }),
      bail: values.bail === true,
      ...(concurrency === undefined ? {} : { concurrency }),
      runId,
    },
    {
      emit: (event, payload) => {
        if (values.progress && event === 'run:progress' && 'runId' in payload && 'outcome' in payload)
          io.stderr(`${payload.done}/${payload.total} ${payload.outcome.toUpperCase()} ${payload.path}\n`);
      },
    },
  );
  io.signal.removeEventListener('abort', onAbort);
  if (!result.ok) {
    io.stderr(`error ${result.error.code}: ${result.error.message}\n`);
    return 2;
  }
  const report = result.value;
  await emit(io, render(report, reporter), values.out);
  if (values.out !== undefined)
    io.stdout(reporter === 'cli' ? `${summaryLine(report)}\n` : formatRunText(report));
  return runExitCode(report);
}

export const runCommand: CliCommand = {
  name: 'run',
  summary: 'run a collection’s requests with their assertions, for CI (JUnit XML, exit codes)',
  help: HELP,
  run: runRunCommand,
};
