import { useEffect, useState } from 'react';
import { watchProjectArticles } from '../../db/article-list.ts';
import type { ArticleRecord } from '../../db/schema.ts';

/** The project's articles in library order, kept current change by change (undefined while the first reading runs). */
export function useProjectArticles(projectId: string): ArticleRecord[] | undefined {
  const [state, setState] = useState<{ projectId: string; list: ArticleRecord[] } | undefined>(undefined);
  // A failed reading leaves the last list on screen; the console keeps the cause for a bug report.
  useEffect(() => watchProjectArticles(projectId, (list) => setState({ projectId, list }), (e) => console.error('Reading the library failed', e)), [projectId]);
  // A list read for the previous project is never shown for this one.
  return state?.projectId === projectId ? state.list : undefined;
}
