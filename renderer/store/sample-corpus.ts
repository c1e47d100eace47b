/**
 * The sample corpus shipped in seeds/: its manifest and texts are bundled with the app and
 * added to the local corpus on start, through the same import path as `glose import seeds/*.txt`
 * (shared/formats/article-import.ts), so both give the same articles. Adding is idempotent (shared/model/corpus.ts), so this
 * runs on every start without duplicating anything.
 */
import manifest from '../../seeds/manifest.json';
import { articleFromText } from '../../shared/formats/article-import';
import { knownFromManifest } from '../../shared/formats/seed-manifest';
import { addArticle } from '../../shared/model/corpus';
import { corpusDocName, textDocName } from '../../shared/model/doc-names';
import { loadDoc } from './doc-store';

const texts = import.meta.glob<string>('../../seeds/*.txt', { query: '?raw', import: 'default', eager: true });

export const LOCAL_CORPUS = manifest.corpus;

/** Adds the sample articles to `corpusId` (the local corpus at start, or a class's on request). */
export async function addSampleArticles(corpusId: string = LOCAL_CORPUS): Promise<void> {
  const corpus = await loadDoc(corpusDocName(corpusId));
  await Promise.all(
    manifest.articles.map(async (entry, order) => {
      const raw = texts[`../../seeds/${entry.file}`];
      const input = raw === undefined ? null : articleFromText(raw, { source: entry.file, name: entry.file, known: knownFromManifest(manifest, entry.file) });
      if (!input?.ok) throw new Error(`sample article missing from the build or unreadable: ${entry.file}`);
      const { text, ...article } = input.value;
      addArticle(corpus, await loadDoc(textDocName(corpusId, article.id)), { ...article, order }, text);
    }),
  );
}
