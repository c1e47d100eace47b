/**
 * Server persistence on classic-level (LevelDB, N-API: loads in Node and Electron).
 *
 * Every document is a run of updates under sequential keys `<name>\0<seq>`. An update a
 * client sends is appended *before* Hocuspocus applies it and acknowledges it (the
 * provider's SyncStatus ack is sent synchronously right after the apply, so persisting in
 * onChange or onStoreDocument would acknowledge writes that a kill -9 can still lose).
 * Writes made on the server itself (direct connections) are appended in onChange. A
 * document's run is compacted into one update on load and on Hocuspocus's debounced
 * onStoreDocument; compaction only rewrites keys it read, so it never races appends.
 * LevelDB writes reach the OS before the promise resolves, which survives a killed
 * process; `fsync: true` also survives power loss, at a latency cost. Opening checks the
 * database and closing seals it (storage-integrity.ts); its files are private (private-files.ts).
 */
import { ClassicLevel } from 'classic-level';
import * as Y from 'yjs';
import { lockDown, privateDir } from './private-files';
import { classify, fingerprint, isCorruption, StorageCorrupt, StorageDamaged, type Fingerprint } from './storage-integrity';
import { checkSeal, readSeal, sealToCompare, writeSeal } from './storage-seal';

const SEP = '\u0000';
const END = '\u0001';
const SEQ_DIGITS = 13;

export interface StoreOptions {
  /** fsync every write (survives power loss, not only a killed process). */
  fsync: boolean;
  /** Only read (the command line): the database must exist, and its seal is left as it is. */
  readOnly?: boolean;
}

export class DocStore {
  private readonly next = new Map<string, number>();
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly writes = new Set<Promise<unknown>>();
  private closing = false;

  private constructor(
    private readonly db: ClassicLevel<string, Uint8Array>,
    private readonly directory: string,
    private readonly options: StoreOptions,
    /** Read-only: the fingerprint to seal again at close (LevelDB's open renamed its files). */
    private readonly reseal: Fingerprint | null,
  ) {}

  /**
   * Opens the database in `directory`, creating it when the directory is absent or empty
   * (never with `readOnly`). Throws StorageDamaged, naming the directory and the problem, when
   * the database is incomplete, unreadable or changed since its last clean close.
   */
  static async open(directory: string, options: StoreOptions): Promise<DocStore> {
    const fresh = classify(directory) === 'new';
    if (fresh && options.readOnly) throw new Error(`${directory}: there is no database here`);
    privateDir(directory);
    const seal = fresh ? null : sealToCompare(directory);
    const db = new ClassicLevel<string, Uint8Array>(directory, { keyEncoding: 'utf8', valueEncoding: 'view', createIfMissing: fresh, errorIfExists: fresh });
    try {
      await db.open();
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code === 'LEVEL_LOCKED' || !cause?.message) throw error;
      throw new StorageDamaged(directory, `LevelDB cannot open it (${cause.message})`);
    }
    try {
      const print = await fingerprint(db, directory);
      checkSeal(directory, seal, print);
      if (!options.readOnly) writeSeal(directory, 'open', print);
      lockDown(directory);
      return new DocStore(db, directory, options, options.readOnly && readSeal(directory)?.state === 'closed' ? print : null);
    } catch (error) {
      await db.close();
      throw error;
    }
  }

  /** Appends one update; resolves once LevelDB has written it. */
  async append(name: string, update: Uint8Array): Promise<void> {
    const seq = this.next.get(name);
    if (seq === undefined) throw new Error(`storage: ${name} appended before it was loaded`);
    if (this.closing) throw new Error(`storage: ${name} appended while the database closes`);
    this.next.set(name, seq + 1);
    const write = this.db.put(key(name, seq), update, { sync: this.options.fsync });
    this.writes.add(write);
    try {
      await write;
    } finally {
      this.writes.delete(write);
    }
  }

  /** Compacts the document's run and returns it as one update (empty document: null). */
  load(name: string): Promise<Uint8Array | null> {
    return this.serial(name, () => this.compactNow(name));
  }

  compact(name: string): Promise<void> {
    return this.serial(name, async () => void (await this.compactNow(name)));
  }

  /** Number of stored keys of a document (tests look at compaction with it). */
  async keyCount(name: string): Promise<number> {
    return (await this.db.keys({ gt: name + SEP, lt: name + END }).all()).length;
  }

  /**
   * Names of the stored documents that start with `prefix`, in key order, each once. Read-only
   * (the command line reads a database with it): it jumps past each document's run of keys.
   */
  async *names(prefix = ''): AsyncGenerator<string> {
    const keys = this.db.keys(prefix ? { gte: prefix, lt: successor(prefix) } : {});
    try {
      for (let k = await keys.next(); k !== undefined; k = await keys.next()) {
        const name = k.slice(0, k.lastIndexOf(SEP));
        yield name;
        keys.seek(name + END);
      }
    } finally {
      await keys.close();
    }
  }

  /**
   * Every stored document whose name starts with `prefix`, each run merged into one update, read
   * through one iterator: a single LevelDB snapshot, so the whole set is as of one moment even
   * while clients write (a backup). Read-only; one document's run is held at a time.
   */
  async *snapshot(prefix = ''): AsyncGenerator<{ name: string; update: Uint8Array }> {
    let name: string | null = null;
    let run: [string, Uint8Array][] = [];
    const flush = (): { name: string; update: Uint8Array } => ({ name: name!, update: run.length === 1 ? run[0]![1] : merge(run) });
    for await (const entry of this.db.iterator(prefix ? { gte: prefix, lt: successor(prefix) } : {})) {
      const owner = entry[0].slice(0, entry[0].lastIndexOf(SEP));
      if (name !== null && owner !== name) yield flush();
      if (owner !== name) [name, run] = [owner, []];
      run.push(entry);
    }
    if (name !== null) yield flush();
  }

  /** The document's run as one update, without compacting it in the database (read-only; empty document: null). */
  async read(name: string): Promise<Uint8Array | null> {
    const entries = await this.entriesOf(name);
    return entries.length <= 1 ? (entries[0]?.[1] ?? null) : merge(entries);
  }

  /** Waits for running writes and compactions, closes the database and seals it as cleanly closed. */
  async close(): Promise<void> {
    if (this.db.status !== 'open' || this.closing) return;
    this.closing = true;
    await Promise.allSettled([...this.chains.values(), ...this.writes]);
    const print = this.options.readOnly ? this.reseal : await fingerprint(this.db, this.directory);
    await this.db.close();
    if (print) writeSeal(this.directory, 'closed', print);
    lockDown(this.directory);
  }

  private async compactNow(name: string): Promise<Uint8Array | null> {
    const entries = await this.entriesOf(name);
    const last = entries.at(-1)?.[0];
    this.next.set(name, Math.max(this.next.get(name) ?? 0, last === undefined ? 0 : seqOf(last) + 1));
    if (last === undefined) return null;
    if (entries.length === 1) return entries[0]![1];
    const merged = merge(entries);
    const deletions = entries.slice(0, -1).map(([k]) => ({ type: 'del' as const, key: k }));
    await this.db.batch([{ type: 'put', key: last, value: merged }, ...deletions], { sync: this.options.fsync });
    return merged;
  }

  /** The document's stored run; LevelDB corruption becomes a StorageCorrupt naming the document. */
  private async entriesOf(name: string): Promise<[string, Uint8Array][]> {
    try {
      return await this.db.iterator({ gt: name + SEP, lt: name + END }).all();
    } catch (error) {
      if (!isCorruption(error)) throw error;
      throw new StorageCorrupt(`storage: ${name} cannot be read from ${this.directory} (${(error as Error).message})`);
    }
  }

  private serial<T>(name: string, task: () => Promise<T>): Promise<T> {
    const run = (this.chains.get(name) ?? Promise.resolve()).then(task, task);
    const settled = run.catch(() => undefined);
    this.chains.set(name, settled);
    void settled.then(() => {
      if (this.chains.get(name) === settled) this.chains.delete(name);
    });
    return run;
  }
}

/** One update holding a run's updates; an unreadable one is skipped with a warning. */
function merge(entries: [string, Uint8Array][]): Uint8Array {
  const doc = new Y.Doc();
  for (const [k, update] of entries) {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      console.warn(`storage: skipped unreadable update ${JSON.stringify(k)}`, error);
    }
  }
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}

/** The smallest string above every string that starts with `prefix`: its last character plus one. */
function successor(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

function key(name: string, seq: number): string {
  return `${name}${SEP}${seq.toString(16).padStart(SEQ_DIGITS, '0')}`;
}

function seqOf(k: string): number {
  return parseInt(k.slice(k.lastIndexOf(SEP) + 1), 16);
}
