/**
 * The sample corpus shipped in seeds/: its manifest and texts are bundled with the app and
 * added to the local corpus on start. Adding is idempotent (shared/model/corpus.ts), so this
 * runs on every start without duplicating anything.
 */
import manifest from '../../seeds/manifest.json';
import { addArticle } from '../../shared/model/corpus';
import { corpusDocName, textDocName } from '../../shared/model/doc-names';
import { canonicalText } from '../../shared/text/canonical-text';
import { loadDoc } from './doc-store';

const texts = import.meta.glob<string>('../../seeds/*.txt', { query: '?raw', import: 'default', eager: true });

export const LOCAL_CORPUS = manifest.corpus;

/** Adds the sample articles to `corpusId` (the local corpus at start, or a class's on request). */
export async function addSampleArticles(corpusId: string = LOCAL_CORPUS): Promise<void> {
  const corpus = await loadDoc(corpusDocName(corpusId));
  await Promise.all(
    manifest.articles.map(async (entry, order) => {
      const raw = texts[`../../seeds/${entry.file}`];
      if (raw === undefined) throw new Error(`sample article missing from the build: ${entry.file}`);
      const body = await loadDoc(textDocName(corpusId, entry.id));
      addArticle(corpus, body, { id: entry.id, title: entry.title, language: entry.language, source: entry.source, order }, canonicalText(raw));
    }),
  );
}
