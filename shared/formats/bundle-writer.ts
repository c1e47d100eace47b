/**
 * Writes a corpus bundle as an export writer (see bundle-layout): the files come out article by
 * article, so a command can stream them into a zip with flat memory. The export date and the
 * app version are injected; pseudonymisation happens before (pseudonymise.ts) and is recorded.
 * Beside each layer goes its owner's discussion; then the private feedback (present only when
 * the export asked for it: export-runner drops it otherwise) and a web page's provenance.
 */
import { claimReviewWriter } from './claimreview-export';
import { discussionJson, feedbackJson, sourceJson } from './bundle-parts';
import { bundlePaths, BUNDLE_FORMAT, BUNDLE_VERSION, type Manifest } from './bundle-layout';
import type { CorpusInfo, ExportOptions, ExportWriter, OutChunk } from './types';
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

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The corpus with its verdicts and votes in a fixed order, so the same content gives the same bytes whatever order a source read them in. */
function sortedCorpus(corpus: CorpusInfo): CorpusInfo {
  const v = corpus.verdicts;
  if (!v) return corpus;
  const verdicts = [...v.verdicts].sort((a, b) => order(a.about, b.about) || order(a.at, b.at));
  const votes = [...v.votes].sort((a, b) => order(a.owner, b.owner) || order(a.about, b.about));
  return { ...corpus, verdicts: { ...v, verdicts, votes } };
}

export function bundleWriter(options: BundleOptions): ExportWriter {
  const listed: Manifest['articles'] = [];
  const reviews = options.corpus.verdicts ? claimReviewWriter(options) : null;
  return {
    begin() {
      const { feedback, ...corpus } = sortedCorpus(options.corpus);
      const work = [...(feedback ?? [])].sort((a, b) => (a.student < b.student ? -1 : 1));
      return [
        { file: bundlePaths.corpus, text: `${JSON.stringify(corpus, null, 1)}\n` },
        ...work.map((f) => ({ file: bundlePaths.feedback(undefined, f.student), text: feedbackJson(f.entries) })),
      ];
    },
    article(entry) {
      const sorted = sortedArticle(entry);
      const id = entry.article.id;
      const out: OutChunk[] = [
        { file: bundlePaths.article(id), text: `${JSON.stringify(entry.article, null, 1)}\n` },
        { file: bundlePaths.text(id), text: entry.text },
      ];
      for (const layer of sorted.layers) {
        out.push({ file: bundlePaths.layer(id, layer.owner), text: layerJson(layer.annotations) });
        const talk = discussionJson(layer);
        if (talk) out.push({ file: bundlePaths.discussion(id, layer.owner), text: talk });
      }
      for (const f of [...(entry.feedback ?? [])].sort((a, b) => (a.student < b.student ? -1 : 1))) {
        if (f.entries.length > 0) out.push({ file: bundlePaths.feedback(id, f.student), text: feedbackJson(f.entries) });
      }
      if (entry.source) {
        out.push({ file: bundlePaths.source(id), text: sourceJson(entry.source.provenance) }, { file: bundlePaths.snapshot(id), text: entry.source.html });
      }
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
