/**
 * Reading untrusted documents: JSON or YAML text into `unknown`, plus the small narrowing helpers the
 * importers use instead of casts (STYLE.md: untrusted input is parsed, never cast).
 */
import { parse as parseYaml } from 'yaml';
import { fail, messageOf, ok, type Result } from '../common/result';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

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
      const why = first === '{' || first === '[' ? messageOf(jsonError) : messageOf(yamlError);
      return fail('import.invalid', `The file is neither valid JSON nor valid YAML: ${why}`);
    }
  }
}

/** Parses for detection only: never throws, undefined when the text is not a document. */
export function tryParse(text: string): unknown {
  const result = parseStructured(text);
  return result.ok ? result.value : undefined;
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
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
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
