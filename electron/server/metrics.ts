/**
 * Prometheus metrics of one sync server (prom-client), in a registry of its own so two servers
 * in one process (tests, the app) never mix figures: sockets and documents open (read from
 * Hocuspocus when scraped), messages and bytes received (counters: Prometheus's `rate()` gives
 * them per second), messages and bytes sent to clients by kind (the fan-out, sent-bytes.ts),
 * refusals by reason code, quota hits, answers of the HTTP API by route and status (a 429 is a
 * join guess refused), and the database's latency per operation (`timedStore`). ops-http.ts
 * serves them on `GET /metrics` to the metrics token only.
 */
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ServerStore } from './pg-store';

export type ServerMetrics = ReturnType<typeof serverMetrics>;

const API_ROUTES = new Set(['/api/class', '/api/session', '/api/join', '/api/codes/rotate', '/api/members/remove', '/api/backup']);

/** What persistence.ts asks of the database. */
export type StoreOps = Pick<ServerStore, 'append' | 'load' | 'compact'>;

export function serverMetrics(hocuspocus: () => Hocuspocus) {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: 'glose_process_' });
  new Gauge({
    name: 'glose_connections',
    help: 'WebSocket connections with at least one document open (direct server connections included)',
    registers,
    collect() {
      this.set(hocuspocus().getConnectionsCount());
    },
  });
  new Gauge({
    name: 'glose_documents_open',
    help: 'Documents loaded in memory',
    registers,
    collect() {
      this.set(hocuspocus().getDocumentsCount());
    },
  });
  const messages = new Counter({ name: 'glose_messages_received_total', help: 'Document messages received from clients', registers });
  const bytes = new Counter({ name: 'glose_bytes_received_total', help: 'Bytes of document messages received from clients', registers });
  // sent messages are summed in plain numbers and handed to prom-client when scraped: its label lookup costs more than the sum
  const unscraped = new Map<string, { messages: number; bytes: number }>();
  const handOver = (counter: Counter, field: 'messages' | 'bytes') => {
    for (const [kind, sums] of unscraped) {
      if (sums[field] > 0) counter.inc({ kind }, sums[field]);
      sums[field] = 0;
    }
  };
  new Counter({ name: 'glose_messages_sent_total', help: 'Messages sent to clients, by kind (update, awareness, sync-step2…)', labelNames: ['kind'], registers, collect() { handOver(this, 'messages'); } });
  new Counter({ name: 'glose_bytes_sent_total', help: 'Bytes of messages sent to clients, by kind: the fan-out', labelNames: ['kind'], registers, collect() { handOver(this, 'bytes'); } });
  const refusals = new Counter({ name: 'glose_refusals_total', help: 'Refusals sent to clients, by reason code (docs/protocol.md §6)', labelNames: ['code'], registers });
  const quotaHits = new Counter({ name: 'glose_quota_hits_total', help: 'Refusals because a quota was reached, by quota', labelNames: ['quota'], registers });
  const httpAnswers = new Counter({ name: 'glose_http_responses_total', help: 'Answers of the HTTP API (/api/…), by route and status', labelNames: ['route', 'status'], registers });
  const storeSeconds = new Histogram({
    name: 'glose_store_seconds',
    help: 'Database operation latency (append is on the path of every acknowledged write)',
    labelNames: ['op'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers,
  });

  return {
    registry,
    /** Counts one refusal; codes starting with `quota-` (and `class-full`) are quota hits too. */
    refused(code: string): void {
      refusals.inc({ code });
      if (code.startsWith('quota-') || code === 'class-full') quotaHits.inc({ quota: code });
    },
    /** Counts one message of `bytes` sent to a client (sent-bytes.ts). */
    sent(kind: string, bytes: number): void {
      let sums = unscraped.get(kind);
      if (!sums) unscraped.set(kind, (sums = { messages: 0, bytes: 0 }));
      sums.messages++;
      sums.bytes += bytes;
    },
    /** Counts one answer of the HTTP API; a path that is not a route is counted as `other` (clients choose paths). */
    answered(path: string, status: number): void {
      httpAnswers.inc({ route: API_ROUTES.has(path) ? path : 'other', status: String(status) });
    },
    /** The Hocuspocus extension counting what clients send. */
    extension(): Extension {
      return {
        extensionName: 'glose-metrics',
        priority: 1_000, // first: counts refused messages too
        async beforeHandleMessage({ update }) {
          messages.inc();
          bytes.inc(update.length);
        },
      };
    },
    /** The store's append, load and compact, each with its latency observed. */
    timedStore(store: StoreOps): StoreOps {
      const timed = <A extends unknown[], R>(op: string, run: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
        const end = storeSeconds.startTimer({ op });
        try {
          return await run(...args);
        } finally {
          end();
        }
      };
      return {
        append: timed('append', (name: string, update: Uint8Array) => store.append(name, update)),
        load: timed('load', (name: string) => store.load(name)),
        compact: timed('compact', (name: string) => store.compact(name)),
      };
    },
  };
}
