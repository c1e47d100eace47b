/**
 * Recogito's text annotator (@recogito/text-annotator, a bench-only devDependency) as a
 * baseline, in the same Chromium as the app: its page is bundled here with esbuild and served
 * through Playwright's routing at a bench-only address on the app's origin, so nothing of it is
 * in the app build. It loads the same annotations (as W3C Web Annotations) on the same article.
 */
import type { BrowserContext } from '@playwright/test';
import { build } from 'esbuild';

const PAGE = '/__bench/recogito.html';

async function bundle(): Promise<{ js: string; css: string }> {
  const out = await build({ entryPoints: ['tests/bench/recogito-page.ts'], bundle: true, write: false, format: 'iife', outdir: 'recogito-bench', minify: true, logLevel: 'silent' });
  const text = (ext: string) => out.outputFiles.find((f) => f.path.endsWith(ext))?.text ?? '';
  return { js: text('.js'), css: text('.css') };
}

/**
 * A page ready to open Recogito on `annotations` over `paragraphs` (a fresh page load each time),
 * so its opens can be interleaved with the app's under the same machine load.
 */
export async function recogitoOpener(context: BrowserContext, paragraphs: string[], annotations: unknown[]): Promise<{ open: () => Promise<number>; close: () => Promise<void> }> {
  const { js, css } = await bundle();
  const html = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${css}</style><style>body{font:18px/1.6 serif;max-width:42rem;margin:2rem}</style></head><body><div id="text"></div><script>${js}</script></body></html>`;
  await context.route(`**${PAGE}`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  const page = await context.newPage();
  return {
    async open() {
      await page.goto(PAGE);
      const { ms, painted, anchored } = await page.evaluate(([p, a]) => window.openWithRecogito(p as string[], a as never), [paragraphs, annotations] as const);
      if (painted === 0 || anchored < annotations.length) throw new Error(`Recogito anchored ${anchored} of ${annotations.length} annotations and painted ${painted}`);
      return ms;
    },
    async close() {
      await page.close();
      await context.unroute(`**${PAGE}`);
    },
  };
}
