/**
 * The capability matrix: endpoints down, methods across, each cell coloured by the class of its answer
 * and showing its status (and a 501's diagnosed cause). Every cell is a button that opens its details.
 * The contradictions of each row are listed under the grid.
 */
import type { ScanMatrix } from '../../../app/contract/run-ops';
import { useScanStore } from '../../stores/scan-store';
import { cellName, cellText, OUTCOMES, outcomeLabel, outcomeOf } from './outcome';

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
                <span className="mono wrap">{row.label}</span>
                {row.label !== row.url && <span className="hint mono wrap row-url">{row.url}</span>}
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
                      {cellText(cell)}
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
        <p className="hint">The answers agree with each other and with RFC 9110 as far as the scan can tell.</p>
      ) : (
        <ul>
          {rows.flatMap((row) =>
            row.contradictions.map((c) => (
              <li key={`${row.url} ${c.kind}`}>
                <span className="kind">{c.kind}</span> <span className="mono">{row.label}</span> ({c.methods.join(', ')}): {c.message} <span className="ref">{c.ref}</span>
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  );
}
