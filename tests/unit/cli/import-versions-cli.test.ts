/**
 * `glose import` makes versions like the app (import-versions.ts), with real files and the real
 * command: an article file imported into a bundle, marked by an annotator (a W3C file), then
 * edited (a correction paragraph added before the claim, a sentence reworded) and imported again
 * becomes version 2 of the article, linked to version 1, with the annotator's claim carried to
 * where it now is and the mark on the reworded sentence kept detached (an orphan), never dropped;
 * importing the same edited file once more adds nothing, and leaves the bundle byte for byte the
 * same (its date included), where an import that changed it dated it anew.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { glose, tempDir, w3cAnnotation } from './cli-helpers';

const V1 = 'Spotify and AI\n\nSpotify says its success came from AI. Critics say the success came from marketing.\n\nThe report was published on Monday.';
const V2 = 'Spotify and AI\n\nCorrection: an earlier version misnamed the report.\n\nSpotify says its success came from AI. Critics say the success came from marketing.\n\nThe study appeared last week.';
const CLAIM = 'Spotify says its success came from AI';

/** The bundle's files under `articles/<id>/`, parsed when JSON. */
function articleFiles(bundle: string, id: string): Record<string, unknown> {
  const files = unzipSync(readFileSync(bundle));
  const prefix = `articles/${id}/`;
  return Object.fromEntries(Object.entries(files).filter(([name]) => name.startsWith(prefix)).map(([name, bytes]) => {
    const text = strFromU8(bytes);
    return [name.slice(prefix.length), name.endsWith('.json') ? JSON.parse(text) : text];
  }));
}

/** The date in a bundle's manifest. */
const exported = (bundle: Uint8Array): string => (JSON.parse(strFromU8(unzipSync(bundle)['manifest.json']!)) as { exported: string }).exported;

describe('glose import makes versions', () => {
  it('makes version 2 of an edited article file and carries its marks', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'spotify.txt');
    const bundle = path.join(dir, 'corpus.zip');
    writeFileSync(file, V1);
    expect(await glose('import', file, '--into', bundle)).toMatchObject({ code: 0, stderr: '' });
    const notes = path.join(dir, 'alice.jsonld');
    writeFileSync(notes, JSON.stringify([
      w3cAnnotation('corpus', 'spotify', V1, 'm1', 'alice', 'claim', CLAIM),
      w3cAnnotation('corpus', 'spotify', V1, 'm2', 'alice', 'question', 'The report was published on Monday'),
    ]));
    const marked = await glose('import', notes, '--into', bundle);
    expect(marked.code, marked.stderr).toBe(0);

    writeFileSync(file, V2);
    const before = readFileSync(bundle);
    const edited = await glose('import', file, '--into', bundle);
    expect(edited.code, edited.stderr).toBe(0);
    // a bundle that changed is dated by the change
    expect(exported(readFileSync(bundle)) > exported(before)).toBe(true);
    expect(edited.stdout).toContain('spotify-v2: a new version of spotify');
    expect(edited.stdout).toContain('marks carried to the new versions: exact 0, moved 1, fuzzy 0, orphans 1');

    const v2 = articleFiles(bundle, 'spotify-v2');
    expect(v2['text.txt']).toBe(V2);
    expect(v2['article.json']).toMatchObject({ id: 'spotify-v2', versionOf: 'spotify', version: 2, source: 'spotify.txt' });
    const layers = JSON.stringify(Object.entries(v2).filter(([name]) => name !== 'article.json' && name !== 'text.txt'));
    expect(layers).toContain(CLAIM);
    expect(layers).toContain('"detached":true');
    // version 1 keeps its text and its marks
    expect(articleFiles(bundle, 'spotify')['text.txt']).toBe(V1);

    const unchanged = readFileSync(bundle);
    const again = await glose('import', file, '--into', bundle);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('already in the bundle, not added again: spotify-v2');
    expect(Object.keys(articleFiles(bundle, 'spotify-v3'))).toEqual([]);
    // nothing new came in: the bundle is byte for byte the same, its date included
    expect(Buffer.compare(readFileSync(bundle), unchanged)).toBe(0);
  }, 120_000);
});
