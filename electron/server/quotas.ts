/**
 * Quotas per user and per connection — never per IP address, since a whole class behind one
 * school NAT shares one address. Defaults are documented in docs/server.md; `quotasSchema`
 * is the `quotas` option of the sync server. A token bucket meters rates: `capacity` is the
 * burst, `perSecond` the sustained rate.
 */
import { z } from 'zod';

export const quotasSchema = z.object({
  /**
   * Documents one connection (one socket) may have open at once. A page keeps what it opened: the
   * corpus, each article's text and every member's layer on it — the argument map and the
   * dashboard open them all, articles × (members + 2): 40 students on 20 articles is about 850.
   * A user's sockets together are held to `documentsPerUser` (socket-budget.ts).
   */
  documentsPerConnection: z.number().int().positive().default(2_000),
  /** Documents one user may have open at once on all their sockets together (two windows of the app). */
  documentsPerUser: z.number().int().positive().default(4_000),
  /** Refused document opens one connection gets answered at once; later refusals wait 2 s (socket-budget.ts). */
  refusedOpensPerConnection: z.number().int().nonnegative().default(50),
  /** Largest layer update accepted in one frame, bytes (checked before it is decoded). */
  maxLayerUpdateBytes: z.number().int().positive().default(512 * 1024),
  /** Encoded size of one user's layer on one article, bytes. */
  maxLayerBytes: z.number().int().positive().default(2 * 1024 * 1024),
  /** Yjs items in one user's layer on one article. */
  maxLayerItems: z.number().int().positive().default(50_000),
  /** Writes per user: sustained updates per second and burst. */
  writesPerSecond: z.number().positive().default(20),
  writeBurst: z.number().positive().default(200),
  /** Bytes written per user: sustained bytes per second and burst. */
  writeBytesPerSecond: z.number().positive().default(64 * 1024),
  writeBytesBurst: z.number().positive().default(2 * 1024 * 1024),
  /** Largest awareness (presence) state of one client, bytes of JSON. */
  maxAwarenessBytes: z.number().int().positive().default(2048),
  /** Awareness updates per connection: sustained per second and burst. */
  awarenessPerSecond: z.number().positive().default(10),
  awarenessBurst: z.number().positive().default(40),
  /** Members of a class roster (students and observers who joined). */
  maxRoster: z.number().int().positive().default(200),
});

export type Quotas = z.infer<typeof quotasSchema>;

/** A token bucket: `take(n)` is false when the rate is exceeded (nothing is taken then). */
export class Bucket {
  private level: number;
  private at: number;
  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number,
  ) {
    this.level = capacity;
    this.at = now();
  }

  take(amount = 1): boolean {
    const t = this.now();
    this.level = Math.min(this.capacity, this.level + ((t - this.at) / 1000) * this.perSecond);
    this.at = t;
    if (amount > this.level) return false;
    this.level -= amount;
    return true;
  }
}

/** Buckets by key (user id, or connection in a WeakMap), made on first use. */
export function buckets<K>(make: () => Bucket, map: { get(key: K): Bucket | undefined; set(key: K, value: Bucket): unknown } = new Map<K, Bucket>()): (key: K) => Bucket {
  return (key) => {
    let b = map.get(key);
    if (!b) map.set(key, (b = make()));
    return b;
  };
}
