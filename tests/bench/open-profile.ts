/**
 * Where an article's opening spends its time: opens seed 000 with a class's 30 × 30 annotations
 * (as the renderer bench does) under the CPU profiler of Chromium's DevTools protocol, and prints
 * the script time of each opening (click to all highlights painted) and the functions that took
 * most of it (TOP=n of them; TIMELINE=depth prints each opening's tasks in order). Builds may be
 * compared in one run, under the same load of the machine, openings alternated:
 * `node --import tsx tests/bench/open-profile.ts dist/renderer /tmp/other-build`; with
 * PROFILE=0, without the profiler, and the CPU time of the page's main thread instead; with
 * WITHIN=name, only the script under the functions of that name (e.g. flushPassiveEffects); with
 * UNTIL=list, until the sidebar lists every annotation instead of until the highlights are painted.
 * A tool for finding causes; the figures themselves come from `npm run bench`.
 */
import { chromium, type Page } from '@playwright/test';
import { resolve } from 'node:path';
import { listen, rendererServer } from '../../electron/cli/serve-renderer';
import { CHROMIUM_ARGS } from '../support/chromium';
import { storeUpdates } from '../support/indexeddb-seed';
import { layerDocName } from '../../shared/model/doc-names';
import { authorOf, classLayers } from './bench-layers';
import { clickArticle } from './library-click';
import { articlePaintedMs, layerUpdate, USER } from './renderer-bench';
import { median } from './stats';

/** OWN=1: the 500-annotation figure instead (the user's own layer, until the frame after the first paint) */
const OWN = process.env.OWN === '1';
const EXPECTED = OWN ? 500 : 900;

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

/** When the calibration loop was first sampled (µs on the profile's clock). */
function calibrationTime(profile: Profile): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let at = profile.startTime;
  for (const [i, id] of profile.samples.entries()) {
    at += profile.timeDeltas[i] ?? 0;
    if (byId.get(id)!.callFrame.functionName === 'openProfileCalibration') return at;
  }
  throw new Error('the calibration loop was not sampled');
}

const label = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;

/**
 * Between `from` and `to` (µs on the profile's clock): the sampled time that was not idle, and
 * by function its self time and its total time (with what it called, counted once per sample).
 */
function summarise(profile: Profile, from: number, to: number): { script: number; top: [string, number][] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // WITHIN=name: only the samples under a function of that name (e.g. flushPassiveEffects)
  const within = (id: number): boolean => {
    if (!process.env.WITHIN) return true;
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) if (byId.get(n)!.callFrame.functionName === process.env.WITHIN) return true;
    return false;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let script = 0;
  let at = profile.startTime;
  const timeline: { task: string; start: number; end: number; ms: number }[] = [];
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const node = byId.get(id)!;
    if (at < from || at > to || node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') return;
    if (!within(id)) return;
    script += ms;
    self.set(`self  ${label(node)}`, (self.get(`self  ${label(node)}`) ?? 0) + ms);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(`total ${label(byId.get(n)!)}`);
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + ms);
    if (process.env.TIMELINE) {
      const chain: string[] = [];
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) chain.unshift(byId.get(n)!.callFrame.functionName);
      const task = chain.filter((f) => f && f !== '(root)').slice(0, Number(process.env.TIMELINE)).join(' > ');
      const last = timeline[timeline.length - 1];
      if (last && last.task === task && at - last.end < 1000) {
        last.end = at;
        last.ms += ms;
      } else timeline.push({ task, start: at, end: at, ms });
    }
  });
  for (const t of timeline) if (t.ms >= 1) console.log(`${((t.start - from) / 1000).toFixed(0).padStart(5)} ms +${t.ms.toFixed(1).padStart(5)}  ${t.task}`);
  const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30));
  return { script, top: [...top(self), ...top(total)] };
}

/**
 * With PROFILE=0, the openings only, timed as the bench times them (no profiler running), with
 * the CPU time of the page's main thread meanwhile as `script` (DevTools' ThreadTime: what a
 * loaded machine stretches least, since time waiting for a core is not counted).
 */
async function openTimed(page: Page, expected: number): Promise<{ ms: number; script: number; top: [string, number][] }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpu = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return metrics.find((m) => m.name === 'ThreadTime')!.value;
  };
  await page.goto('/#/');
  await page.reload();
  await page.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).waitFor();
  const before = await cpu();
  await clickArticle(page);
  const ms = await paintedMs(page, expected);
  const script = ((await cpu()) - before) * 1000;
  await cdp.detach();
  return { ms, script, top: [] };
}

async function paintedMs(page: Page, expected: number): Promise<number> {
  if (process.env.UNTIL === 'list') {
    // UNTIL=list: until the sidebar lists every annotation (its list is built after the first paint)
    const handle = await page.waitForFunction((n) => document.querySelectorAll('li.annotation').length >= n && performance.now() - (window as unknown as { benchStart: number }).benchStart, expected);
    return (await handle.jsonValue()) as number;
  }
  if (OWN) return articlePaintedMs(page, expected);
  const handle = await page.waitForFunction((n) => {
    const mark = performance.getEntriesByName('glose:painted')[0] as PerformanceMark | undefined;
    return mark && (mark.detail as number) >= n ? mark.startTime - (window as unknown as { benchStart: number }).benchStart : null;
  }, expected);
  return (await handle.jsonValue()) as number;
}

async function openProfiled(page: Page, expected: number): Promise<{ ms: number; script: number; top: [string, number][] }> {
  if (process.env.PROFILE === '0') return openTimed(page, expected);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await page.goto('/#/');
  await page.reload();
  await page.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).waitFor();
  await cdp.send('Profiler.start');
  // the page's clock against the profile's: a named busy loop, found in the samples
  // (a string, so that the loop keeps its name in the page)
  const started = (await page.evaluate('(function openProfileCalibration() { const t = performance.now(); while (performance.now() - t < 20); return t; })()')) as number;
  await clickArticle(page);
  const ms = await paintedMs(page, expected);
  const benchStart = (await page.evaluate(() => (window as unknown as { benchStart: number }).benchStart)) as number;
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  await cdp.detach();
  const calibrated = calibrationTime(profile);
  const from = calibrated + (benchStart - started) * 1000;
  return { ms, ...summarise(profile, from, from + ms * 1000) };
}

async function main(): Promise<void> {
  const builds = process.argv.slice(2).length ? process.argv.slice(2) : ['dist/renderer'];
  const runs = Number(process.env.RUNS ?? 6);
  const data = OWN ? { updates: { [layerDocName('sample', '000', USER.id)]: layerUpdate(500) } } : classLayers(30, 30);
  const pages: Page[] = [];
  for (const build of builds) {
    // a browser for each build, so that their processes' CPU times are apart
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const port = await listen(rendererServer(resolve(build)), 0);
    const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}`, viewport: { width: 1280, height: 800 } });
    await context.addInitScript((user) => {
      localStorage.setItem('glose.user', JSON.stringify(user));
      localStorage.setItem('glose.language', 'en');
    }, OWN ? USER : authorOf(0));
    const page = await context.newPage();
    await page.goto('/');
    await storeUpdates(page, data.updates);
    const first = await openProfiled(page, EXPECTED);
    console.log(`${build} first opening (no snapshot): ${first.ms.toFixed(0)} ms, script ${first.script.toFixed(0)} ms`);
    pages.push(page);
  }
  const results = builds.map(() => [] as Awaited<ReturnType<typeof openProfiled>>[]);
  for (let i = 0; i < runs; i++) for (const [b, page] of pages.entries()) results[b]!.push(await openProfiled(page, EXPECTED));
  for (const [b, build] of builds.entries()) {
    const r = results[b]!;
    console.log(`\n${build}: each ${r.map((x) => `${x.ms.toFixed(0)} (${x.script.toFixed(0)})`).join(' ')}`);
    console.log(`${build}: open ${median(r.map((x) => x.ms)).toFixed(0)} ms, script ${median(r.map((x) => x.script)).toFixed(0)} ms (medians of ${runs})`);
    const merged = new Map<string, number>();
    for (const x of r) for (const [k, v] of x.top) merged.set(k, (merged.get(k) ?? 0) + v / runs);
    for (const [k, v] of [...merged].sort((a, c) => c[1] - a[1]).slice(0, Number(process.env.TOP ?? 30) * 2)) console.log(`  ${v.toFixed(1).padStart(7)} ms  ${k}`);
  }
  process.exit(0);
}

void main();
