// A drill at 60× in a real browser, end to end (issue 8's must-show): an admin plans a drill from an uploaded
// scenario file (the validator's verdict shown) with a player, starts it at 60×, enters the sandbox, sees the alert
// fire there and acknowledges it, declares the crisis from it and drafts the holding statement (through the crisis
// room's UI), leaves; the drill runs to its end by itself; the after-action report's clocks equal the times of the
// test's own actions (±2 s), its texts and follow-up actions are edited, the PDF downloads. The player then reads
// the drill and the report on a 390 px phone. Screenshots in test-results/drills-*.png.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { webDist } from '../../src/platform/web-assets.ts';
import { setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots } from './harness.ts';

const SCENARIO = path.resolve('test/fixtures/scenarios/zh-TW/fixture-mini.yaml');
const TITLE = '第一季食安演練';
/** The fixture plays 30 scenario minutes: 30 s at 60×; the bound leaves room for a loaded 2-core machine. */
const RUN_BOUND_MS = 90_000;
/** Clocks are whole seconds of server time; the test's own timestamps bracket each action. */
const SLACK_S = 2;

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let player: { email: string; id: string };
let admin: Page;
let drillId = '';
let secondId = '';
let alertOpenedAt = 0;
/** When each action was sent (before) and seen done (after), in ms since the epoch. */
const acted: Record<'ack' | 'declare' | 'draft', { before: number; after: number }> = {
  ack: { before: 0, after: 0 },
  declare: { before: 0, after: 0 },
  draft: { before: 0, after: 0 },
};
const shot = screenshots('drills');
const session = e2eSession({ browser: () => browser, url: () => url, shot, stepMs: 20_000 });
const { signIn, dialogs, pageErrors } = session;
let broken = '';
/** The steps build on each other: after one fails, the rest fail at once naming it (instead of each timing out). */
const step = (name: string, fn: () => Promise<void>) =>
  session.step(name, async () => {
    if (broken) throw new Error(`skipped: the step "${broken}" failed`);
    try {
      await fn();
    } catch (err) {
      broken = name;
      throw err;
    }
  });

/** Picks an option of a Mantine select opened by clicking `input`. */
async function choose(page: Page, input: Locator, option: string | RegExp) {
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
}

/** A JSON call through the page's own session (cookie and CSRF token), as the web app makes it. */
async function pageApi<T>(page: Page, method: string, p: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, p, body }) => {
      const s = await (await fetch('/api/session', { headers: { accept: 'application/json' } })).json();
      const res = await fetch(p, {
        method,
        headers: {
          accept: 'application/json',
          'content-type': 'application/json',
          'x-requested-with': 'firebreak',
          'x-csrf-token': s.csrfToken,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    },
    { method, p, body },
  ) as Promise<{ status: number; body: T }>;
}

const sessionKind = async (page: Page) => (await pageApi<{ org: { kind: string } }>(page, 'GET', '/api/session')).body.org.kind;

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  assert.ok(fs.existsSync(SCENARIO), `the fixture scenario ${SCENARIO} exists`);
  // Background on (the default): the scenario player, the job queue and the detector all run as in production.
  const started = await startTestServer();
  url = started.url;
  org = await setUpOrg(url, '茶聚堂股份有限公司');
  player = await org.userWithRole('member', '林小華');
  browser = await launchBrowser();
});

/** A facilitator's command to the drill's run (the drill pages answer for the real person, inside the sandbox too). */
async function runCommand(action: 'pause' | 'resume') {
  const d = await pageApi<{ run: { version: number } }>(admin, 'GET', `/api/drills/${drillId}`);
  const r = await pageApi(admin, 'POST', `/api/drills/${drillId}/control`, { action, expectedVersion: d.body.run.version });
  assert.equal(r.status, 200, `${action}: ${JSON.stringify(r.body)}`);
}

step('the admin plans a drill from an uploaded scenario file, at 60×, with a player', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await admin.getByRole('navigation').getByRole('link', { name: '演練' }).click();
  await admin.getByRole('heading', { name: '演練' }).waitFor();
  await admin.getByTestId('drills-empty').waitFor();
  await admin.getByTestId('drill-trends').getByText('結束第一場演練後').waitFor();
  await shot(admin, '01-list-empty');
  await admin.getByTestId('new-drill').click();
  await admin.getByRole('heading', { name: '規劃演練' }).waitFor();

  // The shipped scenarios as cards (one per scenario, its languages to switch between); choosing one marks it.
  const cards = admin.getByTestId('scenario-card');
  await cards.first().waitFor();
  assert.ok((await cards.count()) >= 5, 'at least the five shipped scenarios');
  await cards.first().getByRole('button', { name: '選擇' }).click();
  await admin.locator('[data-testid="scenario-card"][data-chosen="true"]').getByRole('button', { name: '已選擇' }).waitFor();
  await shot(admin, '02-plan-shipped');

  // A broken file first: the validator's problems are pointed at line and column.
  await admin.getByText('上傳或貼上情境檔').click();
  await admin.getByTestId('scenario-text').fill('format: firebreak.scenario/v1\nid: Bad Id\n');
  await admin.getByRole('button', { name: '檢查情境檔' }).click();
  const issues = admin.getByTestId('scenario-issues');
  await issues.waitFor();
  assert.match((await issues.textContent()) ?? '', /第 2 行第 \d+ 欄/);
  await shot(admin, '02-plan-issues', false);

  // Then the fixture, through the file picker.
  const [chooser] = await Promise.all([admin.waitForEvent('filechooser'), admin.getByTestId('scenario-upload').click()]);
  await chooser.setFiles(SCENARIO);
  await admin
    .getByTestId('scenario-ok')
    .getByText(/茶聚堂珍奶異物疑雲（測試用）（30 分鐘、3 則注入事件）/)
    .waitFor();
  assert.equal(await issues.count(), 0);

  await admin.getByLabel('演練名稱').fill(TITLE);
  await admin.getByTestId('plan-speed').getByText('60×').click();
  await choose(admin, admin.getByTestId('drill-players'), /林小華/);
  await admin.keyboard.press('Escape');
  await shot(admin, '03-plan-ready');
  await admin.getByTestId('create-drill').click();
  await admin.waitForURL(/\/drills\/[0-9a-f-]{36}$/);
  drillId = admin.url().split('/drills/')[1] ?? '';
  const run = admin.getByTestId('drill-run');
  await run.and(admin.locator('[data-status="ready"]')).waitFor();
  await admin.getByTestId('participants').getByText('林小華').waitFor();
  // The facilitator sees the whole schedule, nothing sent yet.
  assert.equal(await admin.getByTestId('inject').count(), 3);
  assert.equal(await admin.locator('[data-testid="inject"][data-delivered="true"]').count(), 0);
  assert.ok(await admin.getByTestId('run-speed').getByRole('radio', { name: '60×' }).isChecked());
  await shot(admin, '04-drill-ready');
});

step('the facilitator starts it at 60×: scenario time runs and injects arrive', async () => {
  await admin.getByRole('button', { name: '開始演練' }).click();
  await admin.getByTestId('drill-run').and(admin.locator('[data-status="running"]')).waitFor();
  // The store call is at minute 2: two seconds at 60× (the page polls every 2 s).
  await admin.locator('[data-testid="inject"][data-inject-key="store-call"][data-delivered="true"]').waitFor();
  await shot(admin, '05-drill-running');
});

step('the admin enters the drill: the session now acts inside the sandbox', async () => {
  await admin.getByTestId('enter-drill').click();
  await admin.waitForURL(`${url}/`);
  await admin.getByRole('heading', { name: /歡迎來到/ }).waitFor();
  assert.equal(await sessionKind(admin), 'drill');
  await shot(admin, '06-inside');
});

step('inside the sandbox the alert fires; the admin acknowledges it', async () => {
  await admin.goto(`${url}/alerts`);
  const card = admin.getByTestId('alert-card').first();
  await card.waitFor({ timeout: 60_000 });
  // The facilitator holds the scenario while the team acts (30 scenario minutes are only 30 s at 60×, and a loaded
  // machine's clicks must not outlast them); the team's clocks are real time and keep running.
  await runCommand('pause');
  const id = await card.getAttribute('data-alert-id');
  const alert = await pageApi<{ openedAt: string }>(admin, 'GET', `/api/alerts/${id}`);
  assert.equal(alert.status, 200);
  alertOpenedAt = Date.parse(alert.body.openedAt);
  await admin.goto(`${url}/alerts/${id}`);
  await admin.getByTestId('alert-title').waitFor();
  acted.ack.before = Date.now();
  await admin.getByRole('button', { name: '確認收到' }).click();
  await admin.getByText('已確認收到這則預警。').waitFor();
  acted.ack.after = Date.now();
  await shot(admin, '07-alert-acknowledged');
});

step('the admin declares the crisis from the alert and sees the playbook tasks', async () => {
  await admin.getByTestId('declare-from-alert').click();
  await admin.getByRole('heading', { name: '宣告危機' }).waitFor();
  await choose(admin, admin.getByRole('combobox', { name: '類型' }), '產品品質／食安');
  acted.declare.before = Date.now();
  await admin.getByRole('button', { name: '宣告危機' }).last().click();
  await admin.getByTestId('crisis-title').waitFor();
  acted.declare.after = Date.now();
  await admin.getByTestId('task-card').first().waitFor();
  await shot(admin, '08-crisis-declared');
});

step('the admin drafts the holding statement in the crisis room', async () => {
  await admin.getByTestId('crisis-statements').getByTestId('new-statement').click();
  const dialog = admin.getByRole('dialog', { name: '新增聲明稿' });
  await dialog.getByLabel('標題').fill('茶聚堂初步聲明');
  acted.draft.before = Date.now();
  await dialog.getByTestId('new-statement-create').click();
  await admin.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
  acted.draft.after = Date.now();
  // Scoring counts only what happens while the drill runs (30 s at 60×): say so plainly if this machine was too slow.
  const d = await pageApi<{ run: { status: string; minute: number } }>(admin, 'GET', `/api/drills/${drillId}`);
  assert.notEqual(d.body.run.status, 'ended', 'the holding statement was drafted after the drill had ended (the machine is too slow)');
  await shot(admin, '09-holding-drafted');
});

step('the admin leaves the drill, back in the real organisation', async () => {
  const leave = admin.getByRole('button', { name: '離開演練' });
  if (await leave.count()) await leave.first().click();
  else assert.equal((await pageApi(admin, 'POST', '/api/drill-session/leave', {})).status, 200);
  await admin.waitForTimeout(500);
  await admin.goto(`${url}/drills/${drillId}`);
  assert.equal(await sessionKind(admin), 'live');
  await admin.getByTestId('drill-run').waitFor();
  await runCommand('resume');
});

step('the drill runs to its end at 60× by itself', async () => {
  await admin.getByTestId('drill-run').and(admin.locator('[data-status="ended"]')).waitFor({ timeout: RUN_BOUND_MS });
  await admin.getByTestId('scenario-minute').and(admin.locator('[data-minute="30"]')).waitFor();
  assert.equal(await admin.locator('[data-testid="inject"][data-delivered="true"]').count(), 3);
  // The facilitator notes an observation before the report.
  const form = admin.getByTestId('observation-form');
  await choose(admin, form.getByRole('combobox', { name: '能力面向' }), '決策');
  await form.getByText('4', { exact: true }).click();
  await form.getByLabel('觀察內容').fill('宣告危機的決策明快，但沒有先指派法務。');
  await form.getByRole('button', { name: '儲存觀察' }).click();
  await admin.getByTestId('observation').first().getByText('宣告危機的決策明快').waitFor();
  await shot(admin, '10-drill-ended');
});

step('the after-action report: clocks match what the test did (±2 s)', async () => {
  await admin.getByTestId('generate-report').click();
  await admin.waitForURL(new RegExp(`/drills/${drillId}/report$`));
  await admin.getByTestId('report-clocks').waitFor();
  const seconds = async (key: string) => {
    const v = await admin.locator(`[data-testid="clock-row"][data-clock="${key}"]`).getAttribute('data-seconds');
    assert.ok(v !== null && v !== '', `${key} was measured`);
    return Number(v);
  };
  const within = (name: string, got: number, lo: number, hi: number) =>
    assert.ok(got >= lo - SLACK_S && got <= hi + SLACK_S, `${name}: ${got} s within [${lo.toFixed(1)}, ${hi.toFixed(1)}] ± ${SLACK_S} s`);
  within(
    'alert acknowledged',
    await seconds('alert_acknowledged'),
    (acted.ack.before - alertOpenedAt) / 1000,
    (acted.ack.after - alertOpenedAt) / 1000,
  );
  within(
    'crisis declared',
    await seconds('crisis_declared'),
    (acted.declare.before - alertOpenedAt) / 1000,
    (acted.declare.after - alertOpenedAt) / 1000,
  );
  within(
    'holding drafted',
    await seconds('holding_drafted'),
    (acted.draft.before - acted.declare.after) / 1000,
    (acted.draft.after - acted.declare.before) / 1000,
  );
  // Shown as m:ss, with the result in words.
  const ackRow = admin.locator('[data-testid="clock-row"][data-clock="alert_acknowledged"]');
  assert.match((await ackRow.getByTestId('clock-measured').textContent()) ?? '', /^\d+:\d{2}$/);
  assert.match((await ackRow.textContent()) ?? '', /達標|未達標/);
  await admin.getByTestId('clocks-note').getByText('實際經過的時間').waitFor();
  await admin.getByTestId('report-scores').getByText('平均 4.0').waitFor();
  await shot(admin, '11-report');
});

step('the report’s texts and follow-up actions are edited; the PDF downloads', async () => {
  await admin.getByTestId('went-well').fill('十分鐘內確認預警並宣告危機。');
  await admin.getByTestId('to-improve').fill('初步聲明應先經法務確認。');
  await admin.getByTestId('save-report-text').click();
  await admin.getByText('已儲存。').waitFor();
  const add = admin.getByTestId('add-action');
  await add.getByLabel('行動').fill('更新食安初步聲明範本');
  await choose(admin, add.getByRole('combobox', { name: '負責人' }), '林小華');
  await add.getByLabel(/期限/).fill('2027-01-15');
  await add.getByRole('button', { name: '新增行動' }).click();
  const action = admin.getByTestId('action').filter({ hasText: '更新食安初步聲明範本' });
  await action.getByText(/林小華 · 期限 2027-01-15/).waitFor();
  await action.getByRole('checkbox').click();
  await admin.locator('[data-testid="action"][data-done="true"]').waitFor();
  // Saved for real: a reload shows the same.
  await admin.reload();
  assert.equal(await admin.getByTestId('went-well').inputValue(), '十分鐘內確認預警並宣告危機。');
  await admin.locator('[data-testid="action"][data-done="true"]').waitFor();

  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('report-pdf').click()]);
  const file = await download.path();
  const bytes = fs.readFileSync(file);
  assert.ok(bytes.length > 1000, `a PDF of ${bytes.length} bytes`);
  assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  const res = await admin.request.get(`${url}/api/drills/${drillId}/report.pdf`);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'] ?? '', /^application\/pdf/);
  await shot(admin, '12-report-edited');
});

step('the drills list shows the ended drill with its report, and the trends', async () => {
  await admin.goto(`${url}/drills`);
  const card = admin.locator(`[data-testid="drill-card"][data-drill-id="${drillId}"]`);
  await card.and(admin.locator('[data-status="ended"]')).waitFor();
  await card.getByTestId('drill-report-link').waitFor();
  await admin.getByTestId('trends-chart').waitFor();
  await admin.getByTestId('trends-table').getByText(TITLE).waitFor();
  await shot(admin, '13-list-trends');
});

step('the player reads the drill and the report on a 390 px phone', async () => {
  const phone = await signIn(player.email, 390);
  await phone.goto(`${url}/drills`);
  const card = phone.locator(`[data-testid="drill-card"][data-drill-id="${drillId}"]`);
  await card.getByText('參演者').waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '14-phone-list');
  await card.getByRole('link', { name: TITLE }).click();
  await phone.getByTestId('drill-run').and(phone.locator('[data-status="ended"]')).waitFor();
  // Players never get the controls or the undelivered schedule.
  assert.equal(await phone.getByTestId('drill-controls').count(), 0);
  assert.equal(await phone.getByTestId('surprise-form').count(), 0);
  await assertNoOverflow(phone, 390);
  await shot(phone, '15-phone-drill');
  await phone.getByTestId('open-report').click();
  // On a phone the clocks are cards (no sideways scrolling), and the team's words are read-only for a player.
  await phone
    .locator('[data-testid="clock-card"][data-clock="alert_acknowledged"]')
    .getByText(/實測 \d+:\d{2}／目標 [\d:]+/)
    .waitFor();
  await phone.getByTestId('report-text-view').getByText('十分鐘內確認預警並宣告危機。').waitFor();
  assert.equal(await phone.getByTestId('went-well').count(), 0);
  await assertNoOverflow(phone, 390);
  await shot(phone, '16-phone-report');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

step('on a 390 px phone the facilitator plans and controls a drill without sideways scrolling', async () => {
  const created = await org.admin.post('/api/drills', { title: '資料外洩演練', scenarioId: 'customer-data-leak', historyDays: 0 });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  secondId = created.body.id;
  const phone = await signIn(org.adminEmail, 390);
  await phone.goto(`${url}/drills/new`);
  await phone.getByTestId('scenario-card').first().waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '17-phone-plan');
  await phone.goto(`${url}/drills/${created.body.id}`);
  await phone.getByTestId('drill-controls').getByRole('button', { name: '開始演練' }).waitFor();
  await phone.getByTestId('surprise-form').waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '18-phone-controls');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

step('the facilitator’s controls: start, pause, resume, speed, release by hand, a surprise inject, jump, end', async () => {
  await admin.goto(`${url}/drills/${secondId}`);
  const run = admin.getByTestId('drill-run');
  const controls = admin.getByTestId('drill-controls');
  await controls.getByRole('button', { name: '開始演練' }).click();
  await run.and(admin.locator('[data-status="running"]')).waitFor();
  await controls.getByRole('button', { name: '暫停' }).click();
  await run.and(admin.locator('[data-status="paused"]')).waitFor();
  await controls.getByRole('button', { name: '繼續' }).click();
  await run.and(admin.locator('[data-status="running"]')).waitFor();
  await admin.getByTestId('run-speed').getByText('10×').click();
  await run.and(admin.locator('[data-speed="10"]')).waitFor();

  // Release the last inject of the schedule by hand, long before its minute.
  const last = admin.getByTestId('inject').last();
  const key = await last.getAttribute('data-inject-key');
  await last.getByRole('button', { name: '立即發送' }).click();
  const released = admin.locator(`[data-testid="inject"][data-inject-key="${key}"][data-delivered="true"]`);
  await released.waitFor();
  await released.getByText('手動發送').waitFor();

  // A surprise inject whose text looks like markup stays text.
  const hostile = '<img src=x onerror="window.__xss=1">請在 30 分鐘內回覆';
  const form = admin.getByTestId('surprise-form');
  await choose(admin, form.getByRole('combobox', { name: '類型' }), '主管機關');
  await form.getByLabel('寄件者／來源').fill('數位發展部');
  await form.getByLabel('主旨').fill('要求說明個資外洩範圍');
  await form.getByLabel('內容').fill(hostile);
  await form.getByRole('button', { name: '立即發送' }).click();
  await admin.getByText('已發送臨時注入事件。').waitFor();
  const surprise = admin.getByTestId('inject').filter({ hasText: '要求說明個資外洩範圍' });
  await surprise.getByText('臨時加入').waitFor();
  await surprise.getByText(hostile).waitFor();
  assert.equal(await admin.locator('img[src="x"]').count(), 0);
  assert.equal(await admin.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);

  const before = Number(await admin.getByTestId('scenario-minute').getAttribute('data-minute'));
  await controls.getByRole('button', { name: '跳到下一則注入事件' }).click();
  await admin.waitForFunction(
    (m) => Number(document.querySelector('[data-testid="scenario-minute"]')?.getAttribute('data-minute')) > m,
    before,
  );
  await shot(admin, '19-controls');

  await controls.getByRole('button', { name: '結束演練' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: '結束演練' }).click();
  await run.and(admin.locator('[data-status="ended"]')).waitFor();
  await run.getByText(/結束原因：主持人結束演練/).waitFor();
  assert.equal(await admin.getByTestId('drill-controls').getByRole('button').count(), 0);
  await admin.getByTestId('generate-report').waitFor();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
