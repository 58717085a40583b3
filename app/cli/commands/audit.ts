/**
 * `statuscope audit`: how a running API measures up to its OpenAPI document ('audit:run'), cancelled with
 * 'audit:cancel' on Ctrl+C. Prints a table, Markdown or the JSON report.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { newId } from '../../common/ids';
import type { AuditReport, AuditRequestInput } from '../../contract/run-ops';
import { formatAuditText } from '../../scan/audit/format';
import type { CliCommand, CliIo } from '../command';
import { cliCall } from '../host';
import { CliUsageError, emit, parseFormat, parseHeaderOption, parseNumberOption } from '../options';

const HELP = `Usage:
  statuscope audit SPEC [--base-url URL] [options]

Probes every operation documented in SPEC (OpenAPI 3.x or Swagger 2.0, JSON or YAML) with the spec's
example parameters and body, and reports each as implemented, documented but not built (404, 405 or
501, diagnosed), auth-gated (401/403) or erroring (other 5xx, no response). Then tries, on each
documented path, the standard methods the spec omits, and lists those that answer anyway.
Unsafe methods (POST, PUT, PATCH, DELETE) are sent only with --allow-unsafe.

Options:
      --base-url URL          where the API runs (default: the spec's first absolute server URL)
      --allow-unsafe          also send unsafe operations and try unsafe undocumented methods
      --no-undocumented       do not try the methods the spec omits
  -H, --header 'Name: value'  add a header to every request, e.g. credentials (repeatable)
      --concurrency N         requests in flight at once (default 4, at most 32)
      --rate N                requests started per second at most (default 20)
      --timeout MS            per request (default 10000)
      --format FORMAT         table (default), markdown or json
  -o, --out FILE              write the output to FILE instead of standard output
  -h, --help                  show this help

Exit status: 0 when every operation probed is implemented or auth-gated; 1 when one is documented but
not built, or erroring; 2 on a usage error or when the audit cannot run (unreadable spec, no base URL).

Examples:
  statuscope audit openapi.yaml --base-url http://127.0.0.1:8080
  statuscope audit api.json --allow-unsafe -H 'Authorization: Bearer $TOKEN' --format markdown -o audit.md`;

const options = {
  'base-url': { type: 'string' },
  'allow-unsafe': { type: 'boolean' },
  'no-undocumented': { type: 'boolean' },
  header: { type: 'string', short: 'H', multiple: true },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  timeout: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS = ['table', 'markdown', 'json'] as const;

/** 1 when the API falls short of its document: an operation not built, or failing. */
export function auditExitCode(report: AuditReport): number {
  return report.totals['not-built'] > 0 || report.totals.erroring > 0 || report.cancelled ? 1 : 0;
}

async function runAuditCommand(args: string[], io: CliIo): Promise<number> {
  let input: AuditRequestInput;
  let format: (typeof FORMATS)[number];
  let out: string | undefined;
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout(`${HELP}\n`);
      return 0;
    }
    if (positionals.length !== 1 || positionals[0] === undefined)
      throw new CliUsageError('Give exactly one OpenAPI document (a file path).');
    format = parseFormat(values.format, FORMATS, 'table');
    out = values.out;
    const concurrency = parseNumberOption('concurrency', values.concurrency, 1, 32);
    const rate = parseNumberOption('rate', values.rate, 0.1, 1000);
    const timeout = parseNumberOption('timeout', values.timeout, 100, 120_000);
    input = {
      spec: { kind: 'path', path: path.resolve(io.cwd, positionals[0]) },
      ...(values['base-url'] === undefined ? {} : { baseUrl: values['base-url'] }),
      allowUnsafe: values['allow-unsafe'] === true,
      undocumented: values['no-undocumented'] !== true,
      headers: (values.header ?? []).map(parseHeaderOption),
      ...(concurrency === undefined ? {} : { concurrency: Math.floor(concurrency) }),
      ...(rate === undefined ? {} : { ratePerSecond: rate }),
      ...(timeout === undefined ? {} : { timeoutMs: Math.floor(timeout) }),
    };
  } catch (e) {
    io.stderr(
      `statuscope audit: ${e instanceof Error ? e.message : String(e)}\nSee \`statuscope audit --help\`.\n`,
    );
    return 2;
  }
  const auditId = newId('audit');
  const onAbort = () => void cliCall(io, 'audit:cancel', { auditId });
  io.signal.addEventListener('abort', onAbort, { once: true });
  const result = await cliCall(io, 'audit:run', { ...input, auditId });
  io.signal.removeEventListener('abort', onAbort);
  if (!result.ok) {
    io.stderr(`error ${result.error.code}: ${result.error.message}\n`);
    return 2;
  }
  const { markdown, ...report } = result.value;
  const text =
    format === 'json'
      ? `${JSON.stringify(report, null, 2)}\n`
      : format === 'markdown'
        ? markdown
        : formatAuditText(report);
  await emit(io, text, out);
  return auditExitCode(report);
}

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: 'check a running API against its OpenAPI document: built, not built, auth-gated, erroring',
  help: HELP,
  run: runAuditCommand,
};
