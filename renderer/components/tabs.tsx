/** Accessible tabs: a tablist of buttons, one visible panel. */
import { useId, type ReactNode } from 'react';

export interface TabDef<T extends string> {
  id: T;
  label: ReactNode;
  badge?: string | number;
}

interface Props<T extends string> {
  label: string;
  tabs: Array<TabDef<T>>;
  active: T;
  onSelect(id: T): void;
  children: ReactNode;
}

export function Tabs<T extends string>({ label, tabs, active, onSelect, children }: Props<T>) {
  const base = useId();
  return (
    <div className="tabs">
      <div role="tablist" aria-label={label} className="tablist">
        {tabs.map((t) => (
          <button
            key={t.id}
            role="tab"
            type="button"
            id={`${base}-${t.id}`}
            aria-selected={t.id === active}
            aria-controls={`${base}-panel`}
            className={t.id === active ? 'tab active' : 'tab'}
            onClick={() => onSelect(t.id)}
          >
            {t.label}
            {t.badge !== undefined && t.badge !== 0 && <span className="badge">{t.badge}</span>}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-${active}`} className="tabpanel">
        {children}
      </div>
    </div>
  );
}
