/**
 * The records `glose import` places into the bundle's articles as it writes them, found in one
 * of two ways. `placedFrom` takes them all at once (foreign-passes.ts resolved every file first).
 * `streamed` reads one W3C file item by item while the bundle is written: when the file's
 * annotations come grouped by article, in the bundle's order, and each names its article by our
 * IRI (Glose's own export, the common case), an article's group is read, resolved and written
 * before the next group is read, so the 100k items of a large file die young instead of living
 * until the end. The result is the one the general way gives, record for record and reason for
 * reason. The first sign that the file is not such a file (an item of an article already
 * written, a source that is not one of our article IRIs, a link leaving its article's group, a
 * broken item) throws `NotStreamable`: the import is then started again the general way.
 */
import type { BadItem, ForeignItem, ForeignLink } from '../../../shared/formats/foreign-item';
import { emptyBatch } from '../../../shared/formats/foreign-item';
import { itemResolver, resolveContext, resolveLink, type ImportedRecord, type ResolveOptions, type SourceUse } from '../../../shared/formats/foreign-resolve';
import type { ItemReader } from '../../../shared/formats/w3c-bytes';
import type { ForeignResult } from './foreign-passes';

/** What the import writes and reports, from either way. */
export interface Placed {
  /** The records of article `id`, asked once per article of the bundle, in its order. */
  recordsOf(id: string): ImportedRecord[];
  /** Once every article is written: the records of articles not in the bundle, by article in order of appearance. */
  rest(): ImportedRecord[];
  /** Once `rest` has been asked. */
  result(): { records: number; bad: BadItem[]; sources: SourceUse[]; creators: Record<string, string> };
}

export class NotStreamable extends Error {}

/** The general way's records, grouped by article. */
export function placedFrom(foreign: ForeignResult): Placed {
  const byArticle = groupBy(foreign.records);
  return {
    recordsOf(id) {
      const records = byArticle.get(id) ?? [];
      byArticle.delete(id);
      return records;
    },
    rest: () => [...byArticle.values()].flat(),
    result: () => ({ records: foreign.records.length, bad: foreign.bad, sources: foreign.sources, creators: foreign.creators }),
  };
}

function groupBy(records: Iterable<ImportedRecord>, into = new Map<string, ImportedRecord[]>()): Map<string, ImportedRecord[]> {
  for (const r of records) {
    const list = into.get(r.article);
    if (list) list.push(r);
    else into.set(r.article, [r]);
  }
  return into;
}

const our = (article: string | null) => (article ? { article, by: 'glose IRI' as const } : null);

interface Group {
  article: string;
  records: ImportedRecord[];
  byIri: Map<string, ImportedRecord>;
  links: ForeignLink[];
}

/** The records of `items` (one W3C file), group by group as the bundle asks for them. */
export function streamed(items: ItemReader, options: Omit<ResolveOptions, 'articles' | 'sourceMap'>): Placed {
  const base = resolveContext({ ...options, articles: [] });
  // what the general way's matcher gives when every source is one of our article IRIs (then it reads no article to match them)
  const ctx = { ...base, match: (source: string | undefined) => (source ? our(base.iris.parseArticle(source)) : null) };
  const resolver = itemResolver(ctx);
  const readBad: BadItem[] = [];
  const linkBad: BadItem[] = [];
  const closed = new Set<string>();
  /** Identifiers that links of written groups found in their group: an item carrying one later would have changed them. */
  const linked = new Set<string>();
  /** Our annotation IRIs that links took out of their group (to an article before or after): read as the IRI says. */
  const crossed = new Set<string>();
  /** Identifiers of records that are not where the identifier says (another article or id): no link may take them out of their group. */
  const odd = new Set<string>();
  let records = 0;
  let next = 0;
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
    while (next < items.count) {
      const batch = emptyBatch();
      try {
        items.read(next++, batch);
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
      if (done) return checked(done);
    }
    const last = open;
    open = null;
    return last && checked(last);
  };
  const checked = (group: Group): Group => {
    if (closed.has(group.article)) throw new NotStreamable(`the annotations of ${group.article} are not grouped`);
    return group;
  };
  /**
   * Resolves the group's links, which must stay inside it: the general way would look them up
   * among every item of the file (the last of an identifier given twice), so no item read after
   * the group (the open group's first record, or any later one) may carry them.
   */
  const linksOf = (group: Group): ImportedRecord[] => {
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
    return group.records;
  };

  let ahead: Group | null | undefined;
  return {
    recordsOf(id) {
      ahead ??= readGroup();
      closed.add(id);
      if (ahead?.article !== id) return [];
      const group = linksOf(ahead);
      ahead = readGroup();
      return group;
    },
    rest() {
      const left = new Map<string, ImportedRecord[]>();
      for (let g = ahead === undefined ? readGroup() : ahead; g; g = readGroup()) groupBy(linksOf(g), left);
      ahead = null;
      return [...left.values()].flat();
    },
    result: () => ({ records, bad: [...readBad, ...resolver.bad, ...linkBad], sources: resolver.sources(), creators: ctx.creators.provenance() }),
  };
}
