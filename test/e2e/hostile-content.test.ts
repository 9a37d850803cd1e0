// User content is only ever text: hostile names and department names render literally, on a phone.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { PASSWORD, setUpOrg } from '../helpers/client.ts';
import { assertNoOverflow, launchBrowser, resultsDir, startE2EServer } from './harness.ts';

const hostileName = '<img src=x onerror="window.__xss=1">林<script>window.__xss=2</script>';
const hostileDept = '<b onmouseover=alert(1)>法務</b>';

test('hostile names render as text, never as HTML (375 px)', async () => {
  const { url } = await startE2EServer();
  const org = await setUpOrg(url, '<i>Acme</i> 食品');
  assert.equal((await org.admin.post('/api/users', { email: 'hostile@example.com', name: hostileName, role: 'member' })).status, 201);
  const dept = (await org.admin.get('/api/departments')).body[0];
  assert.equal((await org.admin.patch(`/api/departments/${dept.id}`, { name: hostileDept })).status, 200);

  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, locale: 'zh-TW', colorScheme: 'dark' });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${url}/login`);
  await page.getByLabel('電子郵件').fill(org.adminEmail);
  await page.getByLabel(/^密碼/).fill(PASSWORD);
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('heading', { name: '歡迎來到 <i>Acme</i> 食品' }).waitFor({ timeout: 15_000 });

  await page.goto(`${url}/settings/users`);
  await page.getByText(hostileName, { exact: true }).first().waitFor({ timeout: 15_000 });
  await page.goto(`${url}/settings/departments`);
  await page.getByText(hostileDept, { exact: true }).first().waitFor({ timeout: 15_000 });
  await page
    .locator('b[onmouseover]')
    .first()
    .hover({ timeout: 500 })
    .catch(() => {});
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(resultsDir, 'hostile-departments-375.png'), fullPage: true });

  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.equal(await page.locator('img[src="x"], script:text("__xss"), b[onmouseover], i:text("Acme")').count(), 0);
  assert.deepEqual(dialogs, []);
  await assertNoOverflow(page, 375);
  await context.close();
});
