/**
 * Where the user is, kept in the URL hash so a reload returns to the same place:
 * `#/` the library, `#/article/<id>` an article. Each view adds its own route here.
 */
import { useEffect, useState } from 'react';

export type Route = { view: 'library' } | { view: 'article'; id: string };

export function parseRoute(hash: string): Route {
  const article = /^#\/article\/([A-Za-z0-9_-]+)$/.exec(hash);
  if (article) return { view: 'article', id: article[1]! };
  return { view: 'library' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'article':
      return `#/article/${route.id}`;
    case 'library':
      return '#/';
  }
}

export function useRoute(): [Route, (route: Route) => void] {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [route, (next) => (location.hash = routeHash(next))];
}
