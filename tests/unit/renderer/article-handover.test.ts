import { describe, expect, it } from 'vitest';
import { articleHandover, type Opening } from '../../../renderer/store/article-handover';
import { openArticle } from '../../../renderer/store/article-opener';
import { createArticleState } from '../../../renderer/store/article-state';
import { markSpan } from '../../../renderer/store/article-writes';
import { layerDocName, textDocName } from '../../../shared/model/doc-names';
import { annotationsMap } from '../../../shared/model/layer';
import { recordMember } from '../../../shared/model/roster';
import { author, layerWith, recordAt, oneArticle, TEXT } from './article-fixtures';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * One article, Ana's own layer and the layer of her new team (in memory); the team's layer is
 * handed out only when `release` is called, as a database still opening would.
 */
function lesson() {
  const { docs, corpusDoc } = oneArticle();
  recordMember(corpusDoc, 'ana', { name: 'Ana', color: '#000000', role: 'student' });
  docs.set(layerDocName('c', 'a1', 'ana'), layerWith(recordAt('ana1', 'ana', 'chômage')));
  docs.set(layerDocName('c', 'a1', 'team'), layerWith(recordAt('team1', 'team', 'Les chiffres')));
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const loadDoc = async (name: string) => {
    if (name === layerDocName('c', 'a1', 'team')) await released;
    return docs.get(name) ?? Promise.reject(new Error(`no such document: ${name}`));
  };
  let opened = 0;
  let closed = 0;
  const opening = (me: string, article = 'a1'): Opening => {
    const state = createArticleState(article, me);
    return {
      state,
      place: `c/${article}`,
      open: () => {
        opened++;
        const stop = openArticle(state, 'c', article, me, { loadDoc, role: () => 'student' });
        return () => (closed++, stop());
      },
    };
  };
  return { docs, opening, release, counts: () => ({ opened, closed }) };
}

const ids = (state: Opening['state']) => [...state.all()].map((p) => p.annotation.id).sort();
const mine = (state: Opening['state']) => [...state.all()].filter((p) => p.mine).map((p) => p.annotation.id);

describe('article handover: the state on screen while the writer changes', () => {
  it('shows the first state at once, and keeps it, sealed, until the team’s state has its text and layer; then swaps in one step', async () => {
    const room = lesson();
    const handover = articleHandover();
    let told = 0;
    handover.subscribe(() => told++);
    const alone = room.opening('ana');
    handover.want(alone);
    await settle();
    expect(handover.shown()).toBe(alone);
    expect(handover.switching()).toBe(false);
    expect(ids(alone.state)).toEqual(['ana1']);
    expect(alone.state.myLayer()).toBe(room.docs.get(layerDocName('c', 'a1', 'ana')));

    // the team is made: the team's state is opened beside the one on screen
    const team = room.opening('team');
    handover.begin(team);
    handover.want(team);
    await settle();
    expect(handover.switching()).toBe(true);
    expect(handover.shown()).toBe(alone); // the text, the marks and the view stay
    expect(alone.state.getSnapshot().text).toBe(TEXT);
    expect(ids(alone.state)).toEqual(['ana1']);
    // …but nothing more goes into the layer Ana has left
    expect(alone.state.myLayer()).toBeUndefined();
    const written = markSpan(alone.state, author('team'), 'claim', { start: 0, end: 2 }, new Date());
    expect(written.ok).toBe(false);
    expect([...annotationsMap(room.docs.get(layerDocName('c', 'a1', 'ana'))!).keys()]).toEqual(['ana1']);
    const toldBefore = told;

    room.release(); // the team's layer is in
    await settle();
    expect(handover.shown()).toBe(team);
    expect(handover.switching()).toBe(false);
    expect(told).toBe(toldBefore + 1);
    expect(team.state.getSnapshot().placement).not.toBeNull();
    expect(mine(team.state)).toEqual(['team1']); // Ana's own layer is now a classmate's
    expect(team.state.myLayer()).toBe(room.docs.get(layerDocName('c', 'a1', 'team')));
    // the state left is closed (its layers taken out), the one shown is not
    expect(room.counts()).toEqual({ opened: 2, closed: 1 });
    expect(ids(alone.state)).toEqual([]);

    handover.stop();
    expect(room.counts()).toEqual({ opened: 2, closed: 2 });
  });

  it('shows at once a state of another article, and the state whose opening failed (its problem is what to show)', async () => {
    const room = lesson();
    const handover = articleHandover();
    const first = room.opening('ana');
    handover.want(first);
    await settle();
    const other = room.opening('ana', 'a2');
    handover.begin(other);
    expect(first.state.myLayer()).toBeDefined(); // not sealed: nothing is handed over to another article
    handover.want(other);
    expect(handover.shown()).toBe(other);
    expect(room.counts()).toEqual({ opened: 2, closed: 1 });
    await settle();
    expect(other.state.getSnapshot().problem).toBe(textDocName('c', 'a2'));
    handover.stop();
  });

  it('drops a state still being opened when the writer changes again', async () => {
    const room = lesson();
    const handover = articleHandover();
    const alone = room.opening('ana');
    handover.want(alone);
    await settle();
    const team = room.opening('team');
    handover.want(team);
    const back = room.opening('ana'); // taken out of the team before its layer was in
    handover.want(back);
    await settle();
    expect(handover.shown()).toBe(back);
    expect(room.counts()).toEqual({ opened: 3, closed: 2 });
    room.release();
    await settle();
    expect(handover.shown()).toBe(back);
    expect(ids(back.state)).toEqual(['ana1']);
    handover.stop();
  });
});
