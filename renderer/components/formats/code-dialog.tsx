/** "Code": the current request as curl, fetch, Python requests, Go and more — exactly what would be sent. */
import { useEffect, useState } from 'react';
import type { AppError } from '../../../app/common/result';
import { call } from '../../host';
import { toSpec, useRequestStore } from '../../stores/request-store';
import { ModalDialog } from '../modal-dialog';
import { TextOutput } from './text-output';

type Targets = Extract<Awaited<ReturnType<typeof call<'formats:snippet-targets'>>>, { ok: true }>['value'];
type Snippet = Extract<Awaited<ReturnType<typeof call<'formats:snippet'>>>, { ok: true }>['value'];

const EXTENSIONS: Record<string, string> = {
  shell: 'sh',
  javascript: 'js',
  node: 'js',
  python: 'py',
  go: 'go',
  java: 'java',
  ruby: 'rb',
  php: 'php',
  csharp: 'cs',
  c: 'c',
  http: 'http',
  powershell: 'ps1',
  swift: 'swift',
  kotlin: 'kt',
  rust: 'rs',
};
const LANGUAGES: Record<string, string> = { javascript: 'javascript', node: 'javascript' };

export function CodeDialog({ onClose }: { onClose(): void }) {
  const [targets, setTargets] = useState<Targets>([]);
  const [target, setTarget] = useState('shell');
  const [client, setClient] = useState<string>();
  const [snippet, setSnippet] = useState<Snippet>();
  const [error, setError] = useState<AppError>();

  useEffect(() => {
    void call('formats:snippet-targets', {}).then((r) => r.ok && setTargets(r.value));
  }, []);
  useEffect(() => {
    const spec = toSpec(useRequestStore.getState());
    void call('formats:snippet', { request: spec, target, ...(client ? { client } : {}) }).then((r) => {
      if (r.ok) {
        setSnippet(r.value);
        setError(undefined);
      } else setError(r.error);
    });
  }, [target, client]);

  const current = targets.find((t) => t.target === target);
  return (
    <ModalDialog
      label="Request as code"
      title="Request as code"
      onClose={onClose}
      controls={
        <>
          <label>
            Language
            <select
              aria-label="Language"
              value={target}
              onChange={(e) => (setTarget(e.target.value), setClient(undefined))}
            >
              {targets.map((t) => (
                <option key={t.target} value={t.target}>
                  {t.title}
                </option>
              ))}
            </select>
          </label>
          {current && current.clients.length > 1 && (
            <label>
              Client
              <select
                aria-label="Client"
                value={client ?? current.defaultClient}
                onChange={(e) => setClient(e.target.value)}
              >
                {current.clients.map((c) => (
                  <option key={c.client} value={c.client}>
                    {c.title}
                  </option>
                ))}
              </select>
            </label>
          )}
        </>
      }
    >
      {error && <p className="error-box">{error.message}</p>}
      {snippet && (
        <>
          {snippet.caveats.map((c, i) => (
            <p key={i} className="notice">
              {c}
            </p>
          ))}
          <TextOutput
            text={snippet.code}
            language={LANGUAGES[snippet.target] ?? 'plaintext'}
            filename={`request.${EXTENSIONS[snippet.target] ?? 'txt'}`}
            label="Generated code"
          />
        </>
      )}
    </ModalDialog>
  );
}
