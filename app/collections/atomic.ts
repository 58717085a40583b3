/**
 * Atomic file writes (temp file + fsync + rename, by write-file-atomic) and content hashes.
 * A crash or a full disk mid-save leaves either the old file or the new one, never half of each;
 * that matters for files under git, where a torn file is a conflict the user did not cause.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import writeFileAtomic from 'write-file-atomic';

/** The hash a caller gets when loading a file and hands back when saving (conflict detection). */
export function contentHash(bytes: string | Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}`;
}

export async function writeAtomic(file: string, data: string | Buffer, mode?: number): Promise<void> {
  await writeFileAtomic(file, data, mode === undefined ? { fsync: true } : { fsync: true, mode });
}

/** The file's text, or undefined when it does not exist (any other error propagates). */
export async function readTextIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (thrown) {
    if (isErrno(thrown, 'ENOENT')) return undefined;
    throw thrown;
  }
}

export function isErrno(thrown: unknown, code: string): boolean {
  return typeof thrown === 'object' && thrown !== null && 'code' in thrown && thrown.code === code;
}
