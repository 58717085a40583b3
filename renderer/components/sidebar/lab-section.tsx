/** The Lab collection: the built-in practice API's routes and the lessons that walk through them. */
import type { LabRoute } from '../../../app/contract/lab-ops';
import { useLabStore } from '../../stores/lab-store';
import { useRawStore } from '../../stores/raw-store';
import { headerRows, useRequestStore } from '../../stores/request-store';
import { LessonPanel } from '../lesson/lesson-panel';

export function loadRoute(route: LabRoute): void {
  useRawStore.getState().setEnabled(false);
  useRequestStore.getState().load({
    name: route.title,
    method: route.method,
    url: route.url,
    headers: headerRows(route.headers),
    ...(route.body !== null ? { body: { kind: 'text', text: route.body, fields: [], filePath: '' } } : {}),
  });
}

function RouteList({ routes, via }: { routes: LabRoute[]; via: 'origin' | 'proxy' }) {
  return (
    <ul className="tree">
      {routes
        .filter((r) => r.via === via)
        .map((r) => (
          <li key={r.id}>
            <button type="button" className="tree-item" onClick={() => loadRoute(r)} title={r.explanation} aria-label={`${r.method} ${r.path}: ${r.title}`}>
              <span className={`m m-${r.method.toLowerCase()}`}>{r.method}</span>
              <span className="tree-name">{r.title}</span>
              <span className={`expect s${Math.floor(r.expectedStatus / 100)}xx`}>{r.expectedStatus}</span>
            </button>
          </li>
        ))}
    </ul>
  );
}

export function LabSection() {
  const { lab, lessons, lessonId, error, startLesson, completed } = useLabStore();
  const lesson = lessons.find((l) => l.id === lessonId);
  if (error) return <p className="error-box">The lab could not start: {error.message}</p>;
  if (!lab) return <p className="hint">Starting the lab…</p>;
  if (lesson) return <LessonPanel lesson={lesson} />;
  return (
    <div className="lab-section">
      <p className="hint">
        A practice API on this machine: an origin at <code>{new URL(lab.originUrl).host}</code> and a proxy in front of it at <code>{new URL(lab.proxyUrl).host}</code>. Pick a
        route to load it, then Send.
      </p>
      <h3>Lessons</h3>
      <ul className="tree">
        {lessons.map((l) => {
          const done = l.steps.every((_, i) => completed.includes(`${l.id}#${i}`));
          return (
            <li key={l.id}>
              <button type="button" className="tree-item lesson-item" onClick={() => startLesson(l.id)} title={l.summary}>
                <span className="tree-name">{l.title}</span>
                <span className="hint">{done ? 'done' : `${l.steps.length} steps`}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <h3>Through the proxy</h3>
      <RouteList routes={lab.routes} via="proxy" />
      <h3>Straight to the origin</h3>
      <RouteList routes={lab.routes} via="origin" />
    </div>
  );
}
