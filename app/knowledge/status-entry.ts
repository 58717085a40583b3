/** Builds status entries with the fields every entry derives the same way (class from the first digit). */
import type { StatusClass, StatusEntry } from './types';

/** RFC 9110 §15: the first digit defines the class; values outside 100–599 are not status codes. */
export function classOfCode(code: number): StatusClass | null {
  if (!Number.isInteger(code) || code < 100 || code > 599) return null;
  const classes: Record<number, StatusClass> = {
    1: 'informational',
    2: 'successful',
    3: 'redirection',
    4: 'client-error',
    5: 'server-error',
  };
  return classes[Math.floor(code / 100)] ?? null;
}

type StatusInput = Omit<StatusEntry, 'statusClass' | 'registration' | 'headers' | 'confusions'> &
  Partial<Pick<StatusEntry, 'registration' | 'headers' | 'confusions'>>;

export function defineStatus(input: StatusInput): StatusEntry {
  const statusClass = classOfCode(input.code);
  if (statusClass === null) throw new Error(`status table: ${input.code} is not a status code`);
  return {
    registration: 'registered',
    headers: [],
    confusions: [],
    ...input,
    statusClass,
  };
}
