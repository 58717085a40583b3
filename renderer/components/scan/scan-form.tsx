/**
 * What to scan and how: URLs the user names or a collection folder, the method groups, consent for the
 * unsafe ones (worded from the host's own plan: which methods, to which URLs), concurrency and rate.
 */
import { useEffect } from 'react';
import { METHOD_SETS_UI } from './method-sets';
import { allFolders } from '../collections/collection-tree';
import { useCollectionStore } from '../../stores/collection-store';
import { urlList, useScanStore } from '../../stores/scan-store';
import { PaceFields } from '../pace-fields';

function CollectionPicker() {
  const form = useScanStore((s) => s.form);
  const setForm = useScanStore((s) => s.setForm);
  const collections = useCollectionStore((s) => s.collections);
  const chosen = collections.find((c) => c.tree.root === form.root);
  if (collections.length === 0)
    return <p className="hint">No collection is open. Open one in the sidebar's Collections tab first.</p>;
  return (
    <>
      <label className="stack">
        Collection
        <select
          aria-label="Collection to scan"
          value={form.root}
          onChange={(e) => setForm({ root: e.target.value, relPath: '' })}
        >
          <option value="">Choose…</option>
          {collections.map((c) => (
            <option key={c.tree.root} value={c.tree.root}>
              {c.tree.name}
            </option>
          ))}
        </select>
      </label>
      {chosen && (
        <>
          <label className="stack">
            Folder
            <select
              aria-label="Folder to scan"
              value={form.relPath}
              onChange={(e) => setForm({ relPath: e.target.value })}
            >
              {allFolders(chosen.tree.items, [{ path: '', label: '(whole collection)' }]).map((f) => (
                <option key={f.path} value={f.path}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <p className="hint">
            Environment: <strong>{chosen.environment ?? 'none'}</strong> (the collection's selected one).
            Collection requests get safe methods only; bodies are not sent.
          </p>
        </>
      )}
    </>
  );
}

function Consent() {
  const { form, preview, setForm } = useScanStore();
  if (form.source === 'collection') return null;
  const urls = urlList(form.urls);
  const methods = preview?.consentMethods;
  if (methods && methods.length === 0)
    return <p className="hint">None of the chosen methods is unsafe: nothing needs consent.</p>;
  const where = urls.length === 0 ? 'the URLs above' : urls.join(', ');
  return (
    <label className="consent">
      <input
        type="checkbox"
        checked={form.allowUnsafe}
        onChange={(e) => setForm({ allowUnsafe: e.target.checked })}
      />
      <span>
        Send the unsafe methods{' '}
        <strong className="mono">{methods ? methods.join(', ') : 'of the chosen groups'}</strong> to{' '}
        <strong className="mono wrap">{where}</strong>. They may create, change or delete data there; send
        them only to a server you may change. Without this they are listed as not sent.
      </span>
    </label>
  );
}

export function ScanForm() {
  const { form, preview, running, setForm, refreshPreview, showPlan, run } = useScanStore();
  const collectionsOpen = useCollectionStore((s) => s.collections.length);
  // The preview names the columns and the consent's methods; it follows the form, debounced.
  useEffect(() => {
    const t = setTimeout(() => void refreshPreview(), 250);
    return () => clearTimeout(t);
  }, [form, collectionsOpen, refreshPreview]);
  const ready = form.source === 'url' ? urlList(form.urls).length > 0 : form.root !== '';
  const membersOf = (set: string) => preview?.columns.filter((c) => c.set === set).map((c) => c.method);

  return (
    <form
      id="scan-settings"
      className="scan-form"
      aria-label="Scan settings"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready && !running) void run();
      }}
    >
      <fieldset>
        <legend>Target</legend>
        <div role="radiogroup" aria-label="Scan target" className="inline">
          <label>
            <input
              type="radio"
              name="scan-source"
              checked={form.source === 'url'}
              onChange={() => setForm({ source: 'url' })}
            />{' '}
            URLs I name
          </label>
          <label>
            <input
              type="radio"
              name="scan-source"
              checked={form.source === 'collection'}
              onChange={() => setForm({ source: 'collection' })}
            />{' '}
            A collection folder
          </label>
        </div>
        {form.source === 'url' ? (
          <label className="stack">
            URLs, one per line
            <textarea
              aria-label="URLs to scan"
              className="mono"
              rows={3}
              spellCheck={false}
              value={form.urls}
              onChange={(e) => setForm({ urls: e.target.value })}
            />
          </label>
        ) : (
          <CollectionPicker />
        )}
      </fieldset>
      <fieldset>
        <legend>Methods</legend>
        <p className="hint">
          OPTIONS always goes first: its Allow is what the other answers are checked against.
        </p>
        {METHOD_SETS_UI.map(({ set, label, why }) => {
          const members = membersOf(set);
          return (
            <label key={set} className="method-set">
              <input
                type="checkbox"
                checked={form.methodSets.includes(set)}
                onChange={(e) =>
                  setForm({
                    methodSets: e.target.checked
                      ? [...form.methodSets, set]
                      : form.methodSets.filter((m) => m !== set),
                  })
                }
              />
              <span>
                <strong>{label}</strong> <span className="hint">{why}</span>
                {members && members.length > 0 && <span className="members mono">{members.join(' ')}</span>}
              </span>
            </label>
          );
        })}
        <label className="stack">
          Extra methods (case kept)
          <input
            aria-label="Extra methods"
            className="mono"
            placeholder="PURGE BREW"
            value={form.extraMethods}
            onChange={(e) => setForm({ extraMethods: e.target.value })}
          />
        </label>
        <Consent />
      </fieldset>
      <PaceFields
        label=""
        concurrency={form.concurrency}
        ratePerSecond={form.ratePerSecond}
        onChange={setForm}
      />
      <div className="button-row">
        <button type="button" disabled={!ready || running} onClick={() => void showPlan()}>
          Show plan
        </button>
        <button type="submit" className="primary" disabled={!ready || running}>
          Scan
        </button>
      </div>
    </form>
  );
}
