/**
 * Server persistence in PostgreSQL, for a school's server of several processes (LevelDB admits
 * one process). Same promise as the LevelDB store (storage.ts): every update a client sends is
 * inserted — one autocommitted INSERT, so on disk in PostgreSQL's write-ahead log when it
 * resolves — before Hocuspocus applies and acknowledges it, so a kill -9 of any process (a
 * Glose server or PostgreSQL itself) loses nothing acknowledged. A document is a run of rows
 * in `glose_updates`; loading and the debounced store compact a run into one row, inside a
 * transaction holding an advisory lock on the document, deleting exactly the rows it read, so
 * appends by other processes during a compaction are never lost. While PostgreSQL restarts
 * (connection refused or cut), writes and loads are retried for up to `retryMs` — clients wait
 * instead of being refused — and a write retried after a cut whose commit did land is stored
 * twice, which Yjs merges into one.
 */
import pg from 'pg';
import * as Y from 'yjs';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS glose_updates (
    id bigserial PRIMARY KEY,
    name text COLLATE "C" NOT NULL,
    update bytea NOT NULL
  );
  CREATE INDEX IF NOT EXISTS glose_updates_name ON glose_updates (name, id);
  CREATE TABLE IF NOT EXISTS glose_sessions (
    corpus text PRIMARY KEY,
    session jsonb NOT NULL
  );`;

/** What the sync server needs of a document store (storage.ts's DocStore has the same). */
export interface ServerStore {
  append(name: string, update: Uint8Array): Promise<void>;
  load(name: string): Promise<Uint8Array | null>;
  compact(name: string): Promise<void>;
  snapshot(prefix?: string): AsyncGenerator<{ name: string; update: Uint8Array }>;
  keyCount(name: string): Promise<number>;
  close(): Promise<void>;
}

/** SQLSTATE and socket codes of a database that is restarting or unreachable for a moment. */
const TRANSIENT = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03', '08000', '08001', '08003', '08006']);

function transient(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return (typeof code === 'string' && TRANSIENT.has(code)) || /Connection terminated|connection timeout/i.test((error as Error).message ?? '');
}

export class PgStore implements ServerStore {
  private constructor(
    readonly pool: pg.Pool,
    private readonly retryMs: number,
  ) {}

  /** Connects and creates the tables when they are missing (one process at a time: an advisory lock). */
  static async open(connectionString: string, poolSize = 10, retryMs = 20_000): Promise<PgStore> {
    const pool = new pg.Pool({ connectionString, max: poolSize });
    pool.on('error', (error) => console.error(`postgres: ${error.message}`));
    try {
      await transaction(pool, async (client) => {
        await client.query("SELECT pg_advisory_xact_lock(hashtext('glose-schema'))");
        await client.query(SCHEMA);
      });
    } catch (error) {
      await pool.end();
      throw new Error(`PostgreSQL cannot be used (${(error as Error).message})`);
    }
    return new PgStore(pool, retryMs);
  }

  async append(name: string, update: Uint8Array): Promise<void> {
    await this.retrying(() => this.pool.query('INSERT INTO glose_updates (name, update) VALUES ($1, $2)', [name, Buffer.from(update)]));
  }

  /** The document's run compacted into one update (empty document: null). */
  load(name: string): Promise<Uint8Array | null> {
    return this.retrying(() => this.compactNow(name));
  }

  private compactNow(name: string): Promise<Uint8Array | null> {
    return transaction(this.pool, async (client) => {
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [name]);
      const { rows } = await client.query<{ id: string; update: Buffer }>('SELECT id, update FROM glose_updates WHERE name = $1 ORDER BY id', [name]);
      if (rows.length <= 1) return rows[0] ? new Uint8Array(rows[0].update) : null;
      const merged = merge(name, rows.map((r) => r.update));
      await client.query('INSERT INTO glose_updates (name, update) VALUES ($1, $2)', [name, Buffer.from(merged)]);
      await client.query('DELETE FROM glose_updates WHERE id = ANY($1::bigint[])', [rows.map((r) => r.id)]);
      return merged;
    });
  }

  async compact(name: string): Promise<void> {
    await this.load(name);
  }

  async keyCount(name: string): Promise<number> {
    const { rows } = await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM glose_updates WHERE name = $1', [name]);
    return Number(rows[0]!.n);
  }

  /** Documents whose name starts with `prefix`, each merged into one update, as of one moment (one statement). */
  async *snapshot(prefix = ''): AsyncGenerator<{ name: string; update: Uint8Array }> {
    const { rows } = await this.pool.query<{ name: string; updates: Buffer[] }>(
      'SELECT name, array_agg(update ORDER BY id) AS updates FROM glose_updates WHERE starts_with(name, $1) GROUP BY name ORDER BY name',
      [prefix],
    );
    for (const row of rows) yield { name: row.name, update: row.updates.length === 1 ? new Uint8Array(row.updates[0]!) : merge(row.name, row.updates) };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async retrying<T>(task: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + this.retryMs;
    for (let wait = 100; ; wait = Math.min(wait * 2, 1_000)) {
      try {
        return await task();
      } catch (error) {
        if (!transient(error) || Date.now() + wait > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }
}

/** Runs `task` in one transaction: committed when it resolves, rolled back when it throws. */
export async function transaction<T>(pool: pg.Pool, task: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await task(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** One update holding a run's updates; an unreadable one is skipped with a warning naming the document. */
function merge(name: string, updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  for (const update of updates) {
    try {
      Y.applyUpdate(doc, update);
    } catch (error) {
      console.warn(`storage: skipped an unreadable update of ${name} (${(error as Error).message})`);
    }
  }
  const merged = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return merged;
}
