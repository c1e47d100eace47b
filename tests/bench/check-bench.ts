/**
 * `npm run bench` suite "check": what the server's check of one inbound update costs
 * (electron/server/update-check.ts, on the document's shadow) on a student's layer of 100 and of
 * 1,000 records — the time added to every write before it is stored and acknowledged.
 */
import * as Y from 'yjs';
import { quotasSchema } from '../../electron/server/quotas';
import { checkUpdate } from '../../electron/server/update-check';
import { addAnnotation } from '../../shared/model/layer';
import type { Annotation } from '../../shared/model/record';
import type { BenchOptions, BenchResult } from './bench-types';
import { percentile } from './bench-server';

const NAME = 'corpus/bench/layer/a1/ana';

function annotation(id: string): Annotation {
  const at = '2025-01-01T00:00:00.000Z';
  return { id, kind: 'claim', target: { start: 0, end: 5, exact: 'words', prefix: 'before ', suffix: ' after' }, note: `a note about ${id}`, author: { id: 'ana', name: 'Ana', color: '#0072b2' }, created: at, modified: at, links: [], status: 'open' };
}

function median(records: number, trials: number): number {
  const limits = quotasSchema.parse({});
  const layer = new Y.Doc();
  for (let i = 0; i < records; i++) addAnnotation(layer, annotation(`r${i}`));
  const times: number[] = [];
  const client = new Y.Doc(); // the student's copy
  Y.applyUpdate(client, Y.encodeStateAsUpdate(layer));
  for (let i = 0; i < trials; i++) {
    const before = Y.encodeStateVector(layer);
    addAnnotation(client, annotation(`new${i}`));
    const update = Y.encodeStateAsUpdate(client, before);
    const t0 = performance.now();
    const verdict = checkUpdate(layer, NAME, update, limits);
    times.push(performance.now() - t0);
    if (!verdict.ok) throw new Error(`bench update refused: ${verdict.code}`);
    Y.applyUpdate(layer, update); // as Hocuspocus then does
  }
  return percentile(times.sort((a, b) => a - b), 50);
}

export async function run({ quick }: BenchOptions): Promise<BenchResult[]> {
  const trials = quick ? 50 : 300;
  return [
    { name: 'update_check_ms_100_records', value: median(100, trials), unit: 'ms' },
    { name: 'update_check_ms_1000_records', value: median(1000, trials), unit: 'ms' },
  ];
}
