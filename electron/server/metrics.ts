/**
 * Prometheus metrics of one sync server (prom-client), in a registry of its own so two servers
 * in one process (tests, the app) never mix figures: sockets and documents open (read from
 * Hocuspocus when scraped), messages and bytes received (counters: Prometheus's `rate()` gives
 * them per second), refusals by reason code, quota hits, and the database's latency per
 * operation (`timedStore`). ops-http.ts serves them on `GET /metrics` to the metrics token only.
 */
import type { Extension, Hocuspocus } from '@hocuspocus/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DocStore } from './storage';

export type ServerMetrics = ReturnType<typeof serverMetrics>;

/** Store operations whose latency is measured. */
const TIMED = new Set<string | symbol>(['append', 'load', 'compact']);

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
  const refusals = new Counter({ name: 'glose_refusals_total', help: 'Refusals sent to clients, by reason code (docs/protocol.md §6)', labelNames: ['code'], registers });
  const quotaHits = new Counter({ name: 'glose_quota_hits_total', help: 'Refusals because a quota was reached, by quota', labelNames: ['quota'], registers });
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
    /** The store with the latency of append, load and compact observed (same object otherwise). */
    timedStore(store: DocStore): DocStore {
      return new Proxy(store, {
        get(target, property) {
          const value = Reflect.get(target, property, target) as unknown;
          if (typeof value !== 'function') return value;
          const method = value as (...args: unknown[]) => unknown;
          if (!TIMED.has(property)) return method.bind(target);
          return async (...args: unknown[]) => {
            const end = storeSeconds.startTimer({ op: String(property) });
            try {
              return await method.apply(target, args);
            } finally {
              end();
            }
          };
        },
      });
    },
  };
}
