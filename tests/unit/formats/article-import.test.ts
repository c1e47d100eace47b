/**
 * The shared import path (shared/formats/article-import.ts) on its own: what an article file
 * becomes (id, title, language, text), what a seed manifest changes, what bad input gives, and
 * how a second text under a taken name gets its own id. The app and the command line giving the
 * same articles is checked end to end in tests/e2e/import-article.spec.ts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromFile, articleFromText, freeArticleId } from '../../../shared/formats/article-import';
import { knownFromManifest } from '../../../shared/formats/seed-manifest';
import { guessLanguage } from '../../../shared/text/guess-language';
import { docx } from './docx-fixture';
import { repoRoot } from './fixtures';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('articleFromFile', () => {
  it('a Markdown file loses its markup; id from the file name, title from the first line, language from the words', async () => {
    const r = await articleFromFile('Résumé café.md', bytes('# Une tribune\n\nLes patrons de **Meta** et de Spotify disent que la loi est une erreur pour le public.\n'));
    expect(r).toEqual({ ok: true, value: { id: 'Resume-cafe', title: 'Une tribune', language: 'fr', source: 'Résumé café.md', text: 'Une tribune\n\nLes patrons de Meta et de Spotify disent que la loi est une erreur pour le public.' } });
  });

  it('a Markdown blockquote (nested or not) and a heading stay their own paragraphs, after the blank line before them', async () => {
    const md = 'Le ministre a parlé.\n\n> « La loi protège. »\n> > Cité deux fois.\n\n## Suite\n\nFin.';
    const r = await articleFromFile('q.md', bytes(md));
    expect(r.ok && r.value.text).toBe('Le ministre a parlé.\n\n« La loi protège. »\nCité deux fois.\n\nSuite\n\nFin.');
  });

  it('a .docx gives its paragraphs; bad input gives a code, never a throw', async () => {
    const word = await articleFromFile('w.docx', docx(['# Titre', 'Le succès **ne vient pas** de l’IA 😀.']));
    expect(word.ok && word.value.text).toBe('Titre\n\nLe succès ne vient pas de l’IA 😀.');
    expect(await articleFromFile('w.docx', bytes('not a zip'))).toMatchObject({ ok: false, error: { code: 'unreadable', detail: expect.stringMatching(/^not a readable Word document/) } });
    expect(await articleFromFile('l.txt', new Uint8Array([0x43, 0xe9, 0xff]))).toEqual({ ok: false, error: { code: 'invalidUtf8' } });
    expect(await articleFromFile('e.txt', bytes(' \n\n'))).toEqual({ ok: false, error: { code: 'empty' } });
    expect(await articleFromFile('p.pdf', bytes('%PDF'))).toEqual({ ok: false, error: { code: 'unsupported' } });
    expect(await articleFromFile('page.html', bytes('<p>x</p>'))).toEqual({ ok: false, error: { code: 'unsupported' } });
  });

  it('a seed listed in its manifest gets the manifest id, title and language, not its first line ("Connexion")', async () => {
    const manifest: unknown = JSON.parse(readFileSync(path.join(repoRoot, 'seeds/manifest.json'), 'utf8'));
    const file = '000_69c924cc0d086b21.txt';
    const bare = await articleFromFile(file, readFileSync(path.join(repoRoot, 'seeds', file)));
    const known = await articleFromFile(file, readFileSync(path.join(repoRoot, 'seeds', file)), { known: knownFromManifest(manifest, file) });
    expect(bare.ok && bare.value.title).toBe('Connexion');
    expect(known.ok && known.value).toMatchObject({ id: '000', title: 'Meta et Spotify qui dénoncent l’AI Act ? Une stratégie classique des géants numériques', language: 'fr' });
    expect(knownFromManifest({ articles: [{ id: '../x', file, language: 'fr', title: 't', source: '' }] }, file)).toBeUndefined();
  });
});

describe('ids and languages', () => {
  it('a paste gets an id from its text; another text under a taken id gets a suffix, the same text keeps it', () => {
    const a = articleFromText('Same text', { source: 'Paste' });
    const b = articleFromText('Same text', { source: 'Paste', title: 'Other title' });
    expect(a.ok && b.ok && a.value.id === b.value.id && b.value.title).toBe('Other title');
    expect(freeArticleId('a', 'f'.repeat(64), () => undefined)).toBe('a');
    expect(freeArticleId('a', 'f'.repeat(64), () => 'f'.repeat(64))).toBe('a');
    expect(freeArticleId('a', 'f'.repeat(64), () => '0'.repeat(64))).toBe('a-ffffffff');
  });

  it('guesses English and French, and says und when it cannot tell', () => {
    expect(guessLanguage('The report says that the success of the company is the work of its artists and of the AI.')).toBe('en');
    expect(guessLanguage('Le rapport dit que le succès de la société est le fruit des artistes et de l’IA, pas des données.')).toBe('fr');
    expect(guessLanguage('Spotify Meta AI Act 2025')).toBe('und');
  });
});
