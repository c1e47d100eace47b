/**
 * Versions in the views that list articles (the class panel, the argument map, the dashboard): an
 * article with versions is one article there, its newest version first, titled with which
 * version it is ("… (v2 of 2)"), and its older versions still reachable, named the same way.
 * The library has its own cards (VersionLinks.tsx).
 */
import type { TFunction } from 'i18next';
import type { Article } from '../../shared/model/corpus';
import { versionFamilies, versionNumber } from '../../shared/versions/version-plan';

/** Each article's title, with its version when its family has several. */
export function versionTitles(articles: readonly Article[], t: TFunction): Map<string, string> {
  const titles = new Map<string, string>();
  for (const family of versionFamilies(articles)) {
    for (const a of family) titles.set(a.id, family.length < 2 ? a.title : t('versionViews.title', { title: a.title, version: versionNumber(a), count: family.length }));
  }
  return titles;
}

/** The newest version of each article, in library order, and the older versions apart. */
export function newestFirst(articles: readonly Article[]): { newest: Article[]; older: Article[] } {
  const families = versionFamilies(articles);
  return { newest: families.map((f) => f.at(-1)!), older: families.flatMap((f) => f.slice(0, -1)) };
}
