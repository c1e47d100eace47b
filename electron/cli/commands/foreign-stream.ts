/**
 * The records `glose import` places into the bundle's articles as it writes them, found in one
 * of two ways. `placedFrom` takes them all at once (foreign-passes.ts resolved every file first).
 * `streamed` takes the groups of one W3C file of ours as they are read (foreign-groups.ts, in a
 * worker thread: foreign-groups-thread.ts): when the file's annotations come grouped by
 * article in the bundle's order (Glose's own export, the common case), an article's group is
 * written before the next ones are read, so the 100k items of a large file die young instead
 * of living until the end. The result is the one the general way gives, record for record and
 * reason for reason. A group of an article already written (the file is not in the bundle's
 * order) throws `NotStreamable`, as the reader does for what it cannot take: the import is
 * then started again the general way.
 */
import type { ImportedRecord } from '../../../shared/formats/foreign-resolve';
import { NotStreamable, type FileGroup, type StreamResult } from './foreign-groups';
import type { ForeignResult } from './foreign-passes';

/** What the import writes and reports, from either way. */
export interface Placed {
  /** The records of article `id`, asked once per article of the bundle, in its order. */
  recordsOf(id: string): Promise<ImportedRecord[]>;
  /** Once every article is written: the records of articles not in the bundle, by article in order of appearance. */
  rest(): Promise<ImportedRecord[]>;
  /** Once `rest` has been asked. */
  result(): StreamResult;
  /** Ends any reading still under way (a worker), when the import ends or stops. */
  stop(): void;
}

/** The groups of a file in its order, however they are read; `next` gives null at its end. */
export interface GroupSource {
  next(): Promise<FileGroup | null>;
  result(): StreamResult;
  stop(): void;
}

/** The general way's records, grouped by article. */
export function placedFrom(foreign: ForeignResult): Placed {
  const byArticle = groupBy(foreign.records);
  return {
    async recordsOf(id) {
      const records = byArticle.get(id) ?? [];
      byArticle.delete(id);
      return records;
    },
    rest: async () => [...byArticle.values()].flat(),
    result: () => ({ records: foreign.records.length, bad: foreign.bad, sources: foreign.sources, creators: foreign.creators }),
    stop: () => undefined,
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

/** The records of a file's groups, group by group as the bundle asks for them. */
export function streamed(groups: GroupSource): Placed {
  const closed = new Set<string>();
  const next = async (): Promise<FileGroup | null> => {
    const group = await groups.next();
    if (group && closed.has(group.article)) throw new NotStreamable(`the annotations of ${group.article} are not grouped`);
    return group;
  };
  let ahead: FileGroup | null | undefined;
  return {
    async recordsOf(id) {
      ahead ??= await next();
      closed.add(id);
      if (ahead?.article !== id) return [];
      const { records } = ahead;
      ahead = await next();
      return records;
    },
    async rest() {
      const left = new Map<string, ImportedRecord[]>();
      for (let g = ahead === undefined ? await next() : ahead; g; g = await next()) groupBy(g.records, left);
      ahead = null;
      return [...left.values()].flat();
    },
    result: () => groups.result(),
    stop: () => groups.stop(),
  };
}
