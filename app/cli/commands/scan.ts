/**
 * `statuscope scan`: the capability matrix in the terminal. Calls 'scan:plan' (--dry-run) or 'scan:run',
 * cancels with 'scan:cancel' on Ctrl+C, and formats or exports the matrix ('scan:export').
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newId } from '../../common/ids';
import { METHOD_SETS, type MethodSet, type ScanRequestInput } from '../../contract/run-ops';
import { formatMatrixText, formatPlanText } from '../../scan/format-text';
import type { CliCommand, CliIo } from '../command';
import { cliCall } from '../host';
import { CliUsageError, emit, parseFormat, parseHeaderOption, parseNumberOption } from '../options';

const HELP = `Usage:
  statuscope scan URL... [options]
  statuscope scan --collection DIR [--folder PATH] [--env NAME] [options]

Sends OPTIONS, then each method of the chosen sets, to every target, and tabulates what answered: the
status, the Allow header, who wrote the answer (fingerprint) and, for each 501, the diagnosed cause.
Flags contradictions: a method listed in Allow that answers 405/501, a 405 without Allow, a 501 on
GET or HEAD, a 404 where GET found the resource, byte-identical answers to different methods.

Options:
      --methods SETS          comma-separated sets: ${METHOD_SETS.join(', ')} (default: all)
                              standard: GET HEAD POST PUT DELETE PATCH TRACE; webdav: PROPFIND PROPPATCH
                              MKCOL COPY MOVE LOCK UNLOCK; query: QUERY; unknown: XYZZY; lowercase: get
  -m, --method TOKEN          also try TOKEN, case kept (repeatable)
      --allow-unsafe          send unsafe methods (POST, PUT, DELETE, …) to the URLs named here; never
                              to collection requests. Without it they are listed as not sent.
      --dry-run               print what would be sent and what would not, and send nothing
  -H, --header 'Name: value'  add a header to every request (repeatable)
      --concurrency N         requests in flight at once (default 4, at most 32)
      --rate N                requests started per second at most (default 20)
      --timeout MS            per request (default 10000)
      --collection DIR        scan every request of this collection (safe methods only)
      --folder PATH           only this folder or request of the collection
      --env NAME              resolve the collection's variables with this environment
      --format FORMAT         table (default), csv, markdown or json
  -o, --out FILE              write the output to FILE instead of standard output
      --progress              print each answer to standard error as it arrives
  -h, --help                  show this help

Exit status: 0 when the scan ran to the end (contradictions do not change it); 1 when it could not
run or was interrupted; 2 on a usage error.

Examples:
  statuscope scan http://127.0.0.1:8080/api/users/42
  statuscope scan --allow-unsafe --format markdown -o matrix.md http://127.0.0.1:8080/items
  statuscope scan --collection ./my-api --env local --methods standard,lowercase`;

const options = {
  methods: { type: 'string' },
  method: { type: 'string', short: 'm', multiple: true },
  'allow-unsafe': { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  header: { type: 'string', short: 'H', multiple: true },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  timeout: { type: 'string' },
  collection: { type: 'string' },
  folder: { type: 'string' },
  env: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  progress: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseSets(text: string | undefined): MethodSet[] | undefined {
  if (text === undefined) return undefined;
  return text.split(',').map((raw) => {
    const set = METHOD_SETS.find((s) => s === raw.trim());
    if (set === undefined)
      throw new CliUsageError(`--methods takes sets from ${METHOD_SETS.join(', ')}; "${raw}" is not one.`);
    return set;
  });
}

const FORMATS = ['table', 'csv', 'markdown', 'json'] as const;

function request(
  values: ReturnType<typeof parse>['values'],
  positionals: string[],
  io: CliIo,
): ScanRequestInput {
  if (values.collection === undefined && positionals.length === 0)
    throw new CliUsageError('Give at least one URL, or --collection DIR.');
  if (values.collection !== undefined && positionals.length > 0)
    throw new CliUsageError('Give URLs or --collection, not both.');
  if (values.collection === undefined && (values.folder !== undefined || values.env !== undefined))
    throw new CliUsageError('--folder and --env go with --collection.');
  const sets = parseSets(values.methods);
  const concurrency = parseNumberOption('concurrency', values.concurrency, 1, 32);
  const rate = parseNumberOption('rate', values.rate, 0.1, 1000);
  const timeout = parseNumberOption('timeout', values.timeout, 100, 120_000);
  return {
    target:
      values.collection === undefined
        ? { kind: 'urls', urls: positionals }
        : {
            kind: 'collection',
            root: path.resolve(io.cwd, values.collection),
            relPath: values.folder ?? '',
            ...(values.env === undefined ? {} : { environment: values.env }),
          },
    ...(sets ? { methodSets: sets } : {}),
    extraMethods: values.method ?? [],
    allowUnsafe: values['allow-unsafe'] === true,
    headers: (values.header ?? []).map(parseHeaderOption),
    ...(concurrency === undefined ? {} : { concurrency: Math.floor(concurrency) }),
    ...(rate === undefined ? {} : { ratePerSecond: rate }),
    ...(timeout === undefined ? {} : { timeoutMs: Math.floor(timeout) }),
  };
}

function parse(args: string[]) {
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

async function runScanCommand(args: string[], io: CliIo): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  let input: ScanRequestInput;
  let format: (typeof FORMATS)[number];
  try {
    parsed = parse(args);
    if (parsed.values.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    input = request(parsed.values, parsed.positionals, io);
    format = parseFormat(parsed.values.format, FORMATS, 'table');
  } catch (e) {
    io.stderr(
      `statuscope scan: ${e instanceof Error ? e.message : String(e)}\nSee \`statuscope scan --help\`.\n`,
    );
    return 2;
  }
  const { values } = parsed;
  if (values['dry-run']) {
    const plan = await cliCall(io, 'scan:plan', input);
    if (!plan.ok) {
      io.stderr(`error ${plan.error.code}: ${plan.error.message}\n`);
      return 1;
    }
    await emit(
      io,
      format === 'json' ? `${JSON.stringify(plan.value, null, 2)}\n` : formatPlanText(plan.value),
      values.out,
    );
    return 0;
  }
  const scanId = newId('scan');
  const onAbort = () => void cliCall(io, 'scan:cancel', { scanId });
  io.signal.addEventListener('abort', onAbort, { once: true });
  const result = await cliCall(
    io,
    'scan:run',
    { ...input, scanId },
    {
      emit: (event, payload) => {
        if (values.progress && event === 'scan:progress' && 'scanId' in payload && 'url' in payload) {
          io.stderr(
            `${payload.done}/${payload.total} ${payload.method} ${payload.url} ${payload.status ?? 'no response'}\n`,
          );
        }
      },
    },
  );
  io.signal.removeEventListener('abort', onAbort);
  if (!result.ok) {
    io.stderr(`error ${result.error.code}: ${result.error.message}\n`);
    return 1;
  }
  const matrix = result.value;
  if (format === 'csv' || format === 'markdown') {
    const exported = await cliCall(io, 'scan:export', { matrix, format });
    if (!exported.ok) {
      io.stderr(`error ${exported.error.code}: ${exported.error.message}\n`);
      return 1;
    }
    await emit(io, exported.value.text, values.out);
  } else {
    await emit(
      io,
      format === 'json' ? `${JSON.stringify(matrix, null, 2)}\n` : formatMatrixText(matrix),
      values.out,
    );
  }
  return matrix.cancelled ? 1 : 0;
}

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'map which methods a URL really implements: statuses, Allow, who answered, contradictions',
  help: HELP,
  run: runScanCommand,
};
