/** A collection as Postman v2.1 or HAR. */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../app/common/result';
import { call } from '../../host';
import { ModalDialog } from '../modal-dialog';
import { TextOutput } from './text-output';

type Exported = Extract<Awaited<ReturnType<typeof call<'formats:export-collection'>>>, { ok: true }>['value'];

export function ExportDialog({ root, name, onClose }: { root: string; name: string; onClose(): void }) {
  const [format, setFormat] = useState<'postman' | 'har'>('postman');
  const [out, setOut] = useState<Exported>();
  const [error, setError] = useState<AppError>();
  useEffect(() => {
    void call('formats:export-collection', { root, format }).then((r) =>
      r.ok ? (setOut(r.value), setError(undefined)) : setError(r.error),
    );
  }, [root, format]);
  const slug =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'collection';
  return (
    <ModalDialog
      label="Export collection"
      title={`Export “${name}”`}
      onClose={onClose}
      controls={
        <label>
          As
          <select
            aria-label="Export format"
            value={format}
            onChange={(e) => setFormat(e.target.value === 'har' ? 'har' : 'postman')}
          >
            <option value="postman">Postman collection v2.1</option>
            <option value="har">HAR 1.2</option>
          </select>
        </label>
      }
    >
      {error && <p className="error-box">{error.message}</p>}
      {out && (
        <>
          {out.warnings.map((w, i) => (
            <p key={i} className="notice">
              <strong>{w.item}</strong>: {w.what}
            </p>
          ))}
          <TextOutput
            text={out.text}
            language="json"
            filename={format === 'postman' ? `${slug}.postman_collection.json` : `${slug}.har`}
            label="Exported collection"
          />
        </>
      )}
    </ModalDialog>
  );
}
