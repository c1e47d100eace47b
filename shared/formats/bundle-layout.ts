/**
 * The layout of a Glose corpus bundle (.zip), written in an order a reader can stream:
 * `corpus.json` (id, title, tagset), then per article `articles/<id>/article.json`,
 * `articles/<id>/text.txt` and `articles/<id>/layers/<owner>.json` (that layer's records, one
 * per line inside a JSON array), then `claimreview.jsonld` when claims have verdicts (derived
 * from the verdicts `corpus.json` carries, so a reader skips it), and last `manifest.json`
 * (format version, app version, export date, pseudonymisation, and every article's text hash
 * and annotation count).
 */
import { z } from 'zod';
import { verdictDataSchema } from '../claims/verdict';
import { tagsetSchema } from '../model/tagset';

export const BUNDLE_FORMAT = 'glose-bundle';
export const BUNDLE_VERSION = 1;

export const corpusFileSchema = z.object({ id: z.string().min(1), title: z.string(), tagset: tagsetSchema, verdicts: verdictDataSchema.optional() });

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.literal(BUNDLE_VERSION),
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
  | { kind: 'layer'; article: string; owner: string };

export const bundlePaths = {
  corpus: 'corpus.json',
  manifest: 'manifest.json',
  claimreview: 'claimreview.jsonld',
  article: (id: string) => `articles/${id}/article.json`,
  text: (id: string) => `articles/${id}/text.txt`,
  layer: (id: string, owner: string) => `articles/${id}/layers/${owner}.json`,
};

export function parseBundlePath(path: string): BundleFile | null {
  if (path === bundlePaths.corpus) return { kind: 'corpus' };
  if (path === bundlePaths.manifest) return { kind: 'manifest' };
  if (path === bundlePaths.claimreview) return { kind: 'claimreview' };
  const m = /^articles\/([A-Za-z0-9_-]+)\/(?:(article\.json)|(text\.txt)|layers\/([A-Za-z0-9_-]+)\.json)$/.exec(path);
  if (!m) return null;
  if (m[2]) return { kind: 'article', article: m[1]! };
  if (m[3]) return { kind: 'text', article: m[1]! };
  return { kind: 'layer', article: m[1]!, owner: m[4]! };
}
