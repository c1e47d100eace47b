/**
 * Reads the local corpus out of its Yjs documents (IndexedDB) into the snapshots every research
 * format and agreement measure takes: the article list, the tagset, the layer owners one can
 * choose (the corpus roster, the user, and `gold`), the verdicts on claims (with the class's votes
 * when it votes, for the ClaimReview export), and then, article by article, the canonical
 * text and the chosen layers (through the page's one cache of layer records, layer-records.ts)
 * (for an export, with their owners' replies, votes and statuses, and a web page's provenance and saved page). Between articles it gives the page a turn and checks the signal,
 * so a long export or agreement run stays responsive and can be cancelled.
 */
import type * as Y from 'yjs';
import { readRubric } from '../../../shared/assessment/rubric';
import { verdictData } from '../../../shared/claims/verdict';
import type { ArticleSnapshot, CorpusInfo } from '../../../shared/formats/types';
import { readSetting } from '../../../shared/model/class-settings';
import { articleText, listArticles, readTagset, type Article } from '../../../shared/model/corpus';
import { withVouchedAuthors } from '../../../shared/model/authorship';
import { readDiscussion } from '../../../shared/model/discussion';
import { corpusDocName, GOLD_OWNER, layerDocName, sourceDocName, teamOwner, textDocName } from '../../../shared/model/doc-names';
import { pageSnapshot, readPageSource } from '../../../shared/model/page-source';
import type { Author } from '../../../shared/model/record';
import { readRoster, rosterIds } from '../../../shared/model/roster';
import { readTeams } from '../../../shared/model/teams';
import { loadDoc } from '../doc-store';
import { layerRecords } from '../layer-records';

export interface CorpusChoice {
  info: CorpusInfo;
  articles: Article[];
  owners: string[];
  /** display names of the owners the roster knows */
  names: Record<string, string>;
}

/** Gives pending events (clicks, paints) a turn once `sliceMs` of work has passed. */
export function breather(sliceMs = 12): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < sliceMs) return;
    await new Promise((resolve) => setTimeout(resolve, 0));
    last = performance.now();
  };
}

function corpusTitle(doc: Y.Doc, corpus: string): string {
  const title = doc.getMap('settings').get('title');
  return typeof title === 'string' && title ? title : corpus;
}

/** The layers whose votes on verdicts count (loaded only when the class votes). */
async function votingLayers(corpus: string, doc: Y.Doc, owners: readonly string[]): Promise<{ owner: string; doc: Y.Doc }[]> {
  if (!readSetting(doc, 'verdictVote')) return [];
  const names = listArticles(doc).flatMap((a) => owners.map((owner) => ({ owner, name: layerDocName(corpus, a.id, owner) })));
  return Promise.all(names.map(async ({ owner, name }) => ({ owner, doc: await loadDoc(name) })));
}

export async function readCorpusChoice(corpus: string, me: string): Promise<CorpusChoice> {
  const doc = await loadDoc(corpusDocName(corpus));
  const owners = [...new Set([me, ...rosterIds(doc), GOLD_OWNER])].sort();
  const teams = [...readTeams(doc)].map(([id, team]) => [teamOwner(id), team.name]); // a team is one annotator
  const names = Object.fromEntries([...[...readRoster(doc)].map(([id, entry]) => [id, entry.name]), ...teams]);
  const verdicts = verdictData(doc, await votingLayers(corpus, doc, owners));
  return { info: { id: corpus, title: corpusTitle(doc, corpus), tagset: readTagset(doc), verdicts, rubric: readRubric(doc) }, articles: listArticles(doc), owners, names };
}

/** The chosen articles with the chosen layers (empty layers left out), one at a time; `discussion`: with replies and votes (a layer with only those is not empty then). */
export async function* readSnapshots(corpus: string, articles: readonly Article[], owners: readonly string[], signal?: AbortSignal, discussion = false): AsyncGenerator<ArticleSnapshot> {
  const pause = breather();
  const corpusDoc = await loadDoc(corpusDocName(corpus));
  const roster = readRoster(corpusDoc);
  for (const article of articles) {
    signal?.throwIfAborted();
    const text = articleText(await loadDoc(textDocName(corpus, article.id))).toString();
    const layers = [];
    for (const owner of owners) {
      const doc = await loadDoc(layerDocName(corpus, article.id, owner));
      const annotations = layerRecords(doc, owner, roster);
      const { replies, votes, statuses } = discussion ? readDiscussion(doc) : { replies: [], votes: [], statuses: [] };
      if (annotations.length + replies.length + votes.length + statuses.length > 0) {
        const vouched = <T extends { author: Author }>(items: T[]) => withVouchedAuthors(items, owner, roster);
        layers.push({ owner, annotations, replies: vouched(replies), votes: vouched(votes), statuses: vouched(statuses) });
      }
    }
    const provenance = discussion ? readPageSource(corpusDoc, article.id) : undefined;
    const source = provenance && { provenance, html: pageSnapshot(await loadDoc(sourceDocName(corpus, article.id))) };
    await pause();
    signal?.throwIfAborted();
    yield { article, text, layers, ...(source ? { source } : {}) };
  }
}
