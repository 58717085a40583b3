/** The window: request on top, response below, the explainer beside it, the sidebar on the left. */
import { useEffect } from 'react';
import { useLabStore } from '../stores/lab-store';
import { useRequestStore } from '../stores/request-store';
import { LibraryDialog, useLibraryShortcut } from './library/library-dialog';
import { useLibraryStore } from '../stores/library-store';
import { loadRoute } from './sidebar/lab-section';
import { Sidebar } from './sidebar/sidebar';
import { RequestBar } from './request-bar';
import { RequestEditor } from './request-editor';
import { ResponseView } from './response-view';
import { ExplainerPanel } from './explainer/explainer-panel';
import { CollectionDialogs } from './collections/collection-dialogs';
import { OpenRequestBar } from './collections/open-request-bar';
import { AuditDialog } from './audit/audit-dialog';
import { RunnerDialog } from './runner/runner-dialog';
import { ScanDialog } from './scan/scan-dialog';
import { useAuditStore } from '../stores/audit-store';
import { useScanStore } from '../stores/scan-store';

/** Opens the capability scan, naming the request editor's URL when the form has none yet. */
function openScan(): void {
  const scan = useScanStore.getState();
  const url = useRequestStore.getState().url.trim();
  scan.show(true, scan.form.urls.trim() === '' && url !== '' ? { urls: url } : undefined);
}

export function App() {
  const showLibrary = useLibraryStore((s) => s.show);
  useLibraryShortcut();
  useEffect(() => {
    // The lab is the embedded default: a newcomer sees a real 501 without any setup. On a first start the
    // editor is pre-filled with the proxy case, so Send shows a diagnosed 501 at once.
    void useLabStore
      .getState()
      .load()
      .then(() => {
        const lab = useLabStore.getState().lab;
        const first = lab?.routes.find((r) => r.via === 'proxy' && r.cause === 'proxy-originated') ?? lab?.routes[0];
        if (first && useRequestStore.getState().url === '') loadRoute(first);
        // Readiness marker for the e2e (STYLE.md: wait on a marker, never sleep).
        document.body.dataset.appState = 'ready';
      });
  }, []);
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">
          <img src="./favicon.svg" alt="" width={20} height={20} /> Statuscope
        </span>
        <OpenRequestBar />
        <span className="spacer" />
        <button type="button" onClick={openScan} title="Which methods does this URL really implement? The capability matrix">
          Scan
        </button>
        <button type="button" onClick={() => useAuditStore.getState().show(true)} title="Check a server against its OpenAPI document">
          Audit
        </button>
        <button type="button" onClick={() => showLibrary(true)} title="Statuses, methods, comparisons, myths (Ctrl+K)">
          Library <kbd>Ctrl K</kbd>
        </button>
      </header>
      <main className="workspace">
        <Sidebar />
        <div className="center">
          <RequestBar />
          <RequestEditor />
          <ResponseView />
        </div>
        <ExplainerPanel />
      </main>
      <ScanDialog />
      <AuditDialog />
      <RunnerDialog />
      <LibraryDialog />
      <CollectionDialogs />
    </div>
  );
}
