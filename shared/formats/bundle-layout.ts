/**
 * The layout of a Glose corpus bundle (.zip), written in an order a reader can stream:
 * `corpus.json` (id, title, tagset), then per article `articles/<id>/article.json`,
 * `articles/<id>/text.txt` and `articles/<id>/layers/<owner>.json` (that layer's records, one
 * per line inside a JSON array), then `claimreview.jsonld` when claims have verdicts (derived
 * from the verdicts `corpus.json` carries, so a reader skips it), and last `manifest.json`
 * (format version, app version, export date, pseudonymisation, and every article's text hash
 * and annotation count). Version 2 adds, per article, each writer's discussion, the private
 * feedback (when exported with it) and a web page's provenance, and whole-work feedback in
 * `feedback/<student>.json` after `corpus.json` (bundle-parts.ts); version-1 bundles still read.
 */
import { z } from 'zod';
import { rubricSchema } from '../assessment/rubric';
import { verdictDataSchema } from '../claims/verdict';
import { tagsetSchema } from '../model/tagset';

export const BUNDLE_FORMAT = 'glose-bundle';
export const BUNDLE_VERSION = 2;

export const corpusFileSchema = z.object({ id: z.string().min(1), title: z.string(), tagset: tagsetSchema, verdicts: verdictDataSchema.optional(), rubric: rubricSchema.optional() });

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.union([z.literal(1), z.literal(BUNDLE_VERSION)]),
  app: z.object({ name: z.string(), version: z.string() }),
  exported: z.iso.datetime(),
  pseudonymised: z.boolean(),
  articles: z.array(z.object({ id: z.string(), hash: z.string(), layers: z.number().int(), annotations: z.number().int() })),
});

export type Manifest = z.infer<typeof manifestSchema>;

export type BundleFile =
  | { kind: 'corpus' }
  | { kind: 'manifest' }
  | { kind: 'claimreview' }
  | { kind: 'article' | 'text'; article: string }
  | { kind: 'layer' | 'discussion'; article: string; owner: string }
  | { kind: 'feedback'; article?: string; owner: string }
  | { kind: 'source' | 'snapshot'; article: string };

export const bundlePaths = {
  corpus: 'corpus.json',
  manifest: 'manifest.json',
  claimreview: 'claimreview.jsonld',
  article: (id: string) => `articles/${id}/article.json`,
  text: (id: string) => `articles/${id}/text.txt`,
  layer: (id: string, owner: string) => `articles/${id}/layers/${owner}.json`,
  discussion: (id: string, owner: string) => `articles/${id}/discussion/${owner}.json`,
  /** `id` undefined: feedback on the student's work as a whole. */
  feedback: (id: string | undefined, student: string) => (id === undefined ? `feedback/${student}.json` : `articles/${id}/feedback/${student}.json`),
  source: (id: string) => `articles/${id}/source.json`,
  snapshot: (id: string) => `articles/${id}/source.html`,
};

const NAME = '[A-Za-z0-9_-]+';
const ARTICLE_FILE = new RegExp(`^articles/(${NAME})/(?:(article\\.json)|(text\\.txt)|(source\\.json)|(source\\.html)|(layers|discussion|feedback)/(${NAME})\\.json)$`);
const WORK_FEEDBACK = new RegExp(`^feedback/(${NAME})\\.json$`);

export function parseBundlePath(path: string): BundleFile | null {
  if (path === bundlePaths.corpus) return { kind: 'corpus' };
  if (path === bundlePaths.manifest) return { kind: 'manifest' };
  if (path === bundlePaths.claimreview) return { kind: 'claimreview' };
  const work = WORK_FEEDBACK.exec(path);
  if (work) return { kind: 'feedback', owner: work[1]! };
  const m = ARTICLE_FILE.exec(path);
  if (!m) return null;
  const article = m[1]!;
  if (m[2]) return { kind: 'article', article };
  if (m[3]) return { kind: 'text', article };
  if (m[4]) return { kind: 'source', article };
  if (m[5]) return { kind: 'snapshot', article };
  const kind = ({ layers: 'layer', discussion: 'discussion', feedback: 'feedback' } as const)[m[6] as 'layers' | 'discussion' | 'feedback'];
  return { kind, article, owner: m[7]! };
}
