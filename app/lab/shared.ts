/**
 * The one lab per process that the service hands out ('lab:start'): started on first use, then reused.
 * It does not keep the process alive, so a CLI command or a test that touched it can still exit.
 */
import { messageOf, fail, ok, type Result } from '../common/result';
import { startLab, type Lab } from './lab';

let running: Promise<Lab> | null = null;

export async function sharedLab(): Promise<Result<Lab>> {
  running ??= startLab({ unref: true });
  try {
    return ok(await running);
  } catch (thrown) {
    running = null;
    return fail('lab.start-failed', `The lab could not start: ${messageOf(thrown)}`);
  }
}

/** Stops the shared lab (for shutdown and tests); the next sharedLab() starts a new one. */
export async function stopSharedLab(): Promise<void> {
  const current = running;
  running = null;
  if (current !== null) await (await current.catch(() => null))?.close();
}
