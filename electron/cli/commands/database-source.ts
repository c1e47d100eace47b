/**
 * The articles of a class server's database (`npm run server -- --data DIR` keeps it in
 * DIR/db, electron/server/storage.ts) as the snapshots a bundle yields, for export and
 * agreement: the corpus document first (article list, tagset, title), then one article at a
 * time — its text document, every non-empty layer document stored for it and, for a page
 * imported from the web, its provenance and saved page — each loaded, turned into a snapshot and
 * let go, so memory stays flat over any number of articles. Layers bring their owner's replies,
 * votes and statuses; the students' private feedback documents (on marks, articles and whole
 * works) are read only when the export asks for them (`feedback`), all at the start (they are small). The
 * database is only read (nothing is compacted); LevelDB admits one process at a time, so a
 * running server is reported as such.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as Y from 'yjs';
import { classSessionSchema } from '../../server/class-session';
import { DocStore } from '../../server/storage';
import { StorageDamaged } from '../../server/storage-integrity';
import { applyStoredUpdate } from '../../server/stored-update';
import { ownedVotes, readVerdicts, type OwnedVote } from '../../../shared/claims/verdict';
import type { ArticleSnapshot, CorpusInfo, FeedbackSnapshot, LayerSnapshot } from '../../../shared/formats/types';
import { readSetting } from '../../../shared/model/class-settings';
import { articleText, listArticles, readTagset, sha256Hex } from '../../../shared/model/corpus';
import { corpusDocName, parseDocName, sourceDocName, textDocName } from '../../../shared/model/doc-names';
import { vouchedAuthor, withVouchedAuthors } from '../../../shared/model/authorship';
import { readDiscussion } from '../../../shared/model/discussion';
import { readFeedback } from '../../../shared/model/feedback';
import { pageSnapshot, readPageSource } from '../../../shared/model/page-source';
import { readRubric } from '../../../shared/assessment/rubric';
import { readLayer } from '../../../shared/model/layer';
import { readRoster, type RosterEntry } from '../../../shared/model/roster';

export interface DatabaseSource {
  corpus: CorpusInfo;
  total: number;
  articles: AsyncGenerator<ArticleSnapshot>;
  close(): Promise<void>;
}

/** Opens DIR/db read-only; `instead` is the advice given when a running server holds it. */
export async function openStore(db: string, instead = 'stop the server or run the command on a copy of its data directory'): Promise<DocStore> {
  try {
    return await DocStore.open(db, { fsync: false, readOnly: true });
  } catch (error) {
    if (error instanceof StorageDamaged) throw error;
    const cause = (error as { cause?: { code?: string } }).cause;
    if (cause?.code !== 'LEVEL_LOCKED') throw new Error(`${db}: cannot open the database (${(error as Error).message})`);
    throw new Error(`${db}: the database is in use by another process (a running Glose server, or another glose command): ${instead}`);
  }
}

/** A stored document as a Y.Doc (an empty one when nothing is stored or it cannot be read: warned); the caller destroys it. */
async function loadDoc(store: DocStore, name: string, warn: (message: string) => void): Promise<Y.Doc> {
  const doc = new Y.Doc();
  const update = await store.read(name);
  if (update) applyStoredUpdate(doc, update, name, warn);
  return doc;
}

async function corpusIds(store: DocStore): Promise<string[]> {
  const ids: string[] = [];
  for await (const name of store.names('corpus/')) {
    const parsed = parseDocName(name);
    if (parsed?.kind === 'corpus') ids.push(parsed.corpus);
  }
  return ids;
}

async function chooseCorpus(store: DocStore, db: string, wanted: string | undefined): Promise<string> {
  const ids = await corpusIds(store);
  const list = ids.length ? ids.join(', ') : 'none';
  if (wanted !== undefined && !ids.includes(wanted)) throw new Error(`${db}: no corpus "${wanted}" in the database (corpora: ${list})`);
  if (wanted !== undefined) return wanted;
  if (ids.length !== 1) throw new Error(`${db}: ${ids.length ? `the database holds several corpora (${list}): choose one with --corpus` : 'the database holds no corpus'}`);
  return ids[0]!;
}

/** The corpus title set in the app, else the hosted class's title, else its id. */
function corpusTitle(doc: Y.Doc, dataDir: string, corpus: string): string {
  const title = doc.getMap('settings').get('title');
  if (typeof title === 'string' && title) return title;
  const file = path.join(dataDir, 'session.json');
  const session = existsSync(file) ? classSessionSchema.safeParse(JSON.parse(readFileSync(file, 'utf8'))) : null;
  return session?.success && session.data.corpus === corpus && session.data.title ? session.data.title : corpus;
}

async function layersOf(store: DocStore, corpus: string, article: string, roster: ReadonlyMap<string, RosterEntry>, warn: (message: string) => void): Promise<LayerSnapshot[]> {
  const layers: LayerSnapshot[] = [];
  for await (const name of store.names(`${corpusDocName(corpus)}/layer/${article}/`)) {
    const owner = parseDocName(name);
    if (owner?.kind !== 'layer') continue;
    const doc = await loadDoc(store, name, warn);
    const { annotations, invalid } = readLayer(doc);
    const talk = readDiscussion(doc);
    doc.destroy();
    for (const bad of invalid) warn(`${name}: record ${bad.id} skipped (${bad.reason})`);
    if (talk.invalid > 0) warn(`${name}: ${talk.invalid} malformed replies, votes or statuses skipped`);
    if (annotations.length + talk.replies.length + talk.votes.length + talk.statuses.length === 0) continue;
    const vouched = <T extends { author: { id: string; name: string; color: string } }>(items: T[]) => withVouchedAuthors(items, owner.owner, roster);
    layers.push({ owner: owner.owner, annotations: vouched(annotations), replies: vouched(talk.replies), votes: vouched(talk.votes), statuses: vouched(talk.statuses) });
  }
  return layers;
}

/** The votes on verdicts in every layer of the corpus (read only when the class votes). */
async function votesOf(store: DocStore, corpus: string, warn: (message: string) => void): Promise<OwnedVote[]> {
  const votes: OwnedVote[] = [];
  for await (const name of store.names(`${corpusDocName(corpus)}/layer/`)) {
    const parsed = parseDocName(name);
    if (parsed?.kind !== 'layer') continue;
    const doc = await loadDoc(store, name, warn);
    votes.push(...ownedVotes([{ owner: parsed.owner, doc }]));
    doc.destroy();
  }
  return votes;
}

/** Every student's feedback, by article (`''`: the entries about their work as a whole). */
async function feedbackOf(store: DocStore, corpus: string, roster: ReadonlyMap<string, RosterEntry>, warn: (message: string) => void): Promise<Map<string, FeedbackSnapshot[]>> {
  const byArticle = new Map<string, FeedbackSnapshot[]>();
  for await (const name of store.names(`${corpusDocName(corpus)}/feedback/`)) {
    const parsed = parseDocName(name);
    if (parsed?.kind !== 'feedback') continue;
    const doc = await loadDoc(store, name, warn);
    const entries = readFeedback(doc);
    doc.destroy();
    for (const article of new Set(entries.map((e) => e.article ?? ''))) {
      // each entry's author is its writer (the server checks it): vouched by its own id
      const mine = entries.filter((e) => (e.article ?? '') === article).map((e) => ({ ...e, author: vouchedAuthor(e.author.id, roster, e.author) }));
      byArticle.set(article, [...(byArticle.get(article) ?? []), { student: parsed.student, entries: mine }]);
    }
  }
  return byArticle;
}

/**
 * Opens DIR's database and picks the corpus (`wanted`, else the only one). Snapshots carry the
 * hash of the text as stored, which is what an export describes.
 */
export async function openDatabase(dataDir: string, wanted: string | undefined, warn: (message: string) => void, feedback = false): Promise<DatabaseSource> {
  const db = path.join(dataDir, 'db');
  const store = await openStore(db);
  try {
    const id = await chooseCorpus(store, db, wanted);
    const doc = await loadDoc(store, corpusDocName(id), (m) => warn(`${db}: ${m}`));
    const byVote = readSetting(doc, 'verdictVote');
    const verdicts = { verdicts: readVerdicts(doc), votes: byVote ? await votesOf(store, id, (m) => warn(`${db}: ${m}`)) : [], byVote };
    const list = listArticles(doc);
    const roster = readRoster(doc);
    const sources = new Map(list.flatMap((a) => (readPageSource(doc, a.id) ? [[a.id, readPageSource(doc, a.id)!] as const] : [])));
    const notes = feedback ? await feedbackOf(store, id, roster, (m) => warn(`${db}: ${m}`)) : new Map<string, FeedbackSnapshot[]>();
    const work = notes.get('');
    const corpus: CorpusInfo = { id, title: corpusTitle(doc, dataDir, id), tagset: readTagset(doc), verdicts, rubric: readRubric(doc), ...(work ? { feedback: work } : {}) };
    doc.destroy();
    async function* articles(): AsyncGenerator<ArticleSnapshot> {
      for (const article of list) {
        const textDoc = await loadDoc(store, textDocName(id, article.id), (m) => warn(`${db}: ${m}`)); // also checks the id the layer names use
        const text = articleText(textDoc).toString();
        textDoc.destroy();
        const layers = await layersOf(store, id, article.id, roster, (m) => warn(`${db}: ${m}`));
        const source = sources.get(article.id);
        const page = source ? await loadDoc(store, sourceDocName(id, article.id), (m) => warn(`${db}: ${m}`)) : null;
        const html = page ? pageSnapshot(page) : '';
        page?.destroy();
        yield {
          article: { ...article, hash: sha256Hex(text) }, text, layers,
          ...(notes.has(article.id) ? { feedback: notes.get(article.id) } : {}),
          ...(source ? { source: { provenance: source, html } } : {}),
        };
      }
    }
    return { corpus, total: list.length, articles: articles(), close: () => store.close() };
  } catch (error) {
    await store.close();
    throw error;
  }
}
