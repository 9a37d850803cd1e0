// The first-run demo in a real browser (issue 8's must-show): on an empty database the setup page offers
// 「開啟示範」 beside creating an organisation; opening it shows progress, then the demo's sign-in picker (people in
// every role, marked 示範). The commander signs in, sees the unmistakable demo banner with the scenario's clock and
// controls, pauses and resumes, then — watching the empty alerts inbox — speeds the story to 60× and sees the alert
// fire live, reads the scenario messages that arrived meanwhile, opens the alert, declares the crisis from it and
// sees the playbook's tasks in the crisis room. Then a real organisation's drill: its player, on a phone, sees the
// sandbox's own banner and messages, and leaves back to the real organisation. A member on a 390 px
// phone sees the same banner without controls. The server plays the shipped scenario with background jobs on.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { control, drillOrg, planDrill } from '../../src/features/drills/server/drills-fixtures.ts';
import { webDist } from '../../src/platform/web-assets.ts';
import { createClient, PASSWORD, setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, launchBrowser, screenshots, signInPage, switchLanguage } from './harness.ts';

const STEP_MS = 15_000;
// Opening the demo writes a month of history: give it time on a busy 2-core machine, but bound it.
const OPEN_MS = 180_000;
// At 60× the negative wave starts within about a minute of scenario time; the detector tick follows each batch.
const ALERT_MS = 240_000;

let browser: Browser;
let url: string;
let desk: Page;
let phone: Page;
const dialogs: string[] = [];
const pageErrors: string[] = [];
const openPages: Page[] = [];
const shot = screenshots('demo');

async function newPage(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 780 : 900 }, locale: 'zh-TW' });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (err) => pageErrors.push(String(err.stack ?? err)));
  openPages.push(page);
  return page;
}

/** A test that screenshots every open page when it fails. */
function step(name: string, fn: () => Promise<void>) {
  test(name, async () => {
    try {
      await fn();
    } catch (err) {
      for (const [i, p] of openPages.entries()) await shot(p, `failed-${i}`).catch(() => {});
      if (pageErrors.length) console.error(pageErrors.join('\n'));
      throw err;
    }
  });
}

/** Picks an option of a Mantine select opened by clicking `input`. */
async function choose(page: Page, input: Locator, option: string) {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  url = (await startTestServer()).url;
  browser = await launchBrowser();
});

step('on first run the setup page offers two choices: create my organisation, or open a demo', async () => {
  desk = await newPage(1280);
  await desk.goto(url);
  await desk.getByRole('heading', { name: '建立你的 Firebreak' }).waitFor();
  // Creating stays the default: the form is there as before.
  assert.equal(await desk.getByRole('radio', { name: /建立我的組織/ }).getAttribute('aria-checked'), 'true');
  await desk.getByLabel('組織名稱').waitFor();
  await desk.getByRole('radio', { name: /開啟示範/ }).click();
  const offer = desk.getByTestId('open-demo');
  await offer.getByText('一家虛構公司').waitFor();
  await offer.getByText('一個月的監測歷史').waitFor();
  await offer.getByText('示範資料絕不會和真實組織混在一起').waitFor();
  assert.equal(await desk.getByLabel('組織名稱').count(), 0);
  await shot(desk, '01-setup-choice');
});

step('opening the demo shows progress, then the picker of demo people in every role', async () => {
  await desk.getByRole('button', { name: '開啟示範', exact: true }).click();
  await desk.getByTestId('demo-opening').waitFor();
  await desk.getByTestId('demo-opening').getByText('正在建立示範環境…').waitFor();
  await shot(desk, '02-opening');
  const picker = desk.getByTestId('demo-picker');
  await picker.waitFor({ timeout: OPEN_MS });
  await picker.getByText('示範', { exact: true }).first().waitFor();
  await picker.getByText('所有公司、人員與內容皆為虛構。').waitFor();
  const roles = await picker.getByTestId('demo-person').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')));
  for (const role of ['admin', 'manager', 'member', 'reporter']) assert.ok(roles.includes(role), `a ${role} in ${roles.join()}`);
  // Role badges and titles, in the interface language.
  await picker.getByTestId('demo-person').filter({ hasText: '系統管理員' }).first().waitFor();
  await picker.getByTestId('demo-person').filter({ hasText: '危機管理者' }).first().waitFor();
  await shot(desk, '03-picker');
});

step('on a 390 px phone the picker fits; a member signs in and sees the demo banner without controls', async () => {
  phone = await newPage(390);
  // The demo exists now: the setup page opens on it.
  await phone.goto(`${url}/setup`);
  const picker = phone.getByTestId('demo-picker');
  await picker.waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '04-phone-picker');
  await picker.locator('[data-testid="demo-person"][data-role="member"]').first().click();
  await phone.getByRole('heading', { name: /歡迎來到/ }).waitFor();
  const banner = phone.getByTestId('demo-banner');
  await banner.getByText('示範環境 — 虛構公司與資料').waitFor();
  await banner.getByTestId('scenario-minute').waitFor();
  assert.equal(await banner.getByTestId('scenario-controls').count(), 0, 'a member has no scenario controls');
  await assertNoOverflow(phone, 390);
  await shot(phone, '05-phone-banner', false);
  // In English too, and still fitting the phone.
  await switchLanguage(phone, 'English');
  await banner.getByText('DEMO — fictional company and data').waitFor();
  assert.match((await banner.getByTestId('scenario-minute').textContent()) ?? '', /^Scenario minute \d+ \/ \d+$/);
  // The user menu's closing transition may still stick out past the edge: measure once it is gone.
  await phone.getByRole('menu').waitFor({ state: 'detached' });
  await assertNoOverflow(phone, 390);
  await shot(phone, '05-phone-banner-en', false);
});

step('the commander signs in from the picker and sees the demo banner with the clock and controls', async () => {
  await desk.locator('[data-testid="demo-person"][data-role="admin"]').first().click();
  await desk.getByRole('heading', { name: /歡迎來到/ }).waitFor();
  const banner = desk.getByTestId('demo-banner');
  await banner.getByText('示範環境 — 虛構公司與資料').waitFor();
  await banner.getByTestId('scenario-controls').waitFor();
  assert.match((await banner.getByTestId('scenario-minute').textContent()) ?? '', /^情境第 \d+ \/ \d+ 分鐘$/);
  assert.equal(await banner.getByTestId('scenario-clock').getAttribute('data-status'), 'running');
  await desk.locator('[data-live-status="open"]').waitFor();
  await shot(desk, '06-home-banner', false);
});

step('the controls pause and resume the story; the clock follows', async () => {
  const banner = desk.getByTestId('demo-banner');
  await banner.getByRole('button', { name: '暫停情境' }).click();
  await banner.locator('[data-testid="scenario-clock"][data-status="paused"]').waitFor();
  await banner.getByText('已暫停').waitFor();
  const minute = await banner.getByTestId('scenario-minute').textContent();
  await desk.waitForTimeout(1500);
  assert.equal(await banner.getByTestId('scenario-minute').textContent(), minute, 'a paused clock stands still');
  await shot(desk, '07-paused', false);
  await banner.getByRole('button', { name: '繼續情境' }).click();
  await banner.locator('[data-testid="scenario-clock"][data-status="running"]').waitFor();
});

step('watching the inbox, the commander speeds the story to 60×: the alert fires and appears live', async () => {
  const nav = desk.getByRole('navigation');
  await nav.getByRole('link', { name: /預警/ }).click();
  await desk.getByRole('heading', { name: '預警' }).waitFor();
  // A month of calm history: nothing has fired yet.
  await desk.getByTestId('alerts-empty').waitFor();
  await desk.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
  const banner = desk.getByTestId('demo-banner');
  await banner.getByTestId('scenario-speed').getByText('60×', { exact: true }).click();
  await banner.locator('[data-testid="scenario-clock"][data-speed="60"]').waitFor();
  await banner.getByText('60× 速度').waitFor();
  await desk.getByTestId('alert-card').first().waitFor({ timeout: ALERT_MS });
  await nav.getByTestId('open-alerts-badge').waitFor();
  assert.equal(await desk.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true, 'no reload');
  await shot(desk, '08-alert-fired');
});

step('scenario messages arrive live: the count in the navigation, the list as text, marked seen once opened', async () => {
  const nav = desk.getByRole('navigation');
  // The first message is a few scenario minutes in: at 60× seconds away.
  await nav.getByTestId('scenario-unseen').waitFor({ timeout: 120_000 });
  await nav.getByRole('link', { name: /情境訊息/ }).click();
  await desk.getByRole('heading', { name: '情境訊息' }).waitFor();
  const card = desk.getByTestId('inject-card').first();
  await card.waitFor();
  assert.ok(((await card.getByTestId('inject-subject').textContent()) ?? '').length > 0);
  await card.getByTestId('inject-from').waitFor();
  assert.equal(await card.getAttribute('data-unseen'), 'true');
  // Opening the page marks them seen.
  await nav.getByTestId('scenario-unseen').waitFor({ state: 'detached' });
  await shot(desk, '09-scenario-messages');
  await nav.getByRole('link', { name: /預警/ }).click();
  await desk.getByTestId('alert-card').first().waitFor();
});

step('the commander opens the alert and declares the crisis from it; the playbook tasks are in the room', async () => {
  await desk.getByTestId('alert-card').first().getByTestId('alert-topic').click();
  await desk.getByTestId('alert-title').waitFor();
  await shot(desk, '10-alert');
  await desk.getByTestId('declare-from-alert').click();
  await desk.getByRole('heading', { name: '宣告危機' }).waitFor();
  await desk.getByTestId('declare-from-alert').waitFor();
  await choose(desk, desk.getByRole('combobox', { name: '類型' }), '產品品質／食安');
  await desk.getByRole('button', { name: '宣告危機' }).last().click();
  await desk.getByTestId('crisis-title').waitFor();
  assert.match(desk.url(), /\/crises\/[0-9a-f-]{36}$/);
  const todo = desk.getByTestId('task-column-todo').getByTestId('task-card');
  await todo.first().waitFor();
  assert.ok((await todo.count()) >= 5, `the playbook's tasks (${await todo.count()})`);
  // Still unmistakably the demo.
  await desk.getByTestId('demo-banner').waitFor();
  await shot(desk, '11-crisis-room');
});

step('a drill sandbox has its own banner; the player reads its messages and leaves back to the real organisation', async () => {
  // A real organisation now exists beside the demo; its admin plans a drill with one player and starts it.
  const org = await drillOrg(url);
  const drill = await planDrill(org.admin.client, { participants: [{ userId: org.player.id, role: 'player' }] });
  const started = await control(org.admin.client, drill.id, { action: 'start' });
  assert.equal(started.status, 200, JSON.stringify(started.body));
  const player = await signInPage(browser, url, org.player.email, PASSWORD, { width: 390, stepMs: STEP_MS, dialogs });
  player.on('pageerror', (err) => pageErrors.push(String(err.stack ?? err)));
  openPages.push(player);
  assert.equal(await player.getByTestId('drill-banner').count(), 0, 'no banner in the real organisation');
  // Entering is the drill pages' button; here the browser's own session asks, as that button would.
  const entered = await player.evaluate(async (id) => {
    const s = (await (await fetch('/api/session')).json()) as { csrfToken: string };
    const r = await fetch(`/api/drills/${id}/enter`, {
      method: 'POST',
      headers: { 'x-csrf-token': s.csrfToken, 'x-requested-with': 'firebreak' },
    });
    return r.status;
  }, drill.id);
  assert.equal(entered, 200);
  await player.goto(url);
  const banner = player.getByTestId('drill-banner');
  await banner.getByText(`演練中：${drill.title} — 這是沙盒，所有內容都不會對外發布`).waitFor();
  await banner.getByTestId('scenario-minute').waitFor();
  assert.equal(await banner.getByTestId('scenario-controls').count(), 0, 'the facilitator controls a drill from its page');
  assert.equal(await player.getByTestId('demo-banner').count(), 0);
  // The fixture's first message is two scenario minutes in: at 60× it arrives while we look, with a notice.
  await player.getByText('新的情境訊息').first().waitFor({ timeout: 60_000 });
  await assertNoOverflow(player, 390);
  await shot(player, '12-phone-drill-banner', false);
  await player.getByRole('button', { name: '查看情境訊息' }).first().click();
  await player.getByRole('heading', { name: '情境訊息' }).waitFor();
  await player.getByTestId('inject-card').first().waitFor();
  await assertNoOverflow(player, 390);
  await shot(player, '13-phone-drill-messages');

  await banner.getByRole('button', { name: '離開演練' }).click();
  // The app reloads into the real organisation: no sandbox banner, no scenario messages.
  await player.waitForURL(`${url}/`);
  await player.getByRole('heading', { name: /歡迎來到/ }).waitFor();
  await player.getByText('已離開演練，回到你的組織。').waitFor();
  await shot(player, '14-phone-left-drill', false);
  await player.locator('[data-live-status="open"]').waitFor();
  assert.equal(await player.getByTestId('drill-banner').count(), 0);
  await player
    .getByRole('button', { name: /選單|menu/i })
    .first()
    .click();
  assert.equal(await player.getByRole('link', { name: /情境訊息/ }).count(), 0);
});

step('started with --demo after setup, the sign-in page offers the demo people under the form', async () => {
  // A second server: a real organisation first, then the demo opened beside it (allowed only with --demo).
  const second = await startTestServer({ demo: true, background: false });
  await setUpOrg(second.url, '好食光食品');
  const opened = await createClient(second.url).post('/api/demo', { locale: 'zh-TW' });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const page = await newPage(1280);
  await page.goto(`${second.url}/login`);
  await page.getByRole('heading', { name: '登入', exact: true }).waitFor();
  await page.getByLabel('電子郵件').waitFor();
  await page.getByText('或進入示範環境').waitFor();
  const reporter = page.getByTestId('demo-picker').locator('[data-testid="demo-person"][data-role="reporter"]').first();
  await reporter.waitFor();
  await shot(page, '15-login-with-demo');
  await reporter.click();
  await page.getByRole('heading', { name: /歡迎來到/ }).waitFor();
  await page.getByTestId('demo-banner').waitFor();
  await page.getByTestId('home-role').getByText('通報者').waitFor();
});

step('no page errors and no dialogs', async () => {
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
