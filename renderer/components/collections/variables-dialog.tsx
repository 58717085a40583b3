/**
 * A collection's variables: collection.yaml's and each environment's, where a request's {{name}} gets
 * its value (the selected environment wins over the collection). Secret variables keep their values in
 * the app's data dir, never in the collection folder; a value can be set here and is never shown back.
 */
import { useEffect, useState, type FormEvent } from 'react';
import type { AppError } from '../../../app/common/result';
import type { Variable } from '../../../app/contract/collection';
import { call } from '../../host';
import { useCollectionStore, type OpenCollection } from '../../stores/collection-store';

/** app/contract/collection.ts variableSchema's rule, checked here to say so before the round trip. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const COLLECTION_SCOPE = '';

function VariableTable({ label, variables, secretsSet }: { label: string; variables: Variable[]; secretsSet: (name: string) => boolean }) {
  if (variables.length === 0) return <p className="hint">No variables.</p>;
  return (
    <table className="headers-table" aria-label={label}>
      <tbody>
        {variables.map((v) => (
          <tr key={v.name}>
            <td className="mono">{v.name}</td>
            <td className="mono wrap">{v.secret ? <em className="secret-state">{secretsSet(v.name) ? 'secret · value set' : 'secret · no value'}</em> : (v.value ?? '')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ScopeSelect({ collection, value, onChange, label }: { collection: OpenCollection; value: string; onChange(v: string): void; label: string }) {
  return (
    <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value={COLLECTION_SCOPE}>Collection</option>
      {collection.environments.map((e) => (
        <option key={e.path} value={e.name}>
          Environment: {e.name}
        </option>
      ))}
    </select>
  );
}

function Body({ collection }: { collection: OpenCollection }) {
  const root = collection.tree.root;
  const store = useCollectionStore.getState();
  const [collectionSecrets, setCollectionSecrets] = useState<string[]>([]);
  const [message, setMessage] = useState<string | undefined>();
  const [error, setError] = useState<AppError | undefined>();
  const [secretScope, setSecretScope] = useState(COLLECTION_SCOPE);
  const [secretName, setSecretName] = useState('');
  const [secretValue, setSecretValue] = useState('');
  const [varScope, setVarScope] = useState(collection.environment ?? COLLECTION_SCOPE);
  const [varName, setVarName] = useState('');
  const [varValue, setVarValue] = useState('');
  const [varSecret, setVarSecret] = useState(false);
  const [envName, setEnvName] = useState('');

  const loadSecrets = async () => {
    const names = await call('secret:list', { root });
    if (names.ok) setCollectionSecrets(names.value.names);
  };
  useEffect(() => {
    void call('secret:list', { root }).then((names) => names.ok && setCollectionSecrets(names.value.names));
  }, [root]);

  const done = async (text: string) => {
    setMessage(text);
    setError(undefined);
    await store.refresh(root);
    await loadSecrets();
  };

  const declaredSecrets = (scope: string) =>
    (scope === COLLECTION_SCOPE ? collection.tree.settings.variables : (collection.environments.find((e) => e.name === scope)?.environment.variables ?? []))
      .filter((v) => v.secret)
      .map((v) => v.name);

  const setSecret = async (e: FormEvent) => {
    e.preventDefault();
    const env = secretScope === COLLECTION_SCOPE ? {} : { environment: secretScope };
    const set = await call('secret:set', { root, ...env, name: secretName.trim(), value: secretValue });
    setSecretValue('');
    if (!set.ok) return setError(set.error);
    await done(`Stored the value of ${secretName.trim()} for ${secretScope === COLLECTION_SCOPE ? 'the collection' : `the environment ${secretScope}`}. It is kept in the app's data folder and is not shown again.`);
  };

  const addVariable = async (e: FormEvent) => {
    e.preventDefault();
    const name = varName.trim();
    if (!VARIABLE_NAME.test(name)) return setError({ code: 'variable.invalid-name', message: `${name} is not a variable name: use letters, digits, _ . - and start with a letter or _.` });
    const variable: Variable = varSecret ? { name, value: varValue, secret: true } : { name, value: varValue, secret: false };
    const merge = (vars: Variable[]) => [...vars.filter((v) => v.name !== name), variable];
    let saved;
    if (varScope === COLLECTION_SCOPE) {
      const s = collection.tree.settings;
      saved = await call('collection:save-settings', {
        root,
        settings: { name: s.name, description: s.description, headers: s.headers, variables: merge(s.variables), auth: s.auth },
        baseHash: collection.tree.hash,
      });
    } else {
      const entry = collection.environments.find((x) => x.name === varScope);
      if (!entry) return;
      saved = await call('environment:save', { root, relPath: entry.path, baseHash: entry.hash, environment: { ...entry.environment, variables: merge(entry.environment.variables) } });
    }
    if (!saved.ok) return setError(saved.error);
    setVarName('');
    setVarValue('');
    await done(`Saved ${name}${varSecret ? ' (its value went to the secret store, not the file)' : ''}.`);
  };

  const createEnvironment = async (e: FormEvent) => {
    e.preventDefault();
    const saved = await call('environment:save', { root, environment: { name: envName.trim(), variables: [] } });
    if (!saved.ok) return setError(saved.error);
    setEnvName('');
    await done(`Created ${saved.value.path}.`);
  };

  return (
    <>
      <p className="hint">
        A request's <code>{'{{name}}'}</code> takes its value from the selected environment first, then from the collection. Secret values live in the app's data folder, never in
        the collection's files.
      </p>
      <h3>Collection</h3>
      <VariableTable label="Collection variables" variables={collection.tree.settings.variables} secretsSet={(n) => collectionSecrets.includes(n)} />
      {collection.environments.map((env) => (
        <section key={env.path}>
          <h3>
            Environment: {env.name} <span className="hint">({env.path})</span>
          </h3>
          <VariableTable label={`Variables of ${env.name}`} variables={env.environment.variables} secretsSet={(n) => env.secrets.some((s) => s.name === n && s.hasValue)} />
        </section>
      ))}
      {message && (
        <p className="notice" role="status">
          {message}
        </p>
      )}
      {error && (
        <p className="error-box" role="alert">
          {error.message}
        </p>
      )}
      <form className="dialog-form" aria-label="Set a secret value" onSubmit={(e) => void setSecret(e)}>
        <h3>Set a secret value</h3>
        <ScopeSelect collection={collection} value={secretScope} onChange={setSecretScope} label="Secret scope" />
        <input aria-label="Secret name" list="declared-secrets" placeholder="name" value={secretName} onChange={(e) => setSecretName(e.target.value)} />
        <datalist id="declared-secrets">
          {declaredSecrets(secretScope).map((n) => (
            <option key={n} value={n} />
          ))}
        </datalist>
        <input aria-label="Secret value" type="password" autoComplete="off" placeholder="value (never shown again)" value={secretValue} onChange={(e) => setSecretValue(e.target.value)} />
        <button type="submit" className="primary" disabled={secretName.trim() === ''}>
          Set secret
        </button>
      </form>
      <form className="dialog-form" aria-label="Add a variable" onSubmit={(e) => void addVariable(e)}>
        <h3>Add or change a variable</h3>
        <ScopeSelect collection={collection} value={varScope} onChange={setVarScope} label="Variable scope" />
        <input aria-label="Variable name" placeholder="name" value={varName} onChange={(e) => setVarName(e.target.value)} />
        <input aria-label="Variable value" type={varSecret ? 'password' : 'text'} autoComplete="off" placeholder="value" value={varValue} onChange={(e) => setVarValue(e.target.value)} />
        <label className="inline">
          <input type="checkbox" checked={varSecret} onChange={(e) => setVarSecret(e.target.checked)} /> Secret
        </label>
        <button type="submit" className="primary" disabled={varName.trim() === ''}>
          Save variable
        </button>
      </form>
      <form className="dialog-form" aria-label="New environment" onSubmit={(e) => void createEnvironment(e)}>
        <h3>New environment</h3>
        <input aria-label="Environment name" placeholder="e.g. local, staging" value={envName} onChange={(e) => setEnvName(e.target.value)} />
        <button type="submit" disabled={envName.trim() === ''}>
          Create environment
        </button>
      </form>
    </>
  );
}

export function VariablesDialog() {
  const root = useCollectionStore((s) => s.variablesFor);
  const collection = useCollectionStore((s) => s.collections.find((c) => c.tree.root === root));
  if (!root || !collection) return null;
  const close = () => useCollectionStore.getState().showVariables(undefined);
  return (
    <div className="modal-backdrop" onClick={close}>
      <div
        role="dialog"
        aria-modal="true"
        aria-label={`Variables and secrets of ${collection.tree.name}`}
        className="small-dialog variables-dialog"
        onClick={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <header className="dialog-head">
          <h2>Variables and secrets: {collection.tree.name}</h2>
          <button type="button" onClick={close}>
            Close
          </button>
        </header>
        <Body collection={collection} />
      </div>
    </div>
  );
}
