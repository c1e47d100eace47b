/**
 * The page side of the Recogito baseline (bundled by recogito-bench.ts, never part of the app
 * build): lays the article out as paragraphs, creates Recogito's text annotator with its CSS
 * Custom Highlight renderer and W3C adapter, loads the annotations, and reports the time from
 * the start until its first redraw has put highlights in the registry (Recogito paints the
 * annotations in the viewport; Glose paints them all).
 */
import { createTextAnnotator, W3CTextFormat, type TextAnnotation, type W3CTextAnnotation } from '@recogito/text-annotator';

declare global {
  interface Window {
    openWithRecogito: (paragraphs: string[], annotations: W3CTextAnnotation[]) => Promise<{ ms: number; painted: number; anchored: number }>;
  }
}

window.openWithRecogito = (paragraphs, annotations) =>
  new Promise((resolve) => {
    const started = performance.now();
    let lastSet = 0;
    const registry = CSS.highlights;
    const set = registry.set.bind(registry);
    // the time of the last highlight put in the registry
    Object.defineProperty(registry, 'set', { value: (name: string, h: Highlight) => ((lastSet = performance.now()), set(name, h)) });
    const container = document.getElementById('text')!;
    for (const text of paragraphs) container.appendChild(document.createElement('p')).textContent = text;
    const annotator = createTextAnnotator<TextAnnotation, W3CTextAnnotation>(container, {
      renderer: 'CSS_HIGHLIGHTS',
      adapter: W3CTextFormat('https://glose.invalid/corpora/sample/articles/000', container),
    });
    annotator.renderer.on('onRedraw', () => {
      if (registry.size === 0) return;
      const ms = lastSet - started;
      // how many annotations Recogito placed on their quote (less the line breaks between paragraphs, which its text has not)
      const anchored = annotator.state.store.all().filter((a) => a.target.selector.every((x) => x.range?.toString() === x.quote.replaceAll('\n', ''))).length;
      resolve({ ms, painted: [...registry.values()].reduce((n, h) => n + h.size, 0), anchored });
    });
    // replace = false: Recogito's upsert path revives each target's range from its offsets (its sync path does not)
    annotator.setAnnotations(annotations, false);
  });
