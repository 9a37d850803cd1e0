// Organisation settings in a real browser: the organisation time zone (組織時區) chosen from a searchable list,
// kept after a reload, then the default for a person's quiet hours and a new on-call schedule; the page on a
// 390 px phone and once in English.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD, setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, failureShots, launchBrowser, screenshots, signInPage, switchLanguage } from './harness.ts';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let admin: Page;
const dialogs: string[] = [];

const shot = screenshots('org-settings');
/** A test that saves a screenshot of the admin's page when it fails. */
const step = failureShots(() => admin, shot);
const zoneInput = (page: Page) => page.getByRole('combobox', { name: '組織時區' });

step('set up: an organisation and a signed-in administrator', async () => {
  url = (await startTestServer()).url;
  org = await setUpOrg(url, '好食光食品');
  browser = await launchBrowser();
  admin = await signInPage(browser, url, org.adminEmail, PASSWORD, { width: 1280, dialogs });
});

step('the organisation page shows the time zone, Asia/Taipei by default, and what it governs', async () => {
  await admin.goto(`${url}/settings/org`);
  await admin.getByRole('heading', { name: '組織' }).waitFor();
  assert.equal(await zoneInput(admin).inputValue(), 'Asia/Taipei');
  await admin.getByText(/決定預警偵測的「一天」與「一週」從何時開始/).waitFor();
  await shot(admin, '01-default-1280');
});

step('an admin searches for Europe/London, saves, and it is kept after a reload', async () => {
  await zoneInput(admin).click();
  // Asia/Taipei and UTC lead the list.
  const first = await admin.getByRole('option').evaluateAll((os) => os.slice(0, 2).map((o) => o.textContent));
  assert.deepEqual(first, ['Asia/Taipei', 'UTC']);
  await zoneInput(admin).fill('london');
  await admin.getByRole('option', { name: 'Europe/London' }).click();
  assert.equal(await zoneInput(admin).inputValue(), 'Europe/London');
  await admin.getByRole('button', { name: '儲存' }).click();
  await admin.getByText('組織設定已更新。').waitFor();
  assert.equal((await org.admin.get('/api/org')).body.timeZone, 'Europe/London');
  await admin.reload();
  await admin.getByRole('heading', { name: '組織' }).waitFor();
  assert.equal(await zoneInput(admin).inputValue(), 'Europe/London');
  await shot(admin, '02-saved-1280');
});

step('a nonsense search finds nothing and the saved zone stays', async () => {
  await zoneInput(admin).click();
  await zoneInput(admin).fill('火星');
  await admin.getByText('找不到這個時區').waitFor();
  await admin.keyboard.press('Escape');
  await admin.reload();
  assert.equal(await zoneInput(admin).inputValue(), 'Europe/London');
});

step('quiet hours and a new on-call schedule start in the organisation’s zone', async () => {
  await admin.goto(`${url}/settings/profile`);
  const quiet = admin.getByTestId('quiet-hours');
  await quiet.getByRole('switch', { name: '啟用安靜時段' }).click();
  await quiet.getByText('時間以 Europe/London 計算。').waitFor();
  assert.equal((await org.admin.get('/api/me/notification-preferences')).body.quietHours.timeZone, 'Europe/London');
  await admin.goto(`${url}/alerts/oncall`);
  await admin.getByRole('button', { name: '新增值班表' }).click();
  const dialog = admin.getByRole('dialog', { name: '新增值班表' });
  assert.equal(await dialog.getByLabel(/^時區/).inputValue(), 'Europe/London');
  await dialog.getByRole('button', { name: '取消' }).click();
});

step('on a 390 px phone the page fits, with the list open too', async () => {
  const phone = await signInPage(browser, url, org.adminEmail, PASSWORD, { width: 390, dialogs });
  await phone.goto(`${url}/settings/org`);
  await phone.getByRole('heading', { name: '組織' }).waitFor();
  assert.equal(await zoneInput(phone).inputValue(), 'Europe/London');
  await assertNoOverflow(phone, 390);
  await shot(phone, '03-phone-390');
  await zoneInput(phone).click();
  await zoneInput(phone).fill('Taipei');
  await phone.getByRole('option', { name: 'Asia/Taipei' }).waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '04-phone-list-390', false);
  await phone.context().close();
});

step('in English the field and its help are translated', async () => {
  await admin.goto(`${url}/settings/org`);
  await switchLanguage(admin, 'English');
  await admin.getByRole('combobox', { name: 'Organisation time zone' }).waitFor();
  await admin.getByText(/when a day and a week begin for the detector/).waitFor();
  await shot(admin, '05-english-1280');
  await switchLanguage(admin, '繁體中文');
  assert.deepEqual(dialogs, []);
});
