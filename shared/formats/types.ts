/**
 * The shapes every research format works on: a corpus described once (id, title, tagset), then
 * its articles one at a time, each with its canonical text and every author's layer. Exporters
 * are writers fed article by article so that a command can stream thousands of articles with
 * flat memory; importers are adapters that return `{ ok, value } | { ok: false, error }`
 * instead of throwing, as Recogito's W3C adapter does.
 */
import type { Rubric } from '../assessment/rubric';
import type { VerdictData } from '../claims/verdict';
import type { Article } from '../model/corpus';
import type { Reply, StatusRecord, Vote } from '../model/discussion';
import type { FeedbackEntry } from '../model/feedback';
import type { PageSource } from '../model/page-source';
import type { Annotation } from '../model/record';
import type { Tagset } from '../model/tagset';

export { fail, ok, type Result } from '../result';

export interface CorpusInfo {
  id: string;
  title: string;
  tagset: Tagset;
  /** The verdicts on its claims (shared/claims/verdict.ts), for the ClaimReview export; none when absent. */
  verdicts?: VerdictData;
  /** The teacher's rubric weights (shared/assessment/rubric.ts), for the scores export; the default when absent. */
  rubric?: Rubric;
  /** Feedback on each student's work as a whole (entries about no article); only when the export asks for it. */
  feedback?: FeedbackSnapshot[];
}

/** All records of one owner (an author, a team or `gold`) on one article. */
export interface LayerSnapshot {
  owner: string;
  annotations: Annotation[];
  /** The owner's replies and votes on annotations of the article (any layer's), when the source has them. */
  replies?: Reply[];
  votes?: Vote[];
  /** The owner's open/resolved decisions on annotations of the article (model/discussion.ts). */
  statuses?: StatusRecord[];
}

/** The private feedback between the teachers and one student about this article (shared/model/feedback.ts). */
export interface FeedbackSnapshot {
  student: string;
  entries: FeedbackEntry[];
}

export interface ArticleSnapshot {
  article: Article;
  /** The canonical text every offset counts in (code points). */
  text: string;
  layers: LayerSnapshot[];
  /** Only when the export asks for it (it is private): runExport drops it otherwise. */
  feedback?: FeedbackSnapshot[];
  /** Where an article imported from a web address came from, and the page as it was served (model/page-source.ts). */
  source?: { provenance: PageSource; html: string };
}

/** A piece of output: `file` is '' for single-file formats, else a relative path. */
export interface OutChunk {
  file: string;
  text: string;
}

/** A streaming exporter: header, then one call per article, then a trailer. */
export interface ExportWriter {
  begin(): OutChunk[];
  article(entry: ArticleSnapshot): OutChunk[];
  end(): OutChunk[];
}

export interface ExportOptions {
  corpus: CorpusInfo;
  /** Prefix of every IRI the export mints (articles, annotations, agents). */
  base?: string;
  /** CSV only: write cells exactly as typed, formula-leading ones included (default: neutralised with `'`). */
  csvRaw?: boolean;
  /** Include the private feedback to students (CSV and JSONL columns, W3C replies). */
  feedback?: boolean;
}

export const DEFAULT_BASE = 'urn:glose:';

/** Layers by owner, annotations by position then id: every export lists them in this order. */
export function sortedArticle(entry: ArticleSnapshot): ArticleSnapshot {
  const layers = [...entry.layers]
    .sort((a, b) => (a.owner < b.owner ? -1 : a.owner > b.owner ? 1 : 0))
    .map((layer) => ({
      ...layer,
      annotations: [...layer.annotations].sort(
        (a, b) => a.target.start - b.target.start || a.target.end - b.target.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      ),
    }));
  return { ...entry, layers };
}
