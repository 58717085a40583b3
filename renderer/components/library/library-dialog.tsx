/**
 * The library, searchable from anywhere with Ctrl/Cmd+K: every registered status and method, header
 * meanings, side-by-side comparisons and corrected myths, all from app/knowledge.
 */
import { useEffect, useRef } from 'react';
import { useLibraryStore } from '../../stores/library-store';
import { EntryView } from './entry-views';

export function useLibraryShortcut(): void {
  const show = useLibraryStore((s) => s.show);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        show(true);
      } else if (e.key === 'Escape') show(false);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [show]);
}

function Contents() {
  const toc = useLibraryStore((s) => s.toc);
  const select = useLibraryStore((s) => s.select);
  if (!toc) return <p className="hint">Loading the library…</p>;
  return (
    <div className="toc">
      <h3>Side by side</h3>
      <ul>
        {toc.comparisons.map((c) => (
          <li key={c.id}>
            <button type="button" className="link" onClick={() => void select('comparison', c.id)}>
              {c.title}
            </button>
          </li>
        ))}
      </ul>
      <h3>Myths, corrected</h3>
      <ul>
        {toc.myths.map((m) => (
          <li key={m.id}>
            <button type="button" className="link" onClick={() => void select('myth', m.id)}>
              {m.myth}
            </button>
          </li>
        ))}
      </ul>
      <h3>Status codes ({toc.statuses.length}, IANA registry updated {toc.registries.statuses.lastUpdated})</h3>
      <div className="chip-grid">
        {toc.statuses.map((s) => (
          <button type="button" key={s.code} className="chip" title={`${s.reason} (${s.rfc})`} onClick={() => void select('status', String(s.code))}>
            {s.code}
          </button>
        ))}
      </div>
      <h3>Methods ({toc.methods.length}, IANA registry updated {toc.registries.methods.lastUpdated})</h3>
      <div className="chip-grid">
        {toc.methods.map((m) => (
          <button type="button" key={m.name} className="chip" title={`${m.safe ? 'safe' : 'unsafe'}, ${m.idempotent ? 'idempotent' : 'not idempotent'} (${m.rfc})`} onClick={() => void select('method', m.name)}>
            {m.name}
          </button>
        ))}
      </div>
    </div>
  );
}

export function LibraryDialog() {
  const { open, query, results, entry, error, show, search, select } = useLibraryStore();
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="modal-backdrop" onClick={() => show(false)}>
      <div role="dialog" aria-modal="true" aria-label="Library" className="library" onClick={(e) => e.stopPropagation()}>
        <header>
          <input
            ref={input}
            type="search"
            aria-label="Search the library"
            placeholder="501, PROPFIND, Retry-After, not implemented…"
            value={query}
            onChange={(e) => void search(e.target.value)}
            onKeyDown={(e) => {
              const first = results[0];
              if (e.key === 'Enter' && first) void select(first.kind, first.id);
            }}
          />
          <button type="button" onClick={() => show(false)} aria-label="Close the library">
            Close
          </button>
        </header>
        <div className="library-body">
          <nav aria-label="Library results" className="results">
            {query.trim() === '' ? (
              <Contents />
            ) : results.length === 0 ? (
              <p className="hint">Nothing matches “{query}”.</p>
            ) : (
              <ul>
                {results.map((r) => (
                  <li key={`${r.kind}-${r.id}`}>
                    <button type="button" className="result" onClick={() => void select(r.kind, r.id)}>
                      <span className="kind">{r.kind}</span>
                      <strong>{r.title}</strong>
                      <span className="snippet">{r.snippet}</span>
                    </button>
                  </li>
                ))}
              </ul>
            )}
          </nav>
          <section className="detail" aria-label="Library entry">
            {error && <p className="error-box">{error.message}</p>}
            {entry ? <EntryView entry={entry} /> : <p className="hint">Pick a result, or type a status code, method or header. Ctrl/Cmd+K opens this from anywhere.</p>}
          </section>
        </div>
      </div>
    </div>
  );
}
