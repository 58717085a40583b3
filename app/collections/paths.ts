/**
 * Paths inside a collection. Every relative path a caller supplies (the renderer, a WebSocket client,
 * the CLI) is resolved here before any fs call: DESIGN.md, "Security model" — renderer-supplied paths
 * are resolved inside the collection root. `..` segments, absolute paths, NUL bytes and symlinks that
 * lead out of the root are refused.
 */
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import { fail, ok, type Result } from '../common/result';

/** Collection-relative paths always use `/`, whatever the platform, so they are stable in files and events. */
export function toRel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

function refuse(rel: string, why: string): Result<never> {
  return fail(
    'collection.path-outside-root',
    `The path ${JSON.stringify(rel)} is not inside the collection: ${why}.`,
    {
      detail: { path: rel },
    },
  );
}

/** Lexical check: the path stays under the root without touching the disk. `''` is the root itself. */
export function resolveLexically(root: string, rel: string): Result<string> {
  if (!path.isAbsolute(root))
    return fail(
      'collection.root-not-absolute',
      `The collection root must be an absolute path, got ${JSON.stringify(root)}.`,
    );
  if (rel.includes('\0')) return refuse(rel, 'it contains a NUL byte');
  if (path.isAbsolute(rel) || path.win32.isAbsolute(rel) || /^[A-Za-z]:/.test(rel))
    return refuse(rel, 'it is absolute');
  const segments = rel.split(/[\\/]/);
  if (segments.includes('..')) return refuse(rel, 'it contains ".."');
  const abs = path.resolve(root, ...segments.filter((s) => s !== '' && s !== '.'));
  const back = path.relative(root, abs);
  if (back.startsWith('..') || path.isAbsolute(back)) return refuse(rel, 'it resolves outside the root');
  return ok(abs);
}

async function realpathOfExistingPrefix(abs: string): Promise<{ real: string; rest: string[] }> {
  const rest: string[] = [];
  let cur = abs;
  for (;;) {
    try {
      return { real: await realpath(cur), rest };
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return { real: cur, rest };
      rest.unshift(path.basename(cur));
      cur = parent;
    }
  }
}

/**
 * Resolves `rel` inside `root`, following symlinks of the part that exists: a link inside the
 * collection that points outside it is refused, so a cloned repository cannot make Statuscope read or
 * write `~/.ssh` through `requests/x.yaml -> ~/.ssh/id_rsa`.
 */
export async function resolveInside(root: string, rel: string): Promise<Result<string>> {
  const lexical = resolveLexically(root, rel);
  if (!lexical.ok) return lexical;
  const realRoot = await realpath(root).catch(() => root);
  const { real, rest } = await realpathOfExistingPrefix(lexical.value);
  const target = path.join(real, ...rest);
  const back = path.relative(realRoot, target);
  if (back.startsWith('..') || path.isAbsolute(back))
    return refuse(rel, 'a symbolic link leads outside the root');
  return ok(lexical.value);
}

/** A file-name-safe slug of a request or folder name: `Get users (v2)` → `get-users-v2`. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  // Windows reserves these device names whatever the extension; a collection must clone anywhere.
  if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(slug)) return `${slug}-1`;
  return slug;
}

/**
 * `base + ext`, or `base-2 + ext`, `base-3 + ext`… whichever is not taken. Taken names compare
 * case-insensitively because macOS and Windows file systems do.
 */
export function uniqueName(base: string, ext: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(`${base}${ext}`.toLowerCase())) return `${base}${ext}`;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}${ext}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

/** The parent folder of a collection-relative path (`''` for top-level entries) and the entry name. */
export function splitRel(rel: string): { parent: string; base: string } {
  const clean = rel.replace(/\\/g, '/').replace(/\/+$/, '');
  const i = clean.lastIndexOf('/');
  return i < 0 ? { parent: '', base: clean } : { parent: clean.slice(0, i), base: clean.slice(i + 1) };
}

export function joinRel(parent: string, base: string): string {
  return parent === '' ? base : `${parent}/${base}`;
}
