/**
 * The live tests' guard: a missing server binary skips the test with the reason and the apt-get line to
 * fix it, so a machine without the packages reports "skipped", never a silent pass.
 */
import type { TestContext } from 'node:test';
import { findDebianServer, type DebianServer } from './binaries';

/** The binary's path, or undefined after marking `t` skipped (the caller then returns). */
export async function binaryOrSkip(t: TestContext, server: DebianServer): Promise<string | undefined> {
  const lookup = await findDebianServer(server);
  if (lookup.found) return lookup.path;
  t.skip(lookup.reason);
  return undefined;
}
