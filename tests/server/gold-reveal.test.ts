/**
 * The teacher's reading (the gold layer) never reaches a student before the teacher shows it:
 * the server refuses students and the projector the gold layer until `goldRevealed` is on and
 * the class is not blind, closes connections already open when it is hidden again, and refuses
 * a rubric or a reveal switch of the wrong shape. Attacked with real providers and with the raw
 * protocol (a hand-made auth frame for the gold layer).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setGoldRevealed } from '../../shared/assessment/gold-reveal';
import { DEFAULT_RUBRIC, readRubric, writeRubric } from '../../shared/assessment/rubric';
import { setBlind } from '../../shared/model/class-settings';
import { corpusDocName, GOLD_OWNER, layerDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import { CORPUS, record, recordIds, serverFor, token, waitFor } from './helpers';
import { RawClient } from './raw-client';

const live = serverFor('each');
const { client } = live;
const GOLD = layerDocName(CORPUS, 'a1', GOLD_OWNER);


async function teacherWithGold() {
  const teacher = client();
  const corpus = await teacher.openSynced(corpusDocName(CORPUS), token('teacher', 'tina'));
  const gold = await teacher.openSynced(GOLD, token('teacher', 'tina'));
  addAnnotation(gold.doc, record('g1', GOLD_OWNER));
  await waitFor(() => !gold.provider.hasUnsyncedChanges, 'the gold mark at the server');
  const settle = (write: (doc: Y.Doc) => void) => {
    write(corpus.doc);
    return waitFor(() => !corpus.provider.hasUnsyncedChanges, 'the server acknowledging the setting');
  };
  return { corpus, settle };
}

describe('the gold layer before and after the reveal', () => {
  it('is refused to students and the projector until the teacher reveals it, even in a class that is not blind', async () => {
    const { settle } = await teacherWithGold();
    const raw = await RawClient.connect(live.server.url);
    expect(await raw.open(GOLD, token('student', 'nina'))).toMatch(/^denied: forbidden-read/);
    expect(await raw.open(GOLD, token('observer', 'wall'))).toMatch(/^denied: forbidden-read/);
    // nothing of the gold was sent on that socket
    expect(raw.received.filter((r) => r.document === GOLD && r.type === 0)).toEqual([]);
    raw.close();

    await settle((doc) => setGoldRevealed(doc, true));
    const nina = await client().openSynced(GOLD, token('student', 'nina'));
    expect(nina.denied).toBeNull();
    await waitFor(() => recordIds(nina.doc).includes('g1'), 'Nina reads the gold after the reveal');

    // the teacher hides it again (or turns blind on): the open connection is closed, a new one refused
    await settle((doc) => setGoldRevealed(doc, false));
    await settle((doc) => setGoldRevealed(doc, true));
    await settle((doc) => setBlind(doc, true));
    const later = await RawClient.connect(live.server.url);
    expect(await later.open(GOLD, token('student', 'nina'))).toMatch(/^denied: forbidden-read/);
    later.close();
  });

  it('closes a student’s open gold connection when the teacher hides it again', async () => {
    const { corpus, settle } = await teacherWithGold();
    await settle((doc) => setGoldRevealed(doc, true));
    const nina = await client().openSynced(GOLD, token('student', 'nina'));
    await waitFor(() => recordIds(nina.doc).includes('g1'), 'Nina reads the gold');
    await settle((doc) => setGoldRevealed(doc, false));
    const gold = await client().openSynced(GOLD, token('teacher', 'tina'));
    addAnnotation(gold.doc, record('g2', GOLD_OWNER, 10));
    await waitFor(() => !gold.provider.hasUnsyncedChanges, 'the second gold mark at the server');
    await new Promise((r) => setTimeout(r, 300));
    expect(recordIds(nina.doc)).toEqual(['g1']);
    expect(corpus.denied).toBeNull();
  });

  it('cannot be revealed by a student, who still only writes their own layer', async () => {
    await teacherWithGold();
    const mallory = client();
    const corpus = await mallory.openSynced(corpusDocName(CORPUS), token('student', 'mallory'));
    setGoldRevealed(corpus.doc, true);
    await waitFor(() => corpus.stateless.some((p) => p.includes('forbidden-write')), 'the server refusing the student’s reveal');
    const raw = await RawClient.connect(live.server.url);
    expect(await raw.open(GOLD, token('student', 'mallory'))).toMatch(/^denied: forbidden-read/);
    raw.close();
  });

  it('stores the teacher’s rubric and refuses one of the wrong shape', async () => {
    const { corpus, settle } = await teacherWithGold();
    await settle((doc) => writeRubric(doc, { ...DEFAULT_RUBRIC, claims: 4 }));
    corpus.doc.getMap('settings').set('rubric', { claims: -3 });
    await waitFor(() => corpus.stateless.some((p) => p.includes('invalid-record')), 'the server refusing the broken rubric');
    corpus.doc.getMap('settings').set('goldRevealed', 'yes');
    const student = await client().openSynced(corpusDocName(CORPUS), token('student', 'nina'));
    await new Promise((r) => setTimeout(r, 300));
    expect(readRubric(student.doc).claims).toBe(4);
    expect(student.doc.getMap('settings').get('goldRevealed')).toBeUndefined();
  });
});
