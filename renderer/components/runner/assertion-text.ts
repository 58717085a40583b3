/**
 * An assertion (app/contract/collection.ts, documented in docs/assertions.md) as the runner's results
 * show it: what it checks, in words, and the value it expects. The verdict, the actual value and the
 * message are the host's (app/runner/assertions.ts).
 */
import { assertNever } from '../../../app/common/result';
import type { Assertion } from '../../../app/contract/collection';

export function assertionText(a: Assertion): { check: string; expected: string } {
  switch (a.kind) {
    case 'status-equals':
      return { check: 'status equals', expected: String(a.value) };
    case 'status-in':
      return { check: 'status is one of', expected: a.values.join(', ') };
    case 'header-present':
      return { check: `header ${a.name} is present`, expected: '(present)' };
    case 'header-equals':
      return { check: `header ${a.name} equals`, expected: JSON.stringify(a.value) };
    case 'header-matches':
      return { check: `header ${a.name} matches`, expected: `/${a.pattern}/` };
    case 'json-path-equals':
      return { check: `${a.path} equals`, expected: JSON.stringify(a.value) ?? 'undefined' };
    case 'json-path-exists':
      return { check: `${a.path} exists`, expected: '(exists)' };
    case 'body-contains':
      return { check: 'body contains', expected: JSON.stringify(a.text) };
    case 'time-below':
      return { check: 'time below', expected: `${a.ms} ms` };
    case 'diagnosed-cause':
      return { check: 'diagnosed 501 cause is', expected: a.cause };
    default:
      return assertNever(a, 'assertion kind');
  }
}
