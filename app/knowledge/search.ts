/**
 * One search box over the whole teaching library: statuses (by code or reason words), methods, header
 * fields (with the statuses that carry them), comparisons and myths. Small enough to score every
 * document on every keystroke; the index is built once on first use.
 */
import { COMPARISONS } from './comparisons';
import { HEADER_MEANINGS, statusesCarrying } from './header-meanings';
import { METHODS } from './method-registry';
import { MYTHS } from './myths';
import { STATUS_CODES } from './status-codes';

export const SEARCH_KINDS = ['status', 'method', 'header', 'comparison', 'myth'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchResult {
  kind: SearchKind;
  /** Status code, method name, header name, comparison id or myth id: what the matching lookup takes. */
  id: string;
  title: string;
  snippet: string;
}

interface Doc extends SearchResult {
  titleWords: string[];
  bodyWords: string[];
  /** Exact keys a query can hit directly: the code, the method name, the header name, the id. */
  keys: string[];
  /** Names the document is about without being it: headers a status carries, codes a myth concerns. */
  related: string[];
}

const SNIPPET_MAX = 180;

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9*]+/)
    .filter((w) => w.length > 0);
}

function clip(text: string): string {
  return text.length <= SNIPPET_MAX ? text : `${text.slice(0, SNIPPET_MAX - 1).replace(/\s+\S*$/, '')}…`;
}

function doc(r: SearchResult, body: string, keys: string[], related: string[] = []): Doc {
  const lower = (list: string[]): string[] => list.map((k) => k.toLowerCase());
  return {
    ...r,
    titleWords: words(r.title),
    bodyWords: words(body),
    keys: lower(keys),
    related: lower(related),
  };
}

function buildIndex(): Doc[] {
  const docs: Doc[] = [];
  for (const s of STATUS_CODES) {
    const id = String(s.code);
    const body = [
      s.meaning,
      s.ref,
      ...s.headers.map((h) => h.header),
      ...s.confusions.map((c) => c.rule),
    ].join(' ');
    const carried = s.headers.map((h) => h.header);
    docs.push(
      doc(
        { kind: 'status', id, title: `${s.code} ${s.reason}`, snippet: clip(s.meaning) },
        body,
        [id],
        carried,
      ),
    );
  }
  for (const m of METHODS) {
    const flags = `${m.safe ? 'safe' : 'unsafe'}, ${m.idempotent ? 'idempotent' : 'not idempotent'}`;
    docs.push(
      doc(
        { kind: 'method', id: m.name, title: m.name, snippet: clip(`${m.summary} (${flags}; ${m.refs[0]})`) },
        `${m.summary} ${m.note ?? ''} ${m.refs.join(' ')} ${flags}`,
        [m.name],
      ),
    );
  }
  for (const h of HEADER_MEANINGS) {
    const carriers = statusesCarrying(h.name);
    const carried =
      carriers.length > 0 ? ` Carried by ${carriers.map((c) => `${c.code} (${c.level})`).join(', ')}.` : '';
    docs.push(
      doc(
        { kind: 'header', id: h.name, title: h.name, snippet: clip(`${h.meaning}${carried}`) },
        `${h.meaning} ${h.ref}`,
        [h.name],
      ),
    );
  }
  for (const c of COMPARISONS) {
    const body = [c.rule, ...c.rows.flatMap((r) => [r.aspect, ...Object.values(r.cells)])].join(' ');
    const codes = c.codes.map(String);
    docs.push(
      doc({ kind: 'comparison', id: c.id, title: c.title, snippet: clip(c.rule) }, body, [c.id], codes),
    );
  }
  for (const m of MYTHS) {
    docs.push(
      doc(
        { kind: 'myth', id: m.id, title: `Myth: ${m.myth}`, snippet: clip(m.fact) },
        `${m.fact} ${m.refs.join(' ')}`,
        [m.id],
        [...m.related],
      ),
    );
  }
  return docs;
}

let index: Doc[] | undefined;

const KIND_ORDER: Record<SearchKind, number> = { status: 0, method: 1, header: 2, comparison: 3, myth: 4 };

function matchWord(q: string, list: readonly string[]): 'exact' | 'prefix' | null {
  let prefix = false;
  for (const w of list) {
    if (w === q) return 'exact';
    if (q.length >= 2 && w.startsWith(q)) prefix = true;
  }
  return prefix ? 'prefix' : null;
}

function score(d: Doc, phrase: string, qWords: readonly string[]): number {
  let total = 0;
  if (d.keys.includes(phrase)) total += 100;
  else if (d.related.includes(phrase)) total += 40;
  const title = d.title.toLowerCase();
  if (title.includes(phrase)) total += 30 + 20 * (phrase.length / title.length);
  let missing = 0;
  for (const q of qWords) {
    const inTitle = matchWord(q, d.titleWords);
    if (inTitle === 'exact') total += 10;
    else if (inTitle === 'prefix') total += 6;
    else {
      const inBody = matchWord(q, d.bodyWords);
      if (inBody === 'exact') total += 3;
      else if (inBody === 'prefix') total += 1.5;
      else missing += 1;
    }
  }
  // Every query word should match somewhere; a document missing some keeps only a fraction of its score.
  return missing === 0 ? total : total * 0.25 * ((qWords.length - missing) / qWords.length);
}

/** Ranked results for a free-text query: `501`, `PROPFIND`, `Retry-After`, `not impl`, `teapot`. */
export function searchKnowledge(query: string, limit = 10): SearchResult[] {
  const phrase = query.trim().toLowerCase();
  const qWords = words(phrase);
  if (qWords.length === 0 || limit <= 0) return [];
  index ??= buildIndex();
  return index
    .map((d) => ({ d, s: score(d, phrase, qWords) }))
    .filter((x) => x.s > 0)
    .sort(
      (a, b) =>
        b.s - a.s || KIND_ORDER[a.d.kind] - KIND_ORDER[b.d.kind] || a.d.title.localeCompare(b.d.title),
    )
    .slice(0, limit)
    .map(({ d }) => ({ kind: d.kind, id: d.id, title: d.title, snippet: d.snippet }));
}
