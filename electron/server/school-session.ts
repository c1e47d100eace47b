/**
 * A hosted class's session (join codes, removed members, creation time) for a school's server of
 * several processes (or one process on PostgreSQL): kept in PostgreSQL (`glose_sessions`, one row per corpus, created once by
 * whichever process starts first) and changed in a transaction that locks the row, so two
 * teachers' clicks on two processes never undo each other. Every change is published on a Redis
 * channel with the whole new session; each process replaces its copy in place (checked with the
 * session schema: Redis is not trusted either) and closes the connections of members removed
 * elsewhere, so a removed member's tokens stop working on every process at once.
 */
import type { Redis } from 'ioredis';
import type pg from 'pg';
import { classSessionSchema, newSessionFor, type ClassSession, type SessionKeeper } from './class-session';
import { transaction } from './pg-store';

export interface SchoolSession {
  session: ClassSession;
  keeper: SessionKeeper;
  close(): Promise<void>;
}

function parse(json: unknown, corpus: string): ClassSession {
  const parsed = classSessionSchema.safeParse(json);
  if (!parsed.success || parsed.data.corpus !== corpus) throw new Error(`the stored session of ${corpus} is not a Glose class session`);
  return parsed.data;
}

export async function schoolSession(
  pool: pg.Pool,
  redis: Redis | null,
  channelPrefix: string,
  class_: { corpus: string; title: string },
  /** Closes the connections, on this process, of a member removed on another. */
  disconnect: (corpus: string, user: string) => void,
): Promise<SchoolSession> {
  const { corpus } = class_;
  await pool.query('INSERT INTO glose_sessions (corpus, session) VALUES ($1, $2) ON CONFLICT (corpus) DO NOTHING', [corpus, newSessionFor(corpus, class_.title)]);
  const { rows } = await pool.query<{ session: unknown }>('SELECT session FROM glose_sessions WHERE corpus = $1', [corpus]);
  const session = parse(rows[0]?.session, corpus);
  const channel = `${channelPrefix}:session:${corpus}`;
  const sub = redis?.duplicate();
  sub?.on('message', (from: string, text: string) => {
    if (from !== channel) return;
    let next: ClassSession;
    try {
      next = parse(JSON.parse(text), corpus);
    } catch (error) {
      return console.error(`school session: ignored a message on ${channel} (${(error as Error).message})`);
    }
    const newlyRemoved = next.removed.filter((user) => !session.removed.includes(user));
    Object.assign(session, next);
    for (const user of newlyRemoved) disconnect(corpus, user);
  });
  await sub?.subscribe(channel);
  const keeper: SessionKeeper = {
    async change(live, edit) {
      const kept = await transaction(pool, async (client) => {
        const current = await client.query<{ session: unknown }>('SELECT session FROM glose_sessions WHERE corpus = $1 FOR UPDATE', [corpus]);
        const stored = parse(current.rows[0]?.session, corpus);
        edit(stored);
        await client.query('UPDATE glose_sessions SET session = $2 WHERE corpus = $1', [corpus, stored]);
        return stored;
      });
      Object.assign(live, kept);
      await redis?.publish(channel, JSON.stringify(kept));
    },
  };
  return {
    session,
    keeper,
    async close() {
      sub?.disconnect();
    },
  };
}
