/**
 * What the article state derives from its records, computed only when the state is read after
 * a change: the discussion threads of the article's annotations (from every visible layer) and
 * the links of each annotation, resolved against this article and the rest of the corpus (a link
 * into an older version followed to the mark's carried copy); and,
 * when the link picker opens, the annotations a link may point at (a mark of another article
 * that was carried to a newer version is offered once, as its newest copy, named by its version).
 */
import type { Article } from '../../shared/model/corpus';
import { buildThreads, type Thread } from '../../shared/model/discussion';
import type { Located } from '../../shared/model/relations';
import { followCarriedLinks, latestCopies } from '../../shared/versions/carried-links';
import type { Role } from '../../shared/model/roster';
import type { LayerWatch } from './layer-watch';
import type { LinkCandidate } from '../components/LinkPicker';
import { shortQuote, showLinks, type ShownLink } from './link-view';
import { articleVersions } from './version-titles';
import type { Placed } from './placed-annotations';

export type RoleOf = (userId: string) => Role | undefined;

export function articleThreads(layers: Map<string, { watch: LayerWatch }>, placed: Map<string, Placed>, me: string, roleOf: RoleOf): Map<string, Thread> {
  const owners = new Map<string, string>();
  for (const p of placed.values()) owners.set(p.annotation.id, p.owner);
  // a status counts when written by the annotation's owner or by a teacher
  const canDecide = (annotationOwner: string, writer: string) => writer === annotationOwner || roleOf(writer) === 'teacher';
  const reads = [...layers].map(([owner, { watch }]) => ({ owner, read: watch.discussion() }));
  return buildThreads(reads, me, (id) => owners.get(id), canDecide);
}

/** This article's annotations, then those of the rest of the corpus. */
function locatedAll(article: string, placed: Iterable<Placed>, elsewhere: Located[]): Located[] {
  const all: Located[] = [];
  for (const p of placed) all.push({ annotation: p.annotation, article });
  for (const l of elsewhere) if (l.article !== article) all.push(l);
  return all;
}

export function articleLinks(article: string, placed: Iterable<Placed>, elsewhere: Located[], articles: Article[]): Map<string, ShownLink[]> {
  return showLinks(article, followCarriedLinks(locatedAll(article, placed, elsewhere), articles), articles);
}

/**
 * Every annotation of the corpus but `from`, once each, this article's first. A mark of another
 * article whose carried copy is in a newer version is left out: its copy stands for it.
 */
export function linkCandidates(article: string, from: string, placed: Iterable<Placed>, elsewhere: Located[], articles: Article[]): LinkCandidate[] {
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const versions = articleVersions(articles);
  const all = locatedAll(article, placed, elsewhere);
  const current = new Set(latestCopies(all, articles));
  const seen = new Set([from]);
  const out: LinkCandidate[] = [];
  for (const located of all) {
    const { annotation: a, article: where } = located;
    if (seen.has(a.id) || (where !== article && !current.has(located))) continue;
    seen.add(a.id);
    const here = where === article;
    out.push({ id: a.id, article: where, articleTitle: here ? undefined : titles.get(where), articleVersion: here ? undefined : versions.get(where), kind: a.kind, quote: shortQuote(a), authorName: a.author.name });
  }
  return out;
}
