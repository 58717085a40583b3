/** Option parsing shared by the commands: usage errors (exit 2), headers, numbers, formats, output. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { HeaderPair } from '../contract/exchange';
import type { CliIo } from './command';

/** A mistake in how the command was called: the command prints it and exits with 2. */
export class CliUsageError extends Error {}

/** `Name: value`, as curl's -H takes it. */
export function parseHeaderOption(line: string): HeaderPair {
  const colon = line.indexOf(':');
  if (colon <= 0)
    throw new CliUsageError(`A header is written 'Name: value'; "${line}" has no name before a colon.`);
  return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
}

export function parseNumberOption(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n < min || n > max)
    throw new CliUsageError(`--${name} takes a number from ${min} to ${max}, not "${text}".`);
  return n;
}

export function parseFormat<F extends string>(
  text: string | undefined,
  allowed: readonly F[],
  fallback: F,
): F {
  if (text === undefined) return fallback;
  const found = allowed.find((f) => f === text);
  if (found === undefined)
    throw new CliUsageError(`--format is one of ${allowed.join(', ')}, not "${text}".`);
  return found;
}

/** Writes to --out (relative to the working directory) or standard output. */
export async function emit(io: CliIo, text: string, out: string | undefined): Promise<void> {
  if (out === undefined) io.stdout(text);
  else await writeFile(path.resolve(io.cwd, out), text);
}

