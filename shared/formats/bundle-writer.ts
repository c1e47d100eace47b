/**
 * Writes a corpus bundle as an export writer (see bundle-layout): the files come out article by
 * article, so a command can stream them into a zip with flat memory. The export date and the
 * app version are injected; pseudonymisation happens before (pseudonymise.ts) and is recorded.
 */
import { claimReviewWriter } from './claimreview-export';
import { bundlePaths, BUNDLE_FORMAT, BUNDLE_VERSION, type Manifest } from './bundle-layout';
import type { ExportOptions, ExportWriter, OutChunk } from './types';
import { sortedArticle } from './types';

export interface BundleOptions extends ExportOptions {
  app: { name: string; version: string };
  now: () => Date;
  pseudonymised: boolean;
}

/** A layer's records as a JSON array with one record per line, so errors can name a line. */
export function layerJson(annotations: readonly unknown[]): string {
  return annotations.length === 0 ? '[]\n' : `[\n${annotations.map((a) => JSON.stringify(a)).join(',\n')}\n]\n`;
}

export function bundleWriter(options: BundleOptions): ExportWriter {
  const listed: Manifest['articles'] = [];
  const reviews = options.corpus.verdicts ? claimReviewWriter(options) : null;
  return {
    begin: () => [{ file: bundlePaths.corpus, text: `${JSON.stringify(options.corpus, null, 1)}\n` }],
    article(entry) {
      const sorted = sortedArticle(entry);
      const id = entry.article.id;
      const out: OutChunk[] = [
        { file: bundlePaths.article(id), text: `${JSON.stringify(entry.article, null, 1)}\n` },
        { file: bundlePaths.text(id), text: entry.text },
      ];
      for (const layer of sorted.layers) out.push({ file: bundlePaths.layer(id, layer.owner), text: layerJson(layer.annotations) });
      reviews?.article(entry);
      listed.push({ id, hash: entry.article.hash, layers: sorted.layers.length, annotations: sorted.layers.reduce((n, l) => n + l.annotations.length, 0) });
      return out;
    },
    end() {
      const manifest: Manifest = {
        format: BUNDLE_FORMAT,
        version: BUNDLE_VERSION,
        app: options.app,
        exported: options.now().toISOString(),
        pseudonymised: options.pseudonymised,
        articles: listed,
      };
      const claimreview = reviews ? reviews.end().map((c) => ({ file: bundlePaths.claimreview, text: c.text })) : [];
      return [...claimreview, { file: bundlePaths.manifest, text: `${JSON.stringify(manifest, null, 1)}\n` }];
    },
  };
}
