/**
 * LAN discovery of hosted classes: the host advertises DNS-SD service `_glose._tcp` over mDNS
 * with TXT `{ v: "1", corpus, title }` (never a token or a join code), and the app browses for
 * it and lists what it finds. The mDNS side sits behind the `DnsSdTransport` interface so
 * tests never multicast on a real network (ARCHITECTURE.md §8); `bonjourTransport()` is the
 * real one, on bonjour-service, created only when called.
 */
import { Bonjour } from 'bonjour-service';
import { z } from 'zod';
import { idSchema } from '../../shared/protocol/fields';

export const SERVICE_TYPE = 'glose';

export interface FoundService {
  name: string;
  host: string;
  port: number;
  addresses: string[];
  txt: Record<string, unknown>;
}

export interface DnsSdTransport {
  publish(service: { name: string; type: string; port: number; txt: Record<string, string> }): { stop(): void };
  browse(type: string, on: { up(s: FoundService): void; down(s: FoundService): void }): { stop(): void };
  destroy(): void;
}

export interface AdvertisedSession {
  /** Instance name shown in lists, e.g. "Mme Martin — 2nde B". */
  name: string;
  port: number;
  corpus: string;
  title: string;
}

export interface DiscoveredSession {
  id: string;
  name: string;
  title: string;
  corpus: string;
  /** ws:// URL of the sync server (http:// on the same address serves the join API). */
  url: string;
}

const txtSchema = z.object({
  v: z.literal('1'),
  corpus: idSchema,
  title: z.string().max(200),
});

export function advertiseSession(transport: DnsSdTransport, session: AdvertisedSession): { stop(): void } {
  return transport.publish({ name: session.name, type: SERVICE_TYPE, port: session.port, txt: { v: '1', corpus: session.corpus, title: session.title } });
}

/** Reads a found service; null when it is not a valid Glose session (it is then ignored). */
export function toSession(service: FoundService): DiscoveredSession | null {
  const txt = txtSchema.safeParse(Object.fromEntries(Object.entries(service.txt).map(([k, v]) => [k, String(v)])));
  const address = service.addresses.find((a) => /^\d{1,3}(\.\d{1,3}){3}$/.test(a)) ?? service.addresses[0];
  if (!txt.success || !address || !(service.port > 0 && service.port < 65_536)) return null;
  const host = address.includes(':') ? `[${address}]` : address;
  return { id: `${service.name}@${host}:${service.port}`, name: service.name, title: txt.data.title, corpus: txt.data.corpus, url: `ws://${host}:${service.port}` };
}

/** Browses for sessions; `onChange` receives the current list after every arrival or departure. */
export function browseSessions(transport: DnsSdTransport, onChange: (sessions: DiscoveredSession[]) => void): { sessions(): DiscoveredSession[]; stop(): void } {
  const found = new Map<string, DiscoveredSession>();
  const list = () => [...found.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  const browser = transport.browse(SERVICE_TYPE, {
    up(service) {
      const session = toSession(service);
      if (!session) return;
      found.set(session.id, session);
      onChange(list());
    },
    down(service) {
      const session = toSession(service);
      if (session && found.delete(session.id)) onChange(list());
    },
  });
  return { sessions: list, stop: () => browser.stop() };
}

/** The real transport: mDNS on the machine's network interfaces. */
export function bonjourTransport(): DnsSdTransport {
  const bonjour = new Bonjour();
  const found = (s: { name: string; host: string; port: number; addresses?: string[]; txt?: unknown }): FoundService => ({
    name: s.name,
    host: s.host,
    port: s.port,
    addresses: s.addresses ?? [],
    txt: (s.txt ?? {}) as Record<string, unknown>,
  });
  return {
    publish(service) {
      const published = bonjour.publish({ ...service, protocol: 'tcp' });
      return { stop: () => published.stop?.() };
    },
    browse(type, on) {
      const browser = bonjour.find({ type, protocol: 'tcp' });
      browser.on('up', (s) => on.up(found(s)));
      browser.on('down', (s) => on.down(found(s)));
      return { stop: () => browser.stop() };
    },
    destroy: () => bonjour.destroy(),
  };
}
