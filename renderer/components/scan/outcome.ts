/**
 * How a matrix cell is coloured: the class of its outcome. Presentation only; what each status means is
 * the explainer's (app/diagnosis). 405 and 501 get their own classes because telling them apart is the
 * point of the scan: 405 is "this resource refuses this method" (RFC 9110 §15.5.6), 501 "this server does
 * not implement it at all" (§15.6.2).
 */
import { assertNever } from '../../../app/common/result';
import type { ScanCell } from '../../../app/contract/run-ops';

export const OUTCOMES = [
  'success',
  'redirect',
  'auth',
  'not-found',
  'not-allowed',
  'not-implemented',
  'client-error',
  'server-error',
  'error',
  'skipped',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function outcomeOf(cell: ScanCell): Outcome {
  if (cell.error) return 'error';
  const s = cell.status;
  if (s === undefined) return 'skipped';
  if (s === 501) return 'not-implemented';
  if (s === 405) return 'not-allowed';
  if (s === 404) return 'not-found';
  if (s === 401 || s === 403) return 'auth';
  if (s >= 500) return 'server-error';
  if (s >= 400) return 'client-error';
  if (s >= 300) return 'redirect';
  return 'success';
}

export function outcomeLabel(outcome: Outcome): string {
  switch (outcome) {
    case 'success':
      return 'answered (1xx/2xx)';
    case 'redirect':
      return 'redirected (3xx)';
    case 'auth':
      return 'needs credentials (401/403)';
    case 'not-found':
      return 'not found (404)';
    case 'not-allowed':
      return 'method not allowed (405)';
    case 'not-implemented':
      return 'not implemented (501)';
    case 'client-error':
      return 'other client error (4xx)';
    case 'server-error':
      return 'server error (5xx)';
    case 'error':
      return 'no response';
    case 'skipped':
      return 'not sent';
    default:
      return assertNever(outcome, 'scan outcome');
  }
}

/** The cell's text in the grid: the status and, for a 501, the diagnosed cause id. */
export function cellText(cell: ScanCell): string {
  if (cell.error) return 'error';
  if (cell.status === undefined) return '—';
  return cell.status === 501 && cell.cause ? `501 ${cell.cause}` : String(cell.status);
}

/** The accessible name of a cell's button: everything the colour says, in words. */
export function cellName(label: string, cell: ScanCell): string {
  const what = cell.error
    ? `no response (${cell.error.code})`
    : cell.status === undefined
      ? `not sent${cell.skipReason ? `: ${cell.skipReason}` : ''}`
      : `${cell.status}${cell.reason ? ` ${cell.reason}` : ''}${cell.cause ? `, cause ${cell.cause}` : ''}`;
  return `${cell.method} ${label}: ${what}`;
}
