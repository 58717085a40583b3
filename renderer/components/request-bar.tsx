/** Method combobox (any token, case kept), URL, Send/Cancel. Ctrl/Cmd+Enter sends from anywhere. */
import { useEffect, useState } from 'react';
import { CodeDialog } from './formats/code-dialog';
import { checkMethodToken } from '../../app/common/method-token';
import { useExchangeStore } from '../stores/exchange-store';
import { toSpec, useRequestStore } from '../stores/request-store';
import { useRawStore } from '../stores/raw-store';
import { collectionOrigin, describeVariables, sendFromCollection, useUrlVariables } from './collections/send-route';

/** Offered in the list; any other token may be typed. RFC 9110 methods, PATCH (RFC 5789), QUERY, WebDAV (RFC 4918). */
export const OFFERED_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'QUERY', 'PROPFIND', 'PROPPATCH', 'MKCOL', 'COPY', 'MOVE', 'LOCK', 'UNLOCK', 'REPORT', 'SEARCH'];

export function sendCurrent(): void {
  const raw = useRawStore.getState();
  const exchange = useExchangeStore.getState();
  if (exchange.status === 'sending') return;
  const request = useRequestStore.getState();
  const origin = collectionOrigin();
  if (raw.enabled) void exchange.sendRaw(request.url, raw.text);
  // A request from an open collection is resolved (variables, auth, cookies) and sent by the host.
  else if (origin) void sendFromCollection(origin);
  else void exchange.send(toSpec(request));
}

export function RequestBar() {
  const method = useRequestStore((s) => s.method);
  const url = useRequestStore((s) => s.url);
  const setMethod = useRequestStore((s) => s.setMethod);
  const setUrl = useRequestStore((s) => s.setUrl);
  const status = useExchangeStore((s) => s.status);
  const cancel = useExchangeStore((s) => s.cancel);
  const rawEnabled = useRawStore((s) => s.enabled);
  const check = checkMethodToken(method);
  const { hints } = useUrlVariables();
  const [showCode, setShowCode] = useState(false);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        sendCurrent();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);

  return (
    <form
      className="request-bar"
      onSubmit={(e) => {
        e.preventDefault();
        sendCurrent();
      }}
    >
      {!rawEnabled && (
        <>
          <input
            className={`method ${check.valid ? '' : 'invalid'}`}
            role="combobox"
            aria-label="Method"
            aria-invalid={!check.valid}
            list="method-list"
            value={method}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => setMethod(e.target.value)}
            title={check.valid ? 'Any method token; case is kept as typed' : check.reason}
          />
          <datalist id="method-list">
            {OFFERED_METHODS.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        </>
      )}
      <input className="url" aria-label="URL" placeholder={rawEnabled ? 'http://host:port (where the raw bytes go)' : 'http://127.0.0.1:8080/path'} value={url} spellCheck={false} onChange={(e) => setUrl(e.target.value)} title={hints.length > 0 ? describeVariables(hints) : undefined} />
      {status === 'sending' ? (
        <button type="button" className="danger" onClick={() => void cancel()}>
          Cancel
        </button>
      ) : (
        <button type="submit" className="primary" disabled={!rawEnabled && !check.valid} title="Send (Ctrl+Enter)">
          Send
        </button>
      )}
      {!rawEnabled && (
        <button type="button" onClick={() => setShowCode(true)} title="The request as curl, fetch, Python, Go…">
          Code
        </button>
      )}
      {showCode && <CodeDialog onClose={() => setShowCode(false)} />}
      {!check.valid && !rawEnabled && (
        <p className="field-error" role="alert">
          {check.reason}
        </p>
      )}
    </form>
  );
}
