/**
 * Work made before joining a class: marks in the local library (this computer, outside any class)
 * on articles the class also has — the same text, found by its hash — are offered to be brought
 * into the person's own layer of the class, never dropped silently. Bringing copies each record
 * (same id, so bringing twice adds nothing; the author becomes the class identity) with the
 * person's replies, vote and open/resolved status about it, in one write per article; the
 * originals stay in the local library. Marks the person chose to leave are remembered,
 * per class and person, so the question is not asked again about them.
 */
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { z } from 'zod';
import { listArticles, type Article } from '../../shared/model/corpus';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import { addReply, readDiscussion, setStatus, setVote, type Reply, type StatusRecord, type Vote } from '../../shared/model/discussion';
import { addAnnotation, annotationsMap, readLayer } from '../../shared/model/layer';
import type { Annotation, Author } from '../../shared/model/record';
import { loadDoc } from './doc-store';
import { LOCAL_CORPUS } from './sample-corpus';
import type { Session } from './session';
import { readStored } from './stored';

export interface EarlierMark {
  /** the article in the class */
  article: string;
  record: Annotation;
  /** the person's own discussion of the mark in the local library */
  replies: Reply[];
  vote?: Vote;
  status?: StatusRecord;
}

const leftKey = (session: Session) => `glose.left.${session.server}|${session.corpus}|${session.user}`;
const leftSchema = z.array(z.string().max(64)).max(100_000);

/** Reads a document of the local library without syncing it anywhere, then closes it. */
async function readLocal<T>(name: string, read: (doc: Y.Doc) => T): Promise<T> {
  const doc = new Y.Doc();
  const persistence = new IndexeddbPersistence(name, doc);
  try {
    await persistence.whenSynced;
    return read(doc);
  } finally {
    await persistence.destroy();
    doc.destroy();
  }
}

/** The local user's marks on the class's articles that are neither in the class already nor left before. */
export async function findEarlierMarks(session: Session, localUser: string, classArticles: Article[]): Promise<EarlierMark[]> {
  // only databases that exist are opened (opening one creates it)
  const existing = new Set((await indexedDB.databases()).map((d) => d.name));
  const localCorpus = corpusDocName(LOCAL_CORPUS);
  if (!existing.has(localCorpus) || classArticles.length === 0) return [];
  const inClass = new Map(classArticles.map((a) => [a.hash, a.id]));
  const left = new Set(readStored(leftKey(session), leftSchema) ?? []);
  const locals = await readLocal(localCorpus, listArticles);
  // a link to a mark in another article names that article: its id in the class
  const classId = new Map(locals.flatMap((a) => (inClass.has(a.hash) ? [[a.id, inClass.get(a.hash)!] as const] : [])));
  const found: EarlierMark[] = [];
  for (const local of locals) {
    const article = classId.get(local.id);
    const name = layerDocName(LOCAL_CORPUS, local.id, localUser);
    if (!article || !existing.has(name)) continue;
    const there = annotationsMap(await loadDoc(layerDocName(session.corpus, article, session.user)));
    const { annotations, discussion } = await readLocal(name, (doc) => ({ annotations: readLayer(doc).annotations, discussion: readDiscussion(doc) }));
    const records = annotations.filter((r) => !left.has(r.id) && !there.has(r.id));
    const links = (r: Annotation) => r.links.map((l) => (l.article ? { ...l, article: classId.get(l.article) ?? l.article } : l));
    found.push(
      ...records.map((record) => ({
        article,
        record: { ...record, links: links(record) },
        replies: discussion.replies.filter((r) => r.about === record.id),
        vote: discussion.votes.find((v) => v.about === record.id),
        status: discussion.statuses.find((v) => v.about === record.id),
      })),
    );
  }
  return found;
}

/** Copies the marks into the person's class layers, one write per article; returns how many were brought. */
export async function bringMarks(session: Session, me: Author, marks: EarlierMark[]): Promise<number> {
  for (const article of new Set(marks.map((m) => m.article))) {
    const group = marks.filter((m) => m.article === article);
    const layer = await loadDoc(layerDocName(session.corpus, article, session.user));
    const author: Author = { id: session.user, name: me.name, color: me.color };
    layer.transact(() =>
      group.forEach((m) => {
        addAnnotation(layer, { ...m.record, author });
        m.replies.forEach((reply) => addReply(layer, { ...reply, author }));
        if (m.vote) setVote(layer, { ...m.vote, author });
        if (m.status) setStatus(layer, { ...m.status, author });
      }),
    );
  }
  return marks.length;
}

/** Remembers that these marks stay in the local library. */
export function leaveMarks(session: Session, marks: EarlierMark[]): void {
  const left = readStored(leftKey(session), leftSchema) ?? [];
  localStorage.setItem(leftKey(session), JSON.stringify([...left, ...marks.map((m) => m.record.id)]));
}
