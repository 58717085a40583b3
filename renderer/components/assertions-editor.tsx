/**
 * Assertions without code (docs/assertions.md): stored in the request's YAML, checked by the runner
 * (`statuscope run`, and Run in the collection tree). Includes "diagnosed cause is X", to pin that an
 * endpoint is an intentional stub.
 */
import type { Assertion, CauseId } from '../../app/contract/collection';
import { assertNever } from '../../app/common/result';
import { useRequestStore } from '../stores/request-store';

const KIND_LABELS: Record<Assertion['kind'], string> = {
  'status-equals': 'Status equals',
  'status-in': 'Status is one of',
  'header-present': 'Header is present',
  'header-equals': 'Header equals',
  'header-matches': 'Header matches (regex)',
  'json-path-equals': 'JSON path equals',
  'json-path-exists': 'JSON path exists',
  'body-contains': 'Body contains',
  'time-below': 'Time below (ms)',
  'diagnosed-cause': 'Diagnosed 501 cause is',
};
const KINDS = Object.keys(KIND_LABELS) as Array<Assertion['kind']>;
const CAUSES: CauseId[] = ['proxy-originated', 'method-unsupported', 'endpoint-stub', 'protocol-feature', 'served-from-cache', 'method-spelling', 'misused-501'];

function blank(kind: Assertion['kind']): Assertion {
  switch (kind) {
    case 'status-equals':
      return { kind, value: 200 };
    case 'status-in':
      return { kind, values: [200] };
    case 'header-present':
      return { kind, name: 'Content-Type' };
    case 'header-equals':
      return { kind, name: 'Content-Type', value: 'application/json' };
    case 'header-matches':
      return { kind, name: 'Content-Type', pattern: '^application/json' };
    case 'json-path-equals':
      return { kind, path: '$.id', value: 1 };
    case 'json-path-exists':
      return { kind, path: '$.id' };
    case 'body-contains':
      return { kind, text: '' };
    case 'time-below':
      return { kind, ms: 1000 };
    case 'diagnosed-cause':
      return { kind, cause: 'endpoint-stub' };
    default:
      return assertNever(kind, 'assertion kind');
  }
}

/** JSON values are typed as JSON; anything that does not parse is kept as a string. */
function parseValue(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function Inputs({ a, set, n }: { a: Assertion; set(a: Assertion): void; n: number }) {
  const text = (label: string, value: string, onChange: (v: string) => void) => (
    <input aria-label={`Assertion ${n} ${label}`} placeholder={label} value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
  );
  switch (a.kind) {
    case 'status-equals':
      return text('status', String(a.value), (v) => set({ ...a, value: Number(v) || 0 }));
    case 'status-in':
      return text('statuses, comma-separated', a.values.join(', '), (v) => set({ ...a, values: v.split(',').map((x) => Number(x.trim())).filter((x) => Number.isInteger(x) && x > 0) }));
    case 'header-present':
      return text('header name', a.name, (name) => set({ ...a, name }));
    case 'header-equals':
      return (
        <>
          {text('header name', a.name, (name) => set({ ...a, name }))}
          {text('value', a.value, (value) => set({ ...a, value }))}
        </>
      );
    case 'header-matches':
      return (
        <>
          {text('header name', a.name, (name) => set({ ...a, name }))}
          {text('pattern', a.pattern, (pattern) => set({ ...a, pattern }))}
        </>
      );
    case 'json-path-equals':
      return (
        <>
          {text('JSON path', a.path, (path) => set({ ...a, path }))}
          {text('value (JSON)', JSON.stringify(a.value), (v) => set({ ...a, value: parseValue(v) }))}
        </>
      );
    case 'json-path-exists':
      return text('JSON path', a.path, (path) => set({ ...a, path }));
    case 'body-contains':
      return text('text', a.text, (t) => set({ ...a, text: t }));
    case 'time-below':
      return text('milliseconds', String(a.ms), (v) => set({ ...a, ms: Number(v) || 1 }));
    case 'diagnosed-cause':
      return (
        <select aria-label={`Assertion ${n} cause`} value={a.cause} onChange={(e) => set({ ...a, cause: e.target.value as CauseId })}>
          {CAUSES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      );
    default:
      return assertNever(a, 'assertion');
  }
}

export function AssertionsEditor() {
  const assertions = useRequestStore((s) => s.assertions);
  const setAssertions = useRequestStore((s) => s.setAssertions);
  const notes = useRequestStore((s) => s.notes);
  const setNotes = useRequestStore((s) => s.setNotes);
  const replace = (i: number, a: Assertion) => setAssertions(assertions.map((x, j) => (j === i ? a : x)));
  return (
    <div className="assertions-editor">
      <p className="hint">Checked when the collection runs (Run in the collection menu, or <code>statuscope run</code>); saved in the request's file.</p>
      <ul className="assertion-list">
        {assertions.map((a, i) => (
          <li key={i}>
            <select aria-label={`Assertion ${i + 1} kind`} value={a.kind} onChange={(e) => replace(i, blank(e.target.value as Assertion['kind']))}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k]}
                </option>
              ))}
            </select>
            <Inputs a={a} n={i + 1} set={(next) => replace(i, next)} />
            <button type="button" className="icon" aria-label={`Remove assertion ${i + 1}`} onClick={() => setAssertions(assertions.filter((_, j) => j !== i))}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="link" onClick={() => setAssertions([...assertions, blank('status-equals')])}>
        + Add assertion
      </button>
      <label className="stack notes">
        Notes
        <textarea aria-label="Notes" rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </label>
    </div>
  );
}
