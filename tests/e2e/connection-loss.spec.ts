import { expect, test } from './fixtures';
import { cuttableProxy, type CuttableProxy } from '../support/cuttable-proxy';
import { person, startClass, teacherJoins, type ClassServer } from './class-helpers';

let cls: ClassServer;
let proxy: CuttableProxy;
test.beforeAll(async () => {
  cls = await startClass('lien', '1re A');
  proxy = await cuttableProxy(cls.server.port);
});
test.afterAll(async () => {
  await proxy.close();
  await cls.stop();
});

test('a network gone silent shows within 5 s (heartbeat), and “Connected” again once it is back', async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const teacher = await person(browser, 'M. Petit', cls.url);
  const code = await teacherJoins(teacher, cls);
  // the student reaches the class through a link that can go silent: no close, no error, no byte
  const student = await person(browser, 'Lina', `${baseURL}/#/join`, 'fr');
  await student.getByLabel('Adresse de l’enseignant').fill(`127.0.0.1:${proxy.port}`);
  await student.getByRole('textbox', { name: /code/i }).fill(code);
  await student.getByRole('button', { name: 'Rejoindre', exact: true }).click();
  const status = student.getByRole('status').filter({ hasText: /Connecté|Reconnexion|Hors ligne/ });
  await expect(status).toContainText('Connecté');
  // quiet for longer than the heartbeat's silence limit: still connected (the heartbeat answers)
  await student.waitForTimeout(5_000);
  await expect(status).toContainText('Connecté');

  proxy.stall();
  const lost = Date.now();
  await expect(status).toContainText(/Reconnexion|Hors ligne/, { timeout: 5_000 });
  console.log(`connection loss shown after ${Date.now() - lost} ms`);
  await student.screenshot({ path: 'tests/e2e/screenshots/connection-lost-fr.png' });
  proxy.restore();
  await expect(status).toContainText('Connecté', { timeout: 15_000 });
});
