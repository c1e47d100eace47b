/**
 * `npm run bench` suite "reveal": a blind class of 30 students who have each marked 3 passages
 * of article 000 (written by raw Hocuspocus clients in Node, joined through the real HTTP API),
 * and one more student with the article open in Chromium (joined with the code, as a person
 * would). The teacher turns blind annotation off; `reveal_to_visible_ms` is the time from that
 * write until the page has painted all 90 classmates' highlights (the same clock: Date.now() in
 * this process and in the page). Then blind again, and again a reveal: the median of the rounds,
 * and the first round alone (the only one that fetches the layers from the server).
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import manifest from '../../seeds/manifest.json';
import { startSyncServer } from '../../electron/server/sync-server';
import { mintToken } from '../../electron/server/tokens';
import { targetFor } from '../../shared/anchor/selectors';
import { setBlind } from '../../shared/model/class-settings';
import { addArticle } from '../../shared/model/corpus';
import { corpusDocName, layerDocName, textDocName } from '../../shared/model/doc-names';
import { addAnnotation } from '../../shared/model/layer';
import { canonicalText } from '../../shared/text/canonical-text';
import { codePointIndex } from '../../shared/text/code-points';
import { CHROMIUM_ARGS } from '../support/chromium';
import type { BenchOptions, BenchResult } from './bench-types';

const SECRET = 'bench-reveal-secret-0123456789abcdefghij';
const CORPUS = 'reveal';
const STUDENTS = 30;
const MARKS = 3;
const ARTICLE = manifest.articles[0]!;

interface Client {
  open(name: string): Promise<{ doc: Y.Doc; sent: () => Promise<void> }>;
  close(): void;
}

/** One person's socket; documents opened on it resolve once synced (join-bench.ts uses it too). */
export function client(url: string, token: string): Client {
  const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WebSocket });
  const providers: HocuspocusProvider[] = [];
  return {
    async open(name) {
      const doc = new Y.Doc();
      const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, awareness: null });
      provider.attach();
      providers.push(provider);
      await new Promise<void>((done) => provider.on('synced', () => done()));
      const sent = async () => {
        while (provider.hasUnsyncedChanges) await new Promise((r) => setTimeout(r, 10));
      };
      return { doc, sent };
    },
    close() {
      providers.forEach((p) => p.destroy());
      socket.destroy();
    },
  };
}

/** The teacher lists article 000 (its text from the seeds) in `corpus`, sent to the server (join-bench.ts and dashboard-bench.ts use it too). */
export async function listArticle(teacher: Client, corpus: string): Promise<{ corpus: { doc: Y.Doc; sent: () => Promise<void> }; text: string }> {
  const corpusDoc = await teacher.open(corpusDocName(corpus));
  const body = await teacher.open(textDocName(corpus, ARTICLE.id));
  const text = canonicalText(readFileSync(`seeds/${ARTICLE.file}`, 'utf8'));
  addArticle(corpusDoc.doc, body.doc, { id: ARTICLE.id, title: ARTICLE.title, language: ARTICLE.language, source: ARTICLE.source, order: 0 }, text);
  await Promise.all([corpusDoc.sent(), body.sent()]);
  return { corpus: corpusDoc, text };
}

/** Joins the class through the HTTP API as a person's page does (dashboard-bench.ts uses it too). */
export async function joinClass(base: string, code: string, name: string): Promise<{ token: string; user: string }> {
  const response = await fetch(`${base}/api/join`, { method: 'POST', body: JSON.stringify({ code, name, color: '#0072B2' }) });
  if (!response.ok) throw new Error(`join failed: ${response.status}`);
  return (await response.json()) as { token: string; user: string };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function run({ quick }: BenchOptions): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'glose-bench-reveal-'));
  const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, secret: SECRET, session: { corpus: CORPUS, title: 'Bench' }, rendererDir: resolve('dist/renderer') });
  const base = `http://127.0.0.1:${server.port}`;
  const clients: Client[] = [];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const teacher = client(server.url, mintToken(SECRET, { role: 'teacher', user: 'teacher', corpus: CORPUS }, 3600, Date.now()));
    clients.push(teacher);
    const { corpus, text } = await listArticle(teacher, CORPUS);
    setBlind(corpus.doc, true);
    await corpus.sent();

    const index = codePointIndex(text);
    for (let s = 0; s < STUDENTS; s++) {
      const { token, user } = await joinClass(base, server.session!.studentCode, `Élève ${s + 1}`);
      const student = client(server.url, token);
      clients.push(student);
      const layer = await student.open(layerDocName(CORPUS, ARTICLE.id, user));
      for (let m = 0; m < MARKS; m++) {
        const start = Math.floor(((s * MARKS + m) * (index.length - 100)) / (STUDENTS * MARKS));
        const at = new Date().toISOString();
        addAnnotation(layer.doc, { id: `s${s}m${m}`, kind: 'claim', target: targetFor(index, start, start + 40), note: '', author: { id: user, name: `Élève ${s + 1}`, color: '#0072B2' }, created: at, modified: at, links: [], status: 'open' });
      }
      await layer.sent();
    }

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.addInitScript(() => localStorage.setItem('glose.user', JSON.stringify({ id: 'watcher', name: 'Watcher', color: '#009E73' })));
    await page.goto(`${base}/#/join?code=${server.session!.studentCode}`);
    await page.getByRole('button', { name: /^(Join|Rejoindre)$/ }).click();
    await page.locator(`a[href$="#/article/${ARTICLE.id}"]`).first().click();
    await page.locator('.article-text').waitFor();
    const painted = () => page.evaluate(`[...CSS.highlights].filter(([k]) => k.startsWith('glose-kind-')).reduce((n, [, h]) => n + h.size, 0)`);

    const rounds: number[] = [];
    for (let round = 0; round < (quick ? 3 : 7); round++) {
      // a string, not a function: tsx would wrap the page's named helpers in a `__name` it lacks
      await page.evaluate(`(() => {
        delete window.revealedAt;
        const count = () => [...CSS.highlights].filter(([k]) => k.startsWith('glose-kind-')).reduce((n, [, h]) => n + h.size, 0);
        const watch = () => (count() >= ${STUDENTS * MARKS} ? (window.revealedAt = Date.now()) : requestAnimationFrame(watch));
        requestAnimationFrame(watch);
      })()`);
      const revealed = Date.now();
      setBlind(corpus.doc, false);
      await page.waitForFunction(() => (window as unknown as { revealedAt?: number }).revealedAt !== undefined, null, { timeout: 60_000 });
      rounds.push((await page.evaluate(() => (window as unknown as { revealedAt: number }).revealedAt)) - revealed);
      setBlind(corpus.doc, true);
      while (((await painted()) as number) > 0) await page.waitForTimeout(50);
    }
    // the first reveal fetches every layer; later ones find them in the page's copies already
    return [
      { name: 'reveal_to_visible_ms', value: median(rounds), unit: 'ms' },
      { name: 'reveal_first_to_visible_ms', value: rounds[0]!, unit: 'ms' },
    ];
  } finally {
    await browser.close();
    clients.forEach((c) => c.close());
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
