/**
 * JSON-lines W3C (w3c-lines.ts, through foreign-files.ts as the CLI and the app read files):
 * one Annotation per line is read like the same items of a W3C page; a broken line, a line
 * that is not an annotation and a page note are listed by line number with their reason, and
 * the other lines are read; a .json file of JSON lines is recognised by its content; Glose's own
 * flat JSON-lines export is told apart by content (under either name) and refused with what to import instead.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readForeignFile } from '../../../shared/formats/foreign-files';
import { jsonlWriter } from '../../../shared/formats/jsonl-export';
import { runWriter } from '../../../shared/formats/run-writer';
import { readW3c } from '../../../shared/formats/w3c-read';
import { seedCorpus } from './fixtures';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/foreign/${name}`, import.meta.url), 'utf8');
const read = (name: string, text: string) => readForeignFile(name, text, () => undefined);

describe('JSON-lines W3C', () => {
  it('reads each line as an annotation, and lists the bad lines by number with their reason', () => {
    const r = read('lines-tool.jsonl', fixture('lines-tool.jsonl'));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.items.map((i) => [i.where, i.kinds, i.exact, i.note])).toEqual([
      ['lines-tool.jsonl:1 (https://lines.example/anno/1)', ['claim'], 'Meta claims', ''],
      ['lines-tool.jsonl:3 (https://lines.example/anno/2)', ['question'], 'the success came from marketing', 'Marketing, really?'],
      ['lines-tool.jsonl:7 (https://lines.example/anno/6)', ['rebuttal'], 'Regulators answer that the rules protect citizens', ''],
    ]);
    expect(r.value.items[2]).toMatchObject({ start: 56, end: 105, source: 'https://example.org/texts/beta.txt', creator: 'frank' });
    expect(r.value.bad).toEqual([
      { where: 'lines-tool.jsonl:4', reason: expect.stringMatching(/^not a line of JSON \(.+\)$/) },
      { where: 'lines-tool.jsonl:5', reason: 'not a W3C Annotation (no "type": "Annotation")' },
      { where: 'lines-tool.jsonl:6 (https://lines.example/anno/5)', reason: expect.stringContaining('no TextQuoteSelector') },
    ]);
  });

  it('gives the items a W3C page of the same annotations gives, but for where they are', () => {
    const text = fixture('lines-tool.jsonl');
    const good = text.split('\n').filter((_, i) => [0, 2, 6].includes(i)).map((l) => JSON.parse(l) as unknown);
    const page = readW3c({ type: 'AnnotationPage', items: good }, 'lines-tool.jsonl');
    const lines = read('lines-tool.jsonl', text);
    const strip = <T extends { where: string }>(list: T[]) => list.map(({ where: _, ...rest }) => rest);
    expect(lines.ok && strip(lines.value.items)).toEqual(strip(page.items));
  });

  it('reads a .json file of JSON lines by its content, and keeps the error of a broken JSON document', () => {
    const r = read('lines-as.json', fixture('lines-as.json'));
    expect(r.ok && r.value.items.map((i) => [i.where, i.exact])).toEqual([
      ['lines-as.json:1 (https://lines.example/json/1)', 'the rules protect citizens'],
      ['lines-as.json:2 (https://lines.example/json/2)', 'Spotify says'],
    ]);
    const broken = read('broken.json', '{\n "type": "AnnotationPage",\n "items": [\n');
    expect(broken.ok).toBe(false);
  });

  it("refuses Glose's own flat JSON-lines export whole, by its content, with what to import instead", () => {
    const flat = runWriter(jsonlWriter(), seedCorpus(2)).get('')!;
    expect(flat.split('\n').length).toBeGreaterThan(2);
    for (const name of ['export.jsonl', 'export.ndjson']) {
      const r = read(name, flat);
      expect(r).toEqual({ ok: false, error: expect.stringContaining(`${name}: this is Glose's own JSON-lines export`) });
    }
  });
});
