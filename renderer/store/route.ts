/**
 * Where the user is, kept in the URL hash so a reload returns to the same place:
 * `#/` the library, `#/article/<id>` an article, `#/join?server=…&code=…` (or `token=…` for the
 * teacher's link) joining a class, `#/host` hosting one, `#/class` the class panel, `#/dashboard` the teacher's class dashboard, `#/report` the class report (a student's own for a student), `#/map` the argument map, `#/claims` the claim registry. An article or the map may
 * name an annotation to focus: `#/article/<id>?a=<annotation>`, `#/map?a=<annotation>`; `#/compare/<id>` is the class
 * comparison of an article, `#/adjudicate/<id>` its adjudication, `#/versions/<id>` what changed in a version, `#/scores` the teacher's scores (rubric).
 * `#/feedback` is a student's feedback from the teacher, `#/feedback/<student>` the teacher's to
 * one student, either with `?article=<id>&a=<annotation>` for the thread on one mark. Each view adds its own route here.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { view: 'library' }
  | { view: 'research' }
  | { view: 'adjudicate'; id: string }
  | { view: 'article'; id: string; focus?: string }
  | { view: 'compare'; id: string }
  | { view: 'versions'; id: string }
  | { view: 'join'; server?: string; code?: string; token?: string }
  | { view: 'class' }
  | { view: 'dashboard' }
  | { view: 'scores' }
  | { view: 'report' }
  | { view: 'host' }
  | { view: 'map'; focus?: string }
  | { view: 'claims' }
  | { view: 'feedback'; student?: string; article?: string; focus?: string };

export function parseRoute(hash: string): Route {
  const article = /^#\/article\/([A-Za-z0-9_-]+)(?:\?a=([A-Za-z0-9_-]+))?$/.exec(hash);
  if (article) return { view: 'article', id: article[1]!, focus: article[2] };
  const compare = /^#\/compare\/([A-Za-z0-9_-]+)$/.exec(hash);
  if (compare) return { view: 'compare', id: compare[1]! };
  const versions = /^#\/versions\/([A-Za-z0-9_-]+)$/.exec(hash);
  if (versions) return { view: 'versions', id: versions[1]! };
  const adjudicate = /^#\/adjudicate\/([A-Za-z0-9_-]+)$/.exec(hash);
  if (adjudicate) return { view: 'adjudicate', id: adjudicate[1]! };
  const map = /^#\/map(?:\?a=([A-Za-z0-9_-]+))?$/.exec(hash);
  if (map) return { view: 'map', focus: map[1] };
  const feedback = /^#\/feedback(?:\/([A-Za-z0-9_-]+))?(?:\?(.*))?$/.exec(hash);
  if (feedback) {
    const params = new URLSearchParams(feedback[2] ?? '');
    const id = (key: string) => (/^[A-Za-z0-9_-]+$/.test(params.get(key) ?? '') ? params.get(key)! : undefined);
    return { view: 'feedback', student: feedback[1], article: id('article'), focus: id('article') && id('a') };
  }
  const join = /^#\/join(?:\?(.*))?$/.exec(hash);
  if (join) {
    const params = new URLSearchParams(join[1] ?? '');
    const pick = (key: string) => params.get(key) ?? undefined;
    return { view: 'join', server: pick('server'), code: pick('code'), token: pick('token') };
  }
  if (hash === '#/class') return { view: 'class' };
  if (hash === '#/dashboard') return { view: 'dashboard' };
  if (hash === '#/scores') return { view: 'scores' };
  if (hash === '#/report') return { view: 'report' };
  if (hash === '#/host') return { view: 'host' };
  if (hash === '#/research') return { view: 'research' };
  if (hash === '#/claims') return { view: 'claims' };
  return { view: 'library' };
}

export function routeHash(route: Route): string {
  switch (route.view) {
    case 'article':
      return `#/article/${route.id}${route.focus ? `?a=${route.focus}` : ''}`;
    case 'compare':
      return `#/compare/${route.id}`;
    case 'versions':
      return `#/versions/${route.id}`;
    case 'map':
      return `#/map${route.focus ? `?a=${route.focus}` : ''}`;
    case 'research':
      return '#/research';
    case 'claims':
      return '#/claims';
    case 'adjudicate':
      return `#/adjudicate/${route.id}`;
    case 'library':
      return '#/';
    case 'class':
      return '#/class';
    case 'dashboard':
      return '#/dashboard';
    case 'scores':
      return '#/scores';
    case 'report':
      return '#/report';
    case 'host':
      return '#/host';
    case 'feedback': {
      const params = new URLSearchParams();
      if (route.article) params.set('article', route.article);
      if (route.article && route.focus) params.set('a', route.focus);
      const query = params.toString();
      return `#/feedback${route.student ? `/${route.student}` : ''}${query ? `?${query}` : ''}`;
    }
    case 'join': {
      const params = new URLSearchParams();
      for (const key of ['server', 'code', 'token'] as const) if (route[key]) params.set(key, route[key]);
      const query = params.toString();
      return query ? `#/join?${query}` : '#/join';
    }
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
