/**
 * The small per-entry menu of the collection tree and the inline forms its items open: rename, move
 * to a folder, new folder, and a delete that asks first. Everything is reachable by keyboard; drag and
 * drop (collection-tree.tsx) is a shortcut for Move and Move up/down, not the only way.
 */
import { useState, type FormEvent } from 'react';
import { assertNever } from '../../../app/common/result';

export interface MenuItem {
  label: string;
  run(): void;
}

export type InlineForm =
  | { kind: 'rename'; current: string; submit(name: string): void }
  | { kind: 'new-folder'; submit(name: string): void }
  | { kind: 'move'; folders: Array<{ path: string; label: string }>; current: string; submit(toFolder: string): void }
  | { kind: 'delete'; what: string; submit(): void };

export function EntryMenu({ label, items, open, onToggle }: { label: string; items: MenuItem[]; open: boolean; onToggle(open: boolean): void }) {
  return (
    <>
      <button type="button" className="icon menu-toggle" aria-label={`Actions for ${label}`} aria-haspopup="menu" aria-expanded={open} onClick={() => onToggle(!open)}>
        ⋯
      </button>
      {open && (
        <div role="menu" aria-label={`Actions for ${label}`} className="entry-menu" onKeyDown={(e) => e.key === 'Escape' && onToggle(false)}>
          {items.map((item) => (
            <button
              key={item.label}
              type="button"
              role="menuitem"
              onClick={() => {
                onToggle(false);
                item.run();
              }}
            >
              {item.label}
            </button>
          ))}
        </div>
      )}
    </>
  );
}

function NameForm({ label, initial, action, submit, cancel }: { label: string; initial: string; action: string; submit(name: string): void; cancel(): void }) {
  const [name, setName] = useState(initial);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (name.trim() !== '') submit(name.trim());
  };
  return (
    <form className="inline-form" onSubmit={onSubmit}>
      <input aria-label={label} value={name} autoFocus onChange={(e) => setName(e.target.value)} onKeyDown={(e) => e.key === 'Escape' && cancel()} />
      <button type="submit" className="primary" disabled={name.trim() === ''}>
        {action}
      </button>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </form>
  );
}

function MoveForm({ label, folders, current, submit, cancel }: { label: string; folders: Array<{ path: string; label: string }>; current: string; submit(to: string): void; cancel(): void }) {
  const [to, setTo] = useState(current);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit(to);
      }}
    >
      <select aria-label={`Move ${label} to`} value={to} onChange={(e) => setTo(e.target.value)}>
        {folders.map((f) => (
          <option key={f.path} value={f.path}>
            {f.label}
          </option>
        ))}
      </select>
      <button type="submit" className="primary" disabled={to === current}>
        Move
      </button>
      <button type="button" onClick={cancel}>
        Cancel
      </button>
    </form>
  );
}

export function InlineFormView({ label, form, close }: { label: string; form: InlineForm; close(): void }) {
  switch (form.kind) {
    case 'rename':
      return <NameForm label={`New name for ${label}`} initial={form.current} action="Rename" submit={(n) => (close(), form.submit(n))} cancel={close} />;
    case 'new-folder':
      return <NameForm label={`New folder name in ${label}`} initial="" action="Create" submit={(n) => (close(), form.submit(n))} cancel={close} />;
    case 'move':
      return <MoveForm label={label} folders={form.folders} current={form.current} submit={(to) => (close(), form.submit(to))} cancel={close} />;
    case 'delete':
      return (
        <div role="alertdialog" aria-label={`Delete ${label}?`} className="inline-form confirm">
          <p>
            Delete <strong>{label}</strong>? {form.what}
          </p>
          <button
            type="button"
            className="danger"
            autoFocus
            onClick={() => {
              close();
              form.submit();
            }}
          >
            Delete
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      );
    default:
      return assertNever(form, 'inline form');
  }
}
