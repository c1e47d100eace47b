import { expect, test } from './fixtures';
import { CLAIM_000, openArticle, selectWithMouse, startAs } from './helpers';

test('a 5 MB or 100 MB paste and a file that is not UTF-8 get clear messages in French, and nothing is lost', async ({ page }) => {
  await startAs(page, 'Chloé', 'fr');
  await openArticle(page, 'Meta et Spotify qui dénoncent');
  await selectWithMouse(page, CLAIM_000);
  await page.keyboard.press('1');
  await expect(page.getByRole('complementary').locator('li.annotation')).toHaveCount(1);
  await page.getByRole('button', { name: /Retour aux articles/ }).click();

  // 5 MB pasted: refused with a message naming the size, the page stays usable
  await page.getByRole('button', { name: 'Coller du texte' }).click();
  const big = 'Le succès de Spotify ne doit rien à l’IA. '.repeat(120_000);
  await page.getByLabel('Texte de l’article').fill(big);
  await page.getByRole('button', { name: 'Ajouter au corpus' }).click();
  await expect(page.getByRole('alert')).toContainText(/Ce texte fait 5,\d\sMo\u202F; Glose ouvre les articles jusqu’à 2\sMo/);

  // a 100 MB paste is refused before it reaches the text box, which stays usable
  await page.getByLabel('Texte de l’article').fill('');
  await page.getByLabel('Texte de l’article').evaluate((box) => {
    const data = new DataTransfer();
    data.setData('text/plain', 'Spotify doit tout à l’IA. '.repeat(4_000_000));
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByRole('alert')).toContainText(/Ce texte fait 1\d\d,\d\sMo/);
  await expect(page.getByLabel('Texte de l’article')).toHaveValue('');

  // a file with invalid UTF-8 bytes
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Ouvrir un fichier texte…' }).click();
  await (await chooser).setFiles({ name: 'latin1.txt', mimeType: 'text/plain', buffer: Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xff, 0xfe]) });
  await expect(page.getByRole('alert')).toContainText('« latin1.txt » n’est pas un texte UTF-8 valide');
  await expect(page.getByRole('listitem').filter({ has: page.getByRole('link') })).toHaveCount(5);

  // a good file is added and opened
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Ouvrir un fichier texte…' }).click();
  await (await chooser2).setFiles({ name: 'tribune.html', mimeType: 'text/html', buffer: Buffer.from('<html><head><title>Tribune</title><script>alert(1)</script></head><body><nav>Menu</nav><article><p>Premier paragraphe.</p><p>Second 😀 paragraphe.</p></article></body></html>') });
  await expect(page.locator('.article-text')).toHaveText(/Premier paragraphe\.\s*Second 😀 paragraphe\./);
  await expect(page.locator('.article-text')).not.toContainText('Menu');

  // the annotation made before is intact
  await page.getByRole('button', { name: /Retour aux articles/ }).click();
  await openArticle(page, 'Meta et Spotify qui dénoncent');
  await expect(page.getByRole('complementary').locator('li.annotation')).toHaveCount(1);
  await page.screenshot({ path: 'tests/e2e/screenshots/article-fr.png' });
});

// IndexedDB that cannot be opened (private mode, quota, a broken profile): a clear message in
// the user's language instead of "Opening your corpus…" forever — for a document opened after
// start (here the user's layer of an article), and at start.
test('storage that fails shows a clear message when an article is opened and at start; English and French', async ({ page }) => {
  await page.addInitScript(() => {
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (name: string, version?: number) => {
      const failing = localStorage.getItem('test.failStorage');
      if (failing !== null && name.includes(failing)) throw new DOMException('The storage is broken (test)', 'UnknownError');
      return open(name, version);
    };
  });
  await startAs(page, 'Ana');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.evaluate(() => localStorage.setItem('test.failStorage', '/layer/'));
  await page.getByRole('link', { name: /^Meta et Spotify qui dénoncent/ }).click();
  // the app says storage fails, and the article says which of its documents could not be opened, instead of loading forever
  await expect(page.locator('.storage-alert')).toHaveText('Your work cannot be saved in this browser: The storage is broken (test)');
  await expect(page.getByRole('alert').filter({ hasText: 'This article could not be opened' })).toBeVisible();

  await page.evaluate(() => {
    localStorage.setItem('test.failStorage', 'corpus/');
    localStorage.setItem('glose.language', 'fr');
  });
  await page.reload();
  await expect(page.getByRole('alert')).toHaveText('Votre travail ne peut pas être enregistré dans ce navigateur : The storage is broken (test)');
  await expect(page.getByText('Ouverture de votre corpus…')).toHaveCount(0);
});
