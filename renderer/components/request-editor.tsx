/** The request's tabs: params, headers, body, options, and raw mode. */
import { useState } from 'react';
import type { BodyKind } from '../../app/contract/exchange';
import { useRawStore } from '../stores/raw-store';
import { useRequestStore } from '../stores/request-store';
import { AssertionsEditor } from './assertions-editor';
import { AuthEditor } from './auth-editor';
import { CodeView } from './code-view';
import { KeyValueTable } from './key-value-table';
import { Tabs } from './tabs';

type RequestTab = 'params' | 'headers' | 'body' | 'auth' | 'assertions' | 'options' | 'raw';

const BODY_LABELS: Record<BodyKind, string> = {
  none: 'None',
  json: 'JSON',
  text: 'Text',
  xml: 'XML',
  urlencoded: 'Form (urlencoded)',
  multipart: 'Multipart',
  file: 'File',
  binary: 'Binary (base64)',
};

const BODY_KINDS = Object.keys(BODY_LABELS) as BodyKind[];

function BodyEditor() {
  const body = useRequestStore((s) => s.body);
  const setBody = useRequestStore((s) => s.setBody);
  return (
    <div className="body-editor">
      <label className="inline">
        Body
        <select aria-label="Body kind" value={body.kind} onChange={(e) => setBody({ kind: e.target.value as BodyKind })}>
          {BODY_KINDS.map((k) => (
            <option key={k} value={k}>
              {BODY_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
      {(body.kind === 'json' || body.kind === 'text' || body.kind === 'xml' || body.kind === 'binary') && (
        <div className="editor-box">
          <CodeView label="Request body" language={body.kind === 'json' ? 'json' : body.kind === 'xml' ? 'xml' : 'plaintext'} value={body.text} onChange={(text) => setBody({ text })} />
        </div>
      )}
      {(body.kind === 'urlencoded' || body.kind === 'multipart') && (
        <>
          <KeyValueTable label="Fields" rows={body.fields} onChange={(fields) => setBody({ fields })} valuePlaceholder={body.kind === 'multipart' ? 'value, or @/path/to/file' : 'value'} />
          {body.kind === 'multipart' && <p className="hint">A value starting with @ sends that file as a part.</p>}
        </>
      )}
      {body.kind === 'file' && (
        <label className="stack">
          File path (read by the app, streamed)
          <input aria-label="Body file path" value={body.filePath} onChange={(e) => setBody({ filePath: e.target.value })} placeholder="/path/to/file.bin" />
        </label>
      )}
      {body.kind === 'none' && <p className="hint">No body is sent.</p>}
    </div>
  );
}

function OptionsEditor() {
  const o = useRequestStore((s) => s.options);
  const set = useRequestStore((s) => s.setOptions);
  return (
    <div className="options-grid">
      <label>
        <input type="checkbox" checked={o.followRedirects} onChange={(e) => set({ followRedirects: e.target.checked })} /> Follow redirects, up to
        <input type="number" aria-label="Maximum redirects" min={1} max={50} value={o.maxRedirects} onChange={(e) => set({ maxRedirects: Number(e.target.value) || 1 })} /> hops
      </label>
      <label>
        Timeout for the whole exchange
        <input type="number" aria-label="Timeout in milliseconds" min={1} value={o.timeoutMs} onChange={(e) => set({ timeoutMs: Number(e.target.value) || 30000 })} /> ms
      </label>
      <fieldset className="inline">
        <legend>Per phase</legend>
        <label>
          connect
          <input type="number" aria-label="Connect timeout in milliseconds" min={1} value={o.connectTimeoutMs} onChange={(e) => set({ connectTimeoutMs: Number(e.target.value) || 10000 })} /> ms
        </label>
        <label>
          response head
          <input type="number" aria-label="Headers timeout in milliseconds" min={1} value={o.headersTimeoutMs} onChange={(e) => set({ headersTimeoutMs: Number(e.target.value) || 30000 })} /> ms
        </label>
        <label>
          body stall
          <input type="number" aria-label="Body timeout in milliseconds" min={1} value={o.bodyTimeoutMs} onChange={(e) => set({ bodyTimeoutMs: Number(e.target.value) || 30000 })} /> ms
        </label>
      </fieldset>
      <label>
        <input type="checkbox" checked={o.decompress} onChange={(e) => set({ decompress: e.target.checked })} /> Decode gzip, deflate and br bodies
      </label>
      <label>
        <input type="checkbox" checked={o.verifyTls} onChange={(e) => set({ verifyTls: e.target.checked })} /> Verify TLS certificates
      </label>
      <label>
        <input type="checkbox" checked={o.http2} onChange={(e) => set({ http2: e.target.checked })} /> Offer HTTP/2 (https: URLs; header names then go out lower-case)
      </label>
    </div>
  );
}

function RawEditor() {
  const raw = useRawStore();
  return (
    <div className="raw-editor">
      <label>
        <input type="checkbox" checked={raw.enabled} onChange={(e) => raw.setEnabled(e.target.checked)} /> Send these bytes exactly (raw mode) instead of the
        request built from the other tabs
      </label>
      <p className="hint">Line ends are sent as CRLF. The URL bar names where to connect (https: uses TLS). Use it for what a client will not send: unknown Transfer-Encoding, HTTP/1.0, CONNECT, malformed framing.</p>
      <div className="editor-box">
        <CodeView label="Raw request" language="plaintext" value={raw.text} onChange={raw.setText} />
      </div>
    </div>
  );
}

export function RequestEditor() {
  const [tab, setTab] = useState<RequestTab>('params');
  const params = useRequestStore((s) => s.params);
  const headers = useRequestStore((s) => s.headers);
  const setParams = useRequestStore((s) => s.setParams);
  const setHeaders = useRequestStore((s) => s.setHeaders);
  const bodyKind = useRequestStore((s) => s.body.kind);
  const rawEnabled = useRawStore((s) => s.enabled);
  const authType = useRequestStore((s) => s.auth.type);
  const assertionCount = useRequestStore((s) => s.assertions.length);
  return (
    <section className="request-editor" aria-label="Request">
      <Tabs<RequestTab>
        label="Request parts"
        active={tab}
        onSelect={setTab}
        tabs={[
          { id: 'params', label: 'Params', badge: params.filter((p) => p.enabled).length },
          { id: 'headers', label: 'Headers', badge: headers.filter((h) => h.enabled).length },
          { id: 'body', label: 'Body', badge: bodyKind === 'none' ? undefined : BODY_LABELS[bodyKind] },
          { id: 'auth', label: 'Auth', badge: authType === 'inherit' || authType === 'none' ? undefined : authType },
          { id: 'assertions', label: 'Assertions', badge: assertionCount },
          { id: 'options', label: 'Options' },
          { id: 'raw', label: 'Raw mode', badge: rawEnabled ? 'on' : undefined },
        ]}
      >
        {tab === 'params' && <KeyValueTable label="Query parameters" rows={params} onChange={setParams} />}
        {tab === 'headers' && <KeyValueTable label="Headers" rows={headers} onChange={setHeaders} namePlaceholder="Header-Name" />}
        {tab === 'body' && <BodyEditor />}
        {tab === 'auth' && <AuthEditor />}
        {tab === 'assertions' && <AssertionsEditor />}
        {tab === 'options' && <OptionsEditor />}
        {tab === 'raw' && <RawEditor />}
      </Tabs>
    </section>
  );
}
