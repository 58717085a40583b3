/**
 * `{{name}}` placeholders. A value may itself use placeholders (`baseUrl: {{scheme}}://{{host}}`); they are
 * expanded up to a fixed depth, and a cycle (`a → b → a`) is left unexpanded and reported, never looped on.
 */

/** Any `{{…}}` without braces inside counts as a placeholder, so `{{$guid}}` from an import is reported too. */
const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;
const MAX_DEPTH = 8;

export interface Lookup {
  (name: string): string | undefined;
}

export interface Expansion {
  text: string;
  /** Names that had no value (or formed a cycle), in first-seen order. */
  unresolved: string[];
  /** Names whose value was substituted, in first-seen order (nested ones included). */
  used: string[];
}

export function placeholders(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PLACEHOLDER)) if (m[1] !== undefined && !out.includes(m[1])) out.push(m[1]);
  return out;
}

export function expand(text: string, lookup: Lookup): Expansion {
  const unresolved: string[] = [];
  const used: string[] = [];
  const note = (list: string[], name: string) => {
    if (!list.includes(name)) list.push(name);
  };
  const walk = (input: string, stack: readonly string[]): string =>
    input.replace(PLACEHOLDER, (whole, name: string) => {
      const value = lookup(name);
      if (value === undefined || stack.includes(name) || stack.length >= MAX_DEPTH) {
        note(unresolved, name);
        return whole;
      }
      note(used, name);
      return walk(value, [...stack, name]);
    });
  return { text: walk(text, []), unresolved, used };
}
