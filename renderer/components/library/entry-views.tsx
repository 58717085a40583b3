/** How each kind of library entry reads: statuses, methods, comparisons, headers, myths. */
import type { LibraryEntry } from '../../stores/library-store';
import { useLibraryStore } from '../../stores/library-store';

function StatusLink({ code }: { code: number }) {
  const select = useLibraryStore((s) => s.select);
  return (
    <button type="button" className="link code-link" onClick={() => void select('status', String(code))}>
      {code}
    </button>
  );
}

export function EntryView({ entry }: { entry: LibraryEntry }) {
  const compare = useLibraryStore((s) => s.compare);
  switch (entry.kind) {
    case 'status': {
      const s = entry.data;
      return (
        <article className="entry" aria-label={`Status ${s.code}`}>
          <h2>
            {s.code} {s.reason} <span className="ref">{s.ref}</span>
          </h2>
          <p className="tags">
            <span>{s.statusClass}</span> <span>{s.registration}</span> <span>{s.cacheableByDefault ? 'cacheable by default' : 'not cacheable by default'}</span>
          </p>
          <p>{s.meaning}</p>
          <h3>Retrying</h3>
          <p>{s.retry.advice}</p>
          {s.headers.length > 0 && (
            <>
              <h3>Headers it should carry</h3>
              <ul>
                {s.headers.map((h) => (
                  <li key={h.header}>
                    <code>{h.header}</code> <strong>{h.level}</strong> — {h.why} <span className="ref">{h.ref}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {s.confusions.length > 0 && (
            <>
              <h3>Often confused with</h3>
              <ul>
                {s.confusions.map((c) => (
                  <li key={c.code}>
                    <StatusLink code={c.code} />: {c.rule}{' '}
                    <button type="button" className="link" onClick={() => void compare([s.code, c.code])}>
                      compare side by side
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
        </article>
      );
    }
    case 'method': {
      const m = entry.data;
      return (
        <article className="entry" aria-label={`Method ${m.name}`}>
          <h2>
            <code>{m.name}</code> {m.entry ? <span className="ref">{m.entry.refs.join(', ')}</span> : <span className="tag-warn">not registered as written</span>}
          </h2>
          {m.entry && (
            <>
              <p className="tags">
                <span>{m.entry.safe ? 'safe' : 'not safe'}</span> <span>{m.entry.idempotent ? 'idempotent' : 'not idempotent'}</span>
              </p>
              <p>{m.entry.summary}</p>
              {m.entry.note && <p className="notice">{m.entry.note}</p>}
            </>
          )}
          {m.tokenProblem && <p className="error-box">{m.tokenProblem}</p>}
          {m.suggestions.length > 0 && (
            <p>
              Did you mean{' '}
              {m.suggestions.map((s, i) => (
                <span key={s.method}>
                  {i > 0 && ', '}
                  <code>{s.method}</code> ({s.kind === 'case' ? 'method names are case-sensitive, RFC 9110 §9.1' : 'a typo'})
                </span>
              ))}
              ?
            </p>
          )}
        </article>
      );
    }
    case 'comparison': {
      const c = entry.data;
      return (
        <article className="entry" aria-label={`Comparison: ${c.title}`}>
          <h2>{c.title}</h2>
          <table className="compare-table">
            <thead>
              <tr>
                <th />
                {c.codes.map((code) => (
                  <th key={code}>
                    <StatusLink code={code} />
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.rows.map((row) => (
                <tr key={row.aspect}>
                  <th scope="row">
                    {row.aspect}
                    <span className="ref">{row.refs.join(', ')}</span>
                  </th>
                  {c.codes.map((code) => (
                    <td key={code}>{row.cells[String(code)]}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
          <p className="verdict">{c.rule}</p>
        </article>
      );
    }
    case 'header': {
      const h = entry.data;
      return (
        <article className="entry" aria-label={`Header ${h.meaning.name}`}>
          <h2>
            <code>{h.meaning.name}</code> <span className="ref">{h.meaning.ref}</span>
          </h2>
          <p>{h.meaning.meaning}</p>
          {h.carriedBy.length > 0 && (
            <>
              <h3>Statuses that carry it</h3>
              <ul>
                {h.carriedBy.map((c) => (
                  <li key={c.code}>
                    <StatusLink code={c.code} /> {c.reason}: <strong>{c.level}</strong> — {c.why} <span className="ref">{c.ref}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </article>
      );
    }
    case 'myth': {
      const m = entry.data;
      return (
        <article className="entry" aria-label="Myth">
          <h2>Myth: {m.myth}</h2>
          <p>
            <strong>In fact:</strong> {m.fact}
          </p>
          <p className="ref">{m.refs.join(', ')}</p>
        </article>
      );
    }
  }
}
