/**
 * The JSON path subset assertions use (docs/assertions.md documents it for users):
 *
 *   $                    the whole document
 *   .name                a member; name = letters, digits, _ $ - (not starting with a digit or -)
 *   ['any key'] ["key"]  a member with any name; \' \" and \\ escape inside the quotes
 *   [0] [-1]             an array element; negative counts from the end
 *
 * e.g. `$.data.items[0].id`, `$['content-type']`, `$.list[-1]`. No wildcards, filters or recursion:
 * an assertion names one value. Members are looked up as own properties only (`$.constructor` is absent).
 */
import { fail, ok, type Result } from '../common/result';
import { isRecord } from '../formats/structured';

export type PathSegment = { kind: 'member'; name: string } | { kind: 'index'; index: number };

const NAME_START = /[A-Za-z_$]/;
const NAME_CHAR = /[A-Za-z0-9_$-]/;

function bad(path: string, at: number, what: string): Result<never> {
  return fail(
    'assertion.invalid-path',
    `The JSON path ${JSON.stringify(path)} is not valid at position ${at + 1}: ${what}. Supported: $, .name, ['name'], [0], [-1].`,
  );
}

function readQuoted(path: string, start: number): { name: string; end: number } | null {
  const quote = path[start];
  let i = start + 1;
  let name = '';
  while (i < path.length) {
    const ch = path[i];
    if (ch === '\\') {
      const next = path[i + 1];
      if (next === undefined) return null;
      name += next;
      i += 2;
      continue;
    }
    if (ch === quote) return { name, end: i + 1 };
    name += ch;
    i += 1;
  }
  return null;
}

export function parseJsonPath(path: string): Result<PathSegment[]> {
  if (!path.startsWith('$')) return bad(path, 0, 'a path starts with $');
  const segments: PathSegment[] = [];
  let i = 1;
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      let j = i + 1;
      if (!NAME_START.test(path[j] ?? ''))
        return bad(path, j, "a member name starts with a letter, _ or $ (use ['name'] for others)");
      while (j < path.length && NAME_CHAR.test(path[j] ?? '')) j += 1;
      segments.push({ kind: 'member', name: path.slice(i + 1, j) });
      i = j;
    } else if (ch === '[') {
      const q = path[i + 1];
      if (q === "'" || q === '"') {
        const read = readQuoted(path, i + 1);
        if (read === null || path[read.end] !== ']') return bad(path, i, 'an unterminated quoted member');
        segments.push({ kind: 'member', name: read.name });
        i = read.end + 1;
      } else {
        const m = /^\[(-?\d{1,9})\]/.exec(path.slice(i));
        if (!m?.[1]) return bad(path, i, 'brackets hold an integer index or a quoted name');
        segments.push({ kind: 'index', index: Number(m[1]) });
        i += m[0].length;
      }
    } else {
      return bad(path, i, `unexpected ${JSON.stringify(ch)}`);
    }
  }
  return ok(segments);
}

export type Lookup = { found: true; value: unknown } | { found: false; missingAt: string };

function describe(segments: readonly PathSegment[], upTo: number): string {
  return `$${segments
    .slice(0, upTo + 1)
    .map((s) =>
      s.kind === 'index'
        ? `[${s.index}]`
        : /^[A-Za-z_$][A-Za-z0-9_$-]*$/.test(s.name)
          ? `.${s.name}`
          : `[${JSON.stringify(s.name)}]`,
    )
    .join('')}`;
}

export function lookupJsonPath(document: unknown, segments: readonly PathSegment[]): Lookup {
  let current: unknown = document;
  for (const [i, s] of segments.entries()) {
    if (s.kind === 'index') {
      if (!Array.isArray(current)) return { found: false, missingAt: describe(segments, i) };
      const index = s.index < 0 ? current.length + s.index : s.index;
      if (index < 0 || index >= current.length) return { found: false, missingAt: describe(segments, i) };
      current = current[index];
    } else {
      if (!isRecord(current) || !Object.hasOwn(current, s.name))
        return { found: false, missingAt: describe(segments, i) };
      current = current[s.name];
    }
  }
  return { found: true, value: current };
}
