/**
 * What the storage checks cost: a class database of real layer documents (40 students × 25
 * articles, each layer 30 records, written as the server appends them, one update per record),
 * then the time to open it with the integrity check (every entry read and hashed), to close it
 * with the seal (the same read), and to stream a glose-backup of it. Temp directory, removed after.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as Y from 'yjs';
import { backupStream } from '../../electron/server/backup-route';
import { DocStore } from '../../electron/server/storage';
import type { BenchOptions, BenchResult } from './bench-types';

const RECORDS = 30;

async function writeClass(store: DocStore, students: number, articles: number): Promise<void> {
  for (let a = 0; a < articles; a++) {
    for (let s = 0; s < students; s++) {
      const name = `corpus/bench/layer/a${a}/s${s}`;
      await store.load(name);
      const doc = new Y.Doc();
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      for (let r = 0; r < RECORDS; r++) {
        doc.getMap('annotations').set(`r${r}`, new Y.Map<unknown>([['kind', 'claim'], ['note', `student ${s} on article ${a}, note ${r}`], ['target', { start: r * 10, end: r * 10 + 8 }]]));
      }
      for (const u of updates) await store.append(name, u);
      doc.destroy();
    }
  }
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export async function run(options: BenchOptions): Promise<BenchResult[]> {
  const articles = options.quick ? 5 : 25;
  const dir = mkdtempSync(join(tmpdir(), 'glose-bench-storage-'));
  try {
    const first = await DocStore.open(join(dir, 'db'), { fsync: false });
    await writeClass(first, 40, articles);
    const closeMs = await timed(() => first.close());
    let store: DocStore | null = null;
    const openMs = await timed(async () => (store = await DocStore.open(join(dir, 'db'), { fsync: false })));
    let bytes = 0;
    const backupMs = await timed(async () => {
      for await (const line of backupStream(store!, null, new Date())) bytes += line.length;
    });
    await store!.close();
    const n = 40 * articles;
    return [
      { name: `storage_open_check_ms_${n}_layers`, value: openMs, unit: 'ms' },
      { name: `storage_close_seal_ms_${n}_layers`, value: closeMs, unit: 'ms' },
      { name: `storage_backup_ms_${n}_layers`, value: backupMs, unit: 'ms' },
      { name: `storage_backup_mb_${n}_layers`, value: bytes / 1024 / 1024, unit: 'MB' },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
