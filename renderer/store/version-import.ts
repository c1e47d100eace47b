/**
 * Puts an imported article into the corpus by the versions rule (shared/versions/version-plan.ts):
 * a new article, one the corpus already holds (nothing added; it opens), or a new version of the
 * article of the same source (file name or URL), linked to the newest version before it.
 */
import type { ImportedArticle } from '../../shared/formats/article-import';
import { addArticle, listArticles, sha256Hex } from '../../shared/model/corpus';
import { corpusDocName, textDocName } from '../../shared/model/doc-names';
import { planImport, type ImportPlan } from '../../shared/versions/version-plan';
import { loadDoc } from './doc-store';

/** Adds `imported` to `corpus` (`versioned`: it came from a file or a URL, not a paste); says what was done. */
export async function addImportedArticle(corpus: string, imported: ImportedArticle, versioned: boolean): Promise<ImportPlan> {
  const { text, ...article } = imported;
  const corpusDoc = await loadDoc(corpusDocName(corpus));
  const held = listArticles(corpusDoc);
  const plan = planImport(held, { id: article.id, source: article.source, hash: sha256Hex(text), versioned });
  if (plan.kind === 'held') return plan;
  const links = plan.kind === 'version' ? { versionOf: plan.versionOf, version: plan.version } : {};
  addArticle(corpusDoc, await loadDoc(textDocName(corpus, plan.id)), { ...article, ...links, id: plan.id, order: held.length }, text);
  return plan;
}
