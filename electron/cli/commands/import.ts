/**
 * `glose import FILES... --into BUNDLE`: adds articles (.txt, .md, .docx) and annotations (W3C
 * JSON-LD: .json/.jsonld; other Glose bundles: .zip) to a bundle, creating it if needed. Article
 * files go through the app's import path (shared/formats/article-import.ts; a `manifest.json`
 * beside them, as in seeds/, gives their ids, titles and languages); the bundle is written by
 * the shared export loop as a stream (to BUNDLE.tmp, then renamed). Annotations are re-anchored
 * in their article's text; the ones that cannot be are written to BUNDLE.orphans.json and counted.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articleFromFile, MAX_ARTICLE_BYTES, type ImportError } from '../../../shared/formats/article-import';
import { articleIdFromName } from '../../../shared/formats/article-text';
import { parseJson } from '../../../shared/formats/bundle-reader';
import { runExport } from '../../../shared/formats/export-runner';
import { anchorInto, emptyReport, type AnchorReport } from '../../../shared/formats/reanchor';
import { knownFromManifest } from '../../../shared/formats/seed-manifest';
import type { ArticleSnapshot } from '../../../shared/formats/types';
import { importW3c, type ImportedRecord } from '../../../shared/formats/w3c-import';
import { sha256Hex } from '../../../shared/model/corpus';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { bundleArticleCount } from './bundle-count';
import { zipOutput } from './export-outputs';
import { APP, exportDate, progress, readBundle, required, started, type SourceInfo } from './research-io';

const MESSAGES: Record<ImportError['code'], string> = {
  tooLarge: `too large (more than ${MAX_ARTICLE_BYTES / (1024 * 1024)} MB of text)`,
  invalidUtf8: 'not valid UTF-8 text',
  empty: 'the article is empty',
  unsupported: 'unsupported file type (.txt, .md, .docx, .json, .jsonld, .zip)',
  unreadable: 'not a readable Word document',
};

/** The seed manifest beside `file` (unchecked JSON), if there is one. */
function manifestBeside(file: string): unknown {
  const manifest = path.join(path.dirname(file), 'manifest.json');
  if (!existsSync(manifest)) return undefined;
  const json = parseJson(manifest, readFileSync(manifest, 'utf8'));
  return json.ok ? json.value : undefined;
}

async function articleFrom(file: string, order: number): Promise<ArticleSnapshot> {
  const name = path.basename(file);
  const r = await articleFromFile(name, readFileSync(file), { known: knownFromManifest(manifestBeside(file), name) });
  if (!r.ok) throw new Error(`${file}${r.error.code === 'empty' ? ':1' : ''}: ${r.error.detail ?? MESSAGES[r.error.code]}`);
  const { text, ...article } = r.value;
  return { article: { ...article, hash: sha256Hex(text), order }, text, layers: [] };
}

/** Parsed W3C files; they are mapped to records once the corpus id (which their IRIs carry) is known. */
function w3cRecords(documents: { file: string; json: unknown }[], corpus: string, now: () => Date): Map<string, ImportedRecord[]> {
  const byArticle = new Map<string, ImportedRecord[]>();
  for (const { file, json } of documents) {
    const r = importW3c(json, { corpus, now });
    if (!r.ok) throw new Error(`${file}: ${r.error}`);
    for (const record of r.value) byArticle.set(record.article, [...(byArticle.get(record.article) ?? []), record]);
  }
  return byArticle;
}

/** Each article once, with the records that belong to it anchored in its text. */
async function* anchored(entries: AsyncIterable<ArticleSnapshot>, byArticle: Map<string, ImportedRecord[]>, report: AnchorReport): AsyncGenerator<ArticleSnapshot> {
  const seen = new Set<string>();
  for await (const entry of entries) {
    if (seen.has(entry.article.id)) throw new Error(`article ${entry.article.id} is imported twice`);
    seen.add(entry.article.id);
    yield anchorInto(entry, byArticle.get(entry.article.id) ?? [], report);
    byArticle.delete(entry.article.id);
  }
}

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: { into: { type: 'string' } }, allowPositionals: true, strict: true });
  const into = required(values.into, 'into');
  if (positionals.length === 0) throw new Error('no file to import');
  const info: SourceInfo = {};
  const bundles = existsSync(into) ? [into] : [];
  const documents: { file: string; json: unknown }[] = [];
  const added: ArticleSnapshot[] = [];
  const now = (): Date => exportDate({});
  for (const file of positionals) {
    if (/\.(txt|md|docx)$/i.test(file)) added.push(await articleFrom(file, 1e6 + added.length));
    else if (/\.zip$/i.test(file)) bundles.push(file);
    else if (/\.json(ld)?$/i.test(file)) {
      const json = parseJson(file, readFileSync(file, 'utf8'));
      if (!json.ok) throw new Error(json.error);
      documents.push({ file, json: json.value });
    } else throw new Error(`${file}: ${MESSAGES.unsupported}`);
  }
  if (bundles.length === 0 && added.length === 0) throw new Error('nothing to import');
  const entries = await started((async function* () {
    for (const bundle of bundles) yield* readBundle(bundle, info);
    yield* added;
  })());
  const corpus = info.corpus ?? { id: articleIdFromName(path.basename(into)), title: path.basename(into, '.zip'), tagset: DEFAULT_TAGSET };
  const byArticle = w3cRecords(documents, corpus.id, now);
  const report = emptyReport();
  const counts = bundles.map(bundleArticleCount);
  const total = counts.includes(undefined) ? undefined : counts.reduce((n: number, c) => n + c!, added.length);
  const bar = progress('import', total);
  let count = 0;
  const tmp = `${into}.tmp`;
  await runExport(anchored(entries, byArticle, report), { corpus, format: 'bundle', app: APP, now, total, onProgress: (done) => bar.update((count = done)) }, zipOutput(tmp));
  bar.done();
  renameSync(tmp, into);
  for (const rest of byArticle.values()) report.orphans.push(...rest.map((r) => ({ ...r, reason: `article ${r.article} is not in the bundle` })));
  if (report.orphans.length > 0) writeFileSync(`${into}.orphans.json`, `${JSON.stringify(report.orphans, null, 1)}\n`);
  console.log(`${count} articles; annotations anchored exactly ${report.exact}, moved ${report.moved}, fuzzy ${report.fuzzy}; ` +
    `orphans ${report.orphans.length}${report.orphans.length ? ` (listed in ${into}.orphans.json)` : ''}; duplicates skipped ${report.duplicates.length}`);
}
