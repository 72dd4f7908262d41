import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../../db/db.ts';
import { listArticles } from '../../db/articles.ts';
import { navigate } from '../../app/route.ts';
import type { PersistenceState } from '../../app/persistence.ts';
import { ImportControls } from '../import/ImportControls.tsx';
import { Library } from '../library/Library.tsx';
import { ReaderPane } from '../reader/ReaderPane.tsx';
import { StatusBar } from './StatusBar.tsx';

interface WorkspaceProps {
  projectId: string;
  articleId: string | undefined;
  persistence: PersistenceState | null;
}

/** A project's screen: library on the left, the reader, the annotations panel, a status bar. */
export function Workspace({ projectId, articleId, persistence }: WorkspaceProps) {
  const project = useLiveQuery(() => db.projects.get(projectId), [projectId], null);
  const articles = useLiveQuery(() => listArticles(projectId), [projectId]);

  // Open the first article when none is chosen, so the reader is never needlessly empty.
  useEffect(() => {
    if (!articleId && articles && articles.length > 0 && articles[0]) {
      navigate({ view: 'project', projectId, articleId: articles[0].id }, true);
    }
  }, [articleId, articles, projectId]);

  if (project === null) return null;
  if (project === undefined) {
    return (
      <main className="empty-state">
        <h1>Project not found</h1>
        <p>It may have been deleted.</p>
        <a href="#/">Back to projects</a>
      </main>
    );
  }
  return (
    <div className="workspace">
      <header className="topbar">
        <a className="topbar-home" href="#/" aria-label="All projects">
          Presswork
        </a>
        <span className="topbar-sep" aria-hidden="true">
          /
        </span>
        <h1 className="topbar-project">{project.name}</h1>
        <div className="topbar-actions" id="topbar-actions">
          <ImportControls projectId={projectId} />
        </div>
      </header>
      <div className="workspace-body">
        <Library project={project} articles={articles} activeId={articleId} />
        <ReaderPane key={articleId ?? 'none'} project={project} articleId={articleId} hasArticles={!!articles && articles.length > 0} />
      </div>
      <StatusBar projectId={projectId} articleCount={articles?.length ?? 0} persistence={persistence} />
    </div>
  );
}
