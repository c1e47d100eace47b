/**
 * When students may see the teacher's reading (the gold layer): only once the teacher has shown
 * it (`goldRevealed` in the corpus document's `settings`, off until turned on) and the class is
 * not blind. Before that the gold must not reach a student's laptop at all: the server refuses
 * to open the gold layer for students and the projector (electron/server/gold-policy.ts), and
 * the renderer does not ask for it. The teacher always reads and writes it.
 */
import type * as Y from 'yjs';
import { LOCAL } from '../model/origins';

export const GOLD_REVEALED = 'goldRevealed';

export function isGoldRevealed(corpusDoc: Y.Doc): boolean {
  return corpusDoc.getMap('settings').get(GOLD_REVEALED) === true;
}

export function setGoldRevealed(corpusDoc: Y.Doc, on: boolean, origin: unknown = LOCAL): void {
  corpusDoc.transact(() => corpusDoc.getMap('settings').set(GOLD_REVEALED, on), origin);
}

/** Whether someone who is not the teacher may read the gold layer under these settings. */
export function goldVisible(settings: { blind: boolean; goldRevealed?: boolean }): boolean {
  return !settings.blind && settings.goldRevealed === true;
}
