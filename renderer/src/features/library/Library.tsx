import { useMemo, useState } from 'react';
import type { ArticleStatus, Project } from '@shared/model/types.ts';
import type { ArticleRecord } from '../../db/schema.ts';
import { startImport } from '../import/import-session.ts';

export const STATUS_LABEL: Record<ArticleStatus, string> = { todo: 'To do', 'in-progress': 'In progress', done: 'Done' };

interface LibraryProps {
  project: Project;
  articles: ArticleRecord[] | undefined;
  activeId: string | undefined;
}

export function Library({ project, articles, activeId }: LibraryProps) {
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const q = filter.trim().toLocaleLowerCase();
    if (!articles || !q) return articles;
    return articles.filter((a) => a.title.toLocaleLowerCase().includes(q) || (a.meta.outlet ?? '').toLocaleLowerCase().includes(q));
  }, [articles, filter]);

  return (
    <nav className="library" aria-label="Library">
      <div className="pane-header">
        <h2 className="pane-title">Library</h2>
        <span className="muted">{articles?.length ?? 0}</span>
      </div>
      {articles && articles.length > 0 && (
        <input className="input input-search" type="search" aria-label="Filter articles" placeholder="Filter by title or outlet" value={filter} onChange={(e) => setFilter(e.target.value)} />
      )}
      {articles === undefined ? null : articles.length === 0 ? (
        <div className="empty-state empty-state-small">
          <h3>No articles yet</h3>
          <p>Import HTML pages, text, Word or PDF files, or CSV/JSON exports of a news database. You can also drop files or a folder onto this window.</p>
          <button type="button" className="button button-primary library-import" onClick={() => void startImport(project.id, 'files')}>
            Import files…
          </button>
        </div>
      ) : (
        <ul className="article-list" aria-label="Articles">
          {shown?.map((a) => (
            <li key={a.id}>
              <a className={a.id === activeId ? 'article-item active' : 'article-item'} href={`#/project/${encodeURIComponent(project.id)}/article/${encodeURIComponent(a.id)}`} aria-current={a.id === activeId ? 'page' : undefined}>
                <span className="article-item-title">{a.title || '(untitled)'}</span>
                <span className="article-item-meta">
                  <span className={`status-dot status-${a.status}`} aria-label={STATUS_LABEL[a.status]} title={STATUS_LABEL[a.status]} />
                  {[a.meta.outlet, a.meta.publishedAt?.slice(0, 10)].filter(Boolean).join(' · ')}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
