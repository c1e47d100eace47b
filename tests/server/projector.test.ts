/**
 * The projector's presence, enforced by the server: unless the teacher lets it show names, the
 * observer receives everyone's presence without names (the teacher still sees them); only the
 * teacher's scroll position travels (the projector's "follow me"), never a student's.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { corpusDocName } from '../../shared/model/doc-names';
import { writeSetting } from '../../shared/model/class-settings';
import type { SyncServer } from '../../electron/server/sync-server';
import { clientPool, CORPUS, removeDir, startServer, tempDir, token, waitFor, type OpenDoc } from './helpers';

let dir: string;
let server: SyncServer;
const { client, destroyAll } = clientPool(() => server.url);

beforeEach(async () => {
  dir = tempDir();
  server = await startServer(dir);
});

afterEach(async () => {
  destroyAll();
  await server.stop();
  removeDir(dir);
});

type Seen = { user?: { id?: string; name?: string }; scroll?: number; role?: string };
/** The presence `open` holds of user `id` (not its own). */
const seen = (open: OpenDoc, id: string): Seen | undefined =>
  [...open.provider.awareness!.getStates().entries()].find(([client, s]) => client !== open.provider.awareness!.clientID && (s as Seen).user?.id === id)?.[1] as Seen | undefined;

describe('the projector’s presence', () => {
  it('gets no names unless the teacher shows them; the teacher always does', async () => {
    const teacher = await client().openSynced(corpusDocName(CORPUS), token('teacher', 'tina'));
    const [alice, wall] = await Promise.all([
      client().openSynced(corpusDocName(CORPUS), token('student', 'alice')),
      client().openSynced(corpusDocName(CORPUS), token('observer', 'wall')),
    ]);
    alice.provider.awareness!.setLocalState({ article: 'a1', selection: { start: 1, end: 4 } });
    teacher.provider.awareness!.setLocalState({ article: 'a1', selection: null });
    await waitFor(() => seen(wall, 'alice') !== undefined && seen(wall, 'tina') !== undefined, 'Alice and the teacher at the projector');
    expect(seen(wall, 'alice')!.user).toEqual({ id: 'alice', color: '#767676' });
    expect(seen(wall, 'tina')!.user!.name).toBeUndefined();
    await waitFor(() => seen(teacher, 'alice')?.user?.name === 'alice', 'Alice’s name at the teacher');

    writeSetting(teacher.doc, 'projectorNames', true);
    await waitFor(() => !teacher.provider.hasUnsyncedChanges, 'the server acknowledging the setting');
    alice.provider.awareness!.setLocalStateField('selection', { start: 2, end: 5 });
    await waitFor(() => seen(wall, 'alice')?.user?.name === 'alice', 'Alice’s name at the projector once shown');

    writeSetting(teacher.doc, 'projectorNames', false);
    await waitFor(() => !teacher.provider.hasUnsyncedChanges, 'the server acknowledging the setting');
    alice.provider.awareness!.setLocalStateField('selection', { start: 3, end: 6 });
    await waitFor(() => seen(wall, 'alice')?.user?.name === undefined, 'no name at the projector once hidden again');
  });

  it('carries the teacher’s scroll position, and drops a student’s', async () => {
    const teacher = await client().openSynced(corpusDocName(CORPUS), token('teacher', 'tina'));
    const [alice, wall] = await Promise.all([
      client().openSynced(corpusDocName(CORPUS), token('student', 'alice')),
      client().openSynced(corpusDocName(CORPUS), token('observer', 'wall')),
    ]);
    alice.provider.awareness!.setLocalState({ article: 'a1', selection: null, scroll: 99 });
    teacher.provider.awareness!.setLocalState({ article: 'a1', selection: null, scroll: 420 });
    await waitFor(() => seen(wall, 'tina')?.scroll === 420 && seen(wall, 'alice') !== undefined, 'both at the projector');
    expect(seen(wall, 'alice')!.scroll).toBeUndefined();
    expect(seen(wall, 'tina')!.role).toBe('teacher');
    // a scroll position of the wrong shape is refused with the whole state
    teacher.provider.awareness!.setLocalState({ article: 'a1', selection: null, scroll: -5 });
    await new Promise((r) => setTimeout(r, 300));
    expect(seen(wall, 'tina')!.scroll).toBe(420);
  });
});
