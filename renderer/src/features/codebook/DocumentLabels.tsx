import './codebook.css';
import { useMemo, type CSSProperties } from 'react';
import type { Project, Tag } from '@shared/model/types.ts';
import { useProjectTags } from './use-codebook.ts';
import { toggleArticleLabel } from './actions/toggle-article-label.ts';
import { tagRows } from '@shared/codebook/tag-tree.ts';

interface DocumentLabelsProps {
  project: Project;
  article: { id: string; labels: string[] };
}

/**
 * The article's document-level labels: for each document-level category, its tags as toggle
 * chips. Each toggle is one undoable step. Renders nothing when the codebook has no such category.
 */
export function DocumentLabels({ project, article }: DocumentLabelsProps) {
  const categories = useMemo(() => project.categories.filter((c) => c.level === 'document'), [project.categories]);
  const tags = useProjectTags(project.id, categories.length > 0);
  if (categories.length === 0 || tags === undefined) return null;

  const toggle = (tag: Tag, categoryName: string) => {
    void toggleArticleLabel({ article, tag, categoryName });
  };

  return (
    <div className="doc-labels" role="group" aria-label="Article labels">
      {categories.map((c) => {
        const rows = tagRows(tags, c.id);
        return (
          <div key={c.id} className="doc-labels-row" role="group" aria-label={c.name}>
            <span className="doc-labels-category" aria-hidden="true">
              {c.name}
            </span>
            {rows.length === 0 ? (
              <span className="doc-labels-empty">No tags yet — add them in the codebook.</span>
            ) : (
              rows.map(({ tag }) => {
                const on = article.labels.includes(tag.id);
                return (
                  <button
                    key={tag.id}
                    type="button"
                    className="doc-chip"
                    aria-pressed={on}
                    aria-label={`${c.name}: ${tag.name}`}
                    title={tag.description || undefined}
                    style={{ '--chip': tag.color } as CSSProperties}
                    onClick={() => toggle(tag, c.name)}
                  >
                    <span className="doc-chip-mark" aria-hidden="true">
                      {on ? '✓' : '+'}
                    </span>
                    {tag.name}
                  </button>
                );
              })
            )}
          </div>
        );
      })}
    </div>
  );
}
