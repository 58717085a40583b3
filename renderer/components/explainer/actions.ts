/** What the explainer's next-step buttons do: edit the current request and send it again, or copy/open. */
import type { NextAction } from '../../../app/contract/diagnosis-ops';
import { assertNever } from '../../../app/common/result';
import { newRow } from '../../stores/query-sync';
import { useRawStore } from '../../stores/raw-store';
import { useRequestStore } from '../../stores/request-store';
import { sendCurrent } from '../request-bar';

function withoutHeader(name: string) {
  const lower = name.toLowerCase();
  return useRequestStore.getState().headers.filter((h) => h.name.trim().toLowerCase() !== lower);
}

/** Raw mode keeps its own bytes; header edits there are applied to the raw text's head. */
function editRawHead(edit: (lines: string[]) => string[]): void {
  const raw = useRawStore.getState();
  const text = raw.text.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = split >= 0 ? text.slice(0, split) : text;
  const body = split >= 0 ? text.slice(split) : '\n\n';
  const [start = '', ...rest] = head.split('\n');
  raw.setText([start, ...edit(rest)].join('\n') + body);
}

export function describeAction(action: NextAction): string {
  switch (action.kind) {
    case 'retry-with-method':
      return `Retry as ${action.method}`;
    case 'retry-with-header':
      return `Retry${action.method ? ` as ${action.method}` : ''} with ${action.name}: ${action.value}`;
    case 'retry-without-header':
      return `Retry without ${action.name}`;
    case 'open-url':
      return 'Open documentation';
    case 'copy-report':
      return 'Copy report';
    default:
      return assertNever(action, 'next action');
  }
}

export async function runAction(action: NextAction, reportText: string): Promise<string | undefined> {
  const request = useRequestStore.getState();
  const raw = useRawStore.getState();
  switch (action.kind) {
    case 'retry-with-method':
      if (raw.enabled) editRawHeadMethod(action.method);
      else request.setMethod(action.method);
      sendCurrent();
      return undefined;
    case 'retry-with-header':
      if (raw.enabled) {
        editRawHead((lines) => [...lines.filter((l) => !l.toLowerCase().startsWith(`${action.name.toLowerCase()}:`)), `${action.name}: ${action.value}`]);
        if (action.method) editRawHeadMethod(action.method);
      } else {
        request.setHeaders([...withoutHeader(action.name), newRow(action.name, action.value)]);
        if (action.method) request.setMethod(action.method);
      }
      sendCurrent();
      return undefined;
    case 'retry-without-header':
      if (raw.enabled) {
        const body = raw.text.replace(/\r\n/g, '\n').split('\n\n').slice(1).join('\n\n');
        editRawHead((lines) => {
          const kept = lines.filter((l) => !l.toLowerCase().startsWith(`${action.name.toLowerCase()}:`));
          // Without Transfer-Encoding the body needs a length to stay framed (RFC 9112 §6.3).
          const framed = action.name.toLowerCase() === 'transfer-encoding' && !kept.some((l) => /^content-length:/i.test(l));
          return framed ? [...kept, `Content-Length: ${new TextEncoder().encode(body.replace(/\n/g, '\r\n')).length}`] : kept;
        });
      }
      else request.setHeaders(withoutHeader(action.name));
      sendCurrent();
      return undefined;
    case 'open-url':
      // Electron routes window.open to the guarded openExternal in main/; browsers open a new tab.
      window.open(action.url, '_blank', 'noopener,noreferrer');
      return undefined;
    case 'copy-report':
      try {
        await navigator.clipboard.writeText(reportText);
        return 'Report copied to the clipboard.';
      } catch {
        return 'The clipboard is not available here; select the report text below and copy it.';
      }
    default:
      return assertNever(action, 'next action');
  }
}

function editRawHeadMethod(method: string): void {
  const raw = useRawStore.getState();
  raw.setText(raw.text.replace(/^\S+/, method));
}
