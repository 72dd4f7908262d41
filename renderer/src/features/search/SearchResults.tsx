import './search.css';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Project } from '@shared/model/types.ts';
import { findHits, snippetAt, type Hit } from '@shared/search/hits.ts';
import { positiveTerms, type QueryNode } from '@shared/search/query.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { articleText, indexNeedsRebuild, parse, rebuildIndex, runSearch } from './search-service.ts';
import { setPendingFind } from './search-state.ts';
import { HitText } from './HitText.tsx';
import { KwicView } from './KwicView.tsx';

type Phase = { kind: 'searching' } | { kind: 'indexing'; done: number; total: number } | { kind: 'done'; ids: string[]; query: QueryNode; text: string } | { kind: 'failed'; message: string };

const ROW_ESTIMATE = 96;

/**
 * The library while a search is active: matching articles, best first, each with its hit count
 * and a snippet around its first hit. Only the rows in view read their text.
 */
export function SearchResults({ project, articles, activeId, text }: { project: Project; articles: ArticleRecord[]; activeId: string | undefined; text: string }) {
  const [phase, setPhase] = useState<Phase>({ kind: 'searching' });
  const [rebuilds, setRebuilds] = useState(0);
  const [view, setView] = useState<'articles' | 'kwic'>('articles');
  const count = articles.length;
  // Re-run when the query changes or articles arrive; the records are read at that moment.
  const articlesRef = useRef(articles);
  useEffect(() => {
    articlesRef.current = articles;
  });

  useEffect(() => {
    const { query, error } = parse(text);
    if (error || !query) return;
    let live = true;
    const abort = new AbortController();
    void (async () => {
      try {
        const need = await indexNeedsRebuild(project.id, count);
        if (need || rebuilds > 0) {
          if (live) setPhase({ kind: 'indexing', done: 0, total: count });
          await rebuildIndex(project.id, (done, total) => live && setPhase({ kind: 'indexing', done, total }), abort.signal);
        }
        if (!live) return;
        const out = await runSearch(project.id, query, articlesRef.current);
        if (live) setPhase({ kind: 'done', ids: out.ids, query: out.query, text });
      } catch (e) {
        if (live && !(e instanceof DOMException && e.name === 'AbortError')) setPhase({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      }
    })();
    return () => {
      live = false;
      abort.abort();
    };
  }, [project.id, text, count, rebuilds]);

  const byId = useMemo(() => new Map(articles.map((a) => [a.id, a])), [articles]);
  // Stable while the results stand, so the concordance is not rebuilt on every render.
  const shown = useMemo(() => (phase.kind === 'done' ? phase.ids.filter((id) => byId.has(id)) : []), [phase, byId]);

  if (phase.kind === 'indexing') {
    const pct = phase.total ? Math.floor((phase.done / phase.total) * 100) : 0;
    return (
      <div className="search-status">
        <label className="search-progress">
          Building the search index… {phase.done} of {phase.total} articles
          <progress max={100} value={pct} aria-label="Search index progress" />
        </label>
      </div>
    );
  }
  if (phase.kind === 'failed') {
    return (
      <div className="search-status" role="alert">
        <p>The search failed: {phase.message}</p>
        <button type="button" className="button button-small" onClick={() => setRebuilds((n) => n + 1)}>
          Rebuild search index
        </button>
      </div>
    );
  }
  // Results of an earlier query are never shown under a new one.
  if (phase.kind === 'searching' || phase.text !== text) return <p className="search-status muted">Searching…</p>;
  const kwicPossible = shown.length > 0 && positiveTerms(phase.query).length > 0;
  return (
    <>
      {kwicPossible && (
        <div className="search-views" role="group" aria-label="Show results as">
          <button type="button" className="button button-small" aria-pressed={view === 'articles'} onClick={() => setView('articles')}>
            Articles
          </button>
          <button type="button" className="button button-small" aria-pressed={view === 'kwic'} onClick={() => setView('kwic')}>
            Concordance (KWIC)
          </button>
        </div>
      )}
      <div className="search-summary">
        <p role="status" className="muted">
          {shown.length === 0 ? 'No articles match' : shown.length === 1 ? '1 article matches' : `${shown.length} articles match`}
        </p>
        <button type="button" className="button button-small" onClick={() => setRebuilds((n) => n + 1)} title="Index every article again (after a restore, or if results look wrong)">
          Rebuild index
        </button>
      </div>
      {shown.length === 0 ? (
        <div className="empty-state empty-state-small">
          <h3>No articles match “{text}”</h3>
          <p>Words are matched in any inflection; try fewer words, a prefix such as президент*, or OR between alternatives.</p>
        </div>
      ) : kwicPossible && view === 'kwic' ? (
        <KwicView project={project} ids={shown} byId={byId} query={phase.query} queryText={text} />
      ) : (
        <ResultList project={project} ids={shown} byId={byId} query={phase.query} queryText={text} activeId={activeId} />
      )}
    </>
  );
}

function ResultList({ project, ids, byId, query, queryText, activeId }: { project: Project; ids: string[]; byId: Map<string, ArticleRecord>; query: QueryNode; queryText: string; activeId: string | undefined }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read while rendering by design.
  const virtualizer = useVirtualizer({ count: ids.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_ESTIMATE, overscan: 6 });
  return (
    <div ref={scroller} className="article-list search-results" style={{ flex: 1, minHeight: 0 }}>
      {/* The list itself is the tall box, so its items are its direct children. */}
      <ol aria-label="Search results" style={{ height: virtualizer.getTotalSize(), position: 'relative', margin: 0, padding: 0, listStyle: 'none' }}>
        {virtualizer.getVirtualItems().map((row) => {
          const id = ids[row.index] as string;
          const a = byId.get(id) as ArticleRecord;
          return (
            <li key={id} data-index={row.index} ref={virtualizer.measureElement} aria-setsize={ids.length} aria-posinset={row.index + 1} style={{ position: 'absolute', top: 0, left: 0, right: 0, transform: `translateY(${row.start}px)` }}>
              <ResultRow project={project} article={a} query={query} queryText={queryText} active={id === activeId} />
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function ResultRow({ project, article: a, query, queryText, active }: { project: Project; article: ArticleRecord; query: QueryNode; queryText: string; active: boolean }) {
  const [body, setBody] = useState<{ text: string; hits: Hit[] } | null>(null);
  useEffect(() => {
    let live = true;
    void articleText(a.id).then((text) => {
      if (live && text !== undefined) setBody({ text, hits: findHits(text, a.meta?.language, query) });
    });
    return () => {
      live = false;
    };
  }, [a.id, a.meta?.language, query]);
  const title = a.title || '(untitled)';
  const titleHits = useMemo(() => findHits(title, a.meta?.language, query), [title, a.meta?.language, query]);
  const first = body?.hits[0];
  const snippet = body && first ? snippetAt(body.text, first, 70) : null;
  const n = body?.hits.length ?? 0;
  return (
    <a
      className={active ? 'article-item search-result active' : 'article-item search-result'}
      href={`#/project/${encodeURIComponent(project.id)}/article/${encodeURIComponent(a.id)}`}
      aria-current={active ? 'page' : undefined}
      onClick={() => setPendingFind({ articleId: a.id, text: queryText, hitIndex: 0 })}
    >
      <span className="article-item-title">
        <HitText text={title} hits={titleHits} />
      </span>
      <span className="article-item-meta">
        <span className="search-meta-text">{[a.meta?.outlet, a.meta?.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ')}</span>
        {body && positiveTerms(query).length > 0 && <span className="search-hit-count">{n === 1 ? '1 hit' : `${n} hits`}</span>}
      </span>
      {snippet && (
        <span className="search-snippet">
          {snippet.cutBefore && '…'}
          {snippet.before}
          <mark>{snippet.hit}</mark>
          {snippet.after}
          {snippet.cutAfter && '…'}
        </span>
      )}
    </a>
  );
}
