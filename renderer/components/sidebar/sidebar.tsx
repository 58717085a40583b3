/** The left side: the Lab (first, the default), collections and history. */
import { useState } from 'react';
import { useHistoryStore } from '../../stores/history-store';
import { CollectionsSection } from './collections-section';
import { HistorySection } from './history-section';
import { LabSection } from './lab-section';

const SECTIONS = [
  { id: 'lab', label: 'Lab' },
  { id: 'collections', label: 'Collections' },
  { id: 'history', label: 'History' },
] as const;
type Section = (typeof SECTIONS)[number]['id'];

export function Sidebar() {
  const [section, setSection] = useState<Section>('lab');
  const select = (id: Section) => {
    setSection(id);
    if (id === 'history') void useHistoryStore.getState().reload();
  };
  return (
    <nav className="sidebar" aria-label="Sidebar">
      <div role="tablist" aria-label="Sidebar sections" className="sidebar-tabs">
        {SECTIONS.map((s) => (
          <button
            key={s.id}
            type="button"
            role="tab"
            id={`sidebar-tab-${s.id}`}
            aria-selected={section === s.id}
            aria-controls="sidebar-panel"
            className={section === s.id ? 'tab active' : 'tab'}
            onClick={() => select(s.id)}
          >
            {s.label}
          </button>
        ))}
      </div>
      <div className="sidebar-body" role="tabpanel" id="sidebar-panel" aria-labelledby={`sidebar-tab-${section}`}>
        {section === 'lab' && <LabSection />}
        {section === 'collections' && <CollectionsSection />}
        {section === 'history' && <HistorySection />}
      </div>
    </nav>
  );
}
