import { useEffect, useState } from 'react';

/** Where the user is; kept in the URL hash so that a reload returns to the same place. */
export type Route = { view: 'projects' } | { view: 'project'; projectId: string; articleId?: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'project' && parts[1]) {
    return parts[2] === 'article' && parts[3]
      ? { view: 'project', projectId: parts[1], articleId: parts[3] }
      : { view: 'project', projectId: parts[1] };
  }
  return { view: 'projects' };
}

export function routeHash(route: Route): string {
  if (route.view === 'projects') return '#/';
  const base = `#/project/${encodeURIComponent(route.projectId)}`;
  return route.articleId ? `${base}/article/${encodeURIComponent(route.articleId)}` : base;
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
