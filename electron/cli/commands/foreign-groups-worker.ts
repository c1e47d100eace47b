/**
 * The worker thread of foreign-groups-thread.ts: is given a W3C file's bytes and where its
 * items are, then, once the command sends the corpus, parses and groups them
 * (foreign-groups.ts) and posts each group when the command has room for it (it sends one
 * credit per group taken), then the file's result. What it cannot stream, or an error, is
 * posted as "again" (the general way then reads the file, and says what is wrong with it) and ends it.
 */
import { parentPort } from 'node:worker_threads';
import { itemReader, type ItemReader } from '../../../shared/formats/w3c-bytes';
import { fileGroups, NotStreamable } from './foreign-groups';
import type { GroupAsk, GroupMessage } from './foreign-groups-thread';
import { exportDate } from './export-date';
import { utf8Bytes } from './utf8-bytes';

const port = parentPort!;
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
function grouping(items: ItemReader, ask: Extract<GroupAsk, { corpus: string }>): () => boolean {
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

let items: ItemReader | null = null;
port.on('message', (ask: GroupAsk) => {
  if (typeof ask === 'number') credit += ask;
  else if ('bytes' in ask) {
    const spans = Array.from({ length: ask.spans.length / 2 }, (_, i) => ({ start: ask.spans[2 * i]!, end: ask.spans[2 * i + 1]! }));
    items = itemReader(utf8Bytes(Buffer.from(ask.bytes)), { spans, kind: ask.kind }, ask.file);
  } else if (running) {
    try {
      more = grouping(items!, ask);
    } catch (error) {
      fail(error);
    }
  }
  pump();
});
