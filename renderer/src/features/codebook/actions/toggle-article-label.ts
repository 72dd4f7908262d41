import type { Id, Tag } from '@shared/model/types.ts';
import { setArticleLabels } from '../../../db/articles.ts';
import { defineAction, runAction } from '../../../actions/action.ts';

export interface ToggleLabelArgs {
  article: { id: Id; labels: Id[] };
  tag: Tag;
  categoryName: string;
}

interface Labels {
  articleId: Id;
  before: Id[];
  after: Id[];
}

/** Puts a document-level label on the article or takes it off (the reader's label chips). */
export const toggleArticleLabelAction = defineAction<ToggleLabelArgs, Labels>({
  name: 'toggle-article-label',
  label: ({ article, tag, categoryName }) => (article.labels.includes(tag.id) ? `Remove label ${categoryName}: ${tag.name}` : `Label ${categoryName}: ${tag.name}`),
  perform: async ({ article, tag }) => {
    const before = article.labels;
    const after = before.includes(tag.id) ? before.filter((l) => l !== tag.id) : [...before, tag.id];
    await setArticleLabels(article.id, after);
    return { articleId: article.id, before, after };
  },
  undo: ({ articleId, before }) => setArticleLabels(articleId, before),
  redo: ({ articleId, after }) => setArticleLabels(articleId, after),
});

export async function toggleArticleLabel(args: ToggleLabelArgs): Promise<void> {
  await runAction(toggleArticleLabelAction, args);
}
