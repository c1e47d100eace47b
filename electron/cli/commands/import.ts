/**
 * `glose import FILES... --into BUNDLE`: adds articles (.txt, .md, .docx) and annotations (W3C
 * JSON-LD: .json/.jsonld; other Glose bundles: .zip) to a bundle, creating it if needed. The
 * bundle is rewritten as a stream (to BUNDLE.tmp, then renamed). Annotations are re-anchored in
 * their article's text; the ones that cannot be are written to BUNDLE.orphans.json and counted.
 */
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { articleIdFromName, textFromMarkdown } from '../../../shared/formats/article-text';
import { bundleWriter } from '../../../shared/formats/bundle-writer';
import { anchorInto, emptyReport } from '../../../shared/formats/reanchor';
import type { ArticleSnapshot, CorpusInfo, OutChunk } from '../../../shared/formats/types';
import { importW3c, type ImportedRecord } from '../../../shared/formats/w3c-import';
import { parseJson } from '../../../shared/formats/bundle-reader';
import { zipLimitError } from '../../../shared/formats/unzip-source';
import { sha256Hex } from '../../../shared/model/corpus';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { canonicalText } from '../../../shared/text/canonical-text';
import { bundleArticleCount } from './bundle-count';
import { parseArgs, progress, readBundle, required, zipFile } from './research-io';

/** The raw text of an article file: .txt as is, .md without markup, .docx through mammoth (paragraphs). */
async function rawText(file: string): Promise<string> {
  if (/\.docx$/i.test(file)) {
    const bytes = readFileSync(file);
    const bomb = zipLimitError(bytes); // mammoth's unzip has no limits of its own
    if (bomb) throw new Error(`${file}: ${bomb}`);
    try {
      return (await mammoth.extractRawText({ buffer: bytes })).value;
    } catch (error) {
      throw new Error(`${file}: not a readable Word document (${(error as Error).message})`);
    }
  }
  const raw = readFileSync(file, 'utf8');
  return file.toLowerCase().endsWith('.md') ? textFromMarkdown(raw) : raw;
}

async function articleFrom(file: string, order: number): Promise<ArticleSnapshot> {
  const text = canonicalText(await rawText(file));
  if (text === '') throw new Error(`${file}:1: the article is empty`);
  const title = text.slice(0, text.indexOf('\n') === -1 ? undefined : text.indexOf('\n')).slice(0, 200);
  return { article: { id: articleIdFromName(path.basename(file)), title, language: 'und', source: path.basename(file), hash: sha256Hex(text), order }, text, layers: [] };
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

export async function run(argv: string[]): Promise<void> {
  const { options, positional } = parseArgs(argv);
  const into = required(options, 'into');
  if (positional.length === 0) throw new Error('no file to import');
  const info: { corpus?: CorpusInfo } = {};
  const bundles = existsSync(into) ? [into] : [];
  const documents: { file: string; json: unknown }[] = [];
  const added: ArticleSnapshot[] = [];
  const now = (): Date => new Date();
  for (const file of positional) {
    if (/\.(txt|md|docx)$/i.test(file)) added.push(await articleFrom(file, 1e6 + added.length));
    else if (/\.zip$/i.test(file)) bundles.push(file);
    else if (/\.json(ld)?$/i.test(file)) {
      const json = parseJson(file, readFileSync(file, 'utf8'));
      if (!json.ok) throw new Error(json.error);
      documents.push({ file, json: json.value });
    } else throw new Error(`${file}: unsupported file type (.txt, .md, .docx, .json, .jsonld, .zip)`);
  }
  const report = emptyReport();
  const tmp = `${into}.tmp`;
  const zip = zipFile(tmp);
  const emit = (chunks: OutChunk[]): void => chunks.forEach((c) => zip.add(c.file, c.text));
  let writer: ReturnType<typeof bundleWriter> | null = null;
  let byArticle = new Map<string, ImportedRecord[]>();
  const seen = new Set<string>();
  const counts = bundles.map(bundleArticleCount);
  const bar = progress('import', counts.includes(undefined) ? undefined : counts.reduce((n: number, c) => n + c!, added.length));
  const put = async (entry: ArticleSnapshot): Promise<void> => {
    if (!writer) {
      const corpus = info.corpus ?? { id: articleIdFromName(path.basename(into)), title: path.basename(into, '.zip'), tagset: DEFAULT_TAGSET };
      info.corpus = corpus;
      byArticle = w3cRecords(documents, corpus.id, now);
      writer = bundleWriter({ corpus, app: { name: 'glose', version: process.env.npm_package_version ?? '0.1.0' }, now, pseudonymised: false });
      emit(writer.begin());
    }
    if (seen.has(entry.article.id)) throw new Error(`article ${entry.article.id} is imported twice`);
    seen.add(entry.article.id);
    emit(writer.article(anchorInto(entry, byArticle.get(entry.article.id) ?? [], report)));
    byArticle.delete(entry.article.id);
    await zip.drain();
    bar.tick();
  };
  try {
    for (const bundle of bundles) for await (const entry of readBundle(bundle, info)) await put(entry);
    for (const entry of added) await put(entry);
    if (!writer) throw new Error('nothing to import');
    emit((writer as ReturnType<typeof bundleWriter>).end());
    await zip.close();
  } catch (error) {
    await zip.close().catch(() => undefined);
    rmSync(tmp, { force: true });
    throw error;
  }
  bar.done();
  renameSync(tmp, into);
  for (const rest of byArticle.values()) report.orphans.push(...rest.map((r) => ({ ...r, reason: `article ${r.article} is not in the bundle` })));
  if (report.orphans.length > 0) writeFileSync(`${into}.orphans.json`, `${JSON.stringify(report.orphans, null, 1)}\n`);
  console.log(`${seen.size} articles; annotations anchored exactly ${report.exact}, moved ${report.moved}, fuzzy ${report.fuzzy}; ` +
    `orphans ${report.orphans.length}${report.orphans.length ? ` (listed in ${into}.orphans.json)` : ''}; duplicates skipped ${report.duplicates.length}`);
}
