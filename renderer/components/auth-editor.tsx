/** The request's auth: inherited from the collection, none, or one of the helpers the host applies. */
import type { Auth } from '../../app/contract/collection';
import { assertNever } from '../../app/common/result';
import { useRequestStore } from '../stores/request-store';

const AUTH_LABELS: Record<Auth['type'], string> = {
  inherit: 'Inherit from the collection',
  none: 'No auth',
  basic: 'Basic',
  bearer: 'Bearer token',
  apikey: 'API key',
  digest: 'Digest (RFC 7616)',
  'oauth2-client-credentials': 'OAuth 2 client credentials',
};
const AUTH_TYPES = Object.keys(AUTH_LABELS) as Array<Auth['type']>;

function blank(type: Auth['type']): Auth {
  switch (type) {
    case 'inherit':
    case 'none':
      return { type };
    case 'basic':
    case 'digest':
      return { type, username: '', password: '' };
    case 'bearer':
      return { type, token: '' };
    case 'apikey':
      return { type, name: 'X-API-Key', value: '', in: 'header' };
    case 'oauth2-client-credentials':
      return { type, tokenUrl: '', clientId: '', clientSecret: '' };
    default:
      return assertNever(type, 'auth type');
  }
}

function Field({ label, value, onChange, secret = false }: { label: string; value: string; onChange(v: string): void; secret?: boolean }) {
  return (
    <label className="stack">
      {label}
      <input aria-label={label} type={secret ? 'password' : 'text'} value={value} spellCheck={false} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

export function AuthEditor() {
  const auth = useRequestStore((s) => s.auth);
  const setAuth = useRequestStore((s) => s.setAuth);
  const fromCollection = useRequestStore((s) => s.origin !== undefined);
  return (
    <div className="auth-editor">
      <label className="inline">
        Auth
        <select aria-label="Auth type" value={auth.type} onChange={(e) => setAuth(blank(e.target.value as Auth['type']))}>
          {AUTH_TYPES.map((t) => (
            <option key={t} value={t}>
              {AUTH_LABELS[t]}
            </option>
          ))}
        </select>
      </label>
      {!fromCollection && auth.type !== 'none' && auth.type !== 'inherit' && (
        <p className="notice">Auth helpers are applied when the request is sent from a collection: save it to one (Save to collection…) to use them.</p>
      )}
      <p className="hint">Use <code>{'{{variable}}'}</code> for credentials and mark the variable secret: its value then stays out of the collection folder.</p>
      {(auth.type === 'basic' || auth.type === 'digest') && (
        <div className="form-grid">
          <Field label="Username" value={auth.username} onChange={(username) => setAuth({ ...auth, username })} />
          <Field label="Password" value={auth.password} secret onChange={(password) => setAuth({ ...auth, password })} />
        </div>
      )}
      {auth.type === 'bearer' && <Field label="Token" value={auth.token} secret onChange={(token) => setAuth({ ...auth, token })} />}
      {auth.type === 'apikey' && (
        <div className="form-grid">
          <Field label="Key name" value={auth.name} onChange={(name) => setAuth({ ...auth, name })} />
          <Field label="Key value" value={auth.value} secret onChange={(value) => setAuth({ ...auth, value })} />
          <label className="stack">
            Send in
            <select aria-label="Send the key in" value={auth.in} onChange={(e) => setAuth({ ...auth, in: e.target.value === 'query' ? 'query' : 'header' })}>
              <option value="header">a header</option>
              <option value="query">the query string</option>
            </select>
          </label>
        </div>
      )}
      {auth.type === 'oauth2-client-credentials' && (
        <div className="form-grid">
          <Field label="Token URL" value={auth.tokenUrl} onChange={(tokenUrl) => setAuth({ ...auth, tokenUrl })} />
          <Field label="Client ID" value={auth.clientId} onChange={(clientId) => setAuth({ ...auth, clientId })} />
          <Field label="Client secret" value={auth.clientSecret} secret onChange={(clientSecret) => setAuth({ ...auth, clientSecret })} />
          <Field label="Scope" value={auth.scope ?? ''} onChange={(scope) => setAuth(scope ? { ...auth, scope } : { type: auth.type, tokenUrl: auth.tokenUrl, clientId: auth.clientId, clientSecret: auth.clientSecret })} />
        </div>
      )}
    </div>
  );
}
