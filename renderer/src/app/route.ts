import { useEffect, useState } from 'react';

/** Where the user is; kept in the URL hash so that a reload returns to the same place. */
export type Route =
  | { view: 'projects' }
  /** `annotationId`: open the article with this annotation selected and scrolled to. */
  | { view: 'project'; projectId: string; articleId?: string; annotationId?: string }
  /** The table of every annotation of the project. */
  | { view: 'annotations'; projectId: string }
  /** The statements table, charts and network view (issue #11). */
  | { view: 'analysis'; projectId: string; tab: AnalysisTab };

export const ANALYSIS_TABS = ['statements', 'charts', 'network'] as const;
export type AnalysisTab = (typeof ANALYSIS_TABS)[number];

function isAnalysisTab(s: string | undefined): s is AnalysisTab {
  return (ANALYSIS_TABS as readonly (string | undefined)[]).includes(s);
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'project' && parts[1]) {
    if (parts[2] === 'annotations') return { view: 'annotations', projectId: parts[1] };
    if (isAnalysisTab(parts[2])) return { view: 'analysis', projectId: parts[1], tab: parts[2] };
    if (parts[2] === 'article' && parts[3]) {
      return parts[4] === 'annotation' && parts[5] ? { view: 'project', projectId: parts[1], articleId: parts[3], annotationId: parts[5] } : { view: 'project', projectId: parts[1], articleId: parts[3] };
    }
    return { view: 'project', projectId: parts[1] };
  }
  return { view: 'projects' };
}

export function routeHash(route: Route): string {
  if (route.view === 'projects') return '#/';
  const base = `#/project/${encodeURIComponent(route.projectId)}`;
  if (route.view === 'annotations') return `${base}/annotations`;
  if (route.view === 'analysis') return `${base}/${route.tab}`;
  if (!route.articleId) return base;
  const article = `${base}/article/${encodeURIComponent(route.articleId)}`;
  return route.annotationId ? `${article}/annotation/${encodeURIComponent(route.annotationId)}` : article;
}

export function navigate(route: Route, replace = false): void {
  const hash = routeHash(route);
  if (replace) history.replaceState(null, '', hash);
  else location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
