/**
 * Failures cross every boundary (IPC, WebSocket, CLI) as values, never as thrown errors.
 * Codes are stable and dotted (`net.refused`, `ipc.invalid-input`): tests, the CLI's JSON and the UI
 * key on them, so a code once shipped is never renamed. An HTTP response of any status is `ok: true`.
 */
export interface AppError {
  code: string;
  message: string;
  /** Where a network failure happened (`dns`, `connect`, `tls`, `send`, `headers`, `body`, …). */
  phase?: string;
  /** Machine-readable extras, e.g. the low-level code (`ECONNREFUSED`) or a file path and line. */
  detail?: Record<string, string | number | boolean | null>;
}

export type Result<T, E extends AppError = AppError> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E extends AppError>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

export function fail(code: string, message: string, extra: Omit<AppError, 'code' | 'message'> = {}) {
  return err({ code, message, ...extra });
}

/** Exhaustiveness check for `switch` over a closed union (STYLE.md: closed sets end in assertNever). */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/** Normalises anything thrown into a message; never trusts `unknown` to be an Error. */
export function messageOf(thrown: unknown): string {
  if (thrown instanceof Error) return thrown.message;
  if (typeof thrown === 'string') return thrown;
  try {
    return JSON.stringify(thrown);
  } catch {
    return String(thrown);
  }
}
