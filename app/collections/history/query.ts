/**
 * History search. A query is space-separated terms, all of which must match:
 *   `status:501`, `status:5xx`, `method:PATCH` (exact, methods are case-sensitive),
 *   a bare 3-digit number or `5xx` (a status), or any other word (a case-insensitive URL substring,
 *   or an exact method).
 */
import { assertNever } from '../../common/result';

export interface Searchable {
  method: string;
  url: string;
  status?: number;
}

type Term =
  | { kind: 'status'; test: (s: number | undefined) => boolean }
  | { kind: 'method'; value: string }
  | { kind: 'word'; value: string };

function statusTest(spec: string): ((s: number | undefined) => boolean) | undefined {
  if (/^\d{3}$/.test(spec)) return (s) => s === Number(spec);
  if (/^\dxx$/i.test(spec)) return (s) => s !== undefined && Math.floor(s / 100) === Number(spec[0]);
  return undefined;
}

export function parseQuery(query: string): Term[] {
  const terms: Term[] = [];
  for (const raw of query.trim().split(/\s+/)) {
    if (raw === '') continue;
    const lower = raw.toLowerCase();
    if (lower.startsWith('status:')) {
      const test = statusTest(raw.slice(7));
      terms.push({ kind: 'status', test: test ?? (() => false) });
    } else if (lower.startsWith('method:')) {
      terms.push({ kind: 'method', value: raw.slice(7) });
    } else {
      const test = statusTest(raw);
      terms.push(test ? { kind: 'status', test } : { kind: 'word', value: raw });
    }
  }
  return terms;
}

export function matches(entry: Searchable, terms: readonly Term[]): boolean {
  return terms.every((t) => {
    switch (t.kind) {
      case 'status':
        return t.test(entry.status);
      case 'method':
        return entry.method === t.value;
      case 'word':
        return entry.method === t.value || entry.url.toLowerCase().includes(t.value.toLowerCase());
      default:
        return assertNever(t, 'query term');
    }
  });
}
