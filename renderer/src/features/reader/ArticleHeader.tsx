import type { Article, Project } from '@shared/model/types.ts';

/** Title and metadata of the article being read. */
export function ArticleHeader({ article }: { project: Project; article: Article }) {
  const { meta } = article;
  const facts: [string, string | undefined][] = [
    ['Outlet', meta.outlet],
    ['Date', meta.publishedAt?.slice(0, 10)],
    ['Author', meta.author],
    ['Language', meta.language],
    ['Source file', article.source.index === undefined ? article.source.file : `${article.source.file} #${article.source.index + 1}`],
  ];
  const safeUrl = meta.url && /^https?:\/\//i.test(meta.url) ? meta.url : undefined;
  return (
    <header className="article-header">
      <h2 className="reader-title">{article.title || '(untitled)'}</h2>
      <dl className="article-meta">
        {facts
          .filter((f): f is [string, string] => !!f[1])
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        {safeUrl && (
          <div>
            <dt>URL</dt>
            <dd>
              <a href={safeUrl} target="_blank" rel="noopener noreferrer">
                {safeUrl.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </div>
        )}
      </dl>
    </header>
  );
}
