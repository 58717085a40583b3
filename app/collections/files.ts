/** Loading one YAML file of a collection: resolved inside the root, size-capped, parsed, hashed. */
import { stat } from 'node:fs/promises';
import type { Document } from 'yaml';
import type { z } from 'zod';
import { fail, ok, type Result } from '../common/result';
import { contentHash, readTextIfExists } from './atomic';
import { resolveInside } from './paths';
import { parseYaml, type Parsed } from './yaml-file';

/** A collection file larger than this is reported, not parsed: no hand-written request is 2 MB of YAML. */
export const MAX_YAML_BYTES = 2 * 1024 * 1024;

export interface LoadedFile<T> {
  abs: string;
  rel: string;
  text: string;
  hash: string;
  parsed: Parsed<T>;
}

/** The parsed file, or `undefined` when it does not exist. A parse failure is a value in `parsed`. */
export async function loadYaml<S extends z.ZodType>(
  root: string,
  rel: string,
  schema: S,
): Promise<Result<LoadedFile<z.output<S>> | undefined>> {
  const abs = await resolveInside(root, rel);
  if (!abs.ok) return abs;
  const info = await stat(abs.value).catch(() => undefined);
  if (info === undefined) return ok(undefined);
  if (!info.isFile())
    return fail('collection.not-a-file', `${rel} is not a file.`, { detail: { path: rel } });
  if (info.size > MAX_YAML_BYTES) {
    const problem = {
      path: rel,
      line: 0,
      column: 0,
      reason: `the file is ${info.size} bytes; collection files are read up to ${MAX_YAML_BYTES}`,
    };
    return ok({ abs: abs.value, rel, text: '', hash: '', parsed: { ok: false, problem } });
  }
  const text = await readTextIfExists(abs.value);
  if (text === undefined) return ok(undefined);
  return ok({ abs: abs.value, rel, text, hash: contentHash(text), parsed: parseYaml(text, schema, rel) });
}

/** The same, for callers that need the file to exist and parse (edits): anything else is a failure. */
export async function loadYamlStrict<S extends z.ZodType>(
  root: string,
  rel: string,
  schema: S,
): Promise<Result<LoadedFile<z.output<S>> & { value: z.output<S>; doc: Document }>> {
  const loaded = await loadYaml(root, rel, schema);
  if (!loaded.ok) return loaded;
  if (loaded.value === undefined)
    return fail('collection.not-found', `${rel} does not exist.`, { detail: { path: rel } });
  const { parsed } = loaded.value;
  if (!parsed.ok) {
    const p = parsed.problem;
    return fail(
      'collection.invalid-file',
      `${p.path}:${p.line}:${p.column}: ${p.reason}. The file was left as it is.`,
      {
        detail: { path: p.path, line: p.line, column: p.column },
      },
    );
  }
  return ok({ ...loaded.value, value: parsed.value, doc: parsed.doc });
}
