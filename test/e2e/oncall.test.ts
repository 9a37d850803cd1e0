// On-call schedules in a real browser: a weekly business-hours rotation of two members created through the dialog,
// its 7-day coverage strip with the gaps and their total, an override added by editing, an escalation level that
// notifies whoever is on call, a member's read-only view on a 390 px phone, and the page once in English.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD, setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, failureShots, launchBrowser, screenshots, signInPage, switchLanguage } from './harness.ts';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let admin: Page;
let members: Array<{ id: string; email: string }> = [];
const dialogs: string[] = [];
const NAME = '公關值班';

const shot = screenshots('oncall');
/** A test that saves a screenshot of the admin's page when it fails. */
const step = failureShots(() => admin, shot);

/** The Taipei calendar date `days` from now. */
const taipeiDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Taipei' }).format(new Date(Date.now() + days * 86_400_000));

const schedules = async () => (await org.admin.get('/api/oncall-schedules')).body as Array<Record<string, unknown> & { id: string }>;
const card = () => admin.getByTestId('schedule-card').filter({ hasText: NAME });

step('set up: an organisation with two members and a signed-in administrator', async () => {
  url = (await startTestServer()).url;
  org = await setUpOrg(url, '好食光食品');
  members = [await org.userWithRole('member', '王小明'), await org.userWithRole('member', '林美華')];
  browser = await launchBrowser();
  admin = await signInPage(browser, url, org.adminEmail, PASSWORD, { width: 1280, dialogs });
});

step('a weekly business-hours schedule is created through the dialog', async () => {
  await admin.goto(`${url}/alerts`);
  await admin.getByRole('link', { name: '值班表' }).click();
  await admin.getByRole('heading', { name: '值班表' }).waitFor();
  await admin.getByTestId('oncall-empty').waitFor();
  await admin.getByRole('button', { name: '新增值班表' }).click();
  const dialog = admin.getByRole('dialog', { name: '新增值班表' });
  await dialog.getByLabel(/^名稱/).fill(NAME);
  assert.equal(await dialog.getByLabel(/^時區/).inputValue(), 'Asia/Taipei');
  for (const who of ['王小明', '林美華']) {
    await dialog.getByLabel('加入人員').click();
    await admin.getByRole('option', { name: who }).click();
  }
  await dialog.getByRole('button', { name: '將 林美華 往前移' }).click();
  assert.deepEqual(await dialog.getByTestId('participant').allTextContents(), ['1.林美華', '2.王小明']);
  await dialog.getByRole('button', { name: '將 林美華 往後移' }).click();
  await dialog.getByLabel(/^交接時間/).fill('09:00');
  assert.equal(await dialog.getByTestId('handoff-preview').textContent(), '每 7 天於週一 09:00 交接');
  await dialog.getByRole('switch', { name: '全天候（24 小時有人值班）' }).click();
  await dialog.getByTestId('coverage-rows').getByLabel('結束').fill('18:00');
  await shot(admin, '01-dialog-1280', false);
  await dialog.getByRole('button', { name: '建立' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await admin.getByText(`已新增值班表「${NAME}」。`).waitFor();
  const [s] = await schedules();
  assert.deepEqual(
    s.participants,
    members.map((m) => m.id),
  );
  assert.equal(s.lengthDays, 7);
  assert.deepEqual(s.coverage, [{ days: [1, 2, 3, 4, 5], from: '09:00', to: '18:00' }]);
});

step('the card shows the rotation, covered hours and a 7-day strip with the gaps and their total', async () => {
  const c = card();
  assert.equal(await c.getByTestId('handoff').textContent(), '每 7 天於週一 09:00 交接');
  assert.equal(await c.getByTestId('covered-hours').textContent(), '週一–週五 09:00–18:00');
  assert.deepEqual(await c.getByTestId('rotation').getByText(/^\d\./).allTextContents(), ['1. 王小明', '2. 林美華']);
  const [s] = await schedules();
  const now = s.onCallNow === null ? '目前無人值班' : s.onCallNow === members[0].id ? '王小明' : '林美華';
  assert.equal(await c.getByTestId('on-call-now').textContent(), now);
  await c.getByTestId('coverage-day').nth(6).waitFor();
  assert.equal(await c.getByTestId('coverage-day').count(), 7);
  assert.ok((await c.locator('[data-gap="true"]').count()) >= 5, 'nights and the weekend are gaps');
  const cov = (await org.admin.get(`/api/oncall-schedules/${s.id}/coverage?days=7`)).body as { gapMinutes: number };
  // 7 × 24 h less five 9-hour weekdays is 123 hours, give or take the quarter hour the strip starts at.
  assert.ok(cov.gapMinutes >= 122 * 60 && cov.gapMinutes <= 124 * 60, `gap ${cov.gapMinutes}`);
  const h = Math.floor(cov.gapMinutes / 60);
  const m = cov.gapMinutes % 60;
  assert.equal(await c.getByTestId('coverage-gap').textContent(), `未來 7 天有 ${h} 小時${m ? ` ${m} 分鐘` : ''}無人值班`);
  await c.getByTestId('coverage-legend').getByText('無人值班').waitFor();
  await shot(admin, '02-card-1280');
});

step('editing adds an override, shown in the schedule’s time zone', async () => {
  await card().getByRole('button', { name: '編輯' }).click();
  const dialog = admin.getByRole('dialog', { name: '編輯值班表' });
  await dialog.getByRole('button', { name: '新增代班' }).click();
  await dialog.getByLabel('代班人員').click();
  await admin.getByRole('option', { name: '林美華' }).click();
  const day = taipeiDate(2);
  await dialog.getByLabel('代班開始').fill(`${day}T10:00`);
  await dialog.getByLabel('代班結束').fill(`${day}T08:00`);
  await dialog.getByRole('button', { name: '儲存' }).click();
  await dialog.getByText('結束時間必須晚於開始時間。').waitFor();
  await dialog.getByLabel('代班結束').fill(`${day}T14:00`);
  await shot(admin, '03-override-1280', false);
  await dialog.getByRole('button', { name: '儲存' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await admin.getByText(`已更新值班表「${NAME}」。`).waitFor();
  const [s] = await schedules();
  assert.deepEqual(s.overrides, [
    { userId: members[1].id, start: new Date(`${day}T10:00+08:00`).toISOString(), end: new Date(`${day}T14:00+08:00`).toISOString() },
  ]);
  assert.equal(s.version, 2);
  await card().getByTestId('overrides').getByText(`林美華：${day} 10:00 至 ${day} 14:00`).waitFor();
});

step('an escalation level can notify whoever is on call and is saved with the schedule', async () => {
  await admin.goto(`${url}/alerts/settings`);
  const section = admin.getByTestId('escalation');
  await section.getByRole('button', { name: '新增一層' }).click();
  await section.getByTestId('escalation-level').first().getByLabel('通知值班人員').click();
  await admin.getByRole('option', { name: NAME }).click();
  await admin.keyboard.press('Escape');
  assert.equal(
    await section.getByTestId('escalation-sentence').textContent(),
    `預警開啟後 15 分鐘內沒人確認，通知 「${NAME}」的值班人員。`,
  );
  await shot(admin, '04-escalation-1280');
  await admin.getByRole('button', { name: '儲存' }).click();
  await admin.getByText('已儲存預警設定。').waitFor();
  const [s] = await schedules();
  assert.deepEqual((await org.admin.get('/api/warnings/settings')).body.escalation, {
    levels: [{ afterMinutes: 15, channelIds: [], scheduleIds: [s.id] }],
    repeat: 0,
  });
});

step('on a 390 px phone a member sees the schedule read-only, and the admin’s dialog fits', async () => {
  const phone = await signInPage(browser, url, members[0].email, PASSWORD, { width: 390, dialogs });
  await phone.goto(`${url}/alerts/oncall`);
  await phone.getByTestId('coverage-strip').waitFor();
  await phone.getByText('你可以檢視值班表；只有系統管理員與危機管理者可以新增或變更。').waitFor();
  assert.equal(await phone.getByRole('button', { name: '新增值班表' }).count(), 0);
  assert.equal(await phone.getByRole('button', { name: '編輯' }).count(), 0);
  await assertNoOverflow(phone, 390);
  await shot(phone, '05-member-390');
  await phone.context().close();
  const adminPhone = await signInPage(browser, url, org.adminEmail, PASSWORD, { width: 390, dialogs });
  await adminPhone.goto(`${url}/alerts/oncall`);
  await adminPhone.getByRole('button', { name: '編輯' }).click();
  await adminPhone.getByRole('dialog').getByTestId('override-rows').waitFor();
  await assertNoOverflow(adminPhone, 390);
  await shot(adminPhone, '06-dialog-390', false);
  await adminPhone.context().close();
});

step('in English the schedule reads in English', async () => {
  await switchLanguage(admin, 'English');
  await admin.goto(`${url}/alerts/oncall`);
  await admin.getByRole('heading', { name: 'On-call schedules' }).waitFor();
  assert.equal(await card().getByTestId('handoff').textContent(), 'Hands over every 7 days on Mon at 09:00');
  assert.equal(await card().getByTestId('covered-hours').textContent(), 'Mon–Fri 09:00–18:00');
  assert.match(
    (await card().getByTestId('coverage-gap').textContent()) ?? '',
    /^Nobody is on call for \d+ h( \d+ min)? in the next 7 days$/,
  );
  await shot(admin, '07-en-1280');
  await switchLanguage(admin, '繁體中文');
  assert.deepEqual(dialogs, []);
});

step('a member sets quiet hours on their profile, on a phone', async () => {
  const phone = await signInPage(browser, url, members[0].email, PASSWORD, { width: 390, dialogs });
  await phone.goto(`${url}/settings/profile`);
  const card = phone.getByTestId('quiet-hours');
  await card.getByText('通知安靜時段').waitFor();
  const got = await phone.evaluate(async () => {
    const r = await fetch('/api/me/notification-preferences');
    return `${r.status} ${await r.text()}`;
  });
  assert.match(got, /^200 /, got);
  await card.getByRole('switch', { name: '啟用安靜時段' }).click(); // controlled: it turns on once saved
  await card.getByLabel('開始').waitFor();
  await phone.getByText('已儲存').first().waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '08-quiet-hours-390');
  const saved = await phone.evaluate(async () => (await fetch('/api/me/notification-preferences')).json());
  assert.equal(saved.quietHours.from, '23:00');
  assert.equal(saved.quietHours.to, '07:00');
  await phone.context().close();
});
