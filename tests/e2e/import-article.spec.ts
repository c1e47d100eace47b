import { expect, test } from './fixtures';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { glose, tempDir } from '../unit/cli/cli-helpers';
import { docx } from '../unit/formats/docx-fixture';
import { startAs } from './helpers';

// Article files as people have them: a Word document and a saved web page with scripts, page
// chrome and inline handlers. Both become plain article text, nothing of the page runs, and the
// app's Content-Security-Policy holds: mammoth loads on demand and needs no eval. (Chromium
// reports an inline handler in HTML parsed by DOMParser as a blocked `script-src-attr`, at
// parse time, even in an inert document: that report is expected, and nothing runs.)

test('a .docx and an HTML page become articles; nothing of the page runs; the .docx reader needs no eval under the CSP', async ({ page }) => {
  await startAs(page, 'Ana');
  await page.evaluate(() => document.addEventListener('securitypolicyviolation', (e) => ((window as unknown as { csp: string[] }).csp ??= []).push(e.violatedDirective)));
  const violations = () => page.evaluate(() => (window as unknown as { csp?: string[] }).csp ?? []);

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a text file…' }).click();
  const file = await chooser;
  expect(await file.element().getAttribute('accept')).toContain('.docx');
  await file.setFiles({ name: 'tribune.docx', mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', buffer: Buffer.from(docx(['# Une tribune', 'Le succès de Spotify **ne vient pas** de l’IA 😀.', 'Second paragraphe, café.'])) });
  await expect(page.locator('.article-text')).toHaveText(/Une tribune\s*Le succès de Spotify ne vient pas de l’IA 😀\.\s*Second paragraphe, café\./);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Une tribune');
  expect(await violations()).toEqual([]);

  await page.getByRole('button', { name: /Back to the articles/ }).click();
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a text file…' }).click();
  const html = '<html><head><title>Page saved</title><style>p{color:red}</style><script>window.pwned=1</script></head><body>' +
    '<header>Site name</header><nav>Menu</nav><main><p onclick="window.pwned=2">Main <img src=x onerror="window.pwned=3">text.</p>' +
    '<aside>Related</aside><ul><li>Point one</li></ul><noscript>Enable JS</noscript></main><footer>© site</footer></body></html>';
  await (await chooser2).setFiles({ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from(html) });
  await expect(page.locator('.article-text')).toHaveText(/^Main text\.\s*Point one$/);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();

  await page.getByRole('button', { name: /Back to the articles/ }).click();
  const chooser3 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open a text file…' }).click();
  await (await chooser3).setFiles({ name: 'broken.docx', mimeType: 'application/octet-stream', buffer: Buffer.from('not a zip') });
  await expect(page.getByRole('alert')).toContainText('“broken.docx” could not be read.');
  expect(new Set(await violations())).toEqual(new Set(['script-src-attr']));
});

// One import path: the same .txt, .md and .docx added in the app and given to `glose import`
// become the same articles (text, id, title, language, source), and the sample corpus the app
// adds on start equals `glose import seeds/*.txt` (the seeds' manifest titles and languages).
// Compared in the bundle the app exports and the one the command line writes.
test('the app and the command line import the same files as the same articles', async ({ page }) => {
  const dir = tempDir();
  const files: Record<string, Buffer> = {
    'spotify-claim.txt': Buffer.from('Spotify says its success came from AI\n\nThe company says that the investments in AI are the reason for its growth, and critics answer that it is the work of the artists.\n'),
    'tribune.md': Buffer.from('# Une tribune contre l’AI Act\n\nLes patrons de **Meta** et de Spotify disent que la loi est une erreur pour les entreprises et pour le public.\n'),
    'word-note.docx': Buffer.from(docx(['# Une tribune', 'Le succès de Spotify **ne vient pas** de l’IA 😀, dit le texte, et la loi est pour le public.', 'Second paragraphe, café.'])),
  };
  await startAs(page, 'Ana');
  for (const [name, buffer] of Object.entries(files)) {
    writeFileSync(path.join(dir, name), buffer);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open a text file…' }).click();
    await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
    await expect(page.locator('.article-text')).toBeVisible();
    await page.getByRole('button', { name: /Back to the articles/ }).click();
  }
  await page.getByRole('link', { name: 'Research data' }).click();
  await page.getByRole('combobox', { name: 'Format' }).selectOption('bundle');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const fromApp = articlesIn(readFileSync((await (await download).path())!));

  const cli = await glose('import', ...Object.keys(files).map((f) => path.join(dir, f)), ...readdirSync('seeds').filter((f) => f.endsWith('.txt')).map((f) => path.join('seeds', f)), '--into', path.join(dir, 'cli.zip'));
  expect(cli.code, cli.stderr).toBe(0);
  const fromCli = articlesIn(readFileSync(path.join(dir, 'cli.zip')));
  expect(Object.keys(fromApp).sort()).toEqual(['000', '001', '002', '003', '004', 'spotify-claim', 'tribune', 'word-note']);
  expect(fromCli).toEqual(fromApp);
  expect(fromCli['000']!.article).toMatchObject({ title: 'Meta et Spotify qui dénoncent l’AI Act ? Une stratégie classique des géants numériques', language: 'fr' });
  expect(fromCli['spotify-claim']!.article).toMatchObject({ title: 'Spotify says its success came from AI', language: 'en', source: 'spotify-claim.txt' });
  expect(fromCli.tribune!.article).toMatchObject({ title: 'Une tribune contre l’AI Act', language: 'fr' });
  expect(fromCli.tribune!.text).not.toContain('**');
});

/** Each article of a bundle: its metadata (without its place in the list) and its text. */
function articlesIn(zip: Uint8Array): Record<string, { article: object; text: string }> {
  const entries = unzipSync(zip);
  const out: Record<string, { article: object; text: string }> = {};
  for (const [name, data] of Object.entries(entries)) {
    const m = /^articles\/([^/]+)\/article\.json$/.exec(name);
    if (!m) continue;
    const { order: _order, ...article } = JSON.parse(strFromU8(data)) as { order: number };
    out[m[1]!] = { article, text: strFromU8(entries[`articles/${m[1]}/text.txt`]!) };
  }
  return out;
}
