/**
 * `npm run bench` suite "compare": what the class comparison costs (renderer/store/comparison.ts,
 * paragraphs and their sentences) for 40 students × 30 marks on the 50-paragraph seed article —
 * the work the teacher's heat strip redoes when a classmate's mark arrives.
 */
import { readFileSync } from 'node:fs';
import { classComparison } from '../../renderer/store/comparison';
import type { Placed } from '../../renderer/store/placed-annotations';
import { DEFAULT_TAGSET } from '../../shared/model/tagset';
import { canonicalText, paragraphs } from '../../shared/text/canonical-text';
import { codePointIndex } from '../../shared/text/code-points';
import type { BenchOptions, BenchResult } from './bench-types';
import { median } from './stats';

const STUDENTS = 40;
const MARKS = 30;

/** Each student's marks: a few words in paragraphs spread over the article, kinds in turn (deterministic). */
function classMarks(text: string): Placed[] {
  const paras = paragraphs(text);
  const kinds = DEFAULT_TAGSET.kinds.map((k) => k.key);
  const placed: Placed[] = [];
  for (let s = 0; s < STUDENTS; s++) {
    const author = { id: `s${s}`, name: `Student ${s}`, color: '#0072b2' };
    for (let m = 0; m < MARKS; m++) {
      const p = paras[(s * 7 + m * 13) % paras.length]!;
      const start = p.start + ((s + m) % 5) * Math.floor((p.end - p.start) / 10);
      const end = Math.min(p.end, start + 20 + ((s * m) % 40));
      const at = '2026-01-01T00:00:00.000Z';
      const annotation = { id: `s${s}-m${m}`, kind: kinds[(s + m) % kinds.length]!, target: { start, end, exact: text.slice(start, end), prefix: '', suffix: '' }, note: '', author, created: at, modified: at, links: [], status: 'open' as const };
      placed.push({ annotation, owner: author.id, mine: false, start, end, anchor: 'exact' });
    }
  }
  return placed;
}

export async function run({ quick }: BenchOptions): Promise<BenchResult[]> {
  const text = canonicalText(readFileSync(new URL('../../seeds/000_69c924cc0d086b21.txt', import.meta.url), 'utf8'));
  const index = codePointIndex(text);
  const placed = classMarks(text);
  const times: number[] = [];
  for (let i = 0; i < (quick ? 5 : 20); i++) {
    const t0 = performance.now();
    classComparison(text, index, placed, DEFAULT_TAGSET, undefined, 'fr');
    times.push(performance.now() - t0);
  }
  return [{ name: 'class_comparison_ms_40x30', value: median(times), unit: 'ms' }];
}
