import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportCorpus } from '../../../shared/formats/export-corpus';
import { runWriter } from '../../../shared/formats/run-writer';
import { bratWriter } from '../../../shared/formats/brat-export';
import { w3cWriter } from '../../../shared/formats/w3c-export';
import { CORPUS, seedCorpus } from './fixtures';

const corpus = seedCorpus(10);
const base = { corpus: CORPUS, app: { name: 'glose', version: '0.1.0' }, now: () => new Date('2025-10-01T00:00:00Z') };

async function* slowly() {
  for (const entry of corpus) {
    await new Promise((r) => setTimeout(r, 1));
    yield entry;
  }
}

describe('exportCorpus (the app’s in-memory export)', () => {
  it('gives the same bytes as the streaming writer, and reports progress per article', async () => {
    const seen: [number, number | undefined][] = [];
    const out = await exportCorpus(slowly(), { ...base, format: 'w3c', total: corpus.length, onProgress: (d, t) => seen.push([d, t]) });
    expect(out.name).toBe('sample.jsonld');
    expect(strFromU8(out.data)).toBe(runWriter(w3cWriter({ corpus: CORPUS }), corpus).get(''));
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((d) => [d, 6]));
  });

  it('zips multi-file formats and bundles; pseudonymises when given a salt', async () => {
    const brat = await exportCorpus(corpus, { ...base, format: 'brat' });
    expect(brat.name).toBe('sample-brat.zip');
    const files = unzipSync(brat.data);
    const expected = runWriter(bratWriter({ corpus: CORPUS }), corpus);
    expect(Object.keys(files).sort()).toEqual([...expected.keys()].sort());
    expect(strFromU8(files['alice/000.ann']!)).toBe(expected.get('alice/000.ann'));
    const bundle = await exportCorpus(corpus, { ...base, format: 'bundle', salt: 'sixteen-chars-salt!' });
    const entries = unzipSync(bundle.data);
    expect(bundle.name).toBe('sample.glose.zip');
    expect(JSON.parse(strFromU8(entries['manifest.json']!))).toMatchObject({ pseudonymised: true });
    expect(Object.keys(entries).some((f) => f.includes('alice'))).toBe(false);
  });

  it('stops with the abort reason between articles when cancelled', async () => {
    const controller = new AbortController();
    let done = 0;
    const run = exportCorpus(slowly(), { ...base, format: 'csv', onProgress: (d) => (done = d) === 2 && controller.abort(new Error('cancelled by the user')), signal: controller.signal });
    await expect(run).rejects.toThrow('cancelled by the user');
    expect(done).toBe(2);
  });
});
