/**
 * An in-memory DNS-SD segment for discovery tests: published services reach every browser of
 * the same type until stopped, and nothing is multicast on a real network (ARCHITECTURE.md §8).
 */
import type { DnsSdTransport, FoundService } from '../../electron/server/discovery';

export function memoryNetwork(address = '192.0.2.10') {
  const services = new Set<FoundService & { type: string }>();
  const browsers = new Set<{ type: string; on: { up(s: FoundService): void; down(s: FoundService): void } }>();
  const transport: DnsSdTransport = {
    publish(s) {
      const found = { name: s.name, type: s.type, host: 'teacher.local', port: s.port, addresses: [address], txt: s.txt };
      services.add(found);
      browsers.forEach((b) => b.type === s.type && b.on.up(found));
      return { stop: () => services.delete(found) && browsers.forEach((b) => b.type === s.type && b.on.down(found)) };
    },
    browse(type, on) {
      const browser = { type, on };
      browsers.add(browser);
      services.forEach((s) => s.type === type && on.up(s));
      return { stop: () => browsers.delete(browser) };
    },
    destroy: () => browsers.clear(),
  };
  return { transport, services, inject: (s: FoundService) => browsers.forEach((b) => b.on.up(s)) };
}

