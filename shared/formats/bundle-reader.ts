/**
 * Reads a corpus bundle file by file, in the order bundle-writer writes them, and hands back
 * each article (metadata, text, layers) as soon as it is complete. Every file is validated:
 * a text whose hash differs from its article entry, a record that fails the schema or a file
 * that is not JSON is an error naming the file and the line. The parts of version 2 (discussion,
 * feedback, a web page's provenance: bundle-parts.ts) are checked the same way, and their
 * problems are also kept whole (`problem()`) for a message in the user's language.
 */
import { articleSchema, sha256Hex } from '../model/corpus';
import { annotationSchema } from '../model/record';
import { corpusFileSchema, manifestSchema, parseBundlePath, type BundleFile, type Manifest } from './bundle-layout';
import { checkSnapshot, problemText, readDiscussionPart, readFeedbackPart, readSourcePart, type BundleProblem } from './bundle-parts';
import type { ArticleSnapshot, CorpusInfo, FeedbackSnapshot, Result } from './types';
import { fail, ok } from './types';
import { parseJson } from './json-text';

function issues(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
}

export interface BundleAssembler {
  /** Feeds one file; returns the articles it completed (the previous one, when a new one starts). */
  file(path: string, text: string): Result<ArticleSnapshot[]>;
  corpus(): CorpusInfo | null;
  /** The last problem with a version-2 part, whole (its code, file and detail), if the last error was one. */
  problem(): BundleProblem | null;
  /** Call after the last file: the last article, and the manifest checked against what was read. */
  end(): Result<{ articles: ArticleSnapshot[]; manifest: Manifest }>;
}

export function bundleAssembler(): BundleAssembler {
  let corpus: CorpusInfo | null = null;
  let manifest: Manifest | null = null;
  let current: Partial<ArticleSnapshot> & { id: string; layers: ArticleSnapshot['layers']; provenance?: NonNullable<ArticleSnapshot['source']>['provenance'] } | null = null;
  const seen: { id: string; hash: string }[] = [];
  let problem: BundleProblem | null = null;
  let newer: string | null = null;
  const refuse = (p: BundleProblem): Result<never> => {
    problem = p;
    return fail(problemText(p));
  };

  /** A version-2 part of the current article (or, for whole-work feedback, of the corpus). */
  const part = (path: string, kind: BundleFile, json: unknown): Result<void> => {
    newer ??= path;
    if (kind.kind === 'feedback') {
      const entries = readFeedbackPart(path, json, kind.article);
      if (!entries.ok) return refuse(entries.problem);
      const list: FeedbackSnapshot[] = kind.article === undefined ? (corpus!.feedback ??= []) : (current!.feedback ??= []);
      list.push({ student: kind.owner, entries: entries.value });
    } else if (kind.kind === 'discussion') {
      const talk = readDiscussionPart(path, json);
      if (!talk.ok) return refuse(talk.problem);
      const layer = current!.layers.find((l) => l.owner === kind.owner);
      if (!layer) return refuse({ code: 'missingPart', file: path, detail: `layers/${kind.owner}.json` });
      Object.assign(layer, talk.value);
    } else {
      const source = readSourcePart(path, json);
      if (!source.ok) return refuse(source.problem);
      current!.provenance = source.value;
    }
    return ok(undefined);
  };

  const snapshot = (path: string, html: string): Result<void> => {
    newer ??= path;
    const provenance = current!.provenance;
    if (!provenance) return refuse({ code: 'missingPart', file: path, detail: 'source.json' });
    const bad = checkSnapshot(path, html, provenance);
    if (bad) return refuse(bad);
    current!.source = { provenance, html };
    return ok(undefined);
  };

  const finish = (): Result<ArticleSnapshot[]> => {
    if (!current) return ok([]);
    const c = current;
    current = null;
    if (!c.article || c.text === undefined) return fail(`articles/${c.id}: article.json or text.txt is missing`);
    if (c.provenance && !c.source) return refuse({ code: 'missingPart', file: `articles/${c.id}/source.json`, detail: 'source.html' });
    if (sha256Hex(c.text) !== c.article.hash) return fail(`articles/${c.id}/text.txt:1: text does not match the hash in article.json`);
    seen.push({ id: c.id, hash: c.article.hash });
    return ok([{ article: c.article, text: c.text, layers: c.layers, ...(c.feedback ? { feedback: c.feedback } : {}), ...(c.source ? { source: c.source } : {}) }]);
  };

  return {
    corpus: () => corpus,
    problem: () => problem,
    file(path, text) {
      problem = null;
      const kind = parseBundlePath(path);
      if (!kind) return fail(`${path}: not a file of a Glose bundle`);
      if (kind.kind === 'feedback' && kind.article === undefined) {
        if (!corpus || current) return fail(`${path}: feedback on a whole work must come right after corpus.json`);
        const json = parseJson(path, text);
        if (!json.ok) return json;
        const r = part(path, kind, json.value);
        return r.ok ? ok([]) : r;
      }
      if ('article' in kind && kind.article !== undefined) {
        const done = current && current.id !== kind.article ? finish() : ok([]);
        if (!done.ok) return done;
        current ??= { id: kind.article, layers: [] };
        if (kind.kind === 'text') current.text = text;
        else if (kind.kind === 'snapshot') {
          const r = snapshot(path, text);
          if (!r.ok) return r;
        } else {
          const json = parseJson(path, text);
          if (!json.ok) return json;
          if (kind.kind === 'article') {
            const a = articleSchema.safeParse(json.value);
            if (!a.success || a.data.id !== kind.article) return fail(`${path}:1: ${a.success ? 'id does not match the folder' : issues(a.error)}`);
            current.article = a.data;
          } else if (kind.kind === 'layer') {
            if (!Array.isArray(json.value)) return fail(`${path}:1: a layer must be a JSON array of records`);
            const annotations = [];
            for (const [i, raw] of json.value.entries()) {
              const r = annotationSchema.safeParse(raw);
              if (!r.success) return fail(`${path}:${i + 2}: ${issues(r.error)}`);
              annotations.push(r.data);
            }
            current.layers.push({ owner: kind.owner, annotations });
          } else {
            const r = part(path, kind, json.value);
            if (!r.ok) return r;
          }
        }
        return done;
      }
      if (kind.kind === 'claimreview') return finish(); // derived from corpus.json's verdicts
      const json = parseJson(path, text);
      if (!json.ok) return json;
      const parsed = kind.kind === 'corpus' ? corpusFileSchema.safeParse(json.value) : manifestSchema.safeParse(json.value);
      if (!parsed.success) return fail(`${path}:1: ${issues(parsed.error)}`);
      if (kind.kind === 'corpus') corpus = parsed.data as CorpusInfo;
      else manifest = parsed.data as Manifest;
      return finish();
    },
    end() {
      const last = finish();
      if (!last.ok) return last;
      if (!corpus) return fail('corpus.json: missing');
      if (!manifest) return fail('manifest.json: missing');
      if (manifest.version === 1 && newer) return refuse({ code: 'newerPart', file: newer });
      const listed = manifest.articles.map((a) => `${a.id}:${a.hash}`).join(',');
      if (listed !== seen.map((a) => `${a.id}:${a.hash}`).join(',')) return fail('manifest.json:1: the articles listed do not match the articles in the bundle');
      return ok({ articles: last.value, manifest });
    },
  };
}
