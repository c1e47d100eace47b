/**
 * Carries the user's own marks (and replies, votes, statuses) into a newer version of an article when it opens. In a class each
 * author's layer is written only by that author's client (the server enforces it), so nobody can
 * carry a classmate's marks: each member's app carries its own layer the first time it opens the
 * new version, and again whenever that layer of the previous version changes (marks still
 * arriving from the class server are carried as they arrive). Carrying is idempotent
 * (shared/versions/carried-layer.ts): deterministic ids, and a mark once carried is never carried
 * again, even after its author deleted it. A version whose own previous version was never opened
 * is carried first (1 → 2, then 2 → 3). The teacher's app (or a user outside a class) carries the
 * gold layer the same way, with its curation decisions.
 */
import { useEffect } from 'react';
import type * as Y from 'yjs';
import { articleText, type Article } from '../../shared/model/corpus';
import { layerDocName, textDocName } from '../../shared/model/doc-names';
import { readDecisions } from '../../shared/model/curation';
import { readDiscussion } from '../../shared/model/discussion';
import { readLayer } from '../../shared/model/layer';
import { carryDecisions, carryDiscussion, carryRecords } from '../../shared/versions/carry';
import { writeCarried } from '../../shared/versions/carried-layer';
import { previousVersion } from '../../shared/versions/version-plan';
import { loadDoc } from './doc-store';

/** Carries `owner`'s marks from the versions before `articleId` into it; returns the previous version's layer (to watch), if any. */
export async function carryIntoVersion(corpus: string, articles: readonly Article[], articleId: string, owner: string, depth = 0): Promise<Y.Doc | null> {
  const previous = previousVersion(articles, articleId);
  if (!previous || depth > 100) return null;
  await carryIntoVersion(corpus, articles, previous.id, owner, depth + 1);
  const [from, textDoc, layer] = await Promise.all([
    loadDoc(layerDocName(corpus, previous.id, owner)),
    loadDoc(textDocName(corpus, articleId)),
    loadDoc(layerDocName(corpus, articleId, owner)),
  ]);
  const text = articleText(textDoc).toString();
  // a text still on its way from the class server: carried when the layer or the text changes
  const talk = [...carryDiscussion(readDiscussion(from), articleId), ...carryDecisions(readDecisions(from), articleId)];
  if (text) writeCarried(layer, carryRecords(readLayer(from).annotations, previous.id, articleId, text), previous.id, talk);
  return from;
}

/** Carries at opening and whenever the previous version's layer (or this version's text) changes. */
export function useVersionCarry(corpus: string, articles: readonly Article[] | undefined, articleId: string, owner: string, enabled: boolean): void {
  const previous = articles && previousVersion(articles, articleId);
  useEffect(() => {
    if (!enabled || !articles || !previous) return;
    let live = true;
    const watched: Y.Doc[] = [];
    const again = () => void carryIntoVersion(corpus, articles, articleId, owner);
    void Promise.all([carryIntoVersion(corpus, articles, articleId, owner), loadDoc(textDocName(corpus, articleId))]).then(([from, text]) => {
      if (!live) return;
      for (const doc of [from, text]) {
        if (!doc) continue;
        doc.on('update', again);
        watched.push(doc);
      }
    });
    return () => {
      live = false;
      for (const doc of watched) doc.off('update', again);
    };
    // the articles list matters only through this article's previous version
  }, [corpus, articleId, owner, enabled, previous?.id]);
}
