/**
 * What an answer says about a documented operation (built, not built, behind auth, failing), and about a
 * method the spec does not document (does the server answer it anyway?).
 */
import type { AuditVerdict, UndocumentedVerdict } from '../../contract/run-ops';
import type { Observation } from '../observe';

export interface Classified<V> {
  verdict: V;
  note: string;
}

type Failure = { code: string; message: string };

function statusText(o: Observation): string {
  return `${o.status ?? ''} ${o.reason ?? ''}`.trim();
}

function refusedNote(o: Observation, pathHasParameters: boolean): string {
  switch (o.status) {
    case 404:
      return pathHasParameters
        ? 'answered 404: nothing is routed here, or the example parameter names no existing resource (retry with a real one to be sure)'
        : 'answered 404: nothing is routed at this path';
    case 405:
      return `answered 405: the path exists but this method is not allowed${o.allow ? ` (Allow: ${o.allow.join(', ')})` : ' (and no Allow header says what is)'}`;
    case 501:
      return `answered 501${o.cause ? ` [${o.cause}]` : ''}${o.causeSummary ? `: ${o.causeSummary}` : ': the server does not implement it'}`;
    default:
      return `answered ${statusText(o)}`;
  }
}

export function classifyDocumented(
  o: Observation | undefined,
  error: Failure | undefined,
  pathHasParameters: boolean,
): Classified<AuditVerdict> {
  if (error || !o || o.status === undefined) {
    return {
      verdict: 'erroring',
      note: error ? `no response: ${error.code}: ${error.message}` : 'no response',
    };
  }
  const s = o.status;
  if (s === 404 || s === 405 || s === 501)
    return { verdict: 'not-built', note: refusedNote(o, pathHasParameters) };
  if (s === 401 || s === 403)
    return {
      verdict: 'auth-gated',
      note: `answered ${statusText(o)}: behind authentication; send credentials (--header) to see past it`,
    };
  if (s >= 500)
    return { verdict: 'erroring', note: `answered ${statusText(o)}: the operation exists but fails` };
  if (s >= 400)
    return {
      verdict: 'implemented',
      note: `answered ${statusText(o)} to the example request: routed, and checking its input`,
    };
  return { verdict: 'implemented', note: `answered ${statusText(o)}` };
}

export function classifyUndocumented(
  o: Observation | undefined,
  error: Failure | undefined,
): Classified<UndocumentedVerdict> {
  if (error || !o || o.status === undefined)
    return {
      verdict: 'erroring',
      note: error ? `no response: ${error.code}: ${error.message}` : 'no response',
    };
  const s = o.status;
  if (s === 404 || s === 405 || s === 501) return { verdict: 'refused', note: refusedNote(o, false) };
  if (s === 401 || s === 403)
    return {
      verdict: 'auth-gated',
      note: `answered ${statusText(o)}: cannot tell whether it exists behind authentication`,
    };
  if (s >= 500)
    return { verdict: 'erroring', note: `answered ${statusText(o)}: something handles it, and fails` };
  return { verdict: 'answers', note: `answered ${statusText(o)} although the spec does not document it` };
}
