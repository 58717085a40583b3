/** The window: request on top, response below, the explainer beside it, the sidebar on the left. */
import { useEffect } from 'react';
import { RequestBar } from './request-bar';
import { RequestEditor } from './request-editor';
import { ResponseView } from './response-view';
import { ExplainerPanel } from './explainer/explainer-panel';

export function App() {
  useEffect(() => {
    // Readiness marker for the e2e (STYLE.md: wait on a marker, never sleep).
    document.body.dataset.appState = 'ready';
  }, []);
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">
          <img src="./favicon.svg" alt="" width={20} height={20} /> Statuscope
        </span>
      </header>
      <main className="workspace">
        <div className="center">
          <RequestBar />
          <RequestEditor />
          <ResponseView />
        </div>
        <ExplainerPanel />
      </main>
    </div>
  );
}
