import { Suspense, useEffect, useMemo, useState } from 'react';
import { useProject } from '../projects/use-projects.ts';
import { dispatchKey } from '@shared/keys/key-bindings.ts';
import { useProjectArticles } from './use-project-articles.ts';
import { navigate } from '../../app/route.ts';
import type { PersistenceState } from '../../app/persistence.ts';
import { ImportControls } from '../import/ImportControls.tsx';
import { Library } from '../library/Library.tsx';
import { ReaderPane } from '../reader/ReaderPane.tsx';
import { StatusBar } from './StatusBar.tsx';
import { CodebookButton } from '../codebook/CodebookButton.tsx';
import { ActorsButton } from '../actors/ActorsButton.tsx';
import { ExportControls } from '../export/ExportControls.tsx';
import { AgreementButton } from '../agreement/AgreementButton.tsx';
import { AssignmentsButton } from '../assignments/AssignmentsButton.tsx';
import { LayerSelect } from '../settings/LayerSelect.tsx';
import { ShortcutsDialog } from '../../ui/ShortcutsDialog.tsx';
import { isTypingTarget } from '../../ui/keyboard.ts';
import { bridge } from '../../platform/bridge.ts';
import { RecordErrorBoundary, describeRecord } from '../../ui/RecordErrorBoundary.tsx';
import { undoStack } from '../undo/undo-stack.ts';
import { useUndoShortcuts, useUndoState } from '../undo/useUndoShortcuts.ts';
import { lazyNamed } from '../../ui/lazy-named.tsx';

const AnnotationsTableScreen = lazyNamed(() => import('../annotations-table/AnnotationsTableScreen.tsx'), 'AnnotationsTableScreen');
import type { AnalysisTab } from '../../app/route.ts';
// The analysis screens (charts, WebGL network) load on demand: the reader needs none of them.
const AnalysisScreen = lazyNamed(() => import('../statements/AnalysisScreen.tsx'), 'AnalysisScreen');

interface WorkspaceProps {
  projectId: string;
  articleId: string | undefined;
  /** Select (and scroll to) this annotation of the article once it is shown. */
  annotationId?: string | undefined;
  /** The reader (library, article, panel) or the table of every annotation. */
  screen?: 'reader' | 'annotations' | AnalysisTab;
  persistence: PersistenceState | null;
}

/** A project's screen: library on the left, the reader, the annotations panel, a status bar. */
export function Workspace({ projectId, articleId, annotationId, screen = 'reader', persistence }: WorkspaceProps) {
  const project = useProject(projectId);
  const articles = useProjectArticles(projectId);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [showLibrary, setShowLibrary] = useState(true);
  const [showPanel, setShowPanel] = useState(true);
  // Articles that could not be shown and that the user chose to skip (for this session).
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(() => new Set());
  const listed = useMemo(() => (articles && skipped.size > 0 ? articles.filter((a) => !skipped.has(a.id)) : articles), [articles, skipped]);
  const undoState = useUndoState();
  useUndoShortcuts();

  // A project's history must not undo into another project.
  useEffect(() => () => undoStack.clear(), [projectId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (isTypingTarget(e.target)) return;
      const acted = dispatchKey(
        'workspace',
        {
          'toggle-pane': (k) => {
            if (k.key === '[') setShowLibrary((v) => !v);
            else setShowPanel((v) => !v);
            return true;
          },
          'show-shortcuts': () => {
            setShowShortcuts(true);
            return true;
          },
        },
        e,
      );
      if (acted) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    const off = bridge.onMenuCommand((command) => {
      if (command === 'show-shortcuts') setShowShortcuts(true);
      if (command === 'toggle-library') setShowLibrary((v) => !v);
      if (command === 'toggle-annotations') setShowPanel((v) => !v);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      off();
    };
  }, []);

  // Open the first article when none is chosen, so the reader is never needlessly empty.
  useEffect(() => {
    if (screen === 'reader' && !articleId && listed && listed.length > 0 && listed[0]) {
      navigate({ view: 'project', projectId, articleId: listed[0].id }, true);
    }
  }, [articleId, listed, projectId, screen]);

  const index = listed?.findIndex((a) => a.id === articleId) ?? -1;
  const skip = (id: string) => {
    const at = articles?.findIndex((a) => a.id === id) ?? -1;
    const next = articles?.slice(at + 1).find((a) => !skipped.has(a.id)) ?? articles?.slice(0, Math.max(0, at)).reverse().find((a) => !skipped.has(a.id));
    setSkipped(new Set([...skipped, id]));
    navigate(next ? { view: 'project', projectId, articleId: next.id } : { view: 'project', projectId }, true);
  };
  if (project === null) return null;
  // A project being deleted is gone for the user, even while its records are still being removed.
  if (project === undefined || project.deleting) {
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
        <a className="topbar-home" href="#/" aria-label="Presswork — all projects">
          Presswork
        </a>
        <span className="topbar-sep" aria-hidden="true">
          /
        </span>
        <h1 className="topbar-project">{project.name}</h1>
        <div className="topbar-actions" id="topbar-actions">
          <button type="button" className="button button-small" onClick={() => void undoStack.undo()} disabled={!undoState.undo} title={undoState.undo ? `Undo ${undoState.undo} (Ctrl+Z)` : 'Nothing to undo'}>
            Undo
          </button>
          <button type="button" className="button button-small" onClick={() => void undoStack.redo()} disabled={!undoState.redo} title={undoState.redo ? `Redo ${undoState.redo} (Ctrl+Shift+Z)` : 'Nothing to redo'}>
            Redo
          </button>
          <button type="button" className="button button-small" onClick={() => setShowShortcuts(true)} aria-label="Keyboard shortcuts">
            ?
          </button>
          {screen === 'annotations' ? (
            <a className="button button-small" href={`#/project/${encodeURIComponent(projectId)}`}>
              Back to reader
            </a>
          ) : (
            <a className="button button-small" href={`#/project/${encodeURIComponent(projectId)}/annotations`}>
              Annotations
            </a>
          )}
          {screen === 'reader' || screen === 'annotations' ? (
            <a className="button button-small" href={`#/project/${encodeURIComponent(projectId)}/statements`}>
              Statements
            </a>
          ) : (
            <a className="button button-small" href={`#/project/${encodeURIComponent(projectId)}`}>
              Back to reader
            </a>
          )}
          <ImportControls projectId={projectId} />
          <CodebookButton project={project} />
          <ActorsButton project={project} />
          <ExportControls project={project} />
          <AssignmentsButton project={project} articles={articles} />
          <AgreementButton project={project} articles={articles} />
          <LayerSelect projectId={projectId} />
        </div>
      </header>
      {screen === 'annotations' ? (
        <AnnotationsTableScreen project={project} />
      ) : screen === 'statements' || screen === 'charts' || screen === 'network' ? (
        <Suspense fallback={<p className="app-loading" role="status">Opening…</p>}>
          <AnalysisScreen project={project} articles={articles} tab={screen} />
        </Suspense>
      ) : (
      <div className={`workspace-body${showLibrary ? '' : ' hide-library'}${showPanel ? '' : ' hide-panel'}`}>
        <Library project={project} articles={listed} activeId={articleId} skipped={skipped.size} onSkip={skip} />
        <RecordErrorBoundary
          key={articleId ?? 'none'}
          fallback={(error) => (
            <section className="reader reader-empty" aria-label="Reader">
              <div className="empty-state" role="alert">
                <h2>This article cannot be shown</h2>
                <p>The article {describeRecord(articles?.find((a) => a.id === articleId), articleId ?? '')} has a field of the wrong type (it may come from an older version or another tool). Your other articles are not affected.</p>
                <details className="reader-error-details">
                  <summary>Technical details</summary>
                  <code>{error.message.slice(0, 300)}</code>
                </details>
                {articleId && (
                  <button type="button" className="button button-primary" onClick={() => skip(articleId)} autoFocus>
                    Skip this article
                  </button>
                )}
              </div>
            </section>
          )}
        >
          <ReaderPane
            project={project}
            articleId={articleId}
            hasArticles={!!listed && listed.length > 0}
            prevArticleId={listed?.[index - 1]?.id}
            nextArticleId={index >= 0 ? listed?.[index + 1]?.id : undefined}
            focusAnnotationId={annotationId}
          />
        </RecordErrorBoundary>
      </div>
      )}
      <StatusBar projectId={projectId} articleCount={articles?.length ?? 0} persistence={persistence} />
      {showShortcuts && <ShortcutsDialog onClose={() => setShowShortcuts(false)} />}
    </div>
  );
}
