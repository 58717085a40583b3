/** A modal dialog: backdrop click and Close dismiss it; header holds the title and any controls. */
import type { ReactNode } from 'react';

interface Props {
  label: string;
  title: ReactNode;
  onClose(): void;
  /** Controls shown in the header between the title and Close (selects, toggles). */
  controls?: ReactNode;
  wide?: boolean;
  children: ReactNode;
}

export function ModalDialog({ label, title, onClose, controls, wide = true, children }: Props) {
  return (
    <div className="modal-backdrop" onClick={onClose}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={label}
        className={`dialog${wide ? ' wide' : ''}`}
        onClick={(e) => e.stopPropagation()}
      >
        <header className="dialog-head">
          <h2>{title}</h2>
          {controls}
          <button type="button" onClick={onClose}>
            Close
          </button>
        </header>
        {children}
      </div>
    </div>
  );
}
