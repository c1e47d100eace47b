/**
 * The `glose-backup` file (version 1): JSON lines, written and read as a stream. A header line
 * `{"format":"glose-backup","version":1,"created":…,"corpus":…}`, then one line per document
 * `{"name":…,"update":<base64 Yjs update of the whole document>}`, then a trailer
 * `{"end":true,"documents":N,"sha256":…}` whose hash covers every line before it. A file
 * without its trailer (a copy cut short), with a wrong count or hash, with a document name that
 * is not Glose's or an update that does not decode is refused whole, with its line number.
 * docs/server.md ("Backup and restore") describes it.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import * as Y from 'yjs';
import { z } from 'zod';
import { parseDocName } from '../../shared/model/doc-names';

export const BACKUP_FORMAT = 'glose-backup';

const headerSchema = z.object({ format: z.literal(BACKUP_FORMAT), version: z.literal(1), created: z.string(), corpus: z.string().nullable() });
const documentSchema = z.object({ name: z.string().min(1).max(1000), update: z.base64() });
const trailerSchema = z.object({ end: z.literal(true), documents: z.number().int().nonnegative(), sha256: z.string().regex(/^[0-9a-f]{64}$/) });

export interface BackupDocument {
  name: string;
  update: Uint8Array;
}

/** Lines of a backup, each ending in "\n"; `end()` gives the trailer. */
export function backupLines(corpus: string | null, now: Date): { header: string; document(d: BackupDocument): string; end(): string } {
  const hash = createHash('sha256');
  let documents = 0;
  const line = (value: object): string => {
    const text = `${JSON.stringify(value)}\n`;
    hash.update(text);
    return text;
  };
  return {
    header: line({ format: BACKUP_FORMAT, version: 1, created: now.toISOString(), corpus }),
    document: ({ name, update }) => {
      documents++;
      return line({ name, update: Buffer.from(update).toString('base64') });
    },
    end: () => `${JSON.stringify({ end: true, documents, sha256: hash.digest('hex') })}\n`,
  };
}

function isTrailer(json: unknown): json is z.infer<typeof trailerSchema> {
  return trailerSchema.safeParse(json).success;
}

/** Checks a backup line by line; `line()` returns the document a line holds (null for header and trailer). */
export class BackupReader {
  private readonly hash: Hash = createHash('sha256');
  private count = 0;
  private number = 0;
  private ended = false;

  constructor(private readonly file: string) {}

  line(text: string): BackupDocument | null {
    this.number++;
    const json = this.parse(text);
    if (this.number === 1) {
      if (!headerSchema.safeParse(json).success) this.fail('not a glose-backup file (version 1)');
    } else if (this.ended) {
      this.fail('text after the end of the backup');
    } else if (isTrailer(json)) {
      const trailer = json;
      if (trailer.documents !== this.count) this.fail(`the backup lists ${trailer.documents} documents, ${this.count} are in it`);
      if (trailer.sha256 !== this.hash.digest('hex')) this.fail('the checksum does not match: the file was changed or damaged');
      this.ended = true;
      return null;
    }
    this.hash.update(`${text}\n`);
    if (this.number === 1) return null;
    const doc = documentSchema.safeParse(json);
    if (!doc.success || parseDocName(doc.data.name) === null) return this.fail('not a Glose document line');
    const update = new Uint8Array(Buffer.from(doc.data.update, 'base64'));
    try {
      Y.decodeUpdate(update);
    } catch {
      this.fail(`the update of ${doc.data.name} does not decode`);
    }
    this.count++;
    return { name: doc.data.name, update };
  }

  /** Throws unless the trailer was read: a backup cut short is refused. */
  finish(): number {
    if (!this.ended) throw new Error(`${this.file}: the backup is incomplete (no end line after line ${this.number}): it was cut short`);
    return this.count;
  }

  private parse(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      return this.fail('not JSON');
    }
  }

  private fail(problem: string): never {
    throw new Error(`${this.file}:${this.number}: ${problem}`);
  }
}

/** Reads a backup file line by line through a BackupReader; resolves with its document count. */
export async function readBackupFile(file: string, each: (document: BackupDocument) => Promise<void> | void): Promise<number> {
  const reader = new BackupReader(file);
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  for await (const text of lines) {
    const document = reader.line(text);
    if (document) await each(document);
  }
  return reader.finish();
}
