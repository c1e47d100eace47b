/**
 * A real class-server database for the command-line tests: the real sync server on port 0
 * over a temp data directory, a teacher adding two articles (one with emoji before the claims,
 * so code points and UTF-16 units differ) and two students annotating through real providers,
 * then the server stopped; the teacher gives claim a1 a verdict and lets the class vote, and
 * each student votes "false" on their own claim in article b. Another corpus can be written straight through the DocStore, as a
 * run of several updates the way the server appends them.
 */
import * as Y from 'yjs';
import { DocStore } from '../../../electron/server/storage';
import { databaseDir, startSyncServer } from '../../../electron/server/sync-server';
import { targetFor } from '../../../shared/anchor/selectors';
import { setVerdictVote, writeVerdict, type Verdict } from '../../../shared/claims/verdict';
import { writeSetting } from '../../../shared/model/class-settings';
import { addArticle } from '../../../shared/model/corpus';
import { corpusDocName, layerDocName, textDocName } from '../../../shared/model/doc-names';
import { addAnnotation, annotationsMap } from '../../../shared/model/layer';
import type { Annotation, Link } from '../../../shared/model/record';
import { codePointIndex } from '../../../shared/text/code-points';
import { Client, SECRET, token, waitFor } from '../../server/helpers';
import { tempDir } from './cli-helpers';

export const CLASS = 'class1';
export const TITLE = 'Media class 🎓';
export const TEXTS: Record<string, string> = {
  a: 'Spotify 🎵 and AI 🤖\n\nSpotify says its success came from AI. Critics say the success came from marketing.',
  b: 'Meta and the AI Act\n\nMeta claims the AI Act will slow innovation in Europe.',
};
export const CLAIM_A = 'Spotify says its success came from AI';
export const MARKETING = 'the success came from marketing';
export const CLAIM_B = 'the AI Act will slow innovation in Europe';
const NAMES: Record<string, string> = { alice: 'Alice Émond', bob: 'Bob Ng' };

/** A record by `owner` on the first `exact` of article `article`'s text. */
export function note(id: string, owner: string, article: string, kind: string, exact: string, links: Link[] = []): Annotation {
  const index = codePointIndex(TEXTS[article]!);
  const start = index.toCodePoint(TEXTS[article]!.indexOf(exact));
  return {
    id, kind, links, note: '', status: 'open',
    target: targetFor(index, start, start + [...exact].length),
    author: { id: owner, name: NAMES[owner] ?? owner, color: '#0072b2' },
    created: '2025-09-02T10:00:00.000Z', modified: '2025-09-02T10:00:00.000Z',
  };
}

/** The teacher's verdict on alice's claim a1. */
export const VERDICT: Verdict = { about: 'a1', rating: 'misleading', justification: 'Critics point at the marketing.', evidence: [], author: { id: 'teacher', name: 'Mme Laurent', color: '#0072b2' }, at: '2025-09-03T09:00:00.000Z' };

/** What each student writes, by article. */
export const WRITTEN: Record<string, Record<string, Annotation[]>> = {
  alice: {
    a: [note('a1', 'alice', 'a', 'claim', CLAIM_A), note('a2', 'alice', 'a', 'disputed', MARKETING, [{ to: 'a1', rel: 'rebuts' }])],
    b: [note('b1', 'alice', 'b', 'claim', CLAIM_B)],
  },
  bob: {
    a: [note('a3', 'bob', 'a', 'claim', CLAIM_A)],
    b: [note('b2', 'bob', 'b', 'claim', CLAIM_B)],
  },
};

async function settled(client: Client): Promise<void> {
  await waitFor(() => client.docs.every((d) => !d.provider.hasUnsyncedChanges), 'the server acknowledging every write');
  client.destroy();
}

/** The data directory of a class the real server hosted; the server is stopped when it resolves. */
export async function classDatabase(): Promise<string> {
  const dataDir = tempDir();
  const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, secret: SECRET, session: { corpus: CLASS, title: TITLE } });
  try {
    const teacher = new Client(server.url);
    const corpus = await teacher.openSynced(corpusDocName(CLASS), token('teacher', 'teacher', CLASS));
    for (const [order, [id, text]] of Object.entries(TEXTS).entries()) {
      const textDoc = await teacher.openSynced(textDocName(CLASS, id), token('teacher', 'teacher', CLASS));
      addArticle(corpus.doc, textDoc.doc, { id, title: `Article ${id}`, language: 'en', source: `${id}.txt`, order }, text);
    }
    writeVerdict(corpus.doc, VERDICT, []);
    writeSetting(corpus.doc, 'verdictVote', true);
    await settled(teacher);
    for (const [owner, byArticle] of Object.entries(WRITTEN)) {
      const student = new Client(server.url);
      for (const [article, records] of Object.entries(byArticle)) {
        const layer = await student.openSynced(layerDocName(CLASS, article, owner), token('student', owner, CLASS));
        for (const r of records) addAnnotation(layer.doc, r);
        if (article === 'b') setVerdictVote(layer.doc, { about: records[0]!.id, rating: 'false', author: records[0]!.author, at: '2025-09-03T10:00:00.000Z' }, []);
      }
      await settled(student);
    }
  } finally {
    await server.stop();
  }
  return dataDir;
}

/** Stores what `write` does to a fresh document, one key per transaction, as the server appends them. */
async function append(store: DocStore, name: string, write: (doc: Y.Doc) => void): Promise<void> {
  await store.load(name);
  const doc = new Y.Doc();
  const writes: Promise<void>[] = [];
  doc.on('update', (update: Uint8Array) => writes.push(store.append(name, update)));
  write(doc);
  await Promise.all(writes);
  doc.destroy();
}

/**
 * Corpus `corpus` with article `a` of TEXTS in `dataDir`'s database, written through the
 * DocStore: carol's layer is a run of two updates (her claim, then a record that fails the
 * schema). Returns the layer's document name.
 */
export async function addCorpusDirectly(dataDir: string, corpus: string): Promise<string> {
  const store = await DocStore.open(databaseDir(dataDir), { fsync: false });
  const layer = layerDocName(corpus, 'a', 'carol');
  try {
    const [corpusDoc, textDoc] = [new Y.Doc(), new Y.Doc()];
    addArticle(corpusDoc, textDoc, { id: 'a', title: 'Article a', language: 'en', source: 'a.txt', order: 0 }, TEXTS.a!);
    await append(store, corpusDocName(corpus), (d) => Y.applyUpdate(d, Y.encodeStateAsUpdate(corpusDoc)));
    await append(store, textDocName(corpus, 'a'), (d) => Y.applyUpdate(d, Y.encodeStateAsUpdate(textDoc)));
    await append(store, layer, (d) => {
      addAnnotation(d, note('c1', 'carol', 'a', 'claim', CLAIM_A));
      annotationsMap(d).set('broken', new Y.Map<unknown>([['kind', 42]]));
    });
  } finally {
    await store.close();
  }
  return layer;
}
