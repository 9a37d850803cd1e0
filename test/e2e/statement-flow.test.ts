// Issue 6's "must show", one story in a real browser, each person in their own browser: the PR lead drafts a holding
// statement from the organisation's old template, which says 「我們保證絕不再發生」; the checker highlights it as
// absolute_promise; the PR lead rewords it (the highlight goes), submits and approves step 1; an edit after that
// approval resets it (the server says so, the chain shows it); the PR lead submits and approves again, the legal
// counsel approves on a phone; the PR lead publishes to two channels, makes the customer-service answer book and
// sends the employee briefing to the customer-service department; an employee (a reporter) acknowledges it on a
// phone-sized page, and the PR lead sees the count move. Screenshots of each step.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { webDist } from '../../src/platform/web-assets.ts';
import { setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots } from './harness.ts';

const CRISIS = '晨光烘焙吐司發霉事件';
const TITLE = '吐司發霉事件初步聲明';
const PROMISE = '我們保證絕不再發生。';
const REWORDED = '我們將在 12 月 5 日前公布檢驗結果與改善措施。';
const ADDED = '受影響的吐司已全面下架。';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let pr: { email: string; id: string };
let legal: { email: string; id: string };
let staff: { email: string; id: string };
let crisisId = '';
let statementId = '';
let lead: Page;
const shot = screenshots('statement-flow');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

const editorOf = (page: Page) => page.getByTestId('statement-editor');
const panelOf = (page: Page) => page.getByTestId('review-panel');
const chainStep = (page: Page, role: string) => panelOf(page).locator(`[data-testid="chain-step"][data-role="${role}"]`);
const statusIs = (page: Page, status: string) => panelOf(page).locator(`[data-testid="statement-status"][data-status="${status}"]`);

/** Picks an option of a Mantine select opened by clicking `input`. */
async function choose(page: Page, input: Locator, option: string | RegExp) {
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The server's view of the statement. */
async function serverView() {
  const r = await org.admin.get(`/api/statements/${statementId}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as { status: string; head: number; headVersion: { text: string; number: number } };
}

/** Waits until the server's view passes `ok` (the editor saves a moment after typing stops), and returns it. */
async function waitForServer(ok: (v: Awaited<ReturnType<typeof serverView>>) => boolean, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await serverView();
    if (ok(v)) return v;
    if (Date.now() > until) assert.fail(`the server never got there: ${JSON.stringify(v.headVersion)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Waits until the editor has saved everything typed (the save-state says so). */
async function saved(page: Page) {
  await page.getByTestId('save-state').and(page.locator('[data-state="saved"]')).waitFor();
}

/** Approves the current step from the review panel, with a comment. */
async function approve(page: Page, comment: string) {
  await panelOf(page).getByTestId('decide-approved').click();
  const dialog = page.getByRole('dialog', { name: '核准這個版本' });
  await dialog.getByLabel('意見').fill(comment);
  await dialog.getByTestId('decision-save').click();
  await dialog.waitFor({ state: 'hidden' });
}

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const started = await startTestServer();
  url = started.url;
  org = await setUpOrg(url, '晨光烘焙');
  pr = await org.userWithRole('member', '王公關');
  legal = await org.userWithRole('member', '林法務');
  staff = await org.userWithRole('reporter', '門市 小林');
  const elsewhere = await org.userWithRole('reporter', '工廠 阿德');
  const depts = (await org.admin.get('/api/departments')).body as Array<{ id: string; kind: string | null }>;
  const csDept = depts.find((d) => d.kind === 'customer_service');
  const itDept = depts.find((d) => d.kind === 'it');
  assert.ok(csDept && itDept);
  assert.equal((await org.admin.patch(`/api/users/${staff.id}`, { departmentId: csDept.id })).status, 200);
  assert.equal((await org.admin.patch(`/api/users/${elsewhere.id}`, { departmentId: itDept.id })).status, 200);

  // The organisation's own holding statement, written before anyone checked its wording.
  const tpl = await org.admin.post('/api/statement-templates', {
    kind: 'holding',
    language: 'zh-TW',
    name: '門市食安初步聲明（舊版）',
    body: `{{company}}關於{{incident}}的說明\n對於造成顧客的不安，我們深感抱歉，已暫停相關產品販售。\n${PROMISE}`,
  });
  assert.equal(tpl.status, 201, JSON.stringify(tpl.body));

  const declared = await org.admin.post('/api/crises', {
    title: CRISIS,
    type: 'product_quality',
    severity: 'L2',
    reason: 'Threads 上多則發霉照片',
  });
  assert.equal(declared.status, 201, JSON.stringify(declared.body));
  crisisId = declared.body.id;
  for (const [role, user] of [
    ['pr_lead', pr],
    ['legal_counsel', legal],
  ] as const) {
    const r = await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role, userId: user.id, expectedUserId: null });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  browser = await launchBrowser();
});

step('the PR lead drafts a holding statement from the template; the checker highlights 「保證絕不再發生」', async () => {
  lead = await signIn(pr.email, 1280);
  await lead.goto(`${url}/crises/${crisisId}`);
  const room = lead.getByTestId('crisis-statements');
  await room.getByTestId('new-statement').click();
  const dialog = lead.getByRole('dialog', { name: '新增聲明稿' });
  await dialog.getByLabel('標題').fill(TITLE);
  // The organisation's own template comes first for the kind and language.
  await dialog.getByTestId('template-select').and(lead.locator('[value="門市食安初步聲明（舊版）"]')).waitFor();
  const fields = dialog.getByTestId('template-fields');
  await fields.getByLabel('company').fill('晨光烘焙');
  await fields.getByLabel('incident').fill('台北門市吐司發霉');
  await dialog.getByTestId('new-statement-create').click();
  await lead.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
  statementId = lead.url().split('/').pop() ?? '';

  const editor = editorOf(lead);
  await editor.getByText('晨光烘焙關於台北門市吐司發霉的說明').waitFor();
  const marked = editor.locator('.risk-highlight[data-category="absolute_promise"]');
  await marked.first().waitFor();
  assert.match((await marked.allTextContents()).join(''), /保證絕不/);
  const finding = panelOf(lead).locator('[data-testid="review-finding"][data-category="absolute_promise"]');
  await finding.getByText('絕對化承諾').waitFor();
  await shot(lead, 'drafted-with-finding');
});

step('the PR lead rewords the promise; the highlight and the finding go', async () => {
  const editor = editorOf(lead);
  await editor.getByText(PROMISE).click();
  await lead.keyboard.press('End');
  await lead.keyboard.press('Shift+Home');
  await lead.keyboard.insertText(REWORDED);
  await editor.getByText(REWORDED).waitFor();
  await editor.locator('.risk-highlight[data-category="absolute_promise"]').waitFor({ state: 'detached' });
  const v = await waitForServer((x) => x.headVersion.text.includes(REWORDED));
  assert.ok(!v.headVersion.text.includes('保證'), v.headVersion.text);
  await saved(lead);
  await panelOf(lead).locator('[data-testid="review-finding"][data-category="absolute_promise"]').waitFor({ state: 'detached' });
  await shot(lead, 'reworded');
});

step('the PR lead submits and approves step 1; an edit afterwards resets that approval', async () => {
  const panel = panelOf(lead);
  await panel.getByTestId('submit-review').click();
  await statusIs(lead, 'in_review').waitFor();
  await chainStep(lead, 'pr_lead').and(lead.locator('[data-state="current"]')).waitFor();
  await approve(lead, '措辭已修正');
  await chainStep(lead, 'pr_lead').and(lead.locator('[data-state="approved"]')).waitFor();
  await chainStep(lead, 'legal_counsel').and(lead.locator('[data-state="current"]')).waitFor();
  const approvedHead = (await serverView()).head;

  // One more sentence: the approval was for other words, so it no longer counts.
  await editorOf(lead).getByText(REWORDED).click();
  await lead.keyboard.press('End');
  await lead.keyboard.press('Enter');
  await lead.keyboard.insertText(ADDED);
  const v = await waitForServer((x) => x.headVersion.text.includes(ADDED));
  await saved(lead);
  await statusIs(lead, 'draft').waitFor();
  assert.equal(v.status, 'draft');
  assert.ok(v.head > approvedHead, 'the edit is a new version');
  assert.ok(v.headVersion.text.includes(ADDED));
  await chainStep(lead, 'pr_lead').and(lead.locator('[data-state="approved"]')).waitFor({ state: 'detached' });
  await shot(lead, 'approval-reset');
});

step('submitted again: the PR lead approves, then the legal counsel approves on a phone', async () => {
  await panelOf(lead).getByTestId('submit-review').click();
  await statusIs(lead, 'in_review').waitFor();
  await approve(lead, '新增下架說明，再次核准');
  await chainStep(lead, 'legal_counsel').and(lead.locator('[data-state="current"]')).waitFor();

  const lawyer = await signIn(legal.email, 390, 844);
  await lawyer.goto(`${url}/statements/${statementId}`);
  await panelOf(lawyer).getByTestId('your-turn').waitFor();
  await assertNoOverflow(lawyer, 390);
  await approve(lawyer, '法務確認無誤');
  await statusIs(lawyer, 'approved').waitFor();
  await shot(lawyer, 'legal-approved-390');
  await lawyer.context().close();
  // The PR lead's page follows live.
  await statusIs(lead, 'approved').waitFor();
});

step('the PR lead publishes it to two channels', async () => {
  const panel = panelOf(lead);
  for (const [channel, link] of [
    ['Facebook', 'https://www.facebook.com/morninglight/posts/9'],
    ['官網公告', 'https://morninglight.example/news/2026-12-01'],
  ] as const) {
    await panel.getByTestId('publish').click();
    const dialog = lead.getByRole('dialog', { name: '記錄發布' });
    await choose(lead, dialog.getByRole('combobox', { name: '管道' }), channel);
    await dialog.getByLabel('網址').fill(link);
    await dialog.getByTestId('publish-save').click();
    await dialog.waitFor({ state: 'hidden' });
  }
  await panel.getByTestId('publication').nth(1).waitFor();
  assert.equal(await panel.getByTestId('publication').count(), 2);
  await statusIs(lead, 'published').waitFor();
  const pubs = await org.admin.get(`/api/statements/${statementId}`);
  const head = pubs.body.head;
  for (const p of pubs.body.publications as Array<{ versionNumber: number }>)
    assert.equal(p.versionNumber, head, 'the approved version was published');
  await shot(lead, 'published');
});

step('the PR lead makes the answer book and sends the briefing to the customer-service department', async () => {
  const outputs = lead.getByTestId('statement-outputs');
  await outputs.getByRole('button', { name: '建立客服問答' }).click();
  const answers = lead.getByRole('dialog', { name: '建立客服問答' });
  assert.match(await answers.getByLabel('回答 1').inputValue(), /12 月 5 日前公布檢驗結果/);
  await answers.getByLabel('問題 1').fill('我買到的吐司可以退嗎？');
  await answers.getByLabel('回答 1').fill('可以，請攜帶發票或商品至任一門市辦理全額退費。');
  await answers.getByRole('button', { name: '建立', exact: true }).click();
  await answers.waitFor({ state: 'hidden' });
  await outputs.getByTestId('output-answer').first().waitFor();

  await outputs.getByRole('button', { name: '發送員工口徑' }).click();
  const briefing = lead.getByRole('dialog', { name: '發送員工口徑' });
  await briefing.getByLabel('標題').fill('吐司發霉事件門市口徑');
  await briefing.getByLabel('可以說（一行一點）').fill('相關吐司已全面下架\n可憑發票全額退費');
  await briefing.getByLabel('不要說（一行一點）').fill('不要猜測發霉原因');
  await choose(lead, briefing.getByLabel('部門', { exact: true }), '客服部');
  await lead.keyboard.press('Escape');
  await briefing.getByRole('button', { name: '發送' }).click();
  await briefing.waitFor({ state: 'hidden' });
  await outputs.getByTestId('ack-rate').waitFor();
  assert.equal(await outputs.getByTestId('ack-rate').textContent(), '已確認 0 / 1', 'only the customer-service department');
  assert.match((await outputs.getByTestId('not-acked').textContent()) ?? '', /門市 小林/);
  await shot(lead, 'outputs');

  // The crisis's answer book has the entry, linked to this statement.
  const book = await org.admin.get(`/api/crises/${crisisId}/answers`);
  assert.equal(book.status, 200, JSON.stringify(book.body));
  assert.ok(JSON.stringify(book.body).includes('我買到的吐司可以退嗎？'));
});

step('the employee acknowledges on a phone; the PR lead sees the count move', async () => {
  const phone = await signIn(staff.email, 390, 844);
  await phone.goto(`${url}/briefings`);
  const card = phone.getByTestId('my-briefing');
  await card.waitFor();
  await card.click();
  await phone.getByTestId('briefing-say').getByText('可憑發票全額退費').waitFor();
  await phone.getByTestId('briefing-dont-say').getByText('不要猜測發霉原因').waitFor();
  await assertNoOverflow(phone, 390);
  await phone.getByRole('button', { name: '我已閱讀並了解' }).click();
  await phone.getByTestId('briefing-acked').waitFor();
  await shot(phone, 'employee-acked-390');
  await phone.context().close();

  await lead.getByTestId('statement-outputs').getByTestId('ack-rate').getByText('已確認 1 / 1').waitFor();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
