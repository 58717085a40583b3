/**
 * Reading untrusted documents: JSON or YAML text into `unknown`, plus the small narrowing helpers the
 * importers use instead of casts (STYLE.md: untrusted input is parsed, never cast).
 */
import { parse as parseYaml } from 'yaml';
import { fail, messageOf, ok, type Result } from '../common/result';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Where a JSON or YAML parser stopped, as `line L, column C`. */
function whereOf(thrown: unknown, text: string): string | undefined {
  if (thrown instanceof Error && 'linePos' in thrown && Array.isArray(thrown.linePos)) {
    const first: unknown = thrown.linePos[0];
    if (isRecord(first) && typeof first.line === 'number' && typeof first.col === 'number')
      return `line ${first.line}, column ${first.col}`;
  }
  const position = /at position (\d+)/.exec(messageOf(thrown))?.[1];
  return position === undefined ? undefined : lineColumn(text, Number(position));
}

/** JSON first (the common case, and exact), then YAML 1.2 (a superset for our purposes). */
export function parseStructured(text: string): Result<unknown> {
  const trimmed = text.replace(/^\uFEFF/, '');
  try {
    return ok(JSON.parse(trimmed));
  } catch (jsonError) {
    const first = trimmed.trimStart()[0];
    try {
      return ok(parseYaml(trimmed, { maxAliasCount: 10_000 }));
    } catch (yamlError) {
      const thrown = first === '{' || first === '[' ? jsonError : yamlError;
      const why = (messageOf(thrown).split('\n')[0] ?? '').replace(/:\s*$/, '');
      // Node's JSON errors do not always give a position; the YAML parser (a JSON superset) does.
      const where = whereOf(thrown, trimmed) ?? whereOf(yamlError, trimmed);
      return fail(
        'import.invalid',
        `The file is neither valid JSON nor valid YAML: ${why}${where && !why.includes(where) ? ` (${where})` : ''}`,
        where ? { detail: { where } } : {},
      );
    }
  }
}

const parsedCache = new Map<string, unknown>();

/**
 * Parses for detection only: never throws, undefined when the text is not a document. Every importer's
 * detect parses the same text, so the last result is kept (one entry: detection runs on one input).
 */
export function tryParse(text: string): unknown {
  if (parsedCache.has(text)) return parsedCache.get(text);
  const result = parseStructured(text);
  const value = result.ok ? result.value : undefined;
  parsedCache.clear();
  parsedCache.set(text, value);
  return value;
}

/** For text that does not parse: the first 4 KiB, to sniff a format's signature so its importer can say where it breaks. */
export function head(text: string): string {
  return text.slice(0, 4096);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Strings stay strings; numbers and booleans become their text (Postman and Insomnia store both). */
export function asText(value: unknown, fallback = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fallback;
}

export function asOptionalText(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : undefined;
}

/** Formats a zod-style path (`item[3].request.url`) for an `import.invalid` message. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

interface IssueLike {
  path: PropertyKey[];
  message: string;
  errors?: IssueLike[][];
}

/**
 * The most specific schema issue: inside a union, the branch that got furthest (the longest path)
 * says more than "Invalid input" at the union itself.
 */
export function deepestIssue(
  issue: IssueLike,
  prefix: PropertyKey[] = [],
): { path: PropertyKey[]; message: string } {
  const here = [...prefix, ...issue.path];
  let best = { path: here, message: issue.message };
  for (const branch of issue.errors ?? []) {
    for (const inner of branch) {
      const candidate = deepestIssue(inner, here);
      if (candidate.path.length > best.path.length) best = candidate;
    }
  }
  return best;
}
