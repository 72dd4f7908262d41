import { useEffect, useState } from 'react';
import { ProjectsView } from '../features/projects/ProjectsView.tsx';
import { Workspace } from '../features/workspace/Workspace.tsx';
import { requestPersistentStorage, type PersistenceState } from './persistence.ts';
import { useRoute } from './route.ts';

export function App() {
  const route = useRoute();
  const [persistence, setPersistence] = useState<PersistenceState | null>(null);
  useEffect(() => {
    void requestPersistentStorage().then(setPersistence);
  }, []);
  return (
    <div className="app">
      {route.view === 'projects' ? (
        <ProjectsView />
      ) : (
        <Workspace key={route.projectId} projectId={route.projectId} articleId={route.articleId} persistence={persistence} />
      )}
    </div>
  );
}
