/** The left side: the Lab (first), collections and history. */
import { useState } from 'react';
import { LabSection } from './lab-section';

type Section = 'lab';

export function Sidebar() {
  const [section] = useState<Section>('lab');
  return (
    <nav className="sidebar" aria-label="Sidebar">
      <div className="sidebar-head">
        <h2>{section === 'lab' ? 'Lab' : ''}</h2>
      </div>
      <div className="sidebar-body">{section === 'lab' && <LabSection />}</div>
    </nav>
  );
}
