/**
 * Plain-text renderings of library entries for terminals and clipboards: no colours, every line at most
 * TEXT_WIDTH characters (long words such as URLs are left whole rather than broken).
 */
import type { HeaderCarrier } from './header-meanings';
import type { MethodSuggestion } from './methods';
import { refUrl } from './spec-ref';
import type { Comparison, HeaderMeaning, MethodEntry, StatusEntry } from './types';

export const TEXT_WIDTH = 100;

/** Wraps one paragraph: the first line starts with `first`, continuation lines with `rest`. */
export function wrap(text: string, first = '', rest = first, width = TEXT_WIDTH): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w.length > 0)) {
    const candidate = empty ? line + word : `${line} ${word}`;
    if (!empty && candidate.length > width) {
      lines.push(line);
      line = rest + word;
    } else {
      line = candidate;
    }
    empty = false;
  }
  lines.push(line);
  return lines;
}

function withUrl(ref: string): string[] {
  const url = refUrl(ref);
  return url === null ? [] : [url];
}

export function formatStatusText(s: StatusEntry): string {
  const registration =
    s.registration === 'registered'
      ? ''
      : ` [${s.registration === 'unused' ? 'reserved, unused' : s.registration}]`;
  const out = [`${s.code} ${s.reason}${registration}`, `${s.statusClass} · ${s.ref}`, ...withUrl(s.ref), ''];
  out.push(...wrap(s.meaning, '  '), '');
  out.push(`Cacheable by default: ${s.cacheableByDefault ? 'yes (heuristically)' : 'no'}`);
  out.push(...wrap(`${s.retry.semantics}. ${s.retry.advice}`, 'Retry: ', '       '));
  out.push('Headers it should carry:');
  if (s.headers.length === 0) out.push('  none required by its definition');
  for (const h of s.headers) out.push(...wrap(`${h.header} ${h.level} (${h.ref}): ${h.why}`, '  ', '    '));
  if (s.confusions.length > 0) {
    out.push('Often confused with:');
    for (const c of s.confusions) out.push(...wrap(`${c.code}: ${c.rule}`, '  ', '       '));
  }
  return out.join('\n') + '\n';
}

export function formatMethodText(m: MethodEntry): string {
  const flags = `${m.safe ? 'safe' : 'not safe'}, ${m.idempotent ? 'idempotent' : 'not idempotent'}`;
  const out = [m.name, `${flags} · ${m.refs.join(', ')}`, ...withUrl(m.refs[0]), ''];
  out.push(...wrap(m.summary, '  '));
  if (m.note !== undefined) out.push('', ...wrap(m.note, 'Note: ', '      '));
  return out.join('\n') + '\n';
}

/** For a token that is not registered as written: why it matters, and the likely intended methods. */
export function formatUnknownMethodText(token: string, suggestions: readonly MethodSuggestion[]): string {
  const out = wrap(
    `"${token}" is not in the IANA HTTP Method Registry as written. Method names are case-sensitive ` +
      '(RFC 9110 §9.1), so a server sees it as a different, unregistered method and may answer 501, 405 or 400.',
  );
  if (suggestions.length === 0) {
    out.push(
      ...wrap(
        'No registered method is close to it. A server may still define it as its own extension method.',
      ),
    );
  } else {
    out.push('Did you mean:');
    for (const s of suggestions) {
      const why =
        s.kind === 'case'
          ? 'same letters, different case'
          : `typo, ${s.distance} edit${s.distance === 1 ? '' : 's'} away`;
      out.push(`  ${s.method}  (${why}; ${s.entry.refs[0]})`);
    }
  }
  return out.join('\n') + '\n';
}

export function formatHeaderText(h: HeaderMeaning, carriers: readonly HeaderCarrier[]): string {
  const out = [h.name, h.ref, ...withUrl(h.ref), '', ...wrap(h.meaning, '  ')];
  if (carriers.length > 0) {
    out.push('', 'Statuses whose definition calls for it:');
    for (const c of carriers)
      out.push(...wrap(`${c.code} ${c.reason}: ${c.level} (${c.ref}). ${c.why}`, '  ', '    '));
  }
  return out.join('\n') + '\n';
}

export function formatComparisonText(c: Comparison): string {
  const out = [...wrap(c.title), '', ...wrap(c.rule, 'Rule: ', '      ')];
  for (const row of c.rows) {
    out.push('', ...wrap(`${row.aspect} (${row.refs.join(', ')})`));
    for (const code of c.codes) {
      const cell = row.cells[String(code)];
      if (cell !== undefined) out.push(...wrap(cell, `  ${code}: `, '       '));
    }
  }
  return out.join('\n') + '\n';
}
