/**
 * `glose import FILES... --into BUNDLE [--kind-map FROM=TO]... [--source-map FILE] [--creator NAME]`:
 * adds articles (.txt, .md, .docx, and web pages by their http(s) address: url-articles.ts), other Glose bundles (.zip) and annotations from other tools
 * (W3C JSON-LD and Hypothesis JSON: .json/.jsonld; W3C JSON lines: .jsonl/.ndjson; brat: .ann; WebAnno TSV 3: .tsv; see
 * foreign-files.ts) to a bundle, creating it if needed. Article files go through the app's
 * import path (shared/formats/article-import.ts; a `manifest.json` beside them, as in seeds/,
 * gives their ids, titles and languages); the bundle is written by the shared export loop as a
 * stream (to BUNDLE.tmp, then renamed). Annotations find their article (foreign-passes.ts) and
 * are re-anchored in its text; one W3C file of ours is read in a worker while the bundle is
 * written, an article's annotations at a time, and anything it cannot take that way is imported
 * again the general way, with the same result (foreign-stream.ts). What cannot be imported — an item of a file that is not an
 * annotation, an unknown kind, a quote not found — is listed with its reason in
 * BUNDLE.orphans.json; how sources were matched and who the creators were, in
 * BUNDLE.provenance.json. One bad item never stops the others. An article already in the bundle
 * is held, and the edited text of one makes a new version carrying its marks, as in the app
 * (import-versions.ts). An import that adds nothing leaves the bundle byte for byte the same (its
 * manifest keeps its date); one that adds something dates the bundle now.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { articleFromFile, MAX_ARTICLE_BYTES, type ImportError } from '../../../shared/formats/article-import';
import { articleIdFromName } from '../../../shared/formats/article-text';
import { parseJson } from '../../../shared/formats/json-text';
import { runExport } from '../../../shared/formats/export-runner';
import { emptyBatch, mergeBatches } from '../../../shared/formats/foreign-item';
import type { ResolveOptions } from '../../../shared/formats/foreign-resolve';
import { anchorInto, emptyReport, type AnchorReport } from '../../../shared/formats/reanchor';
import { knownFromManifest } from '../../../shared/formats/seed-manifest';
import type { ArticleSnapshot } from '../../../shared/formats/types';
import { sha256Hex } from '../../../shared/model/corpus';
import { DEFAULT_TAGSET } from '../../../shared/model/tagset';
import { bundleArticleCount } from './bundle-count';
import { zipOutput } from './export-outputs';
import { ANNOTATION_FILE, kindMap, readForeignFile, sourceMap } from './foreign-files';
import { resolveForeign } from './foreign-passes';
import { NotStreamable } from './foreign-groups';
import { readGroups, type GroupReading } from './foreign-groups-thread';
import { placedFrom, streamed, type Placed } from './foreign-stream';
import { planVersions } from './import-versions';
import { articleFromUrl, WEB_ADDRESS } from './url-articles';
import { exportDate } from './export-date';
import { APP, progress, readBundle, required, started, type SourceInfo } from './research-io';

const MESSAGES: Record<ImportError['code'], string> = {
  tooLarge: `too large (more than ${MAX_ARTICLE_BYTES / (1024 * 1024)} MB of text)`,
  invalidUtf8: 'not valid UTF-8 text',
  empty: 'the article is empty',
  unsupported: 'unsupported file type (.txt, .md, .docx, .zip; annotations: .json, .jsonld, .jsonl, .ndjson, .ann, .tsv)',
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

/** Each article once, with the records that belong to it anchored in its text; then the records of articles not in the bundle, as orphans. */
async function* anchored(entries: AsyncIterable<ArticleSnapshot>, placed: Placed, report: AnchorReport): AsyncGenerator<ArticleSnapshot> {
  const seen = new Set<string>();
  for await (const entry of entries) {
    if (seen.has(entry.article.id)) throw new Error(`article ${entry.article.id} is imported twice`);
    seen.add(entry.article.id);
    yield anchorInto(entry, await placed.recordsOf(entry.article.id), report);
  }
  report.orphans.push(...(await placed.rest()).map((r) => ({ ...r, reason: `article ${r.article} is not in the bundle` })));
}

const OPTIONS = {
  into: { type: 'string' },
  'kind-map': { type: 'string', multiple: true },
  'source-map': { type: 'string' },
  creator: { type: 'string' },
} as const;

export async function run(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  const into = required(values.into, 'into');
  if (positionals.length === 0) throw new Error('no file to import');
  // one W3C file of ours is read (in a worker started now) while the bundle is written (foreign-stream.ts)
  const foreign = positionals.filter((f) => !WEB_ADDRESS.test(f) && ANNOTATION_FILE.test(f));
  const streamable = foreign.length === 1 && values['source-map'] === undefined && /\.(json|jsonld)$/i.test(foreign[0]!);
  const articlesGiven = existsSync(into) || positionals.some((f) => WEB_ADDRESS.test(f) || /\.(txt|md|docx|zip)$/i.test(f));
  const reading = streamable && articlesGiven ? await readGroups(foreign[0]!) : null;
  try {
    await importFiles(into, positionals, values, reading);
  } finally {
    reading?.stop();
  }
}

async function importFiles(into: string, positionals: string[], values: Values, reading: GroupReading | null): Promise<void> {
  const bundles = existsSync(into) ? [into] : [];
  const foreignFiles: string[] = [];
  const added: ArticleSnapshot[] = [];
  for (const file of positionals) {
    if (WEB_ADDRESS.test(file)) {
      added.push(await articleFromUrl(file, 1e6 + added.length));
    } else if (/\.(txt|md|docx)$/i.test(file)) added.push(await articleFrom(file, 1e6 + added.length));
    else if (/\.zip$/i.test(file)) bundles.push(file);
    else if (ANNOTATION_FILE.test(file)) foreignFiles.push(file);
    else throw new Error(`${file}: ${MESSAGES.unsupported}`);
  }
  // a file that cannot stream is read the general way, first when nothing else is imported, as its errors come before that one
  const read = () => foreignFiles.reduce((all, file) => mergeBatches(all, readForeignFile(file, values.creator)), emptyBatch());
  const batch = reading ? null : read();
  if (bundles.length === 0 && added.length === 0) throw new Error('nothing to import');
  if (reading) {
    try {
      return await importInto(into, bundles, added, values, async (options) => streamed(reading.groups(options)));
    } catch (error) {
      if (!(error instanceof NotStreamable)) throw error;
    }
  }
  const all = batch ?? read();
  const sources = sourceMap(values['source-map']);
  await importInto(into, bundles, added, values, async (options, articles) => placedFrom(await resolveForeign(all, articles, { ...options, sourceMap: sources })));
}

type Values = ReturnType<typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>>['values'];
/** How the imported records are found, once the bundle's corpus is known; `articles` reads every article again. */
type Placer = (options: Omit<ResolveOptions, 'articles' | 'sourceMap'>, articles: () => AsyncIterable<ArticleSnapshot>) => Promise<Placed>;

/** Writes the bundle `into` from `bundles` and the `added` articles, with the records `place` finds, and reports. */
async function importInto(into: string, bundles: readonly string[], added: ArticleSnapshot[], values: Values, place: Placer): Promise<void> {
  const info: SourceInfo = {};
  const held = () => (async function* () {
    for (const bundle of bundles) yield* readBundle(bundle, info);
  })();
  // the app's versions rule: the same text again is held, a changed one of the same source is a new version (import-versions.ts)
  const versions = await planVersions(held(), added);
  const articles = () => (async function* () {
    yield* held();
    yield* versions.entries;
  })();
  const entries = await started(articles());
  const corpus = info.corpus ?? { id: articleIdFromName(path.basename(into)), title: path.basename(into, '.zip'), tagset: DEFAULT_TAGSET };
  const now = (): Date => exportDate({});
  const placed = await place({ corpus: corpus.id, tagset: corpus.tagset, kindMap: kindMap(values['kind-map'] ?? [], corpus.tagset), now }, articles);
  const report = emptyReport();
  // the manifest's date (asked once the last article is written): the bundle's own when the import
  // added nothing to it, so it comes out byte for byte the same (as bundle → bundle does, research-io.ts);
  // else the date of this change (or SOURCE_DATE_EPOCH)
  const grew = () => bundles[0] !== into || bundles.length > 1 || versions.entries.length > 0 || report.exact + report.moved + report.fuzzy > 0;
  const dated = (): Date => exportDate(grew() ? {} : info);
  const counts = bundles.map(bundleArticleCount);
  const total = counts.includes(undefined) ? undefined : counts.reduce((n: number, c) => n + c!, versions.entries.length);
  const bar = progress('import', total);
  let count = 0;
  const tmp = `${into}.tmp`;
  try {
    await runExport(anchored(entries, placed, report), { corpus, format: 'bundle', app: APP, now: dated, total, onProgress: (done) => bar.update((count = done)) }, zipOutput(tmp));
  } finally {
    placed.stop();
  }
  bar.done();
  renameSync(tmp, into);
  const foreign = placed.result();
  const listed = [...report.orphans, ...foreign.bad];
  if (listed.length > 0) writeFileSync(`${into}.orphans.json`, `${JSON.stringify(listed, null, 1)}\n`);
  if (foreign.records > 0) writeFileSync(`${into}.provenance.json`, `${JSON.stringify({ sources: foreign.sources, creators: foreign.creators }, null, 1)}\n`);
  const byQuote = foreign.sources.filter((s) => s.by === 'quote').reduce((n, s) => n + s.count, 0);
  console.log(`${count} articles; annotations anchored exactly ${report.exact}, moved ${report.moved}, fuzzy ${report.fuzzy}; ` +
    `orphans ${report.orphans.length}; not imported ${foreign.bad.length}${listed.length ? ` (listed in ${into}.orphans.json)` : ''}; duplicates skipped ${report.duplicates.length}` +
    (byQuote > 0 ? `; ${byQuote} placed by their quote alone (see ${into}.provenance.json)` : ''));
  const { held: same, versions: made, carried } = versions.report;
  if (same.length > 0) console.log(`already in the bundle, not added again: ${same.join(', ')}`);
  for (const v of made) console.log(`${v.id}: a new version of ${v.versionOf}`);
  if (made.length > 0) console.log(`marks carried to the new versions: exact ${carried.exact}, moved ${carried.moved}, fuzzy ${carried.fuzzy}, orphans ${carried.orphan} (kept detached)`);
}
