import { expect, test } from '@playwright/test';
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
