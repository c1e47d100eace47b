/**
 * Relations between annotations: each link is stored on its source annotation (in the source's
 * owner's layer) as {to, rel, article?}, `rel` being a relation type of the corpus tagset
 * (rebuts, supports, same-claim…) and `article` set when the target is in another article.
 * This module edits link lists and indexes them both ways, so an annotation shows the links it
 * makes and the links made to it.
 */
import type { Annotation, Link } from './record';
import type { Tagset } from './tagset';

/** `links` plus `link`, unless the same relation to the same target is already there. */
export function withLink(links: Link[], link: Link): Link[] {
  return links.some((l) => l.to === link.to && l.rel === link.rel) ? links : [...links, link];
}

export function withoutLink(links: Link[], to: string, rel: string): Link[] {
  return links.filter((l) => !(l.to === to && l.rel === rel));
}

export function isKnownRelation(tagset: Tagset, rel: string): boolean {
  return tagset.relations.some((r) => r.key === rel);
}

export function relationLabel(tagset: Tagset, rel: string, lang: 'en' | 'fr'): string | undefined {
  return tagset.relations.find((r) => r.key === rel)?.name[lang];
}

/** One end of a link as seen from an annotation. */
export interface LinkEnd {
  /** the annotation at the other end */
  id: string;
  rel: string;
  /** article of the other end */
  article: string;
  direction: 'out' | 'in';
}

export interface Located {
  annotation: Annotation;
  article: string;
}

/** Every annotation's links, outgoing and incoming, by annotation id. */
export function indexLinks(all: Iterable<Located>): Map<string, LinkEnd[]> {
  const index = new Map<string, LinkEnd[]>();
  const push = (id: string, end: LinkEnd) => {
    const list = index.get(id);
    if (list) list.push(end);
    else index.set(id, [end]);
  };
  for (const { annotation: a, article } of all) {
    for (const l of a.links) {
      const target = l.article ?? article;
      push(a.id, { id: l.to, rel: l.rel, article: target, direction: 'out' });
      push(l.to, { id: a.id, rel: l.rel, article, direction: 'in' });
    }
  }
  return index;
}
