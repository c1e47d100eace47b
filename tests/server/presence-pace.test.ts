/**
 * Presence goes out at most once per window (presence-pace.ts), on Hocuspocus's real Document and
 * awareness, with real time: a move when no window is open is broadcast at the end of its turn;
 * the moves made during the window are held and go out together once it ends, each mover's latest
 * state; a document update is never held behind a window; and once a window passes with no move,
 * the next move goes out at once again; two broadcasts are a window apart even when the turn that sent
 * the first ended late. Delivery through a real server under blind mode is
 * covered by blind.test.ts, which runs with the window installed.
 */
import { Document } from '@hocuspocus/server';
import { describe, expect, it } from 'vitest';
import { applyAwarenessUpdate, Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { PRESENCE_WINDOW_MS, presencePace } from '../../electron/server/presence-pace';
import { turnWrites } from '../../electron/server/turn-writes';
import { waitFor } from './helpers';

const endOfTurn = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const busy = (ms: number) => {
  for (const until = performance.now() + ms; performance.now() < until; );
};

/** A corpus document as the server holds it, its broadcasts recorded (the clients of each presence broadcast, and each update). */
function document() {
  turnWrites();
  presencePace();
  const doc = new Document('corpus/c1');
  const presence: { clients: number[]; at: number }[] = [];
  const updates: Uint8Array[] = [];
  const target = doc as unknown as { broadcastAwarenessUpdate(clients: number[]): void; broadcastUpdate(update: Uint8Array): void };
  target.broadcastAwarenessUpdate = (clients) => void presence.push({ clients: [...clients].sort(), at: performance.now() });
  target.broadcastUpdate = (update) => void updates.push(update);
  /** Member `n` (its own Awareness, as a client holds it) moves its selection to `start`, as its frame would. */
  const members = new Map<number, Awareness>();
  const move = (n: number, start: number) => {
    const member = members.get(n) ?? members.set(n, new Awareness(new Y.Doc())).get(n)!;
    member.setLocalState({ article: 'a1', selection: { start, end: start + 1 } });
    applyAwarenessUpdate(doc.awareness, encodeAwarenessUpdate(member, [member.clientID]), 'connection');
    return member.clientID;
  };
  const stateOf = (id: number) => (doc.awareness.getStates().get(id) as { selection: { start: number } }).selection.start;
  return { doc, presence, updates, move, stateOf };
}

describe('presence at most once per window', () => {
  it('sends a move at once, then the moves of its window together when it ends, never sooner', async () => {
    const { presence, move, stateOf } = document();
    const alice = move(1, 0);
    busy(10); // a busy server reaches the end of this turn late: the next broadcast still waits a whole window after this one
    await endOfTurn();
    expect(presence.map((p) => p.clients)).toEqual([[alice]]); // no window was open
    move(1, 1);
    await endOfTurn();
    const bob = move(2, 5);
    move(1, 2);
    await waitFor(() => presence.at(-1)!.clients.includes(bob), 'the window’s broadcast');
    await sleep(3 * PRESENCE_WINDOW_MS); // nothing more comes
    // three turns of moves; held, not sent per turn: each broadcast a window after the one before
    expect(presence.length).toBeLessThanOrEqual(3);
    presence.slice(1).forEach((p, i) => expect(p.at - presence[i]!.at).toBeGreaterThanOrEqual(PRESENCE_WINDOW_MS - 1));
    expect(presence.at(-1)!.clients).toEqual([alice, bob].sort());
    expect([stateOf(alice), stateOf(bob)]).toEqual([2, 5]); // each mover's latest state
  });

  it('never holds a document update behind the window', async () => {
    const { doc, updates, move } = document();
    move(1, 0);
    await endOfTurn();
    move(1, 1); // held
    doc.getMap('probe').set('n', 1);
    await endOfTurn();
    expect(updates).toHaveLength(1);
  });

  it('sends at once again after a window with no move', async () => {
    const { presence, move } = document();
    move(1, 0);
    await endOfTurn();
    move(1, 1);
    await waitFor(() => presence.length === 2, 'the window’s broadcast');
    await sleep(3 * PRESENCE_WINDOW_MS); // the window the broadcast opened ends with nothing held
    move(1, 2);
    await endOfTurn();
    expect(presence).toHaveLength(3);
  });
});
