/**
 * `glose restore BUNDLE.zip --data DIR`: a class database made from a corpus bundle, so that a
 * class server (`npm run server -- --data DIR`) hosts what the bundle carries: the corpus (title,
 * tagset, rubric, verdicts and whether the class votes), each article's text, every layer's
 * records, each writer's replies, votes, statuses and votes on verdicts, the private feedback
 * (when the bundle has it) and a web page's provenance with its saved page. The whole bundle is
 * read and checked first (every part, as `glose export` reads it), so a corrupt or oversized part
 * stops the command before the database is created: nothing is half written. Exporting the
 * restored database as a bundle gives the same bytes (with the same SOURCE_DATE_EPOCH).
 * A bundle has no roster: its layers' owners are recorded again from their records
 * (restored-roster.ts), and students join again as new members.
 */
import * as Y from 'yjs';
import { setVerdictVote } from '../../../shared/claims/verdict';
import { feedbackGatherer, writeCorpusDecisions, writeDiscussion, writeFeedback } from '../../../shared/formats/bundle-docs';
import type { ArticleSnapshot, CorpusInfo } from '../../../shared/formats/types';
import { addArticle } from '../../../shared/model/corpus';
import { corpusDocName, feedbackDocName, layerDocName, sourceDocName, textDocName } from '../../../shared/model/doc-names';
import { addAnnotation } from '../../../shared/model/layer';
import { recordMember, type RosterEntry } from '../../../shared/model/roster';
import { restorePageSource } from '../../../shared/model/page-source';
import { writeTagset } from '../../../shared/model/tagset-edit';
import { DocStore } from '../../server/storage';
import { readBundle, type SourceInfo } from './research-io';
import { addLayerOwners } from './restored-roster';

/** Reads the whole bundle once, keeping only what placing the votes on verdicts needs: which article holds each mark. */
async function checkedBundle(file: string): Promise<{ corpus: CorpusInfo; articleOf: Map<string, string>; count: number }> {
  const info: SourceInfo = {};
  const articleOf = new Map<string, string>();
  let count = 0;
  for await (const entry of readBundle(file, info)) {
    count++;
    for (const layer of entry.layers) for (const a of layer.annotations) if (!articleOf.has(a.id)) articleOf.set(a.id, entry.article.id);
  }
  if (!info.corpus) throw new Error(`${file}: corpus.json is missing`);
  return { corpus: info.corpus, articleOf, count };
}

async function put(store: DocStore, name: string, doc: Y.Doc): Promise<void> {
  await store.load(name);
  await store.append(name, Y.encodeStateAsUpdate(doc));
  doc.destroy();
}

/** One article's documents: its text, each layer (records, discussion, that owner's votes on verdicts) and its saved page. */
async function restoreArticle(store: DocStore, corpusDoc: Y.Doc, corpus: CorpusInfo, entry: ArticleSnapshot, votesHere: NonNullable<CorpusInfo['verdicts']>['votes']): Promise<void> {
  const id = corpus.id;
  const text = new Y.Doc();
  addArticle(corpusDoc, text, entry.article, entry.text);
  await put(store, textDocName(id, entry.article.id), text);
  const owners = new Set([...entry.layers.map((l) => l.owner), ...votesHere.map((v) => v.owner)]);
  for (const owner of owners) {
    const layer = entry.layers.find((l) => l.owner === owner);
    const doc = new Y.Doc();
    for (const a of layer?.annotations ?? []) addAnnotation(doc, a);
    if (layer) writeDiscussion(doc, layer);
    for (const { owner: _owner, ...vote } of votesHere.filter((v) => v.owner === owner)) setVerdictVote(doc, vote, []);
    await put(store, layerDocName(id, entry.article.id, owner), doc);
  }
  if (entry.source) {
    const page = new Y.Doc();
    restorePageSource(corpusDoc, page, entry.article.id, entry.source.provenance, entry.source.html);
    await put(store, sourceDocName(id, entry.article.id), page);
  }
}

/** Restores `file` into the new database `db` (the caller checked it is new); returns the number of articles and of roster members. */
export async function restoreBundle(file: string, db: string): Promise<{ articles: number; members: number }> {
  const { corpus, articleOf, count } = await checkedBundle(file);
  const corpusDoc = new Y.Doc();
  const settings = corpusDoc.getMap('settings');
  settings.set('title', corpus.title);
  const tagset = writeTagset(corpusDoc, corpus.tagset);
  if (!tagset.ok) throw new Error(`${file}: corpus.json: the tagset cannot be used (${tagset.error.map((p) => p.code).join(', ')})`);
  writeCorpusDecisions(corpusDoc, corpus);
  const votes = corpus.verdicts?.votes ?? [];
  const feedback = feedbackGatherer(corpus);
  const roster = new Map<string, RosterEntry>();
  const store = await DocStore.open(db, { fsync: false });
  try {
    for await (const entry of readBundle(file)) {
      feedback.add(entry);
      addLayerOwners(roster, entry.layers);
      await restoreArticle(store, corpusDoc, corpus, entry, votes.filter((v) => articleOf.get(v.about) === entry.article.id));
    }
    const stray = votes.filter((v) => !articleOf.has(v.about));
    if (stray.length > 0) console.error(`glose: ${stray.length} votes on verdicts are about marks no article holds: not restored`);
    for (const [student, entries] of feedback.byStudent) {
      const doc = new Y.Doc();
      writeFeedback(doc, entries);
      await put(store, feedbackDocName(corpus.id, student), doc);
    }
    for (const [user, entry] of roster) recordMember(corpusDoc, user, entry);
    await put(store, corpusDocName(corpus.id), corpusDoc);
  } finally {
    await store.close();
  }
  return { articles: count, members: roster.size };
}
