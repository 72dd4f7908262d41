import { lazy, Suspense, useEffect, useState } from 'react';
import { ProjectsView } from '../features/projects/ProjectsView.tsx';
import { requestPersistentStorage, type PersistenceState } from './persistence.ts';
import { navigate, useRoute } from './route.ts';
import { bridge } from '../platform/bridge.ts';
import { NEW_PROJECT_INPUT_ID } from '../features/projects/ProjectsView.tsx';

// The workspace (reader, TipTap, codebook, export) loads on demand: the projects page, the first
// screen, needs none of it.
const Workspace = lazy(() => import('../features/workspace/Workspace.tsx').then((m) => ({ default: m.Workspace })));

export function App() {
  const route = useRoute();
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  useEffect(() => {
    void requestPersistentStorage().then(setPersistence);
  }, []);
  // File › New project (desktop menu): go to the projects page with the name field focused.
  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command !== 'new-project') return;
        navigate({ view: 'projects' });
        requestAnimationFrame(() => document.getElementById(NEW_PROJECT_INPUT_ID)?.focus());
      }),
    [],
  );
  return (
    <div className="app">
      {route.view === 'projects' ? (
        <ProjectsView />
      ) : (
        <Suspense fallback={<p className="app-loading" role="status">Opening project…</p>}>
          <Workspace
            key={route.projectId}
            projectId={route.projectId}
            articleId={route.view === 'project' ? route.articleId : undefined}
            annotationId={route.view === 'project' ? route.annotationId : undefined}
            screen={route.view === 'annotations' ? 'annotations' : route.view === 'analysis' ? route.tab : 'reader'}
            persistence={persistence}
          />
        </Suspense>
      )}
    </div>
  );
}
