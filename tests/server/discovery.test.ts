/**
 * LAN discovery through an in-memory DNS-SD transport (no multicast leaves this process,
 * ARCHITECTURE.md §8): an advertised class is listed with its ws:// URL, corpus and title,
 * leaves the list when it stops, foreign or malformed `_glose._tcp` answers are ignored, and
 * the TXT record never carries a token or code.
 */
import { describe, expect, it } from 'vitest';
import { advertiseSession, browseSessions, toSession } from '../../electron/server/discovery';
import { memoryNetwork } from '../support/memory-dns-sd';

describe('discovery', () => {
  it('lists an advertised class with its address, corpus and title, and drops it when it stops', () => {
    const net = memoryNetwork();
    const seen: string[][] = [];
    const browser = browseSessions(net.transport, (list) => seen.push(list.map((s) => s.id)));
    const ad = advertiseSession(net.transport, { name: 'Mme Martin', port: 8787, corpus: 'class', title: '2nde B' });
    expect(browser.sessions()).toEqual([{ id: 'Mme Martin@192.0.2.10:8787', name: 'Mme Martin', title: '2nde B', corpus: 'class', url: 'ws://192.0.2.10:8787' }]);
    ad.stop();
    expect(browser.sessions()).toEqual([]);
    expect(seen).toEqual([['Mme Martin@192.0.2.10:8787'], []]);
    browser.stop();
  });

  it('finds classes advertised before browsing started, sorted by name', () => {
    const net = memoryNetwork();
    advertiseSession(net.transport, { name: 'Zoé', port: 9000, corpus: 'c2', title: 'B' });
    advertiseSession(net.transport, { name: 'Anne', port: 9001, corpus: 'c1', title: 'A' });
    expect(browseSessions(net.transport, () => undefined).sessions().map((s) => s.name)).toEqual(['Anne', 'Zoé']);
  });

  it('ignores answers that are not Glose sessions', () => {
    const net = memoryNetwork();
    const browser = browseSessions(net.transport, () => undefined);
    const base = { name: 'x', host: 'h.local', port: 8787, addresses: ['192.0.2.1'] };
    net.inject({ ...base, txt: {} });
    net.inject({ ...base, txt: { v: '2', corpus: 'c', title: 't' } });
    net.inject({ ...base, txt: { v: '1', corpus: '../etc', title: 't' } });
    net.inject({ ...base, addresses: [], txt: { v: '1', corpus: 'c', title: 't' } });
    net.inject({ ...base, port: 0, txt: { v: '1', corpus: 'c', title: 't' } });
    expect(browser.sessions()).toEqual([]);
    net.inject({ ...base, txt: { v: '1', corpus: 'c', title: 't' } });
    expect(browser.sessions()).toHaveLength(1);
  });

  it('prefers an IPv4 address and brackets IPv6 ones', () => {
    const txt = { v: '1', corpus: 'c', title: 't' };
    expect(toSession({ name: 'a', host: 'h', port: 1, addresses: ['fe80::1', '192.0.2.7'], txt })?.url).toBe('ws://192.0.2.7:1');
    expect(toSession({ name: 'a', host: 'h', port: 1, addresses: ['fe80::1'], txt })?.url).toBe('ws://[fe80::1]:1');
  });

  it('advertises only version, corpus and title', () => {
    const net = memoryNetwork();
    advertiseSession(net.transport, { name: 'T', port: 8787, corpus: 'class', title: 'Cours' });
    expect([...net.services][0]!.txt).toEqual({ v: '1', corpus: 'class', title: 'Cours' });
  });
});
