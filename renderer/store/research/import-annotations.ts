/**
 * Imports annotations into the local corpus: a W3C Web Annotation file (JSON-LD, from Glose or
 * any other tool: Hypothesis, Recogito; shared/formats/w3c-read.ts), brat standoff or WebAnno TSV 3
 * (a .tsv, or a .zip of .ann + .txt pairs and .tsv files, read as the CLI reads them:
 * shared/formats/foreign-files.ts), or a Glose bundle (.zip).
 * A foreign annotation finds its article by its source, or by its quote when exactly one
 * article holds it (shared/formats/foreign-resolve.ts); items that cannot be imported at all
 * come back in the report's `rejected` list with their reason. Every record is re-anchored in its article's current text (the fallback chain
 * of ARCHITECTURE.md §4, shared/formats/reanchor.ts) and written to its owner's layer document;
 * what cannot be anchored, or names an article the corpus lacks, comes back as an orphan with
 * the reason — never dropped, never moved silently. A bundle's articles that the corpus lacks
 * are added, with the discussion, verdicts, feedback and provenance they carry (import-bundle-parts.ts). Work is done article by article with pauses, so progress shows and Cancel works.
 */
import { bundleAssembler } from '../../../shared/formats/bundle-reader';
import { parseJson } from '../../../shared/formats/json-text';
import { anchorInto, emptyReport, type AnchorReport } from '../../../shared/formats/reanchor';
import type { ArticleSnapshot, Result } from '../../../shared/formats/types';
import { fail, ok } from '../../../shared/formats/types';
import { unzipSource } from '../../../shared/formats/unzip-source';
import { quotesToFind, resolveBatch, resolveContext, type ImportedRecord } from '../../../shared/formats/foreign-resolve';
import { quoteIndex } from '../../../shared/formats/source-match';
import { readW3c } from '../../../shared/formats/w3c-read';
import { ANNOTATION_FILE, readForeignFile } from '../../../shared/formats/foreign-files';
import { mergeBatches, emptyBatch, type ForeignBatch } from '../../../shared/formats/foreign-item';
import { addArticle, articleText, listArticles, readTagset } from '../../../shared/model/corpus';
import { corpusDocName, layerDocName, textDocName } from '../../../shared/model/doc-names';
import { addAnnotation, readLayer } from '../../../shared/model/layer';
import { rosterMap } from '../../../shared/model/roster';
import type { BundleProblem } from '../../../shared/formats/bundle-parts';
import { loadDoc } from '../doc-store';
import { restoreBundleParts } from './import-bundle-parts';
import { breather } from './corpus-reader';

export interface ImportProgress {
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
  now: () => Date;
  /** Says a problem with a bundle's part in the user's language (the English text otherwise). */
  say?: (name: string, problem: BundleProblem) => string;
}

/** Re-anchors `records` (all on `article`) in its current text and writes the ones that hold. */
async function applyRecords(corpus: string, article: string, records: ImportedRecord[], report: AnchorReport): Promise<void> {
  const text = articleText(await loadDoc(textDocName(corpus, article))).toString();
  const owners = [...new Set(records.map((r) => r.layer))];
  const docs = new Map(await Promise.all(owners.map(async (o) => [o, await loadDoc(layerDocName(corpus, article, o))] as const)));
  const layers = owners.map((owner) => ({ owner, annotations: readLayer(docs.get(owner)!).annotations }));
  const before = new Set(layers.flatMap((l) => l.annotations.map((a) => `${l.owner}/${a.id}`)));
  const entry: ArticleSnapshot = { article: { id: article, title: article, language: 'und', source: '', hash: '0'.repeat(64), order: 0 }, text, layers };
  const roster = rosterMap(await loadDoc(corpusDocName(corpus)));
  for (const layer of anchorInto(entry, records, report).layers) {
    for (const a of layer.annotations) if (!before.has(`${layer.owner}/${a.id}`)) addAnnotation(docs.get(layer.owner)!, a);
    const author = layer.annotations[0]?.author;
    if (author && !roster.has(layer.owner)) roster.set(layer.owner, { name: author.name.slice(0, 80), color: /^#[0-9a-f]{6}$/i.test(author.color) ? author.color : '#777777', role: 'student' });
  }
}

async function applyAll(corpus: string, byArticle: Map<string, ImportedRecord[]>, report: AnchorReport, options: ImportProgress): Promise<void> {
  const known = new Set(listArticles(await loadDoc(corpusDocName(corpus))).map((a) => a.id));
  const pause = breather();
  let done = 0;
  for (const [article, records] of byArticle) {
    options.signal?.throwIfAborted();
    if (known.has(article)) await applyRecords(corpus, article, records, report);
    else report.orphans.push(...records.map((r) => ({ ...r, reason: `article ${article} is not in this corpus` })));
    options.onProgress?.(++done, byArticle.size);
    await pause();
  }
}

function group(records: ImportedRecord[], into = new Map<string, ImportedRecord[]>()): Map<string, ImportedRecord[]> {
  for (const r of records) into.set(r.article, [...(into.get(r.article) ?? []), r]);
  return into;
}

/** Places a batch of foreign items (any tool's) in the corpus: the one pipeline after reading. */
async function importBatch(corpus: string, batch: ForeignBatch, options: ImportProgress): Promise<Result<AnchorReport>> {
  const corpusDoc = await loadDoc(corpusDocName(corpus));
  const articles = listArticles(corpusDoc);
  const ctx = resolveContext({ corpus, tagset: readTagset(corpusDoc), articles, now: options.now });
  const quotes = quotesToFind(batch, ctx.match);
  const index = quoteIndex(quotes);
  for (const a of quotes.size > 0 ? articles : []) index.scan(a.id, articleText(await loadDoc(textDocName(corpus, a.id))).toString());
  const resolved = resolveBatch(batch, { ...ctx, byQuote: index.match });
  const report = emptyReport();
  report.rejected.push(...resolved.bad);
  await applyAll(corpus, group(resolved.records), report, options);
  return ok(report);
}

export async function importW3cFile(corpus: string, name: string, data: Uint8Array, options: ImportProgress): Promise<Result<AnchorReport>> {
  const json = parseJson(name, new TextDecoder().decode(data));
  if (!json.ok) return json;
  return importBatch(corpus, readW3c(json.value, name), options);
}

/** Pushes a .zip held in memory through `unzip` in slices, giving the page a turn between them. */
async function pushZip(data: Uint8Array, unzip: ReturnType<typeof unzipSource>, failed: () => boolean, options: ImportProgress): Promise<void> {
  const pause = breather();
  const SLICE = 1 << 16;
  for (let at = 0; at < data.length && !failed(); at += SLICE) {
    options.signal?.throwIfAborted();
    unzip.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
    await pause();
  }
}

/**
 * brat or WebAnno TSV 3 files: one .tsv (or .ann, which needs its .txt: then it is listed), or a
 * .zip of them (brat's .ann beside its .txt, INCEpTION's annotation/<document>/<user>.tsv).
 * A file that cannot be read is listed with the other bad items; the rest is imported.
 */
export async function importForeignFile(corpus: string, name: string, data: Uint8Array, options: ImportProgress): Promise<Result<AnchorReport>> {
  const files = new Map<string, string>();
  if (/\.zip$/i.test(name)) {
    let error: string | null = null;
    await pushZip(data, unzipSource((path, text) => files.set(path, text), (e) => (error = e.message)), () => error !== null, options);
    if (error) return fail(`${name}: ${error}`);
  } else files.set(name, new TextDecoder().decode(data));
  const batch = emptyBatch();
  for (const [path, text] of files) {
    if (!ANNOTATION_FILE.test(path)) continue;
    const read = readForeignFile(path, text, (p) => files.get(p));
    if (read.ok) mergeBatches(batch, read.value);
    else batch.bad.push({ where: path, reason: read.error.replace(`${path}: `, '') });
  }
  return importBatch(corpus, batch, options);
}

/** Reads a bundle from memory in slices; its articles the corpus lacks are added first. */
export async function importBundleFile(corpus: string, name: string, data: Uint8Array, options: ImportProgress): Promise<Result<AnchorReport>> {
  const assembler = bundleAssembler();
  const articles: ArticleSnapshot[] = [];
  let error: string | null = null;
  const unzip = unzipSource((path, text) => {
    const r = error ? null : assembler.file(path, text);
    if (r && !r.ok) error = r.error;
    else if (r) articles.push(...r.value);
  }, (e) => (error = e.message));
  await pushZip(data, unzip, () => error !== null, options);
  const end = error ? null : assembler.end();
  const problem = assembler.problem();
  if (problem && options.say) return fail(options.say(name, problem));
  if (error || !end?.ok) return fail(`${name}: ${error ?? (end as { error: string }).error}`);
  articles.push(...end.value.articles);
  const corpusDoc = await loadDoc(corpusDocName(corpus));
  const known = new Map(listArticles(corpusDoc).map((a) => [a.id, a]));
  const byArticle = new Map<string, ImportedRecord[]>();
  for (const entry of articles) {
    if (!known.has(entry.article.id)) {
      addArticle(corpusDoc, await loadDoc(textDocName(corpus, entry.article.id)), { ...entry.article, order: known.size }, entry.text);
      known.set(entry.article.id, entry.article);
    }
    group(entry.layers.flatMap((l) => l.annotations.map((record) => ({ article: entry.article.id, layer: l.owner, record }))), byArticle);
  }
  const report = emptyReport();
  await applyAll(corpus, byArticle, report, options);
  await restoreBundleParts(corpus, assembler.corpus()!, articles);
  return ok(report);
}
