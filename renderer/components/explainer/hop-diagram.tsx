/** client → proxies → origin, the hop that wrote the response marked. */
import type { HopDiagram as HopDiagramData } from '../../../app/contract/diagnosis-ops';

export function HopDiagram({ diagram }: { diagram: HopDiagramData }) {
  return (
    <figure className="hop-diagram" aria-label="Hops between you and the server">
      <ol>
        {diagram.hops.map((hop, i) => (
          <li key={i} className={`hop role-${hop.role} ${hop.authored ? 'authored' : ''}`} data-testid={hop.authored ? 'hop-author' : undefined} aria-current={hop.authored ? 'true' : undefined}>
            <span className="hop-role">{hop.role}</span>
            <span className="hop-label">{hop.label}</span>
            {hop.authored && <span className="hop-tag">answered</span>}
            <span className="hop-source" title="Where this hop was learned from">
              {hop.source}
            </span>
          </li>
        ))}
      </ol>
      <figcaption>
        <span className={`confidence c-${diagram.authorConfidence}`}>{diagram.authorConfidence}</span> {diagram.note}
      </figcaption>
    </figure>
  );
}
