/**
 * Versions in the views that list articles (the class panel, the argument map, the dashboard,
 * the claim registry, the link picker, the assignment editor): an article with versions is one
 * article there, its newest version first, titled with which version it is ("… (v2 of 2)"), and
 * its older versions still reachable, named the same way. The library has its own cards
 * (VersionLinks.tsx).
 */
import type { TFunction } from 'i18next';
import type { Article } from '../../shared/model/corpus';
import { versionFamilies, versionNumber } from '../../shared/versions/version-plan';

export interface VersionOf {
  version: number;
  /** how many versions its family has */
  count: number;
}

/** Which version each article with versions is (articles without any are not in the map). */
export function articleVersions(articles: readonly Article[]): Map<string, VersionOf> {
  const versions = new Map<string, VersionOf>();
  for (const family of versionFamilies(articles)) if (family.length > 1) for (const a of family) versions.set(a.id, { version: versionNumber(a), count: family.length });
  return versions;
}

/** `title` with its version ("… (v2 of 2)") when it has one. */
export const titleWithVersion = (t: TFunction, title: string, version: VersionOf | undefined): string => (version ? t('versionViews.title', { title, ...version }) : title);

/** Each article's title, with its version when its family has several. */
export function versionTitles(articles: readonly Article[], t: TFunction): Map<string, string> {
  const versions = articleVersions(articles);
  return new Map(articles.map((a) => [a.id, titleWithVersion(t, a.title, versions.get(a.id))]));
}

/** The newest version of each article, in library order, and the older versions apart. */
export function newestFirst(articles: readonly Article[]): { newest: Article[]; older: Article[] } {
  const families = versionFamilies(articles);
  return { newest: families.map((f) => f.at(-1)!), older: families.flatMap((f) => f.slice(0, -1)) };
}
