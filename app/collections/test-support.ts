/** Test helpers for this folder: a fresh copy of the sample collection in a temp dir, removed afterwards. */
import { cp, mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');

export interface TempDir {
  dir: string;
  cleanup(): Promise<void>;
}

export async function tempDir(prefix = 'statuscope-coll-'): Promise<TempDir> {
  // realpath: macOS's /var → /private/var would otherwise make watcher paths differ from ours.
  const dir = await realpath(await mkdtemp(path.join(os.tmpdir(), prefix)));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** A copy of fixtures/sample to edit; `root` is the collection folder. */
export async function copySample(): Promise<TempDir & { root: string }> {
  const t = await tempDir();
  const root = path.join(t.dir, 'sample');
  await cp(path.join(FIXTURES, 'sample'), root, { recursive: true });
  return { ...t, root };
}
