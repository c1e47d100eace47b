/**
 * The worker thread of foreign-groups-thread.ts: reads the W3C file `workerData.file` and finds
 * its items as soon as it starts, then, once the command sends the corpus, groups them
 * (foreign-groups.ts) and posts each group when the command has room for it (it sends one
 * credit per group taken), then the file's result. What it cannot stream, or an error, is
 * posted as "again" (the general way then reads the file, and says what is wrong with it) and ends it.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ItemReader } from '../../../shared/formats/w3c-bytes';
import { w3cItemsOf } from './foreign-files';
import { fileGroups, NotStreamable } from './foreign-groups';
import type { GroupAsk, GroupMessage, GroupWorkerData } from './foreign-groups-thread';
import { exportDate } from './research-io';

const port = parentPort!;
const data = workerData as GroupWorkerData;
const post = (message: GroupMessage): void => port.postMessage(message);

let credit = 0;
let more: (() => boolean) | null = null;
let running = true;
const fail = (error: unknown): void => {
  running = false;
  post({ kind: 'again', message: error instanceof NotStreamable ? error.message : String(error) });
  port.close();
};

/** Posts the next group, or the result at the end (then false). */
function grouping(items: ItemReader, ask: Exclude<GroupAsk, number>): () => boolean {
  const groups = fileGroups(items, { corpus: ask.corpus, tagset: ask.tagset, kindMap: new Map(ask.kindMap), now: () => exportDate({}) });
  return () => {
    const group = groups.next();
    post(group ? { kind: 'group', group } : { kind: 'end', result: groups.result() });
    return group !== null;
  };
}

const pump = (): void => {
  try {
    while (running && more && credit > 0) {
      credit--;
      running = more();
    }
  } catch (error) {
    fail(error);
  }
  if (!running) port.close();
};

// the file is read while the command reads its bundle; the corpus comes before any credit
let items: ItemReader | null = null;
try {
  items = w3cItemsOf(data.file);
  if (!items) fail(new NotStreamable('not read item by item'));
} catch (error) {
  fail(error);
}
port.on('message', (ask: GroupAsk) => {
  if (typeof ask === 'number') credit += ask;
  else if (items && running) {
    try {
      more = grouping(items, ask);
    } catch (error) {
      fail(error);
    }
  }
  pump();
});
