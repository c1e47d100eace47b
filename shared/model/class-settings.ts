/**
 * Class settings kept in the corpus document's `settings` map and written by the teacher:
 * `blind` — students annotate without seeing each other's layers, until the teacher reveals them
 * (turns it off); the projector (observer) shows no student's work while blind either.
 * `projectorNames` — the projector shows students' names (off unless the teacher turns it on).
 * `follow` — the projector opens the teacher's article and follows their scroll position.
 * `verdictVote` — students vote a verdict on claims (shared/claims/verdict.ts).
 * The server enforces blind and hidden names (electron/server/class-policy.ts); clients follow them.
 */
import type * as Y from 'yjs';
import { LOCAL } from './origins';

export type ClassSetting = 'blind' | 'projectorNames' | 'follow' | 'verdictVote';

/** A switch of the class, off unless the teacher turned it on. */
export function readSetting(corpusDoc: Y.Doc, setting: ClassSetting): boolean {
  return corpusDoc.getMap('settings').get(setting) === true;
}

export function writeSetting(corpusDoc: Y.Doc, setting: ClassSetting, on: boolean, origin: unknown = LOCAL): void {
  corpusDoc.transact(() => corpusDoc.getMap('settings').set(setting, on), origin);
}

export function isBlind(corpusDoc: Y.Doc): boolean {
  return readSetting(corpusDoc, 'blind');
}

export function setBlind(corpusDoc: Y.Doc, blind: boolean, origin: unknown = LOCAL): void {
  writeSetting(corpusDoc, 'blind', blind, origin);
}
