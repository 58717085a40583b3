/** An editable table of name/value rows with enable toggles; an empty last row adds a new one. */
import { newRow, type Row } from '../stores/query-sync';

interface Props {
  label: string;
  rows: Row[];
  onChange(rows: Row[]): void;
  namePlaceholder?: string;
  valuePlaceholder?: string;
}

export function KeyValueTable({ label, rows, onChange, namePlaceholder = 'name', valuePlaceholder = 'value' }: Props) {
  const update = (id: string, patch: Partial<Row>) => onChange(rows.map((r) => (r.id === id ? { ...r, ...patch } : r)));
  const remove = (id: string) => onChange(rows.filter((r) => r.id !== id));
  return (
    <table className="kv" aria-label={label}>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.id}>
            <td className="kv-check">
              <input type="checkbox" aria-label={`${label} row ${i + 1} enabled`} checked={row.enabled} onChange={(e) => update(row.id, { enabled: e.target.checked })} />
            </td>
            <td>
              <input aria-label={`${label} name ${i + 1}`} value={row.name} placeholder={namePlaceholder} spellCheck={false} onChange={(e) => update(row.id, { name: e.target.value })} />
            </td>
            <td>
              <input aria-label={`${label} value ${i + 1}`} value={row.value} placeholder={valuePlaceholder} spellCheck={false} onChange={(e) => update(row.id, { value: e.target.value })} />
            </td>
            <td className="kv-del">
              <button type="button" className="icon" aria-label={`Remove ${label} row ${i + 1}`} onClick={() => remove(row.id)}>
                ×
              </button>
            </td>
          </tr>
        ))}
        <tr>
          <td colSpan={4}>
            <button type="button" className="link" onClick={() => onChange([...rows, newRow()])}>
              + Add {label.toLowerCase().replace(/s$/, '')}
            </button>
          </td>
        </tr>
      </tbody>
    </table>
  );
}
