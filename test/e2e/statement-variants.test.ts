// Channel variants in a real browser: a statement's master is saved through the API; the admin adds an X version
// from the panel (first sentences with "…", X's weighted counter explained), pastes an over-long risky text (the
// counter turns red, the checker's findings counted after saving), adds an e-mail version; the master changes
// through the API and the X tab is flagged 「主稿已更新，請核對」, the master's changes since its base show as a diff and
// 標記已核對 clears it; after another master change the e-mail version is regenerated from the master (after a
// confirmation) and then deleted. Hostile text stays text; no overflow at 390 px; the panel in English.
// Screenshots at 1280 and 390 px.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { textToDoc } from '../../src/features/statements/contract.ts';
import { deriveVariant } from '../../src/features/statements/variants.ts';
import { webDist } from '../../src/platform/web-assets.ts';
import { setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots, switchLanguage } from './harness.ts';

const MASTER = [
  '我們注意到網路上關於中和廠豆干批號的討論，對造成消費者的不安深感抱歉。',
  '本公司已於今日上午暫停相關批號出貨，並送交第三方檢驗機構檢驗，預計三個工作天內公布結果。',
  '已購買受影響批號的消費者，可至各通路辦理退貨，或撥打客服專線由專人協助。',
  '我們會持續更新處理進度，並檢討標示流程。',
].join('\n');
const hostile = '<img src=x onerror=alert(1)>已同步 <script>window.__xss=1</script>';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let statementId = '';
let head = 1;
let admin: Page;
const shot = screenshots('statement-variants');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

const saveMaster = async (text: string) => {
  const r = await org.admin.request('PUT', `/api/statements/${statementId}/text`, { base: head, body: textToDoc(text), autosave: false });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  head = r.body.head;
};
const variantOf = async (channel: string) => {
  const r = await org.admin.get(`/api/statements/${statementId}/variants`);
  return (r.body.variants as { channel: string; text: string; basedOn: number; stale: boolean }[]).find((v) => v.channel === channel);
};
const tab = (page: Page, channel: string) => page.locator(`[data-testid="variant-tab"][data-channel="${channel}"]`);
const editor = (page: Page, channel: string) => page.locator(`[data-testid="variant-editor"][data-channel="${channel}"]`);
const addChannel = async (page: Page, channel: string) => {
  await page.getByTestId('variant-add').click();
  await page.locator(`[data-testid="variant-add-option"][data-channel="${channel}"]`).click();
  await editor(page, channel).waitFor();
};

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const started = await startTestServer();
  url = started.url;
  org = await setUpOrg(url, '好食光食品');
  const c = await org.admin.post('/api/crises', { title: '中和廠豆干批號爭議', type: 'product_quality', severity: 'L2' });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  const s = await org.admin.post(`/api/crises/${c.body.id}/statements`, {
    kind: 'holding',
    language: 'zh-TW',
    title: '豆干批號事件初步聲明',
    body: textToDoc('草稿'),
  });
  assert.equal(s.status, 201, JSON.stringify(s.body));
  statementId = s.body.id;
  head = s.body.head;
  await saveMaster(MASTER);
  browser = await launchBrowser();
});

step('the admin adds an X version: first sentences with …, the weighted counter explained', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await admin.goto(`${url}/statements/${statementId}`);
  const panel = admin.getByTestId('variants-panel');
  await panel.getByTestId('variants-empty').waitFor();
  await addChannel(admin, 'x');
  const x = editor(admin, 'x');
  const text = await x.getByTestId('variant-text').inputValue();
  assert.equal(text, deriveVariant(MASTER, 'x', 'zh-TW'));
  assert.ok(text.endsWith('…'));
  await x.getByTestId('variant-x-rule').waitFor();
  assert.equal(await x.getByTestId('variant-count').getAttribute('data-over'), 'false');
  assert.match((await x.getByTestId('variant-count').textContent()) ?? '', /^\d+ \/ 280$/);
  await shot(admin, 'x-added');
});

step('an over-long risky text turns the counter red; after saving its findings are counted', async () => {
  const x = editor(admin, 'x');
  await x.getByTestId('variant-text').fill(`我們保證絕不再發生！${'很'.repeat(140)}`);
  await x.locator('[data-testid="variant-count"][data-over="true"]').waitFor();
  await x.getByTestId('variant-over').waitFor();
  await x.getByTestId('variant-save').click();
  await admin.locator('[data-testid="variant-editor"][data-channel="x"] [data-testid="variant-findings"]:not([data-count="0"])').waitFor();
  assert.ok((await variantOf('x'))?.text.startsWith('我們保證絕不再發生'));
  await shot(admin, 'x-over');
  // A hostile text stays text.
  await addChannel(admin, 'email');
  const mail = editor(admin, 'email');
  await mail.getByTestId('variant-text').fill(hostile);
  await mail.getByTestId('variant-save').click();
  // The page already says 已儲存 elsewhere, so wait for the server to hold the text rather than for the words.
  for (let i = 0; i < 60 && (await variantOf('email'))?.text !== hostile; i++) await new Promise((r) => setTimeout(r, 250));
  assert.equal((await variantOf('email'))?.text, hostile);
  assert.equal(await admin.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.equal(await admin.locator('img[src="x"]').count(), 0);
});

step('the master changes: the X version is flagged, shows the master diff and is marked as checked', async () => {
  const basedOn = head;
  await saveMaster(MASTER.replace('三個工作天', '五個工作天'));
  await admin.reload();
  await admin.locator('[data-testid="variant-tab"][data-channel="x"][data-stale="true"]').waitFor();
  await tab(admin, 'x').click();
  const x = editor(admin, 'x');
  await x.getByTestId('variant-stale').getByText('主稿已更新，請核對').waitFor();
  await x.getByTestId('variant-diff-toggle').click();
  const diff = x.getByTestId('diff-view');
  await diff.waitFor();
  await diff.locator('ins', { hasText: '五' }).waitFor();
  await shot(admin, 'stale-diff');
  await x.getByTestId('variant-reconcile').click();
  await admin.locator('[data-testid="variant-tab"][data-channel="x"][data-stale="false"]').waitFor();
  await editor(admin, 'x').getByTestId('variant-based-on').waitFor();
  const v = await variantOf('x');
  assert.deepEqual([v?.basedOn, v?.stale], [head, false]);
  assert.notEqual(basedOn, head);
});

step('after another change the e-mail version is regenerated from the master (confirmed), then deleted', async () => {
  const master3 = `${MASTER.replace('三個工作天', '五個工作天')}\n感謝各界指教。`;
  await saveMaster(master3);
  await admin.reload();
  await tab(admin, 'email').click();
  const mail = editor(admin, 'email');
  await mail.getByTestId('variant-stale').waitFor();
  await mail.getByTestId('variant-rederive').click();
  await admin.getByTestId('variant-rederive-confirm').click();
  await admin.locator('[data-testid="variant-tab"][data-channel="email"][data-stale="false"]').waitFor();
  const v = await variantOf('email');
  assert.equal(v?.text, deriveVariant(master3, 'email', 'zh-TW'));
  assert.ok(v?.text.startsWith('親愛的顧客您好：'));
  await shot(admin, 'rederived');
  await editor(admin, 'email').getByTestId('variant-delete').click();
  await admin.getByTestId('variant-delete-confirm').click();
  await tab(admin, 'email').waitFor({ state: 'detached' });
  assert.equal(await variantOf('email'), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

step('on a phone the panel fits; in English it reads in English', async () => {
  const phone = await signIn(org.adminEmail, 390, 844);
  await phone.goto(`${url}/statements/${statementId}`);
  const panel = phone.getByTestId('variants-panel');
  await panel.scrollIntoViewIfNeeded();
  await editor(phone, 'x').waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, 'phone');
  await switchLanguage(admin, 'English');
  await admin.goto(`${url}/statements/${statementId}`);
  await admin.getByTestId('variants-panel').getByText('Channel versions').waitFor();
  await editor(admin, 'x')
    .getByText(/How X counts/)
    .waitFor();
  await shot(admin, 'english');
  assert.deepEqual(pageErrors, []);
});
