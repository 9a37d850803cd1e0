// Where alerts go, in a real browser: notification channels sent through the real job queue to a receiver this
// test starts on loopback (a Slack test that arrives, a signed webhook that answers 500 and is retried), the
// escalation ladder on the grading settings and its test (the plan for now, tests that arrive), the detection
// bucket size, manual alert rules (threshold and watch list) and a rule's alert in
// the inbox; in zh-TW at 1280 px, on a 390 px phone, and once in English.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { verifyWebhook } from '../../src/features/warnings/server/notify-send.ts';
import { webDist } from '../../src/platform/web-assets.ts';
import { PASSWORD, setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, failureShots, launchBrowser, resultsDir, screenshots, signInPage, switchLanguage } from './harness.ts';

type Got = { path: string; headers: http.IncomingHttpHeaders; body: string };
const got: Got[] = [];
let receiver: http.Server;
let base = '';
let browser: Browser;
let url: string;
let server: Awaited<ReturnType<typeof startTestServer>>['server'];
let org: Awaited<ReturnType<typeof setUpOrg>>;
let topicId = '';
let admin: Page;
let secret = '';
const dialogs: string[] = [];

// Dialogs lock the page's scrolling, which a full-page capture draws wrongly: capture those as the viewport.
const shot = screenshots('alert-settings');
/** A test that saves a screenshot of the admin's page when it fails. */
const step = failureShots(() => admin, shot);

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(req.url === '/fail' ? 500 : 200, { 'content-type': 'text/plain' }).end(req.url === '/fail' ? 'boom' : 'ok');
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  const started = await startTestServer({ env: { FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1' } });
  url = started.url;
  server = started.server;
  org = await setUpOrg(url, '好食光食品');
  topicId = (await org.admin.post('/api/topics', { name: '鼎泰豐食安', query: '鼎泰豐' })).body.id;
  browser = await launchBrowser();
  admin = await signInPage(browser, url, org.adminEmail, PASSWORD, { width: 1280, dialogs });
});

after(() => {
  receiver.closeAllConnections();
  receiver.close();
});

async function addChannel(page: Page, name: string, kind: string | null, fill: () => Promise<void>) {
  await page.getByRole('button', { name: '新增管道' }).click();
  const dialog = page.getByRole('dialog', { name: '新增通知管道' });
  await dialog.getByLabel(/^名稱/).fill(name);
  if (kind) {
    await dialog.getByLabel('類型').click();
    await page.getByRole('option', { name: kind }).click();
  }
  await fill();
  await dialog.getByRole('button', { name: '建立' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByText(`已新增通知管道「${name}」。`).waitFor();
  return page.getByTestId('channel-card').filter({ hasText: name });
}

step('a Slack channel’s test message is delivered to the receiver', async () => {
  await admin.goto(`${url}/alerts`);
  await admin.getByRole('link', { name: '通知管道' }).click();
  await admin.getByRole('heading', { name: '通知管道' }).waitFor();
  await admin.getByTestId('channels-empty').waitFor();
  const card = await addChannel(admin, '值班主管', null, async () => {
    await admin.getByLabel(/^Incoming Webhook 網址/).fill(`${base}/slack`);
  });
  assert.equal(await card.getByTestId('channel-health').textContent(), '尚未使用');
  assert.equal(await card.getByTestId('channel-target').textContent(), `${base}/…••••`);
  await card.getByRole('button', { name: '傳送測試' }).click();
  const result = card.getByTestId('test-result');
  await card.locator('[data-testid="test-result"][data-status="delivered"]').waitFor({ timeout: 30_000 });
  assert.match((await result.textContent()) ?? '', /測試訊息已送達.*第 1 次.*成功.*HTTP 200/s);
  const slack = got.find((g) => g.path === '/slack');
  assert.ok(slack, 'the receiver got the Slack message');
  assert.match(slack.body, /Firebreak 測試通知/);
  await card.getByTestId('channel-health').filter({ hasText: '正常' }).waitFor();
  await card.getByText(/最近成功：/).waitFor();
  await shot(admin, '01-slack-delivered-1280');
});

step('a webhook that answers 500 shows the failed attempt with its status code, signed as documented', async () => {
  const card = await addChannel(admin, '公關長系統', 'Webhook', async () => {
    const dialog = admin.getByRole('dialog');
    await dialog.getByLabel(/^Webhook 網址/).fill(`${base}/fail`);
    await dialog.getByText('Firebreak-Signature', { exact: false }).waitFor();
    await dialog.getByTestId('generate-secret').click();
    secret = await dialog.getByLabel(/^簽章密鑰/).inputValue();
    assert.match(secret, /^[\w-]{32}$/);
    await shot(admin, '02-webhook-form-1280', false);
  });
  await card.getByRole('button', { name: '傳送測試' }).click();
  const failed = card.getByTestId('test-result').getByTestId('delivery-attempt');
  await failed.first().waitFor({ timeout: 30_000 });
  assert.equal(await failed.first().getAttribute('data-ok'), 'false');
  assert.equal(await failed.first().getByTestId('attempt-status').textContent(), 'HTTP 500');
  assert.match((await card.getByTestId('test-result').textContent()) ?? '', /已有 \d 次嘗試失敗，系統會自動重試/);
  const hit = got.find((g) => g.path === '/fail');
  assert.ok(hit && verifyWebhook(hit.body, String(hit.headers['firebreak-signature']), secret, new Date()), 'signed with the secret');
  assert.ok(hit.headers['idempotency-key']);
  // Once the result is closed the card shows the receiver's error verbatim; the drawer lists every attempt.
  await card.getByRole('button', { name: '關閉結果' }).click();
  await card.getByText('最近一次錯誤（接收端或傳送過程的原始訊息）').waitFor();
  assert.equal(await card.getByTestId('raw-error').textContent(), 'The receiver answered 500 Internal Server Error');
  await card.getByRole('button', { name: '傳送紀錄' }).click();
  const drawer = admin.getByRole('dialog', { name: '傳送紀錄：公關長系統' });
  await drawer.getByTestId('delivery').first().waitFor();
  assert.match((await drawer.getByTestId('delivery').first().textContent()) ?? '', /測試訊息.*第 1 次.*失敗.*HTTP 500/s);
  await shot(admin, '03-webhook-failed-1280');
  await admin.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });
});

step('a channel can be switched off and deleted after confirming', async () => {
  await org.admin.post('/api/notification-channels', { name: '暫時的 Discord', config: { kind: 'discord', url: `${base}/discord` } });
  const card = admin.getByTestId('channel-card').filter({ hasText: '暫時的 Discord' });
  await card.waitFor(); // arrives live
  // Editing keeps the stored destination unless it is re-entered.
  await card.getByRole('button', { name: '編輯' }).click();
  const dialog = admin.getByRole('dialog', { name: '編輯通知管道' });
  await dialog.getByLabel(/^名稱/).fill('暫時的 Discord 群組');
  await dialog.getByRole('button', { name: '儲存' }).click();
  await admin.getByText('已更新通知管道「暫時的 Discord 群組」。').waitFor();
  await card.getByRole('switch', { name: '啟用' }).click({ force: true });
  await admin.getByText('已停用「暫時的 Discord 群組」，它不會再收到預警通知。').waitFor();
  await card.getByRole('button', { name: '刪除' }).click();
  await admin.getByRole('dialog', { name: '確認' }).getByRole('button', { name: '刪除' }).click();
  await card.waitFor({ state: 'detached' });
});

step('a two-level escalation is saved with the grading and previewed in one sentence', async () => {
  await admin.goto(`${url}/alerts/settings`);
  const section = admin.getByTestId('escalation');
  await section.getByText('目前沒有設定升級：預警開啟時只會通知一次。').waitFor();
  const pick = async (level: number, channel: string) => {
    await section.getByTestId('escalation-level').nth(level).getByLabel('通知這些管道').click();
    await admin.getByRole('option', { name: channel }).click();
    await admin.keyboard.press('Escape');
  };
  await section.getByRole('button', { name: '新增一層' }).click();
  await pick(0, '值班主管');
  await section.getByRole('button', { name: '新增一層' }).click();
  await pick(1, '公關長系統');
  await section.getByLabel('整個流程再重複幾次').fill('1');
  assert.equal(
    await section.getByTestId('escalation-sentence').textContent(),
    '預警開啟後 15 分鐘內沒人確認，通知 值班主管；再 30 分鐘，通知 公關長系統；重複 1 次。',
  );
  await shot(admin, '04-escalation-1280');
  await admin.getByRole('button', { name: '儲存' }).click();
  await admin.getByText('已儲存預警設定。').waitFor();
  const channels = (await org.admin.get('/api/notification-channels')).body as Array<{ id: string; name: string }>;
  const id = (n: string) => channels.find((c) => c.name === n)?.id;
  assert.deepEqual((await org.admin.get('/api/warnings/settings')).body.escalation, {
    levels: [
      { afterMinutes: 15, channelIds: [id('值班主管')], scheduleIds: [] },
      { afterMinutes: 30, channelIds: [id('公關長系統')], scheduleIds: [] },
    ],
    repeat: 1,
  });
});

/** A screenshot of one part of a page (the escalation test's result, to read it at full size). */
const partShot = (page: Page, testId: string, name: string) =>
  page.getByTestId(testId).screenshot({ path: path.join(resultsDir, `alert-settings-${name}.png`) });

/** Polls `f` until it returns something (the receiver is another part of this process). */
async function until<T>(what: string, f: () => T | undefined, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = f();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Picks `option` in the field labelled `label` of escalation level `level` (0-based). */
async function pickInLevel(page: Page, level: number, label: string, option: string) {
  await page.getByTestId('escalation').getByTestId('escalation-level').nth(level).getByLabel(label).click();
  await page.getByRole('option', { name: option }).click();
  await page.keyboard.press('Escape');
}

/** Adds on-call schedules to the unsaved ladder: a person in quiet hours and the admin on level 1, a gap on level 2. */
async function addSchedulesToLadder(page: Page) {
  await pickInLevel(page, 0, '通知值班人員', '全天值班');
  await pickInLevel(page, 0, '通知值班人員', '主管值班');
  await pickInLevel(page, 1, '通知值班人員', '尚未排班');
}

step('the detection bucket is a choice, 5 minutes by default, and a change warns that detectors relearn', async () => {
  await admin.goto(`${url}/alerts/settings`);
  const bucket = admin.getByTestId('bucket');
  const select = bucket.getByLabel('時間區間');
  assert.equal(await select.inputValue(), '5 分鐘（預設）');
  await select.click();
  await admin.getByRole('option', { name: '15 分鐘' }).click();
  await bucket.getByTestId('bucket-changed').waitFor();
  assert.match((await bucket.getByTestId('bucket-changed').textContent()) ?? '', /改用 15 分鐘的區間.*重新學習/);
  await shot(admin, '04b-bucket-changed-1280');
  await admin.getByRole('button', { name: '儲存' }).click();
  await admin.getByText('已儲存預警設定。').waitFor();
  assert.equal((await org.admin.get('/api/warnings/settings')).body.bucketMinutes, 15);
  await bucket.getByTestId('bucket-changed').waitFor({ state: 'detached' });
});

step('testing the escalation shows the ladder for now — on call, a gap, quiet hours — and sends each level a marked test', async () => {
  // Schedules: someone in quiet hours around now, the admin, and one that has not started (a gap).
  const night = await org.userWithRole('member', '林值班');
  const hhmm = (d: Date) => d.toISOString().slice(11, 16);
  const quietHours = { from: hhmm(new Date(Date.now() - 3 * 3_600_000)), to: hhmm(new Date(Date.now() + 3 * 3_600_000)), timeZone: 'UTC' };
  assert.equal((await night.client.request('PUT', '/api/me/notification-preferences', { quietHours })).status, 200);
  const rota = { timeZone: 'Asia/Taipei', handoffTime: '09:00', lengthDays: 7, overrides: [] };
  for (const [name, who, startDate] of [
    ['全天值班', night.id, '2026-01-05'],
    ['主管值班', org.adminId, '2026-01-05'],
    ['尚未排班', org.adminId, '2099-01-05'],
  ] as const) {
    const r = await org.admin.post('/api/oncall-schedules', { ...rota, name, participants: [who], startDate });
    assert.equal(r.status, 201, JSON.stringify(r.body));
  }
  await admin.goto(`${url}/alerts/settings`);
  await addSchedulesToLadder(admin);
  const before = got.length;
  await admin.getByRole('button', { name: '測試升級流程' }).click();
  const plan = admin.getByTestId('escalation-plan');
  await plan.waitFor();
  await admin.getByText('已送出升級流程的測試訊息。').waitFor();
  const steps = plan.getByTestId('plan-step');
  assert.equal(await steps.count(), 4, 'two levels, repeated once');
  assert.deepEqual(await plan.getByTestId('plan-when').evaluateAll((els) => els.map((e) => e.textContent?.split('（')[0])), [
    '開啟後 15 分鐘',
    '開啟後 45 分鐘',
    '開啟後 60 分鐘',
    '開啟後 90 分鐘',
  ]);
  const first = steps.nth(0);
  assert.match((await first.textContent()) ?? '', /第 1 層.*值班主管.*正常.*「全天值班」值班：林值班.*「主管值班」值班：Ada Admin/s);
  assert.match((await first.getByTestId('plan-quiet').textContent()) ?? '', /林值班 此時在安靜時段：風險分數 70 以上的預警才會通知。/);
  await first.getByText('林值班 現在在安靜時段，沒有傳送測試訊息給他。').waitFor();
  const gap = steps.nth(1).getByTestId('plan-gap');
  assert.match((await gap.textContent()) ?? '', /無人值班.*「尚未排班」此時沒有人值班/s);
  assert.equal(await steps.nth(2).getByText('第 1 層・第 2 輪').count(), 1);
  assert.match(
    (await plan.getByTestId('plan-summary').textContent()) ?? '',
    /已排入 3 則測試訊息（2 個通知管道、1 位值班人員）.*這是畫面上尚未儲存的設定。/s,
  );
  // The channels really get a test naming their level; nothing was saved.
  const slack = await until('the level-1 Slack test', () =>
    got.slice(before).find((g) => g.path === '/slack' && g.body.includes('升級流程')),
  );
  assert.match(JSON.parse(slack.body).text, /Firebreak 測試通知（好食光食品 · 升級流程第 1 層）/);
  const hook = await until('the level-2 webhook test', () =>
    got.slice(before).find((g) => g.path === '/fail' && g.body.includes('升級流程')),
  );
  assert.equal(JSON.parse(hook.body).title, 'Firebreak 測試通知（好食光食品 · 升級流程第 2 層）');
  assert.equal((await org.admin.get('/api/warnings/settings')).body.escalation.levels[0].scheduleIds.length, 0);
  assert.equal((await org.admin.get('/api/alerts')).body.alerts.length, 0, 'no alert was created');
  await shot(admin, '04c-escalation-test-1280');
  await partShot(admin, 'escalation-test', '04d-escalation-plan-1280');
  await admin.getByRole('button', { name: '關閉測試結果' }).click();
  await plan.waitFor({ state: 'detached' });
});

async function addRule(page: Page, name: string, fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: '新增規則' }).click();
  const dialog = page.getByRole('dialog', { name: '新增預警規則' });
  await dialog.getByLabel(/^名稱/).fill(name);
  await dialog.getByLabel(/^監測主題/).click();
  await page.getByRole('option', { name: '鼎泰豐食安' }).click();
  await fill(dialog);
  await dialog.getByRole('button', { name: '建立' }).click();
  await dialog.waitFor({ state: 'hidden' });
  return page.getByTestId('rule-card').filter({ hasText: name });
}

step('threshold and watch-list rules are added; a rule’s alert says which rule raised it', async () => {
  await admin.goto(`${url}/alerts`);
  await admin.getByRole('link', { name: '預警規則' }).click();
  await admin.getByTestId('rules-empty').waitFor();
  const threshold = await addRule(admin, '食安負評爆量', async (dialog) => {
    await dialog.getByLabel('至少幾則').fill('5');
    assert.equal(await dialog.getByTestId('rule-preview').textContent(), '「鼎泰豐食安」在 30 分鐘內有 5 則以上負面提及時預警');
    await shot(admin, '05-rule-form-1280', false);
  });
  assert.equal(await threshold.getByTestId('rule-sentence').textContent(), '「鼎泰豐食安」在 30 分鐘內有 5 則以上負面提及時預警');
  assert.equal(await threshold.getByTestId('rule-last-fired').textContent(), '尚未觸發');
  await threshold.getByRole('button', { name: '編輯' }).click();
  await admin.getByRole('dialog', { name: '編輯預警規則' }).getByLabel('至少幾則').fill('6');
  await admin.getByRole('dialog').getByRole('button', { name: '儲存' }).click();
  await threshold.getByText('「鼎泰豐食安」在 30 分鐘內有 6 則以上負面提及時預警').waitFor();
  const watch = await addRule(admin, '爆料帳號', async (dialog) => {
    await dialog.getByText('觀察名單', { exact: true }).click();
    await dialog.getByLabel('作者', { exact: true }).fill('美食網紅小雅');
    await admin.keyboard.press('Enter');
    await dialog.getByLabel('來源名稱', { exact: true }).fill('PTT Food');
    await admin.keyboard.press('Enter');
  });
  assert.match((await watch.textContent()) ?? '', /出現觀察名單上的作者或來源的新提及時預警.*作者美食網紅小雅.*來源PTT Food/s);
  const rules = (await org.admin.get('/api/alert-rules')).body as Array<{ id: string; config: object }>;
  assert.deepEqual(
    rules.map((r) => r.config),
    [
      { kind: 'threshold', signal: 'negative', count: 6, minutes: 30 },
      { kind: 'watchlist', authors: ['美食網紅小雅'], sources: ['PTT Food'] },
    ],
  );
  await shot(admin, '06-rules-1280');

  const signals = [{ signal: 'negative', observed: 12, expected: 6, low: 0, high: 6, deviation: 0 }];
  await server.db.execute(sql`
    INSERT INTO alerts (org_id, topic_id, rule_id, risk, severity, signals, drivers, window_start, window_end, opened_at, last_fired_at)
    VALUES (${org.orgId}, ${topicId}, ${rules[0].id}, 66, 'L2', ${JSON.stringify(signals)}::jsonb,
      ${JSON.stringify({ mentions: 12, negativeMentions: 12, reach: 0, clusters: [], authors: [], negatives: [] })}::jsonb,
      now() - interval '30 minutes', now(), now(), now())`);
  await admin.goto(`${url}/alerts`);
  const card = admin.getByTestId('alert-card').first();
  assert.equal(await card.getByTestId('rule-badge').textContent(), '規則：食安負評爆量');
  assert.equal(await card.getByTestId('moved-signals').textContent(), '負面提及 12 則（門檻 6 則）');
  await card.getByTestId('alert-topic').click();
  await admin.getByTestId('alert-rule').waitFor();
  await shot(admin, '07-rule-alert-1280');
  assert.deepEqual(dialogs, []);
});

step('on a 390 px phone the channels, deliveries, escalation and rules fit', async () => {
  const phone = await signInPage(browser, url, org.adminEmail, PASSWORD, { width: 390, dialogs });
  for (const [route, ready, name] of [
    ['/alerts', 'alert-card', '08-inbox-390'],
    ['/alerts/channels', 'channel-card', '09-channels-390'],
    ['/alerts/settings', 'escalation-preview', '10-settings-390'],
    ['/alerts/rules', 'rule-card', '11-rules-390'],
  ] as const) {
    await phone.goto(`${url}${route}`);
    await phone.getByTestId(ready).first().waitFor();
    await assertNoOverflow(phone, 390);
    await shot(phone, name);
  }
  await phone.goto(`${url}/alerts/settings`);
  await addSchedulesToLadder(phone);
  await phone.getByRole('button', { name: '測試升級流程' }).click();
  await phone.getByTestId('escalation-plan').waitFor();
  await phone.getByTestId('plan-gap').first().waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '10b-escalation-test-390');
  await partShot(phone, 'escalation-test', '10c-escalation-plan-390');
  await phone.goto(`${url}/alerts/channels`);
  await phone.getByTestId('channel-card').filter({ hasText: '公關長系統' }).getByRole('button', { name: '傳送紀錄' }).click();
  await phone.getByTestId('delivery').first().waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '12-deliveries-390', false);
  await phone.keyboard.press('Escape');
  await phone.getByTestId('delivery').first().waitFor({ state: 'hidden' });
  await phone.getByRole('button', { name: '新增管道' }).click();
  const kind = phone.getByRole('dialog').getByLabel('類型');
  await kind.waitFor();
  // On a loaded machine the first click can land while the dialog is still opening and the list stays shut.
  const webhook = phone.getByRole('option', { name: 'Webhook' });
  for (let i = 0; i < 3 && !(await webhook.isVisible()); i++) {
    await kind.click();
    await webhook.waitFor({ timeout: 3000 }).catch(() => {});
  }
  await webhook.click();
  await assertNoOverflow(phone, 390);
  await shot(phone, '13-webhook-form-390', false);
  await phone.context().close();
});

step('in English the channels, escalation and rules read in English', async () => {
  await switchLanguage(admin, 'English');
  await admin.goto(`${url}/alerts/channels`);
  await admin.getByRole('heading', { name: 'Notification channels' }).waitFor();
  await admin.getByTestId('channel-health').filter({ hasText: 'Working' }).first().waitFor();
  await shot(admin, '14-channels-en-1280');
  await admin.goto(`${url}/alerts/settings`);
  assert.equal(
    await admin.getByTestId('escalation-sentence').textContent(),
    'If nobody acknowledges within 15 minutes of an alert opening, notify 值班主管; 30 minutes later, notify 公關長系統; repeat once.',
  );
  await admin.getByRole('button', { name: 'Test escalation' }).click();
  await admin.getByTestId('escalation-plan').getByText('Level 1 · round 2').waitFor();
  await admin.getByText('Escalation test messages sent.').waitFor();
  await shot(admin, '14b-escalation-test-en-1280');
  await partShot(admin, 'escalation-test', '14c-escalation-plan-en-1280');
  await admin.goto(`${url}/alerts/rules`);
  await admin.getByText('Alert when “鼎泰豐食安” has 6 or more negative mentions within 30 minutes').waitFor();
  await shot(admin, '15-rules-en-1280');
  await switchLanguage(admin, '繁體中文');
});
