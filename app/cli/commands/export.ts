/**
 * `statuscope export`: a collection folder → Postman Collection v2.1 or HAR 1.2, on standard output or
 * into a file. Warnings (what the target format cannot hold) go to standard error.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { messageOf } from '../../common/result';
import { readCollection } from '../../formats/collection-io';
import { collectionToHar } from '../../formats/har-export';
import { toPostmanCollection, toPostmanEnvironment } from '../../formats/postman-export';
import type { ImportWarning } from '../../formats/types';
import type { CliCommand, CliIo } from '../command';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

export const EXPORT_FORMATS = ['postman', 'har'] as const;
type ExportFormat = (typeof EXPORT_FORMATS)[number];

const HELP = `Usage:
  statuscope export DIR --format postman|har [-o FILE] [--env NAME]

Writes the collection in DIR in another tool's format:
  postman   Postman Collection v2.1. With -o, each environment is also written next to FILE as
            <FILE without .json>.<environment>.postman_environment.json (secret values left empty).
  har       HAR 1.2: every request as it would be sent (variables resolved with the collection's
            values and --env's, static auth applied), with an empty response.

What the format cannot hold (assertions, binary bodies, digest/OAuth tokens…) is listed on standard
error, per request.

Options:
  --format FORMAT   postman | har (required).
  -o, --output FILE Write to FILE instead of standard output.
  --env NAME        The environment whose variables resolve {{names}} (har).
  -h, --help        Show this help.

Exit codes: 0 exported, 1 the collection could not be read or the file written, 2 bad usage.

Examples:
  statuscope export ./api --format postman -o api.postman_collection.json
  statuscope export ./api --format har --env staging > api.har
`;

const OPTIONS = {
  format: { type: 'string' },
  output: { type: 'string', short: 'o' },
  env: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function usage(io: CliIo, message: string): number {
  io.stderr(`statuscope export: ${message}\nRun "statuscope export --help" for usage.\n`);
  return EXIT_USAGE;
}

function isExportFormat(value: string | undefined): value is ExportFormat {
  return (EXPORT_FORMATS as readonly (string | undefined)[]).includes(value);
}

function slug(name: string): string {
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'environment'
  );
}

function reportWarnings(io: CliIo, warnings: readonly ImportWarning[]): void {
  for (const w of warnings) io.stderr(`warning: ${w.item}: ${w.what}\n`);
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'export a collection folder as a Postman collection or a HAR file',
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
    const [dir, ...extra] = positionals;
    if (dir === undefined) return usage(io, 'which collection? Give its folder.');
    if (extra.length) return usage(io, `one collection at a time (got ${positionals.length}).`);
    if (!isExportFormat(values.format)) return usage(io, `--format must be ${EXPORT_FORMATS.join(' or ')}.`);

    const read = await readCollection(path.resolve(io.cwd, dir));
    if (!read.ok) {
      io.stderr(`statuscope export: ${read.error.code}: ${read.error.message}\n`);
      return EXIT_FAILED;
    }
    const { tree } = read.value;
    const warnings = [...read.value.warnings];
    const output = values.output === undefined ? undefined : path.resolve(io.cwd, values.output);
    const files: { file: string; text: string }[] = [];
    let text: string;
    if (values.format === 'postman') {
      const exported = toPostmanCollection(tree);
      warnings.push(...exported.warnings);
      text = `${JSON.stringify(exported.json, null, 2)}\n`;
      if (output) {
        const base = output.replace(/\.json$/i, '').replace(/\.postman_collection$/i, '');
        for (const env of tree.environments)
          files.push({
            file: `${base}.${slug(env.name)}.postman_environment.json`,
            text: `${JSON.stringify(toPostmanEnvironment(env), null, 2)}\n`,
          });
      } else if (tree.environments.length) {
        warnings.push({
          item: tree.collection.name,
          what: `${tree.environments.length} environment(s) not written: give -o FILE to write them next to it`,
        });
      }
    } else {
      const exported = collectionToHar(tree, values.env === undefined ? {} : { environment: values.env });
      warnings.push(...exported.warnings);
      text = `${JSON.stringify(exported.har, null, 2)}\n`;
    }
    reportWarnings(io, warnings);
    if (!output) {
      io.stdout(text);
      return EXIT_OK;
    }
    try {
      await writeFile(output, text);
      for (const f of files) await writeFile(f.file, f.text);
    } catch (thrown) {
      io.stderr(`statuscope export: cannot write ${output}: ${messageOf(thrown)}\n`);
      return EXIT_FAILED;
    }
    io.stderr(`wrote ${[output, ...files.map((f) => f.file)].join(', ')}\n`);
    return EXIT_OK;
  },
};
