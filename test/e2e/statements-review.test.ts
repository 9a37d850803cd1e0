// Statements in a real browser: on an L2 crisis (chain: PR lead → legal counsel) the admin fills the communication
// plan (an audience, two facts) and creates a holding statement from a template through the crisis room's dialog;
// its text (with 「保證絕不再發生」) is saved through the API; the review panel shows the finding, the admin accepts it
// as a risk and submits; the PR lead approves in their browser and the chain advances; the legal counsel sees
// approve on a phone while a team member outside the chain does not; after both approve the admin publishes to two
// channels (a hostile note stays text, links only for https) and sees the publications. Screenshots at 1280 and
// 390 px and one in English.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { textToDoc } from '../../src/features/statements/contract.ts';
import { webDist } from '../../src/platform/web-assets.ts';
import { setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots, switchLanguage } from './harness.ts';

const CRISIS = '中和廠豆干批號爭議';
const TITLE = '豆干批號事件初步聲明';
const hostile = '<img src=x onerror=alert(1)>已同步 <script>window.__xss=1</script>';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let pr: { email: string; id: string };
let legal: { email: string; id: string };
let cs: { email: string; id: string };
let crisisId = '';
let statementUrl = '';
let admin: Page;
let lawyer: Page;
const shot = screenshots('statements');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

/** Picks an option of a Mantine select opened by clicking `input`. */
async function choose(page: Page, input: Locator, option: string | RegExp) {
  await input.click();
  await page.getByRole('option', { name: option }).first().click();
}

const chainStep = (page: Page, role: string) => page.getByTestId('review-panel').locator(`[data-testid="chain-step"][data-role="${role}"]`);

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
  org = await setUpOrg(url, '好食光食品');
  pr = await org.userWithRole('member', '王公關');
  legal = await org.userWithRole('member', '林法務');
  cs = await org.userWithRole('member', '陳客服');
  const declared = await org.admin.post('/api/crises', {
    title: CRISIS,
    type: 'product_quality',
    severity: 'L2',
    reason: '批號標示錯誤，已有媒體詢問',
  });
  assert.equal(declared.status, 201, JSON.stringify(declared.body));
  crisisId = declared.body.id;
  for (const [role, user] of [
    ['pr_lead', pr],
    ['legal_counsel', legal],
    ['cs_lead', cs],
  ] as const) {
    const r = await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role, userId: user.id, expectedUserId: null });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  browser = await launchBrowser();
});

step('the admin fills the communication plan: an audience and two facts', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await admin.goto(`${url}/crises/${crisisId}/plan`);
  await admin.getByRole('heading', { name: '溝通策略與事實清單' }).waitFor();
  await admin.getByTestId('audiences-empty').waitFor();

  await admin.getByTestId('audience-add').click();
  const dialog = admin.getByRole('dialog', { name: '新增溝通對象' });
  await choose(admin, dialog.getByRole('combobox', { name: '管道' }), 'Facebook');
  await choose(admin, dialog.getByRole('combobox', { name: '管道' }), '官網公告');
  await dialog.getByLabel('關鍵訊息').fill('受影響批號與退貨方式\n已暫停出貨');
  await choose(admin, dialog.getByRole('combobox', { name: '發言人' }), '王公關');
  await dialog.getByLabel('時機').fill('T+60 分鐘內');
  await dialog.getByTestId('audience-save').click();
  const card = admin.getByTestId('audience-card').filter({ hasText: '消費者' });
  await card.getByText('受影響批號與退貨方式').waitFor();
  await card.getByText('王公關').waitFor();
  await card.getByText('官網公告').waitFor();

  const facts = admin.getByTestId('fact-sheet');
  for (const [text, source] of [
    ['受影響批號為 A2301 至 A2305，共 1,000 件', '品保部檢驗報告'],
    ['問題產品於 3 月 1 日起下架', '物流部'],
  ]) {
    await facts.getByLabel('事實', { exact: true }).fill(text);
    await facts.getByLabel('來源').fill(source);
    await facts.getByTestId('fact-add-submit').click();
    await facts.getByTestId('fact').filter({ hasText: text }).waitFor();
  }
  assert.equal(await facts.getByTestId('fact').count(), 2);
  // Retiring a fact strikes it through; restoring brings it back.
  await facts.getByRole('button', { name: /將「問題產品於 3 月 1 日起下架」標為不再成立/ }).click();
  await facts.locator('[data-testid="fact"][data-retired="true"]').waitFor();
  await facts.getByRole('button', { name: /恢復「問題產品/ }).click();
  await facts.locator('[data-testid="fact"][data-retired="false"]').nth(1).waitFor();
  await shot(admin, 'plan');
});

step('the admin creates a holding statement from a template in the crisis room', async () => {
  await admin.goto(`${url}/crises/${crisisId}`);
  const panel = admin.getByTestId('crisis-statements');
  await panel.getByText('這個危機還沒有聲明稿。').waitFor();
  await panel.getByTestId('crisis-plan-link').waitFor();
  await panel.getByTestId('new-statement').click();
  const dialog = admin.getByRole('dialog', { name: '新增聲明稿' });
  await dialog.getByLabel('標題').fill(TITLE);
  await choose(admin, dialog.getByRole('combobox', { name: '對象' }), '消費者');
  // The shipped holding statement for zh-TW is picked, with its legal sign-off line and its fields.
  await dialog.getByTestId('template-legal').waitFor();
  await dialog.getByTestId('template-fields').getByLabel('company').fill('好食光食品');
  await dialog.getByTestId('new-statement-create').click();
  await admin.waitForURL(/\/statements\/[0-9a-f-]{36}$/);
  statementUrl = admin.url();
  await admin.getByTestId('review-panel').waitFor();
  const id = statementUrl.split('/').pop() ?? '';
  const got = await org.admin.get(`/api/statements/${id}`);
  assert.equal(got.body.kind, 'holding');
  assert.ok(String(got.body.headVersion.text).includes('好食光食品'), 'the template field was filled in');
  assert.ok(got.body.audienceId, 'the audience was kept');
});

step('its text (with an absolute promise) is saved through the API; the admin accepts the risk and submits', async () => {
  const id = statementUrl.split('/').pop() ?? '';
  const before = await org.admin.get(`/api/statements/${id}`);
  const text = '好食光食品關於豆干批號標示錯誤的說明\n受影響批號為 A2301 至 A2305，共 1,000 件，已全面下架。\n我們保證絕不再發生。';
  const saved = await org.admin.request('PUT', `/api/statements/${id}/text`, { base: before.body.head, body: textToDoc(text) });
  assert.ok(saved.status === 200 || saved.status === 201, JSON.stringify(saved.body));
  await admin.reload();
  const panel = admin.getByTestId('review-panel');
  const finding = panel.locator('[data-testid="review-finding"][data-category="absolute_promise"]');
  await finding.getByText('絕對化承諾').waitFor();
  await finding.getByTestId('accept-risk').click();
  const dialog = admin.getByRole('dialog', { name: '接受這項風險' });
  await dialog.getByTestId('accept-risk-save').click();
  await dialog.getByText('此欄位為必填').or(dialog.getByText('必填')).first().waitFor();
  await dialog.getByLabel(/理由/).fill('董事長親自承諾，法務已知悉');
  await dialog.getByTestId('accept-risk-save').click();
  await panel.getByTestId('accepted-risk').getByText('董事長親自承諾，法務已知悉').waitFor();

  await panel.getByTestId('submit-review').click();
  await panel.locator('[data-testid="statement-status"][data-status="in_review"]').waitFor();
  await chainStep(admin, 'pr_lead').and(admin.locator('[data-state="current"]')).waitFor();
  await chainStep(admin, 'legal_counsel').and(admin.locator('[data-state="waiting"]')).waitFor();
  // The admin holds no step: no decision buttons.
  assert.equal(await panel.getByTestId('decide-approved').count(), 0);
  await shot(admin, 'submitted');
});

step('the PR lead finds it awaiting them and approves; the chain advances in the admin’s browser', async () => {
  const page = await signIn(pr.email, 1280);
  await page.getByRole('navigation').getByRole('link', { name: '聲明' }).click();
  const row = page.getByTestId('statement-row').filter({ hasText: TITLE });
  await row.getByTestId('statement-awaiting-me').waitFor();
  await row.getByText(`#1 ${CRISIS}`).waitFor();
  await shot(page, 'list-awaiting');
  await row.getByTestId('statement-link').click();
  const panel = page.getByTestId('review-panel');
  await panel.getByTestId('your-turn').waitFor();
  await panel.getByTestId('decide-approved').click();
  const dialog = page.getByRole('dialog', { name: '核准這個版本' });
  await dialog.getByText('您正在審核第').waitFor();
  await dialog.getByLabel('意見').fill('數字與事實清單一致');
  await dialog.getByTestId('decision-save').click();
  await chainStep(page, 'pr_lead').and(page.locator('[data-state="approved"]')).waitFor();
  await chainStep(page, 'pr_lead').getByText('數字與事實清單一致').waitFor();
  assert.equal(await panel.getByTestId('decide-approved').count(), 0);
  // The admin's page follows without reloading.
  await chainStep(admin, 'legal_counsel').and(admin.locator('[data-state="current"]')).waitFor();
  await chainStep(admin, 'pr_lead').getByText('王公關').first().waitFor();
  await page.context().close();
});

step('the legal counsel sees approve on a phone; a team member outside the chain sees none', async () => {
  lawyer = await signIn(legal.email, 390);
  await lawyer.goto(statementUrl);
  const panel = lawyer.getByTestId('review-panel');
  await panel.getByTestId('decide-approved').waitFor();
  await panel.getByTestId('decide-changes_requested').waitFor();
  await assertNoOverflow(lawyer, 390);
  await shot(lawyer, 'phone-legal');

  const member = await signIn(cs.email, 1280);
  await member.goto(statementUrl);
  const theirs = member.getByTestId('review-panel');
  await theirs.getByTestId('approval-chain').waitFor();
  assert.equal(await theirs.getByTestId('decide-approved').count(), 0);
  assert.equal(await theirs.getByTestId('override').count(), 0);
  await member.context().close();
});

step('the legal counsel must comment to request changes, then approves; the statement is approved', async () => {
  const panel = lawyer.getByTestId('review-panel');
  await panel.getByTestId('decide-changes_requested').click();
  const ask = lawyer.getByRole('dialog', { name: '要求修改' });
  await ask.getByTestId('decision-save').click();
  await ask.getByText('此欄位為必填').or(ask.getByText('必填')).first().waitFor();
  await lawyer.keyboard.press('Escape');
  await ask.waitFor({ state: 'hidden' });

  await panel.getByTestId('decide-approved').click();
  await lawyer.getByRole('dialog', { name: '核准這個版本' }).getByTestId('decision-save').click();
  await panel.locator('[data-testid="statement-status"][data-status="approved"]').waitFor();
  await chainStep(lawyer, 'legal_counsel').and(lawyer.locator('[data-state="approved"]')).waitFor();
  await admin.getByTestId('review-panel').locator('[data-testid="statement-status"][data-status="approved"]').waitFor();
});

step('the admin publishes to two channels and sees the publications; hostile text stays text', async () => {
  const panel = admin.getByTestId('review-panel');
  for (const [channel, link, note] of [
    ['Facebook', 'https://www.facebook.com/haoshiguang/posts/1', hostile],
    ['官網公告', 'javascript:alert(1)', ''],
  ] as const) {
    await panel.getByTestId('publish').click();
    const dialog = admin.getByRole('dialog', { name: '記錄發布' });
    await choose(admin, dialog.getByRole('combobox', { name: '管道' }), channel);
    await dialog.getByLabel('網址').fill(link);
    if (note) await dialog.getByLabel('備註').fill(note);
    await dialog.getByTestId('publish-save').click();
    if (link.startsWith('javascript')) {
      // Refused in the form: only web addresses are links.
      await dialog.getByText('網址須以 http:// 或 https:// 開頭').waitFor();
      await dialog.getByLabel('網址').fill('https://haoshiguang.example/news/42');
      await dialog.getByTestId('publish-save').click();
    }
    await dialog.waitFor({ state: 'hidden' });
  }
  const pubs = panel.getByTestId('publication');
  await pubs.nth(1).waitFor();
  assert.equal(await pubs.count(), 2);
  const fb = panel.locator('[data-testid="publication"][data-channel="facebook"]');
  assert.equal(await fb.getByRole('link').getAttribute('href'), 'https://www.facebook.com/haoshiguang/posts/1');
  await fb.getByText('已同步').waitFor();
  await panel.locator('[data-testid="statement-status"][data-status="published"]').waitFor();
  await noXss(admin);
  await shot(admin, 'published');

  // The crisis room's panel lists it, published.
  await admin.goto(`${url}/crises/${crisisId}`);
  await admin.getByTestId('crisis-statements').locator('[data-testid="statement-row"][data-status="published"]').waitFor();
  await shot(admin, 'room-panel', false);
});

step('in English the statement and the plan read in English', async () => {
  await switchLanguage(admin, 'English');
  await admin.goto(statementUrl);
  const panel = admin.getByTestId('review-panel');
  await panel.getByText('Review & publication').waitFor();
  await panel.getByText('Approval chain').waitFor();
  await panel.getByText('Absolute promise').waitFor();
  await shot(admin, 'english');
  await admin.goto(`${url}/crises/${crisisId}/plan`);
  await admin.getByRole('heading', { name: 'Communication plan & fact sheet' }).waitFor();
  await admin.getByTestId('audience-card').getByText('Customers').waitFor();
  await shot(admin, 'plan-english');
  await noXss(admin);
});
