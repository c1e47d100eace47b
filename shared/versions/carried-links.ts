/**
 * Links made to a mark from another article, followed to the newest version of the mark's article.
 * Such a link is stored in the record of the mark it starts from, in its author's layer of the
 * other article, which only that author may write (ARCHITECTURE.md §5); so it is not rewritten when
 * the mark is carried into a new version. It is re-pointed when read instead: carried ids are
 * deterministic (carry.ts), so the copy of mark X in version 2 is `carriedId(v2, X)`, and a link to
 * X is shown as a link to that copy as soon as it exists (its author's app carried it), version
 * after version. The stored link is left as it was made (to version 1). A link whose mark has not
 * been carried yet, or was deleted since, keeps pointing at the older version. Links between marks
 * of one family of versions are carried by carry.ts itself, and are left alone here.
 */
import type { Article } from '../model/corpus';
import type { Located } from '../model/relations';
import { carriedId } from './carry';
import { versionFamilies } from './version-plan';

/** Where a mark of `all` is now: its newest carried copy present in `all` (the mark itself when it has none). */
export function newestCopies(all: readonly Located[], articles: readonly Article[]): { follow(article: string, id: string): { article: string; id: string }; familyOf: Map<string, string> } {
  // each version's newer versions, oldest first, and the family each article belongs to
  const newer = new Map<string, string[]>();
  const familyOf = new Map<string, string>();
  for (const family of versionFamilies(articles)) {
    family.forEach((v, i) => {
      familyOf.set(v.id, family[0]!.id);
      if (i < family.length - 1) newer.set(v.id, family.slice(i + 1).map((w) => w.id));
    });
  }
  const present = new Set(all.map((l) => `${l.article}\n${l.annotation.id}`));
  const follow = (article: string, id: string): { article: string; id: string } => {
    let at = { article, id };
    for (const version of newer.get(article) ?? []) {
      const next = carriedId(version, at.id);
      if (!present.has(`${version}\n${next}`)) break;
      at = { article: version, id: next };
    }
    return at;
  };
  return { follow, familyOf };
}

/** `all` with each link into an older version re-pointed to the mark's newest carried copy present in `all`. */
export function followCarriedLinks<T extends Located>(all: readonly T[], articles: readonly Article[]): T[] {
  if (!articles.some((a) => a.versionOf)) return [...all];
  const { follow, familyOf } = newestCopies(all, articles);
  return all.map((located) => {
    let changed = false;
    const links = located.annotation.links.map((link) => {
      const article = link.article ?? located.article;
      if (familyOf.get(article) === familyOf.get(located.article)) return link;
      const to = follow(article, link.to);
      if (to.article === article) return link;
      changed = true;
      return { ...link, to: to.id, article: to.article };
    });
    return changed ? { ...located, annotation: { ...located.annotation, links } } : located;
  });
}

/**
 * A verdict (or a class vote on one) given on a mark of an older version counts for the mark's newest
 * carried copy too, with the evidence it cites followed the same way: the claim keeps its verdict on
 * the new version, and the verdict stays where it was given (the corpus document is not rewritten).
 */
export function followCarriedVerdicts<V extends { about: string; evidence?: string[] }>(verdicts: readonly V[], all: readonly Located[], articles: readonly Article[]): V[] {
  if (!articles.some((a) => a.versionOf)) return [...verdicts];
  const { follow } = newestCopies(all, articles);
  const articleOf = new Map(all.map((l) => [l.annotation.id, l.article]));
  const newest = (id: string) => {
    const article = articleOf.get(id);
    return article ? follow(article, id).id : id;
  };
  const copies = verdicts.filter((v) => newest(v.about) !== v.about).map((v) => ({ ...v, about: newest(v.about), ...(v.evidence && { evidence: v.evidence.map(newest) }) }));
  return [...verdicts, ...copies];
}

/**
 * `all` without the marks of older versions whose carried copy is there in a newer version: where
 * a view lists an article's versions as one article (the argument map), a carried mark shows once,
 * at its newest place. A mark not carried yet stays, at its older version.
 */
export function latestCopies<T extends Located>(all: readonly T[], articles: readonly Article[]): T[] {
  const next = new Map<string, string>();
  for (const family of versionFamilies(articles)) family.forEach((v, i) => i > 0 && next.set(family[i - 1]!.id, v.id));
  const present = new Set(all.map((l) => `${l.article}\n${l.annotation.id}`));
  return all.filter((l) => {
    const newer = next.get(l.article);
    return !newer || !present.has(`${newer}\n${carriedId(newer, l.annotation.id)}`);
  });
}
