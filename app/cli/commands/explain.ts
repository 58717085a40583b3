/**
 * `statuscope explain`: the teaching library in the terminal. Looks up a status code, a method or a
 * header field; compares statuses; searches; lists the status and method tables (text or --json).
 * Answers come from the knowledge service handlers, the same ones the app's IPC and web mode call.
 */
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import type { AppError } from '../../common/result';
import { methodList, statusList } from '../../knowledge/catalog';
import { headerMeaning, statusesCarrying } from '../../knowledge/header-meanings';
import { isRegisteredMethod } from '../../knowledge/methods';
import { MYTHS } from '../../knowledge/myths';
import {
  formatComparisonText,
  formatHeaderText,
  formatMethodText,
  formatStatusText,
  formatUnknownMethodText,
  wrap,
} from '../../knowledge/text';
import { knowledgeHandlers } from '../../service/knowledge';
import { silentContext } from '../../service/types';
import type { CliCommand, CliIo } from '../command';

const EXIT_OK = 0;
/** Usage errors and input the library does not know. */
const EXIT_UNKNOWN = 2;

const HELP = `Usage:
  statuscope explain <code | method | header> [--json]
  statuscope explain --compare <code> <code> [<code> …] [--json]
  statuscope explain --search <text> [--limit <n>] [--json]
  statuscope explain --list-status [--json]
  statuscope explain --list-methods [--json]
  statuscope explain --myths [--json]

Explains HTTP status codes (every code in the IANA registry, with its RFC section, retry semantics,
default cacheability and the headers it should carry), methods (the IANA method registry: safe,
idempotent, defining spec; misspelt or wrongly cased names get suggestions) and header fields.

Options:
  --compare          Compare the given status codes side by side, row by row, with citations.
  --search <text>    Search statuses, methods, headers, comparisons and myths.
  --limit <n>        Maximum number of search results (default 10).
  --list-status      Every registered status: code, reason phrase, defining RFC section.
  --list-methods     Every registered method: name, safe, idempotent, defining spec.
  --myths            Common beliefs the specs contradict, with citations.
  --json             Print JSON instead of text.
  -h, --help         Show this help.

Exit codes: 0 found, 2 unknown input or bad usage.

Examples:
  statuscope explain 501
  statuscope explain PROPFIND
  statuscope explain patch              (not registered as written: suggests PATCH)
  statuscope explain Retry-After
  statuscope explain --compare 501 405
  statuscope explain --search "not impl"
  statuscope explain --list-status --json
`;

function json(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}

function usage(io: CliIo, message: string): number {
  io.stderr(`statuscope explain: ${message}\nRun "statuscope explain --help" for usage.\n`);
  return EXIT_UNKNOWN;
}

function failure(io: CliIo, asJson: boolean, error: AppError): number {
  if (asJson) json(io, { error });
  else io.stderr(`${wrap(error.message).join('\n')}\n`);
  return EXIT_UNKNOWN;
}

function parseCodes(values: readonly string[]): number[] | string {
  const codes: number[] = [];
  for (const v of values) {
    if (!/^\d{1,3}$/.test(v)) return `"${v}" is not a status code (three digits, 100–599).`;
    codes.push(Number(v));
  }
  return codes;
}

const OPTIONS = {
  json: { type: 'boolean', default: false },
  compare: { type: 'boolean', default: false },
  search: { type: 'string' },
  limit: { type: 'string' },
  'list-status': { type: 'boolean', default: false },
  'list-methods': { type: 'boolean', default: false },
  myths: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Parsed = ReturnType<
  typeof parseArgs<{ args: string[]; allowPositionals: true; options: typeof OPTIONS }>
>;

function parse(args: string[]): Parsed | string {
  try {
    return parseArgs({ args, allowPositionals: true, options: OPTIONS });
  } catch (thrown) {
    return thrown instanceof Error ? thrown.message : 'invalid arguments';
  }
}

export const explainCommand: CliCommand = {
  name: 'explain',
  summary: 'explain a status code, method or header; compare statuses; list the registries',
  help: HELP,
  async run(args, io) {
    const parsed = parse(args);
    if (typeof parsed === 'string') return usage(io, parsed);
    const { values: opts, positionals } = parsed;
    if (opts.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    // The knowledge handlers are read-only and never touch the env; it is built only to satisfy the type.
    const service = knowledgeHandlers({
      dataDir: io.env['STATUSCOPE_DATA_DIR'] ?? io.cwd,
      tempDir: tmpdir(),
    });
    const asJson = opts.json;
    if (opts['list-status']) return listStatuses(io, asJson);
    if (opts['list-methods']) return listMethods(io, asJson);
    if (opts.myths) return printMyths(io, asJson);
    if (opts.search !== undefined) return search(opts.search, opts.limit, asJson, io, service);
    if (opts.compare) return compare(positionals, asJson, io, service);
    const [subject, ...extra] = positionals;
    if (subject === undefined) return usage(io, 'name a status code, a method or a header field.');
    if (extra.length > 0) {
      return usage(
        io,
        'explain takes one code, method or header; use --compare for several codes or --search for text.',
      );
    }
    return explainOne(subject, asJson, io, service);
  },
};

function listStatuses(io: CliIo, asJson: boolean): number {
  const list = statusList();
  if (asJson) json(io, list);
  else
    io.stdout(list.map((s) => `${String(s.code).padEnd(5)}${s.reason.padEnd(33)}${s.rfc}`).join('\n') + '\n');
  return EXIT_OK;
}

function listMethods(io: CliIo, asJson: boolean): number {
  const list = methodList();
  if (asJson) {
    json(io, list);
    return EXIT_OK;
  }
  const flag = (b: boolean, word: string): string => (b ? word : `not ${word}`).padEnd(16);
  const lines = list.map(
    (m) => `${m.name.padEnd(19)}${flag(m.safe, 'safe')}${flag(m.idempotent, 'idempotent')}${m.rfc}`,
  );
  io.stdout(lines.join('\n') + '\n');
  return EXIT_OK;
}

function printMyths(io: CliIo, asJson: boolean): number {
  if (asJson) {
    json(io, MYTHS);
    return EXIT_OK;
  }
  const blocks = MYTHS.map((m) =>
    [
      ...wrap(m.myth, 'Myth: ', '      '),
      ...wrap(m.fact, 'Fact: ', '      '),
      `      (${m.refs.join(', ')})`,
    ].join('\n'),
  );
  io.stdout(blocks.join('\n\n') + '\n');
  return EXIT_OK;
}

async function search(
  query: string,
  rawLimit: string | undefined,
  asJson: boolean,
  io: CliIo,
  service: Service,
): Promise<number> {
  const limit = rawLimit === undefined ? 10 : Number(rawLimit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 100)
    return usage(io, '--limit must be a whole number from 1 to 100.');
  const found = await service['knowledge:search']({ query, limit }, silentContext);
  if (!found.ok) return failure(io, asJson, found.error);
  if (asJson) json(io, found.value);
  else if (found.value.length === 0) io.stdout(`Nothing in the library matches "${query}".\n`);
  else {
    const pad = '           ';
    const blocks = found.value.map((r) =>
      [...wrap(r.title, r.kind.padEnd(pad.length), pad), ...wrap(r.snippet, pad)].join('\n'),
    );
    io.stdout(blocks.join('\n') + '\n');
  }
  return EXIT_OK;
}

async function compare(
  values: readonly string[],
  asJson: boolean,
  io: CliIo,
  service: Service,
): Promise<number> {
  const codes = parseCodes(values);
  if (typeof codes === 'string') return usage(io, codes);
  if (codes.length < 2 || codes.length > 6) return usage(io, '--compare takes two to six status codes.');
  const compared = await service['knowledge:compare']({ codes }, silentContext);
  if (!compared.ok) return failure(io, asJson, compared.error);
  if (asJson) json(io, compared.value);
  else io.stdout(formatComparisonText(compared.value));
  return EXIT_OK;
}

type Service = ReturnType<typeof knowledgeHandlers>;

async function explainOne(subject: string, asJson: boolean, io: CliIo, service: Service): Promise<number> {
  if (/^\d+$/.test(subject)) {
    const status = await service['knowledge:status']({ code: Number(subject) }, silentContext);
    if (!status.ok) return failure(io, asJson, status.error);
    if (asJson) json(io, status.value);
    else io.stdout(formatStatusText(status.value));
    return EXIT_OK;
  }
  const header = headerMeaning(subject);
  // A registered method wins over a header of the same spelling (there is none today, but names may collide).
  if (header !== undefined && !isRegisteredMethod(subject)) {
    const carriers = statusesCarrying(header.name);
    if (asJson) json(io, { header, carriedBy: carriers });
    else io.stdout(formatHeaderText(header, carriers));
    return EXIT_OK;
  }
  const method = await service['knowledge:method']({ name: subject }, silentContext);
  if (!method.ok) return failure(io, asJson, method.error);
  const info = method.value;
  if (info.entry !== null) {
    if (asJson) json(io, info);
    else io.stdout(formatMethodText(info.entry));
    return EXIT_OK;
  }
  if (asJson) {
    json(io, info);
    return EXIT_UNKNOWN;
  }
  if (info.suggestions.length > 0) {
    io.stderr(formatUnknownMethodText(subject, info.suggestions));
    return EXIT_UNKNOWN;
  }
  const lines = wrap(`"${subject}" is not a status code, a registered method or a known header field.`);
  const related = await service['knowledge:search']({ query: subject, limit: 3 }, silentContext);
  if (related.ok && related.value.length > 0) {
    lines.push('Related entries in the library:', ...related.value.map((r) => `  ${r.kind}: ${r.title}`));
  } else {
    lines.push('Try "statuscope explain --search <text>", --list-status or --list-methods.');
  }
  io.stderr(`${lines.join('\n')}\n`);
  return EXIT_UNKNOWN;
}
