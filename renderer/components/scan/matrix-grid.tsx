/**
 * The capability matrix: endpoints down, methods across, each cell coloured by the class of its answer
 * and showing its status (and a 501's diagnosed cause). Every cell is a button that opens its details.
 * The contradictions of each row are listed under the grid.
 */
import type { ScanMatrix } from '../../../app/contract/run-ops';
import { useScanStore } from '../../stores/scan-store';
import { cellName, cellText, OUTCOMES, outcomeLabel, outcomeOf } from './outcome';

/** A cause id that may wrap after its hyphens (`method-` / `unsupported`), keeping the columns narrow. */
function breakable(id: string) {
  return id.split('-').map((part, i, all) => (
    <span key={i}>
      {part}
      {i < all.length - 1 && (
        <>
          -<wbr />
        </>
      )}
    </span>
  ));
}

/** A named URL reads best as its path over its origin; a collection request as its name over its URL. */
function RowLabel({ label, url }: { label: string; url: string }) {
  let main = label;
  let sub = label === url ? '' : url;
  if (label === url && URL.canParse(url)) {
    const parsed = new URL(url);
    main = `${parsed.pathname}${parsed.search}`;
    sub = parsed.origin;
  }
  return (
    <>
      <span className="mono wrap">{main}</span>
      {sub && <span className="hint mono wrap row-url">{sub}</span>}
    </>
  );
}

export function Legend() {
  return (
    <ul className="scan-legend" aria-label="Legend">
      {OUTCOMES.map((o) => (
        <li key={o}>
          <span className={`swatch o-${o}`} aria-hidden="true" /> {outcomeLabel(o)}
        </li>
      ))}
    </ul>
  );
}

export function MatrixGrid({ matrix }: { matrix: ScanMatrix }) {
  const selected = useScanStore((s) => s.selected);
  const select = useScanStore((s) => s.select);
  return (
    <div className="matrix-scroll">
      <table className="matrix" aria-label="Capability matrix">
        <thead>
          <tr>
            <th scope="col">Endpoint</th>
            {matrix.methods.map((m) => (
              <th key={m} scope="col" className="mono">
                {m}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, r) => (
            <tr key={`${r}:${row.url}`}>
              <th scope="row" title={row.url}>
                <RowLabel label={row.label} url={row.url} />
                {row.contradictions.length > 0 && (
                  <span className="contradiction-count">
                    {row.contradictions.length} contradiction{row.contradictions.length === 1 ? '' : 's'}
                  </span>
                )}
              </th>
              {matrix.methods.map((m) => {
                const cell = row.cells.find((c) => c.method === m);
                if (!cell) return <td key={m} />;
                const outcome = outcomeOf(cell);
                const isSelected = selected?.row === r && selected.method === m;
                return (
                  <td key={m}>
                    <button
                      type="button"
                      className={`cell o-${outcome}${isSelected ? ' selected' : ''}`}
                      aria-label={cellName(row.label, cell)}
                      aria-pressed={isSelected}
                      title={`${outcomeLabel(outcome)}${cell.causeSummary ? `: ${cell.causeSummary}` : ''}`}
                      onClick={() => select(isSelected ? undefined : { row: r, method: m })}
                    >
                      {cell.status === 501 && cell.cause ? (
                        <>
                          501 <span className="cell-cause-id">{breakable(cell.cause)}</span>
                        </>
                      ) : (
                        cellText(cell)
                      )}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function ContradictionList({ matrix }: { matrix: ScanMatrix }) {
  const rows = matrix.rows.filter((r) => r.contradictions.length > 0);
  return (
    <section aria-label="Contradictions" className="contradictions">
      <h3>Contradictions ({matrix.totals.contradictions})</h3>
      {rows.length === 0 ? (
        <p className="hint">
          The answers agree with each other and with RFC 9110 as far as the scan can tell.
        </p>
      ) : (
        <ul>
          {rows.flatMap((row) =>
            row.contradictions.map((c) => (
              <li key={`${row.url} ${c.kind}`}>
                <span className="kind">{c.kind}</span> <span className="mono">{row.label}</span> (
                {c.methods.join(', ')}): {c.message} <span className="ref">{c.ref}</span>
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  );
}
