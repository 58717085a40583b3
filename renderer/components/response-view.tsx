/** The response: status line as the server sent it, then body, headers, raw wire view and timings. */
import { useState } from 'react';
import { finalHop, formatBytes, formatMs } from '../../app/common/exchange';
import type { ExchangeRecord, Hop } from '../../app/contract/exchange';
import { call } from '../host';
import { useExchangeStore } from '../stores/exchange-store';
import { download } from './formats/text-output';
import { CodeView, languageFor, prettyBody } from './code-view';
import { Tabs } from './tabs';
import { TimingBar } from './timing-bar';

type ResponseTab = 'body' | 'headers' | 'raw' | 'timing';

function statusClass(status: number): string {
  return `s${Math.floor(status / 100)}xx`;
}

function StatusLine({ exchange }: { exchange: ExchangeRecord }) {
  const hop = finalHop(exchange);
  const res = hop?.response;
  if (!hop || !res) return null;
  return (
    <div className="status-line" data-testid="status-line">
      <span className="http-version">HTTP/{res.httpVersion}</span>
      <span className={`status-code ${statusClass(res.status)}`}>{res.status}</span>
      <span className="reason" title="The reason phrase exactly as the server sent it">
        {res.reason || <em>(no reason phrase)</em>}
      </span>
      <span className="meta">
        {formatMs(hop.timings.end ?? exchange.totalMs)} · {formatBytes(res.body.decodedBytes)}
        {res.body.decoded.length > 0 && ` (${formatBytes(res.body.encodedBytes)} ${res.body.decoded.join('+')})`}
        {exchange.hops.length > 1 && ` · ${exchange.hops.length - 1} redirect${exchange.hops.length > 2 ? 's' : ''}`}
        {exchange.mode === 'raw' && ' · raw mode'}
      </span>
      <button
        type="button"
        className="small"
        title="Save this exchange, every redirect hop, as HAR 1.2"
        onClick={() => void call('formats:exchange-har', { exchange }).then((r) => r.ok && download(`exchange-${exchange.id}.har`, r.value.text))}
      >
        HAR
      </button>
    </div>
  );
}

/** Fetches the whole decoded body from the host (it may be larger than the preview) and downloads it. */
function SaveBody({ exchangeId, mediaType }: { exchangeId: string; mediaType: string }) {
  const [note, setNote] = useState<string>();
  const save = async () => {
    const r = await call('exchange:body', { exchangeId });
    if (!r.ok) return setNote(r.error.message);
    const bytes = Uint8Array.from(atob(r.value.base64), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: mediaType || 'application/octet-stream' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `response-${exchangeId}`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setNote(`Saved ${formatBytes(r.value.bytes)}.`);
  };
  return (
    <span className="button-row">
      <button type="button" className="small" onClick={() => void save()}>
        Save body
      </button>
      {note && <span role="status">{note}</span>}
    </span>
  );
}

function BodyTab({ hop, exchangeId }: { hop: Hop; exchangeId: string }) {
  const body = hop.response?.body;
  if (!body) return <p className="hint">No response.</p>;
  if (body.decodedBytes === 0) return <p className="hint">The response has no body.</p>;
  if (!body.isText) {
    return (
      <div className="body-tab">
        <p className="hint">
          Binary body ({body.mediaType || 'no media type'}, {formatBytes(body.decodedBytes)}){body.file ? `, saved at ${body.file}` : ''}.
        </p>
        <SaveBody exchangeId={exchangeId} mediaType={body.mediaType} />
      </div>
    );
  }
  return (
    <div className="body-tab">
      <SaveBody exchangeId={exchangeId} mediaType={body.mediaType} />
      {body.previewTruncated && (
        <p className="notice">
          Showing the first {formatBytes(body.preview.length)} of {formatBytes(body.decodedBytes)}
          {body.file ? `; the whole body is at ${body.file}` : ''}.
        </p>
      )}
      {body.decodeNote && <p className="notice">{body.decodeNote}</p>}
      {body.mediaType.includes('html') && (
        // Scripts off: a sandboxed frame with no allow-* tokens (DESIGN.md security model).
        <details className="html-preview">
          <summary>Preview HTML (sandboxed, scripts off)</summary>
          <iframe title="HTML preview" sandbox="" srcDoc={body.preview} />
        </details>
      )}
      <div className="editor-box">
        <CodeView label="Response body" readOnly language={languageFor(body.mediaType)} value={prettyBody(body.preview, body.mediaType)} />
      </div>
    </div>
  );
}

function HeadersTab({ hop }: { hop: Hop }) {
  const headers = hop.response?.headers ?? [];
  return (
    <table className="headers-table" aria-label="Response headers">
      <thead>
        <tr>
          <th>Name (as sent)</th>
          <th>Value</th>
        </tr>
      </thead>
      <tbody>
        {headers.map(([n, v], i) => (
          <tr key={`${n}-${i}`}>
            <td className="mono">{n}</td>
            <td className="mono wrap">{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function RawHop({ hop, index, count }: { hop: Hop; index: number; count: number }) {
  const lines = hop.requestHead.replace(/\r\n\r\n$/, '').split('\r\n');
  const [requestLine, ...headerLines] = lines;
  const addedNames = hop.requestHeaders.map((h) => h.added);
  return (
    <div className="raw-hop">
      {count > 1 && (
        <h4>
          Hop {index + 1} of {count}: {hop.method} {hop.url} → {hop.response?.status ?? 'no response'}
        </h4>
      )}
      <h5>Request head as written to the socket</h5>
      <pre className="wire" data-testid="raw-request">
        <span className="wire-line">{requestLine}</span>
        {headerLines.map((line, i) => (
          <span key={i} className={`wire-line ${addedNames[i] ? 'added' : ''}`} title={addedNames[i] ? 'Added by the client, not typed by you' : undefined}>
            {line}
            {addedNames[i] && <span className="added-tag">added</span>}
          </span>
        ))}
      </pre>
      {hop.response && (
        <>
          <h5>Response head as received</h5>
          <pre className="wire" data-testid="raw-response">
            {hop.response.rawHead.replace(/\r?\n\r?\n$/, '')}
          </pre>
        </>
      )}
    </div>
  );
}

export function ResponseView() {
  const { status, exchange, error, receivedBytes } = useExchangeStore();
  const [tab, setTab] = useState<ResponseTab>('body');
  if (status === 'idle') {
    return (
      <section className="response empty" aria-label="Response">
        <p>Type a method and URL, then Send (Ctrl+Enter). Any method token goes out exactly as typed.</p>
      </section>
    );
  }
  const hop = exchange ? finalHop(exchange) : undefined;
  return (
    <section className="response" aria-label="Response" aria-busy={status === 'sending'}>
      {status === 'sending' && (
        <p className="progress" role="status">
          Sending… {receivedBytes > 0 && `${formatBytes(receivedBytes)} received`}
        </p>
      )}
      {status === 'failed' && error && (
        <div className="error-box" role="alert">
          <strong>{error.code}</strong>
          {error.phase && <span className="phase"> in the {error.phase} phase</span>}: {error.message}
        </div>
      )}
      {exchange && hop && (
        <>
          <StatusLine exchange={exchange} />
          <Tabs<ResponseTab>
            label="Response parts"
            active={tab}
            onSelect={setTab}
            tabs={[
              { id: 'body', label: 'Body' },
              { id: 'headers', label: 'Headers', badge: hop.response?.headers.length ?? 0 },
              { id: 'raw', label: 'Raw' },
              { id: 'timing', label: 'Timing' },
            ]}
          >
            {tab === 'body' && <BodyTab hop={hop} exchangeId={exchange.id} />}
            {tab === 'headers' && <HeadersTab hop={hop} />}
            {tab === 'raw' && exchange.hops.map((h, i) => <RawHop key={i} hop={h} index={i} count={exchange.hops.length} />)}
            {tab === 'timing' && exchange.hops.map((h, i) => <TimingBar key={i} hop={h} />)}
          </Tabs>
        </>
      )}
    </section>
  );
}
