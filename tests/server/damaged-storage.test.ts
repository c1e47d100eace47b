/**
 * Storage never starts partial: a real LevelDB directory of 40 layers, stopped cleanly, then
 * damaged on purpose the ways a partial copy, a torn disk or a curious hand damage it (CURRENT
 * removed, log truncated or missing, bytes flipped in a table, a table deleted). The server
 * refuses each with a message naming the directory and the problem, and leaves the old files
 * in place; an intact database, one whose server was killed, and one another program wrote to
 * (with a warning) still open with every layer. A document
 * that turns unreadable while the server runs is refused as `storage-corrupt`.
 */
import { existsSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClassicLevel } from 'classic-level';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DocStore } from '../../electron/server/storage';
import { STATE_FILE } from '../../electron/server/storage-seal';
import { databaseDir } from '../../electron/server/sync-server';
import { Client, CORPUS, removeDir, startServer, tempDir, token, waitFor } from './helpers';

const LAYERS = 40;
const layerName = (i: number): string => `corpus/${CORPUS}/layer/a1/s${i}`;

/** Writes 40 layers of 10 updates each (compressible text, as annotation notes are) and stops cleanly. */
async function classDatabase(dir: string): Promise<void> {
  const store = await DocStore.open(dir, { fsync: false });
  for (let i = 0; i < LAYERS; i++) {
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let r = 0; r < 10; r++) doc.getMap('annotations').set(`r${r}`, `note ${r} of student ${i}: `.repeat(40));
    await store.load(layerName(i));
    for (const u of updates) await store.append(layerName(i), u);
  }
  await store.close();
}

/** A clean database whose entries were moved from the log into a table (a reopen does that). */
async function tabledDatabase(dir: string): Promise<string> {
  await classDatabase(dir);
  await (await DocStore.open(dir, { fsync: false })).close();
  const table = readdirSync(dir).find((f) => f.endsWith('.ldb'));
  if (!table) throw new Error(`no table in ${dir}: ${readdirSync(dir).join(', ')}`);
  return join(dir, table);
}

async function layerCount(dir: string): Promise<number> {
  const store = await DocStore.open(dir, { fsync: false });
  let count = 0;
  for await (const name of store.names(`corpus/${CORPUS}/layer/`)) if (name) count++;
  await store.close();
  return count;
}

function flipBytes(file: string, from: number, count: number): void {
  const bytes = readFileSync(file);
  for (let i = from; i < from + count; i++) bytes[i]! ^= 0xff;
  writeFileSync(file, bytes);
}

describe('a damaged database refuses to open', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach(removeDir));
  const db = (): string => {
    const dir = tempDir('glose-damaged-');
    dirs.push(dir);
    return join(dir, 'db');
  };

  it('opens an intact database with all its layers, and seals it at a clean stop', async () => {
    const dir = db();
    await classDatabase(dir);
    expect(JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'))).toMatchObject({ state: 'closed', entries: LAYERS * 10 });
    expect(await layerCount(dir)).toBe(LAYERS);
  });

  it('refuses a directory whose CURRENT is missing, and deletes none of its files', async () => {
    const dir = db();
    await classDatabase(dir);
    rmSync(join(dir, 'CURRENT'));
    const before = readdirSync(dir).sort();
    await expect(DocStore.open(dir, { fsync: false })).rejects.toThrow(new RegExp(`^${dir}: the database is damaged: LevelDB's CURRENT file is missing`));
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('refuses a database whose log was truncated after a clean stop (entries lost)', async () => {
    const dir = db();
    await classDatabase(dir);
    const log = join(dir, readdirSync(dir).find((f) => f.endsWith('.log'))!);
    truncateSync(log, Math.floor(statSync(log).size * 0.7));
    await expect(DocStore.open(dir, { fsync: false })).rejects.toThrow(/the database is damaged: 400 entries were stored at the last clean stop, \d+ are readable now/);
  });

  it('refuses a database with flipped bytes in a table', async () => {
    const dir = db();
    const table = await tabledDatabase(dir);
    flipBytes(table, 200, 16);
    await expect(DocStore.open(dir, { fsync: false })).rejects.toThrow(new RegExp(`^${dir}: the database is damaged: (an entry cannot be read|the stored entries changed)`));
  });

  it('refuses a database with a table deleted', async () => {
    const dir = db();
    rmSync(await tabledDatabase(dir));
    await expect(DocStore.open(dir, { fsync: false })).rejects.toThrow(/the database is damaged: files of the last clean stop are missing: \d+\.ldb/);
  });

  it('refuses a copy that lacks its log (LevelDB alone would open it empty)', async () => {
    const dir = db();
    await classDatabase(dir);
    const log = readdirSync(dir).find((f) => f.endsWith('.log'))!;
    rmSync(join(dir, log));
    await expect(DocStore.open(dir, { fsync: false })).rejects.toThrow(`the database is damaged: files of the last clean stop are missing: ${log}`);
  });

  it('still catches damage after a read-only open (the command line) renamed LevelDB files', async () => {
    const dir = db();
    await classDatabase(dir);
    await (await DocStore.open(dir, { fsync: false, readOnly: true })).close();
    const table = readdirSync(dir).find((f) => f.endsWith('.ldb'))!;
    flipBytes(join(dir, table), 200, 16);
    await expect(DocStore.open(dir, { fsync: false })).rejects.toThrow(/the database is damaged: (an entry cannot be read|the stored entries changed)/);
  });

  it('opens, with a warning, a database another program wrote to since the last clean stop', async () => {
    const dir = db();
    await classDatabase(dir);
    const other = new ClassicLevel<string, string>(dir);
    await other.put(`${layerName(0)}\u0000zzzz`, 'written by an older Glose');
    await other.close();
    const warnings: string[] = [];
    const warn = vi.spyOn(console, 'warn').mockImplementation((m: string) => void warnings.push(m));
    try {
      expect(await layerCount(dir)).toBe(LAYERS);
    } finally {
      warn.mockRestore();
    }
    expect(warnings).toEqual([`${dir}: another program opened this database since Glose last stopped it; its entries were all read, but cannot be compared with that stop`]);
  });

  it('opens a database whose server was killed (no clean seal) with everything it wrote', async () => {
    const dir = db();
    await classDatabase(dir);
    await (await DocStore.open(dir, { fsync: false })).close();
    // What a kill -9 leaves: the seal of a database that is open.
    writeFileSync(join(dir, STATE_FILE), readFileSync(join(dir, STATE_FILE), 'utf8').replace('"closed"', '"open"'));
    expect(await layerCount(dir)).toBe(LAYERS);
  });

  it('the server does not start on a damaged data directory and says which one', async () => {
    const data = tempDir('glose-damaged-');
    dirs.push(data);
    await classDatabase(databaseDir(data));
    rmSync(join(databaseDir(data), 'CURRENT'));
    await expect(startServer(data)).rejects.toThrow(`${databaseDir(data)}: the database is damaged`);
    expect(existsSync(join(databaseDir(data), 'CURRENT'))).toBe(false);
  });
});

describe('a document that cannot be read while the server runs', () => {
  it('is refused to the client as storage-corrupt, not permission-denied', async () => {
    const data = tempDir('glose-damaged-');
    const table = await tabledDatabase(databaseDir(data));
    const server = await startServer(data);
    const client = new Client(server.url);
    try {
      flipBytes(table, 200, 16);
      const open = client.open(layerName(0), token('teacher', 'teacher'));
      await waitFor(() => open.denied !== null, 'the refusal');
      expect(open.denied).toMatch(/^storage-corrupt: /);
    } finally {
      client.destroy();
      await server.stop().catch(() => undefined);
      removeDir(data);
    }
  });
});
