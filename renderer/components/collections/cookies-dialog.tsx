/** A collection's cookie jar (kept in the app's data dir, never in the collection folder): view and clear. */
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../app/common/result';
import { call } from '../../host';
import { ModalDialog } from '../modal-dialog';

type CookieView = Extract<Awaited<ReturnType<typeof call<'cookies:list'>>>, { ok: true }>['value']['cookies'][number];

export function CookiesDialog({ root, name, onClose }: { root: string; name: string; onClose(): void }) {
  const [cookies, setCookies] = useState<CookieView[]>();
  const [error, setError] = useState<AppError>();
  const [note, setNote] = useState<string>();
  const load = useCallback(async () => {
    const r = await call('cookies:list', { root });
    if (r.ok) setCookies(r.value.cookies);
    else setError(r.error);
  }, [root]);
  useEffect(() => void load(), [load]);
  const clear = async (domain?: string) => {
    const r = await call('cookies:clear', { root, ...(domain ? { domain } : {}) });
    if (!r.ok) return setError(r.error);
    setNote(`${r.value.removed} cookie${r.value.removed === 1 ? '' : 's'} removed.`);
    await load();
  };
  return (
    <ModalDialog label="Cookies" title={`Cookies of “${name}”`} onClose={onClose}>
      {error && <p className="error-box">{error.message}</p>}
      {cookies && cookies.length === 0 && <p className="hint">No cookies: responses to this collection's requests have set none (or they were cleared).</p>}
      {cookies && cookies.length > 0 && (
        <table className="headers-table" aria-label="Cookies">
          <thead>
            <tr>
              <th>Domain</th>
              <th>Path</th>
              <th>Name</th>
              <th>Value</th>
              <th>Expires</th>
              <th>Flags</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {cookies.map((c, i) => (
              <tr key={`${c.domain}-${c.path}-${c.name}-${i}`}>
                <td className="mono">{c.domain}</td>
                <td className="mono">{c.path}</td>
                <td className="mono">{c.name}</td>
                <td className="mono wrap">{c.value}</td>
                <td>{c.expires ?? 'session'}</td>
                <td>{[c.secure && 'Secure', c.httpOnly && 'HttpOnly', c.sameSite !== 'none' && `SameSite=${c.sameSite}`, c.hostOnly && 'host-only'].filter(Boolean).join(', ')}</td>
                <td>
                  {c.domain && (
                    <button type="button" className="small" onClick={() => void clear(c.domain ?? undefined)}>
                      Clear {c.domain}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="button-row">
        <button type="button" className="danger" disabled={!cookies || cookies.length === 0} onClick={() => void clear()}>
          Clear all cookies
        </button>
        {note && <span role="status">{note}</span>}
      </div>
    </ModalDialog>
  );
}
