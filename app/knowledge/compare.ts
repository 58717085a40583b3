/**
 * Compares any set of registered statuses: the hand-written comparison when one covers exactly that set,
 * otherwise one assembled from the status entries themselves (so every row still cites its source).
 */
import { fail, ok, type Result } from '../common/result';
import { findComparison } from './comparisons';
import { describeUnregisteredStatus, statusEntry } from './status-codes';
import type { Comparison, ComparisonRow, StatusEntry } from './types';

export function compareStatuses(codes: readonly number[]): Result<Comparison> {
  const distinct = [...new Set(codes)];
  if (distinct.length < 2)
    return fail('knowledge.compare-needs-two', 'A comparison needs at least two different status codes.');
  const entries: StatusEntry[] = [];
  for (const code of distinct) {
    const entry = statusEntry(code);
    if (entry === undefined)
      return fail('knowledge.unknown-status', describeUnregisteredStatus(code), { detail: { code } });
    entries.push(entry);
  }
  return ok(findComparison(distinct) ?? buildComparison(entries));
}

function cells(entries: readonly StatusEntry[], cell: (e: StatusEntry) => string): Record<string, string> {
  return Object.fromEntries(entries.map((e) => [String(e.code), cell(e)]));
}

function headersOf(e: StatusEntry): string {
  if (e.headers.length === 0) return 'None required.';
  return e.headers.map((h) => `${h.header}: ${h.level}`).join('; ') + '.';
}

/** A comparison assembled from the entries, for sets no hand-written comparison covers. */
export function buildComparison(entries: readonly StatusEntry[]): Comparison {
  const refs = entries.map((e) => e.ref);
  const rows: ComparisonRow[] = [
    { aspect: 'Class', cells: cells(entries, (e) => e.statusClass), refs: ['RFC 9110 §15'] },
    { aspect: 'What it means', cells: cells(entries, (e) => e.meaning), refs },
    { aspect: 'Retry', cells: cells(entries, (e) => `${e.retry.semantics}: ${e.retry.advice}`), refs },
    {
      aspect: 'Cacheable by default',
      cells: cells(entries, (e) => (e.cacheableByDefault ? 'Yes (heuristically).' : 'No.')),
      refs: ['RFC 9110 §15.1'],
    },
    {
      aspect: 'Headers',
      cells: cells(entries, headersOf),
      refs: [...new Set(entries.flatMap((e) => e.headers.map((h) => h.ref)))],
    },
  ];
  const codes = new Set(entries.map((e) => e.code));
  const rules = entries.flatMap((e) =>
    e.confusions.filter((c) => codes.has(c.code)).map((c) => ({ from: e.code, rule: c.rule })),
  );
  if (rules.length > 0) {
    const byCode = new Map<number, string[]>();
    for (const r of rules) byCode.set(r.from, [...(byCode.get(r.from) ?? []), r.rule]);
    rows.push({
      aspect: 'How to tell them apart',
      cells: cells(entries, (e) => (byCode.get(e.code) ?? ['—']).join(' ')),
      refs,
    });
  }
  const first = rules[0];
  return {
    id: entries.map((e) => e.code).join('-vs-'),
    title: entries.map((e) => `${e.code} ${e.reason}`).join(' vs '),
    codes: entries.map((e) => e.code),
    rows,
    rule:
      first?.rule ??
      `Different classes or meanings: ${entries.map((e) => `${e.code} is ${e.statusClass}`).join(', ')}.`,
  };
}
