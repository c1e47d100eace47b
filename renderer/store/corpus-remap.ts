/**
 * What a corpus-wide "Remap all" works on: the user's own annotations of kinds the tagset no
 * longer has, counted over every article of the corpus, and the user's own layer document of
 * each article (the teacher's own layer in a class; locally, the user's), loaded for writing.
 */
import type * as Y from 'yjs';
import { listArticles } from '../../shared/model/corpus';
import { corpusDocName, layerDocName } from '../../shared/model/doc-names';
import type { Tagset } from '../../shared/model/tagset';
import { unknownKinds } from '../../shared/model/tagset-edit';
import type { CorpusAnnotation } from './corpus-annotations';
import { loadDoc } from './doc-store';

export interface UnknownKind {
  key: string;
  /** the user's own annotations of that kind in the corpus */
  count: number;
  /** in how many articles */
  articles: number;
}

export function ownUnknownKinds(tagset: Tagset, all: CorpusAnnotation[]): UnknownKind[] {
  const mine = all.filter((c) => c.mine);
  return [...unknownKinds(tagset, mine.map((c) => c.annotation.kind))].map(([key, count]) => ({
    key,
    count,
    articles: new Set(mine.filter((c) => c.annotation.kind === key).map((c) => c.article)).size,
  }));
}

/** The user's own layer of every article of the corpus, keyed by article id. */
export async function ownLayers(corpus: string, me: string): Promise<Map<string, Y.Doc>> {
  const articles = listArticles(await loadDoc(corpusDocName(corpus))).map((a) => a.id);
  const docs = await Promise.all(articles.map((id) => loadDoc(layerDocName(corpus, id, me))));
  return new Map(articles.map((id, i) => [id, docs[i]!]));
}
