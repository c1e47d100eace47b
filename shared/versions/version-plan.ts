/**
 * Article versions. Articles are immutable (corpus.ts): importing a file or a URL again whose
 * text changed adds a **new article** that names the one it follows (`versionOf`, `version` in
 * its library entry), and the library shows the family as one article whose newest version opens.
 *
 * The same-source rule: an import is a new version of an article when it comes from a file or a
 * URL (never a paste: a paste's source is only the title typed) and its `source` — the file
 * name, or the URL as the URL import keeps it — equals, character for character, the source of
 * an article of the corpus. If that family already holds the same text (same hash), nothing is
 * added and that version opens; otherwise the new text is version n + 1 of the family's newest
 * version n, with the id `<first version's id>-v<n + 1>`.
 *
 * Entries come from peers: a `versionOf` that names no article, or whose article's number is not
 * one below, leaves the entry on its own (a family of one), never a loop or a crash.
 */
import { freeArticleId } from '../formats/article-import';
import type { Article } from '../model/corpus';

export type ImportPlan =
  | { kind: 'new'; id: string }
  | { kind: 'held'; id: string }
  | { kind: 'version'; id: string; versionOf: string; version: number };

export interface Incoming {
  id: string;
  source: string;
  hash: string;
  /** from a file or a URL: may be a new version of an article of the same source */
  versioned: boolean;
}

export function versionNumber(article: Pick<Article, 'version'>): number {
  return article.version ?? 1;
}

/** The article `a` follows, when its link holds (that article exists and is one version below). */
function previousOf(byId: ReadonlyMap<string, Article>, a: Article): Article | undefined {
  if (!a.versionOf || a.version === undefined) return undefined;
  const previous = byId.get(a.versionOf);
  return previous && versionNumber(previous) === a.version - 1 ? previous : undefined;
}

const byVersion = (a: Article, b: Article) => versionNumber(a) - versionNumber(b) || a.order - b.order || a.id.localeCompare(b.id);

/** The articles grouped in families, each oldest version first, in the library order of their first versions. */
export function versionFamilies(articles: readonly Article[]): Article[][] {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const families = new Map<string, Article[]>();
  for (const a of articles) {
    let root = a;
    for (let p = previousOf(byId, root); p; p = previousOf(byId, p)) root = p;
    const family = families.get(root.id);
    if (family) family.push(a);
    else families.set(root.id, [a]);
  }
  return [...families.values()].map((f) => f.sort(byVersion)).sort((a, b) => a[0]!.order - b[0]!.order || a[0]!.id.localeCompare(b[0]!.id));
}

/** The family of article `id`, oldest first (empty when there is no such article). */
export function familyOf(articles: readonly Article[], id: string): Article[] {
  return versionFamilies(articles).find((f) => f.some((a) => a.id === id)) ?? [];
}

/** The version article `id` follows, when its link holds. */
export function previousVersion(articles: readonly Article[], id: string): Article | undefined {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const article = byId.get(id);
  return article && previousOf(byId, article);
}

/** What importing `incoming` into a corpus holding `articles` does: a new article, one already held, or a new version. */
export function planImport(articles: readonly Article[], incoming: Incoming): ImportPlan {
  const hashOf = (id: string) => articles.find((a) => a.id === id)?.hash;
  const source = incoming.source.trim();
  const family = incoming.versioned && source
    ? versionFamilies(articles).filter((f) => f.some((a) => a.source.trim() === source)).sort((a, b) => b.at(-1)!.order - a.at(-1)!.order)[0]
    : undefined;
  if (!family) {
    return hashOf(incoming.id) === incoming.hash ? { kind: 'held', id: incoming.id } : { kind: 'new', id: freeArticleId(incoming.id, incoming.hash, hashOf) };
  }
  const same = family.find((a) => a.hash === incoming.hash);
  if (same) return { kind: 'held', id: same.id };
  const newest = family.at(-1)!;
  const version = versionNumber(newest) + 1;
  const id = freeArticleId(`${family[0]!.id.slice(0, 56)}-v${version}`, incoming.hash, hashOf);
  return { kind: 'version', id, versionOf: newest.id, version };
}
