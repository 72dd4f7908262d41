import { useLiveQuery } from 'dexie-react-hooks';
import type { Project } from '@shared/model/types.ts';
import { loadArticle } from '../../db/articles.ts';

interface ReaderPaneProps {
  project: Project;
  articleId: string | undefined;
  hasArticles: boolean;
}

export function ReaderPane({ articleId, hasArticles }: ReaderPaneProps) {
  const article = useLiveQuery(() => (articleId ? loadArticle(articleId) : undefined), [articleId]);
  if (!articleId || !article) {
    return (
      <section className="reader reader-empty" aria-label="Reader">
        <div className="empty-state">
          <h2>{hasArticles ? 'Choose an article' : 'Nothing to read yet'}</h2>
          <p>{hasArticles ? 'Pick an article from the library to read and annotate it.' : 'Import articles to start reading and coding.'}</p>
        </div>
      </section>
    );
  }
  return (
    <section className="reader" aria-label="Reader">
      <article className="reader-article">
        <h2 className="reader-title">{article.title}</h2>
        {article.text.split('\n\n').map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </article>
    </section>
  );
}
