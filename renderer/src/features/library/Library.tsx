import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { ArticleStatus, Project } from '@shared/model/types.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { startImport } from '../import/import-session.ts';
import { RecordErrorBoundary, describeRecord } from '../../ui/RecordErrorBoundary.tsx';
import { LibraryFilterBar } from '../filters/LibraryFilterBar.tsx';
import { useLibraryFilter } from '../filters/use-library-filter.ts';
import { SearchBox } from '../search/SearchBox.tsx';
import { useSearchState } from '../search/search-state.ts';
import { lazyNamed } from '../../ui/lazy-named.tsx';

const SearchResults = lazyNamed(() => import('../search/SearchResults.tsx'), 'SearchResults');

export const STATUS_LABEL: Record<ArticleStatus, string> = { todo: 'To do', 'in-progress': 'In progress', done: 'Done' };

interface LibraryProps {
  project: Project;
  articles: ArticleRecord[] | undefined;
  activeId: string | undefined;
  /** How many unreadable articles the user skipped (they are not in `articles`). */
  skipped?: number;
  onSkip?: (articleId: string) => void;
}

export function Library({ project, articles, activeId, skipped = 0, onSkip }: LibraryProps) {
  const filters = useLibraryFilter(project, articles);
  const shown = filters.shown;
  const search = useSearchState();
  const searching = search.projectId === project.id && search.text !== '';

  return (
    <nav className="library" aria-label="Library">
      <div className="pane-header">
        <h2 className="pane-title">Library</h2>
        <span className="muted">{shown && articles && shown.length !== articles.length ? `${shown.length} of ${articles.length}` : (articles?.length ?? 0)}</span>
      </div>
      {articles && articles.length > 0 && <SearchBox projectId={project.id} />}
      {articles && articles.length > 0 && !searching && <LibraryFilterBar project={project} total={articles.length} state={filters} />}
      {articles === undefined ? null : articles.length === 0 ? (
        <div className="empty-state empty-state-small">
          <h3>No articles yet</h3>
          <p>Import HTML pages, text, Word or PDF files, or CSV/JSON exports of a news database. You can also drop files or a folder onto this window.</p>
          <button type="button" className="button button-primary library-import" onClick={() => void startImport(project.id, 'files')}>
            Import files…
          </button>
        </div>
      ) : searching ? (
        search.invalid ? null : <SearchResults project={project} articles={articles} activeId={activeId} text={search.text} />
      ) : (
        <ArticleList project={project} articles={shown ?? []} activeId={activeId} onSkip={onSkip} />
      )}
      {skipped > 0 && (
        <p className="muted library-skipped" role="status">
          {skipped === 1 ? '1 unreadable article is hidden' : `${skipped} unreadable articles are hidden`} until the project is opened again.
        </p>
      )}
    </nav>
  );
}

const ROW_ESTIMATE = 58;

/**
 * Only the rows in view are rendered: a corpus of tens of thousands of articles scrolls and
 * updates (after every import batch) as fast as a short one.
 */
function ArticleList({ project, articles, activeId, onSkip }: { project: Project; articles: ArticleRecord[]; activeId: string | undefined; onSkip: ((articleId: string) => void) | undefined }) {
  const scroller = useRef<HTMLDivElement>(null);
  // The row holding focus stays rendered even when scrolled out of view: unmounting it dropped
  // focus to <body>, and PageDown stopped moving after one screen (100k findings).
  const [focused, setFocused] = useState<number | null>(null);
  const focusAfterRender = useRef<number | null>(null);
  const rangeExtractor = useCallback(
    (range: Range) => {
      const rows = defaultRangeExtractor(range);
      if (focused !== null && focused < range.count && !rows.includes(focused)) return [...rows, focused].sort((a, b) => a - b);
      return rows;
    },
    [focused],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read while rendering by design; this list is not memoised.
  const virtualizer = useVirtualizer({ count: articles.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_ESTIMATE, overscan: 8, rangeExtractor });
  const activeIndex = articles.findIndex((a) => a.id === activeId);
  useEffect(() => {
    if (activeIndex >= 0) virtualizer.scrollToIndex(activeIndex, { align: 'auto' });
  }, [activeIndex, virtualizer]);
  useEffect(() => {
    const target = focusAfterRender.current;
    if (target === null || target !== focused) return;
    focusAfterRender.current = null;
    scroller.current?.querySelector<HTMLElement>(`li[data-index="${target}"] a`)?.focus({ preventScroll: true });
  });
  const rowOf = (el: EventTarget | null): number | null => {
    const li = el instanceof Element ? el.closest('li[data-index]') : null;
    return li ? Number(li.getAttribute('data-index')) : null;
  };
  // Arrows, PageUp/PageDown, Home and End move focus from row to row, scrolling the list with it.
  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const from = rowOf(e.target);
    if (from === null || e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? ROW_ESTIMATE) / ROW_ESTIMATE) - 1);
    const to = { ArrowDown: from + 1, ArrowUp: from - 1, PageDown: from + page, PageUp: from - page, Home: 0, End: articles.length - 1 }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    const target = Math.max(0, Math.min(articles.length - 1, to));
    focusAfterRender.current = target;
    setFocused(target);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };
  const onFocus = (e: FocusEvent<HTMLUListElement>) => setFocused(rowOf(e.target));
  const onBlur = (e: FocusEvent<HTMLUListElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null);
  };
  return (
    // The scrolling box holds the list, sized to every row, so each rendered <li> keeps its <ul>.
    <div ref={scroller} className="article-list">
      <ul className="article-list-rows" aria-label="Articles" style={{ height: virtualizer.getTotalSize() }} onKeyDown={onKeyDown} onFocus={onFocus} onBlur={onBlur}>
        {virtualizer.getVirtualItems().map((row) => {
          const a = articles[row.index] as ArticleRecord;
          return (
            <li key={a.id} data-index={row.index} ref={virtualizer.measureElement} aria-setsize={articles.length} aria-posinset={row.index + 1} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}>
              <RecordErrorBoundary
                fallback={() => (
                  <div className="article-item article-item-broken" role="alert">
                    <span className="article-item-title">Unreadable article {describeRecord(a, a.id)}</span>
                    {onSkip && (
                      <button type="button" className="button button-small" onClick={() => onSkip(a.id)}>
                        Skip
                      </button>
                    )}
                  </div>
                )}
              >
                <ArticleRow project={project} article={a} active={a.id === activeId} />
              </RecordErrorBoundary>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function ArticleRow({ project, article: a, active }: { project: Project; article: ArticleRecord; active: boolean }) {
  return (
    <a className={active ? 'article-item active' : 'article-item'} href={`#/project/${encodeURIComponent(project.id)}/article/${encodeURIComponent(a.id)}`} aria-current={active ? 'page' : undefined}>
      <span className="article-item-title">{a.title || '(untitled)'}</span>
      <span className="article-item-meta">
        <span className={`status-dot status-${a.status}`} role="img" aria-label={STATUS_LABEL[a.status]} title={STATUS_LABEL[a.status]} />
        {[a.meta.outlet, a.meta.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ')}
      </span>
    </a>
  );
}
