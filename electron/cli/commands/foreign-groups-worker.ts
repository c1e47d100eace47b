/**
 * The worker thread of foreign-groups-thread.ts: reads the W3C file `workerData.file` group by
 * group (foreign-groups.ts) and posts each group when the command has room for it (it sends
 * one credit per group taken), then the file's result. What it cannot stream, or an error, is
 * posted as "again" (the general way then reads the file, and says what is wrong with it) and ends it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { w3cItemsOf } from './foreign-files';
import { fileGroups, NotStreamable } from './foreign-groups';
import type { GroupMessage, GroupWorkerData } from './foreign-groups-thread';
import { exportDate } from './research-io';

const port = parentPort!;
const data = workerData as GroupWorkerData;
const post = (message: GroupMessage): void => port.postMessage(message);

function start(): (() => boolean) | null {
  const items = w3cItemsOf(data.file);
  if (!items) {
    post({ kind: 'again', message: 'not read item by item' });
    return null;
  }
  const groups = fileGroups(items, { corpus: data.corpus, tagset: data.tagset, kindMap: new Map(data.kindMap), now: () => exportDate({}) });
  /** Posts the next group, or the result at the end (then false). */
  return () => {
    const group = groups.next();
    post(group ? { kind: 'group', group } : { kind: 'end', result: groups.result() });
    return group !== null;
  };
}

let credit = 0;
let more: (() => boolean) | null = null;
let running = true;
const pump = (): void => {
  try {
    more ??= start();
    while (running && more && credit > 0) {
      credit--;
      running = more();
    }
  } catch (error) {
    running = false;
    post({ kind: 'again', message: error instanceof NotStreamable ? error.message : String(error) });
  }
  if (!more || !running) port.close();
};
port.on('message', (n: number) => {
  credit += n;
  pump();
});
