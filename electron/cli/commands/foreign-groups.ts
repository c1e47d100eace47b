/**
 * One W3C file of ours read as groups of records, in file order, for the streaming import
 * (foreign-stream.ts): a group is the run of items of one article, resolved into records with
 * the links it holds; it is complete once the first record of another article is read. Items
 * are read one at a time (w3c-bytes.ts), so only a group or two is alive at once. Whatever the
 * general way would resolve differently (it sees every item of the file before any link) throws
 * `NotStreamable`: a source that is not one of our article IRIs, a broken item, a link starting
 * outside its group, or ending on a record another item of the file could give otherwise.
 */
import type { BadItem, ForeignItem, ForeignLink } from '../../../shared/formats/foreign-item';
import { emptyBatch } from '../../../shared/formats/foreign-item';
import { itemResolver, resolveContext, resolveLink, type ImportedRecord, type ResolveOptions, type SourceUse } from '../../../shared/formats/foreign-resolve';
import type { ItemReader } from '../../../shared/formats/w3c-bytes';

export class NotStreamable extends Error {}

/** What a group gives to the bundle: its article and its records, links resolved. */
export interface FileGroup {
  article: string;
  records: ImportedRecord[];
}

/** What the whole file gave, once read: bad items in the general way's order, source counts, creators. */
export interface StreamResult {
  records: number;
  bad: BadItem[];
  sources: SourceUse[];
  creators: Record<string, string>;
}

export type GroupOptions = Omit<ResolveOptions, 'articles' | 'sourceMap'>;

interface Group extends FileGroup {
  byIri: Map<string, ImportedRecord>;
  links: ForeignLink[];
}

const our = (article: string | null) => (article ? { article, by: 'glose IRI' as const } : null);

export function fileGroups(items: ItemReader, options: GroupOptions): { next(): FileGroup | null; result(): StreamResult } {
  const base = resolveContext({ ...options, articles: [] });
  // what the general way's matcher gives when every source is one of our article IRIs (then it reads no article to match them)
  const ctx = { ...base, match: (source: string | undefined) => (source ? our(base.iris.parseArticle(source)) : null) };
  const resolver = itemResolver(ctx);
  const readBad: BadItem[] = [];
  const linkBad: BadItem[] = [];
  /** Identifiers that links found in their group: an item carrying one later would have changed them. */
  const linked = new Set<string>();
  /** Our annotation IRIs that links took out of their group (to an article before or after): read as the IRI says. */
  const crossed = new Set<string>();
  /** Identifiers of records that are not where the identifier says (another article or id): no link may take them out of their group. */
  const odd = new Set<string>();
  let records = 0;
  let at = 0;
  let open: Group | null = null;

  const record = (item: ForeignItem): ImportedRecord | null => {
    if (!ctx.match(item.source)) throw new NotStreamable('a source is not one of our article IRIs');
    if (linked.has(item.iri)) throw new NotStreamable('an item comes after a link to it was resolved');
    const r = resolver.item(item);
    const ours = r && ctx.iris.parseAnnotation(item.iri);
    if (r && (ours?.article !== r.article || ours.id !== r.record.id)) {
      if (crossed.has(item.iri)) throw new NotStreamable('a link named an item that is not where its IRI says');
      odd.add(item.iri);
    }
    return r;
  };
  /** Reads on to the end of the open group (the first record of another article opens the next one); null at the end of the file. */
  const readGroup = (): Group | null => {
    while (at < items.count) {
      const batch = emptyBatch();
      try {
        items.read(at++, batch);
      } catch (error) {
        throw error instanceof SyntaxError ? new NotStreamable('a broken item') : error;
      }
      readBad.push(...batch.bad);
      if (batch.links.length > 0 && !open) throw new NotStreamable('a link before any annotation');
      open?.links.push(...batch.links);
      const item = batch.items[0];
      const r = item ? record(item) : null;
      if (!item || !r) continue;
      records++;
      const done = open && open.article !== r.article ? open : null;
      if (!open || done) open = { article: r.article, records: [], byIri: new Map(), links: [] };
      open.records.push(r);
      open.byIri.set(item.iri, r);
      if (done) return done;
    }
    const last = open;
    open = null;
    return last;
  };
  /**
   * Resolves the group's links, which must stay inside it: the general way would look them up
   * among every item of the file (the last of an identifier given twice), so no item read after
   * the group (the open group's first record, or any later one) may carry them.
   */
  const linksOf = (group: Group): FileGroup => {
    for (const link of group.links) {
      const inside = (iri: string) => group.byIri.has(iri) && !open?.byIri.has(iri);
      // a link to another article's record: only by our IRI, which says where that record is whichever group holds it
      const across = (iri: string) => !group.byIri.has(iri) && !open?.byIri.has(iri) && !odd.has(iri) && ctx.iris.parseAnnotation(iri) !== null;
      if (!inside(link.from)) throw new NotStreamable('a link starts outside its article');
      if (inside(link.to)) linked.add(link.to);
      else if (across(link.to)) crossed.add(link.to);
      else throw new NotStreamable('a link ends on a record the file gives elsewhere');
      linked.add(link.from);
      resolveLink(link, (iri) => group.byIri.get(iri), ctx, linkBad);
    }
    return { article: group.article, records: group.records };
  };
  return {
    next() {
      const group = readGroup();
      return group && linksOf(group);
    },
    result: () => ({ records, bad: [...readBad, ...resolver.bad, ...linkBad], sources: resolver.sources(), creators: ctx.creators.provenance() }),
  };
}
