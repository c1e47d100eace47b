/**
 * `npm run bench` suite "dashboard": does the teacher's live dashboard stay responsive with 40
 * students? A class server (in this process) with 40 students who joined through the real HTTP
 * API, each a cheap protocol-level student (load-student.ts: real sockets and Yjs updates, no
 * browser) holding only their own layer on article 000, each with marks already made; and ONE
 * real Chromium page, the teacher's, on the dashboard. While every student keeps writing (about
 * one mark every few seconds each: the class at work), one student at a time makes a measured
 * mark; `dashboard_update_ms_40` is the time from that write (Date.now() here, the same clock as
 * the page's; the server is on this machine) until the teacher's dashboard shows the student's new
 * total, p50 and p95. And the main thread's long tasks (over 50 ms, PerformanceObserver) during
 * the measured rounds: their total, and the share of the wall time they took; and, for scale,
 * their total while the page joined and the dashboard first read the 40 layers.
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import manifest from '../../seeds/manifest.json';
import { startSyncServer } from '../../electron/server/sync-server';
import { mintToken } from '../../electron/server/tokens';
import { corpusDocName, layerDocName, textDocName } from '../../shared/model/doc-names';
import { CHROMIUM_ARGS } from '../support/chromium';
import type { BenchOptions, BenchResult } from './bench-types';
import { LoadStudent } from './load-student';
import { client, joinClass, listArticle } from './reveal-bench';
import { percentile } from './stats';

const SECRET = 'bench-dashboard-secret-0123456789abcdefg';
const CORPUS = 'tableau';
const STUDENTS = 40;
/** marks each student has made before the teacher opens the dashboard */
const EARLIER_MARKS = 10;
/** each student's pace while the class works (one background mark per student every ~4 s: 10 a second in all) */
const PACE_MS = 4_000;
const ARTICLE = manifest.articles[0]!;

/** The teacher's page counts its main thread's long tasks from the start (window.longTasks, ms). */
const LONG_TASKS = `(() => {
  window.longTasks = [];
  new PerformanceObserver((list) => list.getEntries().forEach((e) => window.longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
})()`;

/** A page function: the total the dashboard shows for `user` (its row's sixth number: claim … question, then total), -1 before the row. */
const totalOf = (user: string) => `(() => {
  const cell = document.querySelector('a.row-feedback[href*="${user}"]')?.closest('tr')?.querySelectorAll('td.number')[5];
  return cell ? Number(cell.textContent) : -1;
})`;

export async function run({ quick }: BenchOptions): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'glose-bench-dashboard-'));
  const server = await startSyncServer({ port: 0, host: '127.0.0.1', dataDir, secret: SECRET, session: { corpus: CORPUS, title: 'Bench' }, rendererDir: resolve('dist/renderer') });
  const base = `http://127.0.0.1:${server.port}`;
  const students: { user: string; load: LoadStudent; marks: number }[] = [];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const teacherToken = mintToken(SECRET, { role: 'teacher', user: 'teacher', corpus: CORPUS }, 3600, Date.now());
  const teacher = client(server.url, teacherToken);
  let pace: ReturnType<typeof setInterval> | undefined;
  try {
    await listArticle(teacher, CORPUS);

    for (let s = 0; s < STUDENTS; s++) {
      const { token, user } = await joinClass(base, server.session!.studentCode, `Élève ${s + 1}`);
      const load = new LoadStudent({ system: 'glose', url: server.url, user, token, corpus: corpusDocName(CORPUS), article: ARTICLE.id, text: textDocName(CORPUS, ARTICLE.id), own: layerDocName(CORPUS, ARTICLE.id, user), others: [] });
      await load.whenReady();
      for (let m = 0; m < EARLIER_MARKS; m++) load.write();
      students.push({ user, load, marks: EARLIER_MARKS });
    }

    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
    await page.addInitScript(LONG_TASKS);
    await page.addInitScript(() => localStorage.setItem('glose.user', JSON.stringify({ id: 'teacher', name: 'Teacher', color: '#009E73' })));
    await page.goto(`${base}/#/join?token=${teacherToken}`);
    await page.locator('.join-code').waitFor();
    await page.evaluate(() => (location.hash = '#/dashboard'));
    await page.waitForFunction((n) => document.querySelectorAll('#dashboard-students-table tbody tr').length === n, STUDENTS, { timeout: 120_000 });
    for (const s of students) await page.waitForFunction(`${totalOf(s.user)}() === ${s.marks}`, null, { timeout: 60_000 });

    // the class at work: each tick, one student (in turn) writes a mark, so each writes every PACE_MS
    let turn = 0;
    pace = setInterval(() => {
      const s = students[turn++ % STUDENTS]!;
      s.load.write();
      s.marks++;
    }, PACE_MS / STUDENTS);

    const rounds = quick ? 10 : 40;
    const samples: number[] = [];
    const startedAt = (await page.evaluate('performance.now()')) as number;
    for (let round = 0; round < rounds; round++) {
      const s = students[(round * 7) % STUDENTS]!;
      const wrote = Date.now();
      s.load.write();
      s.marks++;
      const expected = s.marks;
      // the page reports when the total reaches what was written (or more: the background pace adds to it)
      const shownAt = (await page.evaluate(`new Promise((done) => {
        const total = ${totalOf(s.user)};
        const watch = () => (total() >= ${expected} ? done(Date.now()) : requestAnimationFrame(watch));
        watch();
      })`)) as number;
      samples.push(shownAt - wrote);
    }
    const { opening, total, wall } = (await page.evaluate(`(() => {
      const since = ${startedAt};
      const sum = (tasks) => tasks.reduce((n, [, d]) => n + d, 0);
      return { opening: sum(window.longTasks.filter(([start]) => start < since)), total: sum(window.longTasks.filter(([start]) => start >= since)), wall: performance.now() - since };
    })()`)) as { opening: number; total: number; wall: number };
    return [
      { name: 'dashboard_update_ms_40_p50', value: percentile(samples, 0.5), unit: 'ms' },
      { name: 'dashboard_update_ms_40_p95', value: percentile(samples, 0.95), unit: 'ms' },
      { name: 'dashboard_open_longtask_ms_40', value: opening, unit: 'ms' },
      { name: 'dashboard_longtask_ms_40', value: total, unit: 'ms' },
      { name: 'dashboard_longtask_share_40', value: (100 * total) / wall, unit: '%' },
    ];
  } finally {
    clearInterval(pace);
    await browser.close();
    students.forEach((s) => s.load.close());
    teacher.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
