/**
 * A simulated network of Yjs peers for convergence tests (the pattern of Yjs's
 * applyRandomTests): every peer holds a replica of every document; an update is broadcast
 * to the peers it can reach at that moment, and each copy may be dropped; inboxes are
 * delivered in random order; peers go offline and come back, the network splits in two and
 * heals; a (re)connection runs the sync handshake (state vector → missing updates) between
 * the peers it newly links. All randomness comes from the injected PRNG.
 */
import * as prng from 'lib0/prng';
import * as Y from 'yjs';

const NET = 'sim:net';

interface Message {
  doc: string;
  update: Uint8Array;
}

export class SimNetwork {
  readonly peers: Map<string, Y.Doc>[] = [];
  private readonly inbox: Message[][] = [];
  private readonly online: boolean[] = [];
  private readonly group: number[] = [];
  /** Messages sent, dropped and delivered, for a sanity check that the run did something. */
  readonly stats = { sent: 0, dropped: 0, delivered: 0, syncs: 0 };

  constructor(
    private readonly gen: prng.PRNG,
    peerCount: number,
    docNames: string[],
    private readonly dropRate: number,
  ) {
    for (let p = 0; p < peerCount; p++) {
      const docs = new Map<string, Y.Doc>();
      docNames.forEach((name, d) => {
        const doc = new Y.Doc();
        doc.clientID = p * 1000 + d + 1;
        doc.on('update', (update: Uint8Array, origin: unknown) => {
          if (origin !== NET) this.broadcast(p, name, update);
        });
        docs.set(name, doc);
      });
      this.peers.push(docs);
      this.inbox.push([]);
      this.online.push(true);
      this.group.push(0);
    }
  }

  linked(a: number, b: number): boolean {
    return a !== b && this.online[a]! && this.online[b]! && this.group[a] === this.group[b];
  }

  private broadcast(from: number, doc: string, update: Uint8Array): void {
    for (let to = 0; to < this.peers.length; to++) {
      if (!this.linked(from, to)) continue;
      this.stats.sent++;
      if (prng.real53(this.gen) < this.dropRate) this.stats.dropped++;
      else this.inbox[to]!.push({ doc, update });
    }
  }

  /** Delivers one random message of one random non-empty inbox (reordering); false when all are empty. */
  deliverOne(): boolean {
    const waiting = this.inbox.map((box, p) => (box.length > 0 && this.online[p] ? p : -1)).filter((p) => p >= 0);
    if (waiting.length === 0) return false;
    const p = prng.oneOf(this.gen, waiting);
    const box = this.inbox[p]!;
    const [message] = box.splice(prng.int32(this.gen, 0, box.length - 1), 1);
    Y.applyUpdate(this.peers[p]!.get(message!.doc)!, message!.update, NET);
    this.stats.delivered++;
    return true;
  }

  setOnline(p: number, online: boolean): void {
    const before = this.linksOf(p);
    this.online[p] = online;
    if (!online) this.inbox[p]!.length = 0;
    this.syncNewLinks(before);
  }

  /** Splits the peers in two random groups (0 and 1), or heals with `heal`. */
  partition(heal = false): void {
    const before = this.allLinks();
    for (let p = 0; p < this.peers.length; p++) this.group[p] = heal ? 0 : prng.int32(this.gen, 0, 1);
    this.syncNewLinks(before);
  }

  /**
   * The end of a trial: everyone comes back online in one group and reconnects (a dropped
   * message models a broken connection, recovered by the next handshake), inboxes flushed.
   */
  settle(): void {
    this.online.fill(true);
    this.group.fill(0);
    // Everyone hands its state to peer 0, then takes peer 0's: a reconnect through a hub.
    for (let p = 1; p < this.peers.length; p++) this.sync(p, 0);
    for (let p = 1; p < this.peers.length; p++) this.sync(0, p);
    while (this.deliverOne());
  }

  isOnline(p: number): boolean {
    return this.online[p]!;
  }

  private linksOf(p: number): Set<string> {
    return new Set([...this.allLinks()].filter((k) => k.split('-').includes(String(p))));
  }

  private allLinks(): Set<string> {
    const links = new Set<string>();
    for (let a = 0; a < this.peers.length; a++) for (let b = a + 1; b < this.peers.length; b++) if (this.linked(a, b)) links.add(`${a}-${b}`);
    return links;
  }

  private syncNewLinks(before: Set<string>): void {
    for (const key of this.allLinks()) {
      if (before.has(key)) continue;
      const [a, b] = key.split('-').map(Number) as [number, number];
      this.sync(a, b);
      this.sync(b, a);
    }
  }

  /** The sync handshake one way: `to` sends its state vector, `from` answers with what is missing. */
  private sync(from: number, to: number): void {
    for (const [name, docFrom] of this.peers[from]!) {
      const docTo = this.peers[to]!.get(name)!;
      Y.applyUpdate(docTo, Y.encodeStateAsUpdate(docFrom, Y.encodeStateVector(docTo)), NET);
    }
    this.stats.syncs++;
  }
}
