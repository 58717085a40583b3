/**
 * Evaluating a saved request's assertions (app/contract/collection.ts, assertionSchema) against the
 * response it got. Each result says what was expected, what was seen and, when it failed, why in one
 * sentence. docs/assertions.md documents every kind for users.
 */
import { finalResponse, headerValues } from '../common/exchange';
import { assertNever } from '../common/result';
import { deepEqual } from '../collections/canonical';
import type { Assertion } from '../contract/collection';
import type { Explanation } from '../contract/diagnosis-ops';
import type { ExchangeRecord } from '../contract/exchange';
import type { AssertionResult } from '../contract/run-ops';
import { explainExchange } from '../diagnosis/explain';
import { lookupJsonPath, parseJsonPath } from './json-path';

/** One response, read lazily: the JSON parse and the diagnosis run only when an assertion asks. */
export class ResponseView {
  private json: { ok: true; value: unknown } | { ok: false; why: string } | undefined;
  private explained: Explanation | undefined;

  constructor(
    readonly exchange: ExchangeRecord,
    /** The whole decoded body as UTF-8 text (not just the record's preview). */
    readonly bodyText: string,
  ) {}

  get status(): number | undefined {
    return finalResponse(this.exchange)?.status;
  }

  get statusText(): string {
    const r = finalResponse(this.exchange);
    return r ? `${r.status}${r.reason ? ` ${r.reason}` : ''}` : '(no response)';
  }

  header(name: string): string[] {
    return headerValues(finalResponse(this.exchange)?.headers ?? [], name);
  }

  parsedJson(): { ok: true; value: unknown } | { ok: false; why: string } {
    if (this.json === undefined) {
      try {
        this.json = { ok: true, value: JSON.parse(this.bodyText) };
      } catch (thrown) {
        this.json = {
          ok: false,
          why:
            this.bodyText.trim() === ''
              ? 'the body is empty'
              : `the body is not JSON (${thrown instanceof Error ? thrown.message : 'parse error'})`,
        };
      }
    }
    return this.json;
  }

  explanation(): Explanation {
    this.explained ??= explainExchange(this.exchange);
    return this.explained;
  }
}

const show = (v: unknown): string => (v === undefined ? '(absent)' : JSON.stringify(v));
const clip = (text: string, max = 200): string => (text.length > max ? `${text.slice(0, max)}…` : text);

function result(
  assertion: Assertion,
  passed: boolean,
  actual: string,
  ifPassed: string,
  ifFailed: string,
): AssertionResult {
  return { assertion, passed, actual, message: passed ? ifPassed : ifFailed };
}

function jsonPathResult(
  a: Extract<Assertion, { kind: 'json-path-equals' | 'json-path-exists' }>,
  view: ResponseView,
): AssertionResult {
  const segments = parseJsonPath(a.path);
  if (!segments.ok) return result(a, false, '(invalid path)', '', segments.error.message);
  const doc = view.parsedJson();
  if (!doc.ok) return result(a, false, '(not JSON)', '', `${a.path} cannot be read: ${doc.why}.`);
  const found = lookupJsonPath(doc.value, segments.value);
  if (a.kind === 'json-path-exists') {
    return found.found
      ? result(a, true, clip(show(found.value)), `${a.path} exists.`, '')
      : result(a, false, '(absent)', '', `${a.path} does not exist: nothing at ${found.missingAt}.`);
  }
  if (!found.found)
    return result(
      a,
      false,
      '(absent)',
      '',
      `Expected ${a.path} to equal ${show(a.value)}, but nothing is at ${found.missingAt}.`,
    );
  const equal = deepEqual(found.value, a.value);
  return result(
    a,
    equal,
    clip(show(found.value)),
    `${a.path} equals ${clip(show(a.value))}.`,
    `Expected ${a.path} to equal ${clip(show(a.value))}, got ${clip(show(found.value))}.`,
  );
}

/**
 * Header comparisons see every field line of the name: `header-equals` passes when one line equals the
 * value or all of them joined with ", " do (RFC 9110 §5.3: the combined field value), `header-matches`
 * tests the combined value.
 */
export function evaluateAssertion(a: Assertion, view: ResponseView): AssertionResult {
  switch (a.kind) {
    case 'status-equals':
      return result(
        a,
        view.status === a.value,
        view.statusText,
        `Status is ${a.value}.`,
        `Expected status ${a.value}, got ${view.statusText}.`,
      );
    case 'status-in': {
      const passed = view.status !== undefined && a.values.includes(view.status);
      return result(
        a,
        passed,
        view.statusText,
        `Status ${view.status ?? ''} is one of ${a.values.join(', ')}.`,
        `Expected a status in ${a.values.join(', ')}, got ${view.statusText}.`,
      );
    }
    case 'header-present': {
      const values = view.header(a.name);
      return result(
        a,
        values.length > 0,
        values.length ? clip(values.join(', ')) : '(absent)',
        `${a.name} is present.`,
        `Expected a ${a.name} header; the response has none.`,
      );
    }
    case 'header-equals': {
      const values = view.header(a.name);
      const combined = values.join(', ');
      const passed = values.length > 0 && (values.includes(a.value) || combined === a.value);
      const actual = values.length ? clip(combined) : '(absent)';
      return result(
        a,
        passed,
        actual,
        `${a.name} is ${JSON.stringify(a.value)}.`,
        values.length
          ? `Expected ${a.name}: ${JSON.stringify(a.value)}, got ${JSON.stringify(actual)}.`
          : `Expected ${a.name}: ${JSON.stringify(a.value)}; the response has no ${a.name}.`,
      );
    }
    case 'header-matches': {
      let pattern: RegExp;
      try {
        pattern = new RegExp(a.pattern);
      } catch (thrown) {
        return result(
          a,
          false,
          '(invalid pattern)',
          '',
          `The pattern /${a.pattern}/ is not a valid regular expression: ${thrown instanceof Error ? thrown.message : 'syntax error'}.`,
        );
      }
      const values = view.header(a.name);
      const combined = values.join(', ');
      const passed = values.length > 0 && pattern.test(combined);
      return result(
        a,
        passed,
        values.length ? clip(combined) : '(absent)',
        `${a.name} matches /${a.pattern}/.`,
        values.length
          ? `Expected ${a.name} to match /${a.pattern}/, got ${JSON.stringify(clip(combined))}.`
          : `Expected ${a.name} to match /${a.pattern}/; the response has no ${a.name}.`,
      );
    }
    case 'json-path-equals':
    case 'json-path-exists':
      return jsonPathResult(a, view);
    case 'body-contains': {
      const passed = view.bodyText.includes(a.text);
      return result(
        a,
        passed,
        `${Buffer.byteLength(view.bodyText)} bytes`,
        `The body contains ${JSON.stringify(a.text)}.`,
        `Expected the body to contain ${JSON.stringify(a.text)}; it does not (${clip(JSON.stringify(view.bodyText), 120)}).`,
      );
    }
    case 'time-below': {
      const ms = Math.round(view.exchange.totalMs * 10) / 10;
      return result(
        a,
        view.exchange.totalMs < a.ms,
        `${ms} ms`,
        `Took ${ms} ms, under ${a.ms} ms.`,
        `Expected the exchange to take under ${a.ms} ms; it took ${ms} ms.`,
      );
    }
    case 'diagnosed-cause': {
      const top = view.explanation().findings[0];
      const actual = top
        ? top.cause
        : view.status === 501
          ? '(no cause found)'
          : `(none: status ${view.statusText} is not a 501)`;
      return result(
        a,
        top?.cause === a.cause,
        actual,
        `The diagnosis ranks ${a.cause} first.`,
        `Expected the diagnosis to rank ${a.cause} first, got ${actual}.`,
      );
    }
    default:
      return assertNever(a, 'assertion kind');
  }
}

export function evaluateAssertions(assertions: readonly Assertion[], view: ResponseView): AssertionResult[] {
  return assertions.map((a) => evaluateAssertion(a, view));
}
