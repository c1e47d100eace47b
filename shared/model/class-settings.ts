/**
 * Class settings kept in the corpus document's `settings` map and written by the teacher:
 * `blind` — students annotate without seeing each other's layers, until the teacher reveals them
 * (turns it off). The server enforces it (electron/server/class-policy.ts); clients follow it.
 */
import type * as Y from 'yjs';
import { LOCAL } from './origins';

export function isBlind(corpusDoc: Y.Doc): boolean {
  return corpusDoc.getMap('settings').get('blind') === true;
}

export function setBlind(corpusDoc: Y.Doc, blind: boolean, origin: unknown = LOCAL): void {
  corpusDoc.transact(() => corpusDoc.getMap('settings').set('blind', blind), origin);
}
