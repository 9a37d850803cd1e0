// The crisis room in a real browser: an admin declares an L1 crisis from scratch (the playbook preview, then its
// tasks in the room), hands the legal-counsel role to a member through the UI, and the member — in a second
// browser — sees the same room; a task set to done, a blocked task, a severity change with its reason (timeline and
// decision log) and closing the crisis all appear in the other browser without reloading. Then a crisis declared
// from an alert (pre-filled form, linked both ways). Hostile note text stays text; a 390 px phone does not overflow.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, Locator, Page } from 'playwright-core';
import { webDist } from '../../src/platform/web-assets.ts';
import { setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots } from './harness.ts';

const TITLE = '信義店小籠包食安爭議';
const hostileNote = '<img src=x onerror=alert(1)>記者來電詢問 <script>window.__xss=1</script>';

let browser: Browser;
let url: string;
let server: Awaited<ReturnType<typeof startTestServer>>['server'];
let org: Awaited<ReturnType<typeof setUpOrg>>;
let legal: { email: string; id: string };
let admin: Page;
let lawyer: Page;
let crisisUrl = '';
let alertId = '';
const shot = screenshots('crisis');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

const column = (page: Page, status: string) => page.getByTestId(`task-column-${status}`);
const taskIn = (page: Page, status: string, title: string): Locator =>
  column(page, status).getByTestId('task-card').filter({ hasText: title });

/** Picks an option of a Mantine select opened by clicking `input`. */
async function choose(page: Page, input: Locator, option: string) {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

const noXss = async (page: Page) => {
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.equal(await page.locator('img[src="x"]').count(), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
};

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const started = await startTestServer();
  url = started.url;
  server = started.server;
  org = await setUpOrg(url, '好食光食品');
  legal = await org.userWithRole('member', '林法務');
  browser = await launchBrowser();
});

step('the admin declares an L1 crisis from scratch, with the playbook previewed', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await admin.getByRole('navigation').getByRole('link', { name: '危機' }).click();
  await admin.getByTestId('crises-empty').waitFor();
  await admin.getByTestId('declare-crisis').click();
  await admin.getByRole('heading', { name: '宣告危機' }).waitFor();
  const preview = admin.getByTestId('playbook-preview');
  await preview.getByText('選擇類型與嚴重度後').waitFor();

  await admin.getByLabel('標題').fill(TITLE);
  await choose(admin, admin.getByRole('combobox', { name: '類型' }), '產品品質／食安');
  await admin.getByRole('radio', { name: 'L1 重大' }).check();
  await admin.getByLabel(/為什麼是這個等級/).fill('Dcard 熱門第一，已有電視台來電');
  // The preview lists the roles and the tasks with their clocks from the declaration.
  await preview.getByText('T+15 分鐘').first().waitFor();
  await preview.locator('.mantine-Badge-label', { hasText: '法務' }).first().waitFor();
  assert.ok((await preview.getByTestId('playbook-tasks').locator('li').count()) >= 5);
  await shot(admin, 'declare-form');

  await admin.getByRole('button', { name: '宣告危機' }).last().click();
  await admin.getByTestId('crisis-title').filter({ hasText: TITLE }).waitFor();
  crisisUrl = admin.url();
  assert.match(crisisUrl, /\/crises\/[0-9a-f-]{36}$/);
  const header = admin.getByTestId('room-header');
  await header.getByText('#1').waitFor();
  assert.equal(await header.getByTestId('crisis-severity').getAttribute('data-severity'), 'L1');
  assert.equal(await header.getByTestId('crisis-status').getAttribute('data-status'), 'declared');
  // The stopwatch ticks.
  const elapsed = header.getByTestId('crisis-elapsed');
  const first = await elapsed.textContent();
  // It ticks every second; a loaded machine may skip a frame, so give it a few.
  await admin.waitForFunction(([el, was]) => (el as HTMLElement).textContent !== was, [await elapsed.elementHandle(), first] as const, {
    timeout: 8000,
  });
  // The playbook's tasks are on the board, to do, with their clocks.
  assert.ok((await column(admin, 'todo').getByTestId('task-card').count()) >= 5);
  await column(admin, 'todo').getByTestId('task-due').first().waitFor();
  await admin.getByTestId('decision-log').getByText('Dcard 熱門第一').first().waitFor();
});

step('the admin hands the legal-counsel role to a member; the list shows the crisis', async () => {
  const team = admin.getByTestId('team-panel');
  await choose(admin, team.getByRole('combobox', { name: '法務', exact: true }), '林法務');
  await admin.getByText('已指派 林法務 擔任法務。').waitFor();
  await admin.getByTestId('timeline').getByText('Ada Admin 指派 林法務 擔任法務').waitFor();
  await shot(admin, 'room');

  await admin.getByRole('link', { name: '所有危機' }).click();
  const card = admin.getByTestId('crisis-card').filter({ hasText: TITLE });
  await card.waitFor();
  await card.getByTestId('crisis-next-due').waitFor();
  await card.getByText('L1 重大').waitFor();
  await shot(admin, 'list');
  await card.getByRole('link', { name: TITLE }).click();
  await admin.getByTestId('crisis-title').waitFor();
});

step('the member sees the same room; a task done in one browser is done in the other without reload', async () => {
  lawyer = await signIn(legal.email, 1280);
  await lawyer.getByRole('navigation').getByRole('link', { name: '危機' }).click();
  await lawyer.getByTestId('crisis-card').filter({ hasText: TITLE }).getByRole('link', { name: TITLE }).click();
  await lawyer.getByTestId('crisis-title').filter({ hasText: TITLE }).waitFor();
  await lawyer.getByTestId('team-role-legal_counsel').getByText('林法務').waitFor();

  const title = (await column(lawyer, 'todo').getByTestId('task-card').first().getAttribute('data-task-title')) ?? '';
  await lawyer.getByLabel(`「${title}」的狀態`).selectOption('done');
  await taskIn(lawyer, 'done', title).waitFor();
  await taskIn(admin, 'done', title).waitFor();
  assert.equal(await taskIn(admin, 'todo', title).count(), 0);

  // The admin blocks another task (a reason is required); the member sees it blocked with the reason.
  const other = (await column(admin, 'todo').getByTestId('task-card').first().getAttribute('data-task-title')) ?? '';
  await admin.getByLabel(`「${other}」的狀態`).selectOption('blocked');
  const dialog = admin.getByRole('dialog', { name: '任務受阻' });
  await dialog.getByRole('button', { name: '標為受阻' }).click();
  await dialog.getByText('此欄位為必填').or(dialog.getByText('必填')).first().waitFor();
  await dialog.getByLabel(/受阻原因/).fill('等待供應商提供檢驗報告');
  await dialog.getByRole('button', { name: '標為受阻' }).click();
  await taskIn(lawyer, 'blocked', other).getByText('等待供應商提供檢驗報告').waitFor();

  // A note with markup stays text in both browsers.
  await lawyer.getByLabel('新增紀錄').fill(hostileNote);
  await lawyer.getByRole('button', { name: '加入時間軸' }).click();
  await admin.getByTestId('timeline').getByText('記者來電詢問').waitFor();
  await noXss(admin);
  await noXss(lawyer);
});

step('a severity change with its reason shows in the timeline and decision log of both browsers', async () => {
  await admin.getByRole('button', { name: '調整嚴重度' }).click();
  const dialog = admin.getByRole('dialog', { name: '調整嚴重度' });
  await dialog.getByRole('radio', { name: 'L2 嚴重' }).check();
  await dialog.getByLabel(/調整的原因/).fill('主管機關已介入調查，但擴散趨緩');
  await dialog.getByRole('button', { name: '調整嚴重度' }).click();
  for (const page of [admin, lawyer]) {
    await page.getByTestId('timeline').getByText('Ada Admin 將嚴重度由 L1 調整為 L2').waitFor();
    await page.getByTestId('decision-log').getByText('主管機關已介入調查，但擴散趨緩').first().waitFor();
    await page.getByTestId('room-header').getByTestId('crisis-severity').and(page.locator('[data-severity="L2"]')).waitFor();
  }
  // The member holds no commander role: no lifecycle actions for them.
  assert.equal(await lawyer.getByTestId('crisis-actions').count(), 0);
  await shot(lawyer, 'room-member');
});

step('the commander @-mentions the legal counsel on a task; the counsel sees it live and ticks the checklist', async () => {
  const card = column(admin, 'todo').getByTestId('task-card').first();
  const title = (await card.getAttribute('data-task-title')) ?? '';
  await card.getByTestId('task-open').click();
  const drawer = admin.getByRole('dialog', { name: '任務詳情' });
  await drawer.getByRole('heading', { name: title }).waitFor();
  // A checklist item added in the drawer.
  await drawer.getByLabel('新的檢查項目').fill('調閱門市監視器畫面');
  await drawer.getByRole('button', { name: '新增項目' }).click();
  await drawer.getByRole('checkbox', { name: '調閱門市監視器畫面' }).waitFor();
  // "@林" offers the counsel; picking inserts the full name.
  const input = drawer.getByTestId('comment-input');
  await input.click();
  await input.pressSequentially('@林');
  await drawer.getByTestId('mention-suggestions').getByRole('option', { name: '@林法務' }).click();
  assert.equal(await input.inputValue(), '@林法務 ');
  await input.pressSequentially('請在 18:00 前確認聲明的法律用語 <b>急</b>');
  await shot(admin, 'task-drawer');
  await drawer.getByRole('button', { name: '送出留言' }).click();
  await drawer.getByTestId('task-comment').getByText('@林法務 請在 18:00 前確認聲明的法律用語 <b>急</b>').waitFor();
  await admin.keyboard.press('Escape');
  await drawer.waitFor({ state: 'hidden' });

  // The counsel's browser: the comment on the timeline and on the card, without reloading.
  await lawyer.getByTestId('timeline').getByText(`Ada Admin 在任務「${title}」留言`).waitFor();
  const theirs = taskIn(lawyer, 'todo', title);
  await theirs.getByText('1 則留言').waitFor();
  await theirs.getByTestId('task-checklist-progress').getByText('檢查清單 0/1').waitFor();
  // Their own tasks, with checklists to tick.
  await lawyer
    .getByTestId('task-show')
    .getByText(/我的任務/)
    .click();
  await lawyer
    .getByTestId('my-tasks-intro')
    .getByText(/你擔任法務/)
    .waitFor();
  await lawyer.getByTestId('task-show').getByText('全部任務').click();
  await theirs.getByTestId('task-open').click();
  const drawer2 = lawyer.getByRole('dialog', { name: '任務詳情' });
  await drawer2.getByTestId('task-comment').getByText('請在 18:00 前確認聲明的法律用語').waitFor();
  // Ticking saves at once (the box follows the server's answer).
  await drawer2.getByRole('checkbox', { name: '調閱門市監視器畫面' }).click();
  await drawer2.getByRole('checkbox', { name: '調閱門市監視器畫面', checked: true }).waitFor();
  await lawyer.keyboard.press('Escape');
  await drawer2.waitFor({ state: 'hidden' });
  await taskIn(admin, 'todo', title).getByText('檢查清單 1/1').waitFor();
  await noXss(admin);
  await noXss(lawyer);
});

step('a decision needing sign-off is asked of the counsel and signed in their browser', async () => {
  await admin.getByTestId('decision-log').getByRole('button', { name: '記錄決策' }).click();
  const dialog = admin.getByRole('dialog', { name: '記錄決策' });
  await dialog.getByLabel(/決定了什麼/).fill('全面下架問題批號並公告退費方式');
  await dialog.getByLabel(/理由/).fill('消費者安全優先');
  await dialog.getByRole('checkbox', { name: '需要高層簽核' }).check();
  await choose(admin, dialog.getByRole('combobox', { name: '簽核人' }), '林法務');
  await dialog.getByRole('button', { name: '記錄決策' }).click();
  const pending = admin.getByTestId('decision').filter({ hasText: '全面下架問題批號' });
  await pending.getByText('待 林法務 簽核').waitFor();

  const call = lawyer.getByTestId('signoff-call');
  await call.getByText('需要您簽核').waitFor();
  await shot(lawyer, 'signoff-asked');
  const panel = lawyer.getByTestId('decision').filter({ hasText: '全面下架問題批號' }).getByTestId('signoff-panel');
  await panel.getByLabel(/意見/).fill('同意，請同步通知經銷商');
  await panel.getByRole('button', { name: '簽核同意' }).click();
  await pending
    .locator('[data-status="signed"]')
    .getByText(/林法務 已簽核同意/)
    .waitFor();
  await pending.getByText('簽核意見：同意，請同步通知經銷商').waitFor();
  // The call leaves the counsel's page once their own view has refetched (the admin's page may be first).
  await call.waitFor({ state: 'detached' });
  assert.equal(await call.count(), 0);
  await admin.getByTestId('timeline').getByText('林法務 簽核同意決策：全面下架問題批號並公告退費方式').waitFor();
});

step('the timeline filters by kind, and an entry starred in one browser is starred in the other', async () => {
  const filter = (page: Page, name: string) => page.getByTestId('timeline-filter').getByText(name, { exact: true }).click();
  await filter(lawyer, '決策');
  const entries = lawyer.getByTestId('timeline').getByTestId('timeline-entry');
  await entries.first().waitFor();
  const types = await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
  assert.ok(types.length >= 3, JSON.stringify(types));
  assert.ok(
    types.every((x) => /^crisis\.(decision_logged|severity_changed|signoff_requested|decision_signed|decision_declined)$/.test(x ?? '')),
    JSON.stringify(types),
  );
  const signed = entries.filter({ hasText: '簽核同意決策' });
  await signed.getByRole('button', { name: '加上星號（檢討時回顧）' }).click();
  await signed.and(lawyer.locator('[data-starred="true"]')).waitFor();
  await filter(admin, '星號');
  const starred = admin.getByTestId('timeline').getByTestId('timeline-entry');
  await starred.filter({ hasText: '簽核同意決策' }).waitFor();
  assert.equal(await starred.count(), 1);
  await shot(admin, 'timeline-starred');
  await filter(admin, '全部');
  await filter(lawyer, '全部');
  // The board by role: the roles' groups, the commander's first for the commander.
  await admin.getByTestId('task-group-by').getByText('依角色').click();
  const groups = admin.getByTestId('task-board').locator('[data-testid^="task-role-"]');
  await groups.first().waitFor();
  assert.equal(await groups.first().getAttribute('data-testid'), 'task-role-commander');
  assert.ok((await groups.count()) >= 3);
  await shot(admin, 'board-by-role', false);
  await admin.getByTestId('task-group-by').getByText('依狀態').click();
});

step('on a 390 px phone the room is one column without sideways scrolling', async () => {
  const phone = await signIn(legal.email, 390);
  await phone.goto(crisisUrl);
  await phone.getByTestId('crisis-title').waitFor();
  await phone.getByTestId('task-board').waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, 'room-phone');
  await shot(phone, 'room-phone-top', false);
  await phone.getByTestId('timeline').scrollIntoViewIfNeeded();
  await shot(phone, 'room-phone-timeline', false);
  await phone.getByTestId('team-panel').scrollIntoViewIfNeeded();
  await shot(phone, 'room-phone-team', false);
  await phone
    .getByTestId('task-show')
    .getByText(/我的任務/)
    .click();
  await shot(phone, 'room-phone-mine', false);
  await phone.getByTestId('task-board').getByTestId('task-open').first().click();
  await phone.getByRole('dialog', { name: '任務詳情' }).getByTestId('task-checklist').waitFor();
  await shot(phone, 'room-phone-task', false);
  await phone.close();
});

step('the admin closes the crisis; the member sees it closed', async () => {
  await admin.getByRole('button', { name: '變更狀態' }).click();
  const dialog = admin.getByRole('dialog', { name: '變更危機狀態' });
  await dialog.getByRole('radio', { name: /結案/ }).check();
  await dialog.getByLabel(/原因/).fill('聲明已發布，討論回到平常水準');
  await dialog.getByRole('button', { name: '變更狀態' }).click();
  for (const page of [admin, lawyer]) {
    await page.getByTestId('room-header').locator('[data-status="closed"]').waitFor();
    await page.getByTestId('timeline').getByText('將狀態由「已宣告」改為「已結案」').waitFor();
  }
  await admin.getByRole('link', { name: '所有危機' }).click();
  await admin.getByTestId('crises-empty').waitFor();
  await admin.getByTestId('crises-tab-closed').click();
  await admin.getByTestId('crisis-card').filter({ hasText: TITLE }).waitFor();
});

step('an alert hands over to the declare form; the crisis and the alert link to each other', async () => {
  const topic = await org.admin.post('/api/topics', { name: '門市服務', query: '服務' });
  assert.equal(topic.status, 201, JSON.stringify(topic.body));
  alertId = crypto.randomUUID();
  const at = (m: number) => new Date(Date.now() - m * 60_000).toISOString();
  const signals = [{ signal: 'negative', observed: 40, expected: 3, low: 0, high: 7, deviation: 9 }];
  const drivers = { mentions: 60, negativeMentions: 40, reach: 1000, clusters: [], authors: [], negatives: [] };
  await server.db.execute(sql`
    INSERT INTO alerts (id, org_id, topic_id, status, risk, severity, signals, drivers, window_start, window_end, opened_at,
      last_fired_at, fire_count)
    VALUES (${alertId}, ${org.orgId}, ${topic.body.id}, 'open', 64, 'L2', ${JSON.stringify(signals)}::jsonb,
      ${JSON.stringify(drivers)}::jsonb, ${at(70)}, ${at(5)}, ${at(10)}, ${at(5)}, 1)`);

  await admin.goto(`${url}/alerts/${alertId}`);
  await admin.getByTestId('alert-title').waitFor();
  await admin.getByTestId('declare-from-alert').click();
  await admin.getByTestId('declare-from-alert').filter({ hasText: '門市服務' }).waitFor();
  assert.equal(await admin.getByLabel('標題').inputValue(), '門市服務');
  assert.ok(await admin.getByRole('radio', { name: 'L2 嚴重' }).isChecked());
  await choose(admin, admin.getByRole('combobox', { name: '類型' }), '服務中斷或異常');
  await admin.getByRole('button', { name: '宣告危機' }).last().click();
  await admin.getByTestId('crisis-title').filter({ hasText: '門市服務' }).waitFor();
  await admin.getByTestId('room-header').getByText('#2').waitFor();
  await admin.getByTestId('linked-alerts').getByRole('link', { name: '預警：門市服務' }).click();
  const declared = admin.getByTestId('alert-declared');
  await declared.waitFor();
  assert.equal(await admin.getByTestId('status-badge').getAttribute('data-status'), 'declared');
  await shot(admin, 'alert-declared');
  await declared.getByRole('link', { name: '前往危機作戰室' }).click();
  await admin.getByTestId('crisis-title').filter({ hasText: '門市服務' }).waitFor();
  await noXss(admin);
});

step('an overdue task is red and counted; a change on a stale task explains itself and reloads', async () => {
  const crisisId = admin.url().split('/crises/')[1] ?? '';
  const past = new Date(Date.now() - 20 * 60_000).toISOString();
  const added = await org.admin.post(`/api/crises/${crisisId}/tasks`, { title: '回覆消保官來函', role: 'legal_counsel', dueAt: past });
  assert.equal(added.status, 201, JSON.stringify(added.body));
  const overdue = taskIn(admin, 'todo', '回覆消保官來函');
  await overdue.getByText(/逾期 \d+ 分鐘/).waitFor();
  assert.equal(await overdue.getAttribute('data-overdue'), 'true');
  await admin.getByTestId('room-header').getByTestId('crisis-overdue').getByText('1 項任務逾期').waitFor();
  await shot(admin, 'room-overdue');

  // Someone else moves the task on while this browser still shows the older version.
  const stale = await org.admin.get(`/api/crises/${crisisId}`);
  const moved = await org.admin.patch(`/api/crises/${crisisId}/tasks/${added.body.id}`, { version: added.body.version, status: 'doing' });
  assert.equal(moved.status, 200, JSON.stringify(moved.body));
  await taskIn(admin, 'doing', '回覆消保官來函').waitFor();
  await admin.route(`**/api/crises/${crisisId}`, (route) => route.fulfill({ json: stale.body }), { times: 1 });
  await admin.reload();
  await taskIn(admin, 'todo', '回覆消保官來函').waitFor();
  await admin.getByLabel('「回覆消保官來函」的狀態').selectOption('done');
  await admin.getByText('這項任務剛被其他人更新，已重新載入。請確認後再變更。').waitFor();
  await taskIn(admin, 'doing', '回覆消保官來函').waitFor();
});
