/**
 * `statuscope import`: a Postman, Insomnia, OpenAPI/Swagger, HAR or curl file → a collection folder.
 * Prints what was imported and every warning (what could not be carried over, per item). The work is
 * app/formats (importers) and app/collections (the store writes the folder).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { messageOf } from '../../common/result';
import { writeImport } from '../../formats/collection-io';
import { importPostmanEnvironment } from '../../formats/postman-import';
import { IMPORTERS, importText } from '../../formats/registry';
import { countItems, IMPORT_FORMATS, type ImportFormat, type ImportWarning } from '../../formats/types';
import type { CliCommand, CliIo } from '../command';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

const FORMATS = ['auto', ...IMPORT_FORMATS] as const;

const HELP = `Usage:
  statuscope import FILE --into DIR [--format FORMAT] [--env ENV_FILE]… [--merge] [--json]
  statuscope import FILE --dry-run [--format FORMAT] [--json]

Imports requests from another tool into a Statuscope collection folder (collection.yaml, one YAML
file per request, environments/). Prints how many requests, folders and environments were imported
and every warning: what could not be carried over (scripts, unsupported auth, dynamic variables…),
per item. Nothing is dropped silently.

FILE is a path, or - for standard input (paste a curl command).

Formats (auto-detected, tried in this order):
  postman    Postman Collection v2.0/v2.1 (.json), or a Postman environment
  insomnia   Insomnia export v4 (JSON or YAML) and v5 (YAML)
  openapi    OpenAPI 3.0/3.1, Swagger 2.0 (JSON or YAML): one request per operation
  har        HAR 1.2 (browser devtools "Save all as HAR")
  curl       curl command lines, bash or Windows cmd quoting ("Copy as cURL"), several per file

Options:
  --into DIR        The collection folder to create. It must be empty or missing, unless --merge.
  --merge           Add the imported requests to the collection already in DIR.
  --format FORMAT   ${FORMATS.join(' | ')} (default auto).
  --env ENV_FILE    A Postman environment file to import alongside (repeatable).
  --dry-run         Import in memory and report; write nothing.
  --json            Print the summary as JSON.
  -h, --help        Show this help.

Exit codes: 0 imported, 1 the file could not be imported or written, 2 bad usage.

Examples:
  statuscope import api.postman_collection.json --into ./api --env staging.postman_environment.json
  statuscope import openapi.yaml --into ./petstore
  pbpaste | statuscope import - --into ./scratch --format curl
`;

const OPTIONS = {
  into: { type: 'string' },
  merge: { type: 'boolean', default: false },
  format: { type: 'string', default: 'auto' },
  env: { type: 'string', multiple: true },
  'dry-run': { type: 'boolean', default: false },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function usage(io: CliIo, message: string): number {
  io.stderr(`statuscope import: ${message}\nRun "statuscope import --help" for usage.\n`);
  return EXIT_USAGE;
}

function isFormat(value: string): value is ImportFormat | 'auto' {
  return (FORMATS as readonly string[]).includes(value);
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file !== '-') return readFile(path.resolve(io.cwd, file), 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: 'import a Postman, Insomnia, OpenAPI, HAR or curl file into a collection folder',
  help: HELP,
  async run(args, io) {
    let parsed;
    try {
      parsed = parseArgs({ args, allowPositionals: true, options: OPTIONS });
    } catch (thrown) {
      return usage(io, messageOf(thrown));
    }
    const { values, positionals } = parsed;
    if (values.help) {
      io.stdout(HELP);
      return EXIT_OK;
    }
    const [file, ...extra] = positionals;
    if (file === undefined) return usage(io, 'which file? Give FILE (or - for standard input).');
    if (extra.length)
      return usage(io, `one file at a time (got ${positionals.length}); pass environments with --env.`);
    if (!isFormat(values.format))
      return usage(io, `unknown format "${values.format}"; use one of ${FORMATS.join(', ')}.`);
    const dryRun = values['dry-run'];
    if (!dryRun && values.into === undefined) return usage(io, 'where to? Give --into DIR (or --dry-run).');

    let text: string;
    try {
      text = await readInput(file, io);
    } catch (thrown) {
      io.stderr(`statuscope import: cannot read ${file}: ${messageOf(thrown)}\n`);
      return EXIT_FAILED;
    }
    const imported = await importText(text, values.format);
    if (!imported.ok) {
      io.stderr(`statuscope import: ${imported.error.code}: ${imported.error.message}\n`);
      return EXIT_FAILED;
    }
    const result = imported.value;
    const warnings: ImportWarning[] = [...result.warnings];
    for (const envFile of values.env ?? []) {
      let envText: string;
      try {
        envText = await readFile(path.resolve(io.cwd, envFile), 'utf8');
      } catch (thrown) {
        io.stderr(`statuscope import: cannot read ${envFile}: ${messageOf(thrown)}\n`);
        return EXIT_FAILED;
      }
      const env = importPostmanEnvironment(envText);
      if (!env.ok) {
        io.stderr(`statuscope import: ${envFile}: ${env.error.code}: ${env.error.message}\n`);
        return EXIT_FAILED;
      }
      result.environments.push(env.value.environment);
      warnings.push(...env.value.warnings);
    }

    let root: string | undefined;
    let environments = result.environments.map((e) => e.name);
    if (!dryRun && values.into !== undefined) {
      const written = await writeImport(path.resolve(io.cwd, values.into), result, { merge: values.merge });
      if (!written.ok) {
        io.stderr(`statuscope import: ${written.error.code}: ${written.error.message}\n`);
        return EXIT_FAILED;
      }
      root = written.value.root;
      environments = written.value.environments;
      warnings.push(...written.value.warnings);
    }
    const counts = countItems(result.items);
    const formatName = IMPORTERS.find((i) => i.id === result.format)?.name ?? result.format;
    if (values.json) {
      io.stdout(
        `${JSON.stringify({ format: result.format, collection: result.collection.name, root: root ?? null, ...counts, environments, warnings }, null, 2)}\n`,
      );
      return EXIT_OK;
    }
    const lines = [
      `${dryRun ? 'Would import' : 'Imported'} ${formatName}: "${result.collection.name}"${root ? ` into ${root}` : ''}`,
      `  ${plural(counts.requests, 'request')}, ${plural(counts.folders, 'folder')}, ${plural(environments.length, 'environment')}${environments.length ? ` (${environments.join(', ')})` : ''}`,
    ];
    if (warnings.length) {
      lines.push(`  ${plural(warnings.length, 'warning')}:`);
      for (const w of warnings) lines.push(`    ${w.item}: ${w.what}`);
    } else lines.push('  no warnings: everything was carried over');
    io.stdout(`${lines.join('\n')}\n`);
    return EXIT_OK;
  },
};
