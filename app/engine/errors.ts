/**
 * Maps what undici, node:net/tls and the file system throw onto stable `net.*` / `request.*` codes with
 * the phase they failed in and one human sentence. Keyed on error *codes*, never on message text
 * (STYLE.md; undici's codes are stable: UND_ERR_*).
 */
import type { NetPhase } from '../contract/exchange';

export interface EngineError {
  code: string;
  message: string;
  phase: NetPhase;
  detail?: Record<string, string | number | boolean | null>;
}

function codeOf(thrown: unknown): string | undefined {
  if (typeof thrown !== 'object' || thrown === null) return undefined;
  const own = 'code' in thrown && typeof thrown.code === 'string' ? thrown.code : undefined;
  if (own && own !== 'UND_ERR_SOCKET' && own !== 'UND_ERR_CONNECT') return own;
  const cause = 'cause' in thrown ? thrown.cause : undefined;
  return codeOf(cause) ?? own;
}

function nameOf(thrown: unknown): string | undefined {
  return typeof thrown === 'object' && thrown !== null && 'name' in thrown && typeof thrown.name === 'string'
    ? thrown.name
    : undefined;
}

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_TLS_HANDSHAKE_TIMEOUT',
  'EPROTO',
]);

export interface ProgressHint {
  /** How far the hop got: decides the phase of errors that can happen anywhere (resets). */
  connected: boolean;
  sent: boolean;
  firstByte: boolean;
  host: string;
}

/** Turns anything thrown during an exchange into an EngineError. */
export function classifyError(thrown: unknown, at: ProgressHint): EngineError {
  const code = codeOf(thrown);
  const low = code ? { lowLevel: code } : undefined;
  const phaseFromProgress: NetPhase = !at.connected ? 'connect' : !at.firstByte ? 'headers' : 'body';
  if (nameOf(thrown) === 'AbortError' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') {
    return { code: 'net.aborted', phase: 'aborted', message: 'The exchange was cancelled before it finished.', detail: low };
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
    case 'EAI_FAIL':
      return { code: 'net.dns', phase: 'dns', message: `The name ${at.host} could not be resolved to an address.`, detail: low };
    case 'ECONNREFUSED':
      return { code: 'net.refused', phase: 'connect', message: `${at.host} refused the connection: nothing is listening on that port.`, detail: low };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return { code: 'net.unreachable', phase: 'connect', message: `${at.host} cannot be reached from this machine.`, detail: low };
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'ETIMEDOUT':
      return { code: 'net.connect-timeout', phase: 'connect', message: `Connecting to ${at.host} took longer than the connect timeout.`, detail: low };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { code: 'net.headers-timeout', phase: 'headers', message: 'The server accepted the request but sent no response head within the headers timeout.', detail: low };
    case 'UND_ERR_BODY_TIMEOUT':
      return { code: 'net.body-timeout', phase: 'body', message: 'The response body stalled for longer than the body timeout.', detail: low };
    case 'ECONNRESET':
    case 'EPIPE':
    case 'UND_ERR_SOCKET':
    case 'UND_ERR_CLOSED':
      return { code: 'net.reset', phase: phaseFromProgress, message: `The connection was closed by the other side during the ${phaseFromProgress} phase.`, detail: low };
    case 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH':
    case 'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH':
    case 'UND_ERR_INFO':
      return { code: 'net.protocol', phase: 'parse', message: 'The response framing did not match its Content-Length.', detail: low };
    case 'UND_ERR_INVALID_ARG':
      return { code: 'request.invalid', phase: 'validate', message: 'undici refused the request before sending it; check the method, URL and headers.', detail: low };
    case 'ENOENT':
    case 'EACCES':
    case 'EISDIR':
      return { code: 'request.body-file', phase: 'send', message: 'A file the request body names could not be read.', detail: low };
    default:
      break;
  }
  if (code && code.startsWith('HPE_')) {
    return { code: 'net.protocol', phase: 'parse', message: 'The server sent bytes that are not a valid HTTP/1.1 response; try raw mode to see them.', detail: low };
  }
  if (code && (TLS_CODES.has(code) || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS'))) {
    return { code: 'net.tls', phase: 'tls', message: `The TLS handshake with ${at.host} failed (${code}).`, detail: low };
  }
  const message = thrown instanceof Error ? thrown.message : 'unknown failure';
  return { code: 'net.failed', phase: phaseFromProgress, message: `The exchange failed during the ${phaseFromProgress} phase: ${message}`, detail: low };
}
