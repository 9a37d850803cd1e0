// The statement editor in a real browser: an admin opens a holding statement, types 「我們保證絕不再發生」 and the
// checker underlines it as absolute_promise (and lists it); rewording removes it. Autosave survives a reload and an
// unsaved draft is offered back. A second person saves a version while the admin is offline and typing: the admin
// gets the conflict banner, compares, keeps their text — nothing lost. Hostile pasted HTML becomes plain allowed
// formatting (nothing runs). The version history diffs two versions. A 375 px phone does not overflow; English too.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { textToDoc } from '../../src/features/statements/contract.ts';
import { webDist } from '../../src/platform/web-assets.ts';
import { setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots, switchLanguage } from './harness.ts';

const OPENING = '關於本公司信義門市販售之小籠包引發消費者身體不適一事，我們深感抱歉。';
const PROMISE = '我們保證絕不再發生這樣的事。';
const REWORDED = '我們將在三天內公布改善措施與進度。';
const MINE = '本公司已主動聯繫每一位提出反映的顧客。';
const THEIRS = '門市即日起暫停販售小籠包。';
const HOSTILE_HTML =
  '<img src=x onerror="alert(1)"><script>window.__xss=1</script>' +
  '<p style="color:red;font-size:40px" onclick="alert(2)">貼上的<b>粗體</b>說明</p>' +
  '<table style="border:5px solid red"><tr><td>表格甲</td><td>表格乙</td></tr></table>' +
  '<a href="javascript:alert(3)">連結文字</a>';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let pr: { email: string; id: string; client: Awaited<ReturnType<Awaited<ReturnType<typeof setUpOrg>>['userWithRole']>>['client'] };
let statementId = '';
let admin: Page;
const shot = screenshots('statement-editor');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

const editorOf = (page: Page) => page.getByTestId('statement-editor');
const highlight = (page: Page, category: string) => editorOf(page).locator(`.risk-highlight[data-category="${category}"]`);
const saveState = (page: Page) => page.getByTestId('save-state');

/** The server's head text of the statement. */
async function headText(): Promise<{ number: number; text: string }> {
  const r = await org.admin.get(`/api/statements/${statementId}`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return { number: r.body.headVersion.number, text: r.body.headVersion.text };
}

/** Waits until the server's head text passes `ok` (saves are asynchronous), and returns it. */
async function waitForHead(ok: (h: { number: number; text: string }) => boolean, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const h = await headText();
    if (ok(h)) return h;
    if (Date.now() > until) assert.fail(`the head never matched: ${JSON.stringify(h)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function openStatement(page: Page) {
  await page.goto(`${url}/statements/${statementId}`);
  await page.getByTestId('statement-title').waitFor();
  await editorOf(page).waitFor();
}

/** Puts the caret at the very end of the editor's text. */
async function caretAtEnd(page: Page) {
  await editorOf(page).click();
  await page.keyboard.press('Control+End');
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
  org = await setUpOrg(url, '好食光食品');
  pr = await org.userWithRole('member', '陳公關');
  const c = await org.admin.post('/api/crises', {
    title: '信義店小籠包食安爭議',
    type: 'product_quality',
    severity: 'L1',
    reason: 'Dcard 熱門第一',
  });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  assert.equal((await org.admin.request('PUT', `/api/crises/${c.body.id}/team`, { role: 'pr_lead', userId: pr.id })).status, 200);
  const s = await org.admin.post(`/api/crises/${c.body.id}/statements`, {
    kind: 'holding',
    language: 'zh-TW',
    title: '信義店小籠包事件初步聲明',
    body: textToDoc(OPENING),
  });
  assert.equal(s.status, 201, JSON.stringify(s.body));
  statementId = s.body.id;
  browser = await launchBrowser();
});

step('typing 「我們保證絕不再發生」 is underlined as an absolute promise and listed; rewording removes it', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await openStatement(admin);
  await editorOf(admin).getByText(OPENING).waitFor();
  await admin.getByTestId('statement-header').getByText('第 1 版').waitFor();
  await admin.getByRole('link', { name: /返回危機 #1/ }).waitFor();
  await saveState(admin).and(admin.locator('[data-state="saved"]')).waitFor();

  await caretAtEnd(admin);
  await admin.keyboard.press('Enter');
  await admin.keyboard.insertText(PROMISE);
  await highlight(admin, 'absolute_promise').first().waitFor();
  const marked = await highlight(admin, 'absolute_promise').allTextContents();
  assert.ok(marked.join('').includes('保證'), `highlighted ${marked.join('|')}`);
  assert.ok(await highlight(admin, 'absolute_promise').first().getAttribute('title'));
  const finding = admin.getByTestId('finding').and(admin.locator('[data-category="absolute_promise"]'));
  await finding.first().waitFor();
  await finding.first().getByText('絕對化承諾').waitFor();
  await admin
    .getByTestId('char-count')
    .getByText(`${(OPENING.length + 1 + PROMISE.length).toLocaleString()} / 100,000 字`)
    .waitFor();
  // Clicking the finding selects its words in the editor.
  await finding.first().click();
  // The editor selects the words once it has focus again: wait for it rather than reading at once (slow machines).
  await admin.waitForFunction(() => (window.getSelection()?.toString() ?? '').length > 0, undefined, { timeout: 10_000 });
  const selected = await admin.evaluate(() => window.getSelection()?.toString() ?? '');
  assert.ok(selected.length > 0 && PROMISE.includes(selected), `selected ${selected}`);
  await shot(admin, 'finding');

  // Reword: select the whole sentence's paragraph and type a concrete commitment instead.
  await editorOf(admin).getByText(PROMISE).click({ clickCount: 3 });
  await admin.keyboard.insertText(REWORDED);
  await editorOf(admin).getByText(REWORDED).waitFor();
  await highlight(admin, 'absolute_promise').first().waitFor({ state: 'detached' });
  await admin.getByTestId('finding').and(admin.locator('[data-category="absolute_promise"]')).first().waitFor({ state: 'detached' });
  await admin.getByTestId('findings-none').waitFor();
});

step('autosave keeps the text; a reload shows it; an unsaved draft is offered back after a reload', async () => {
  await waitForHead((h) => h.text === `${OPENING}\n${REWORDED}`);
  await saveState(admin).and(admin.locator('[data-state="saved"]')).waitFor();
  await admin.reload();
  await editorOf(admin).getByText(REWORDED).waitFor();
  assert.equal(await admin.getByTestId('draft-offer').count(), 0);

  // Typed, then reloaded before the autosave ran: the draft kept on this device comes back.
  await caretAtEnd(admin);
  await admin.keyboard.insertText('（草稿）');
  await admin.waitForTimeout(700);
  await admin.reload();
  await admin.getByTestId('draft-offer').waitFor();
  assert.equal(await editorOf(admin).getByText('（草稿）').count(), 0);
  await admin.getByRole('button', { name: '還原未儲存的內容' }).click();
  await editorOf(admin).getByText(`${REWORDED}（草稿）`).waitFor();
  await waitForHead((h) => h.text === `${OPENING}\n${REWORDED}（草稿）`);
  await saveState(admin).and(admin.locator('[data-state="saved"]')).waitFor();
});

step('someone else saves while I type offline: the conflict banner, a diff, and keeping mine loses nothing', async () => {
  const colleague = await signIn(pr.email, 1280);
  await openStatement(colleague);
  await editorOf(colleague).getByText(REWORDED).waitFor();

  await admin.context().setOffline(true);
  await caretAtEnd(admin);
  await admin.keyboard.press('Enter');
  await admin.keyboard.insertText(MINE);

  await caretAtEnd(colleague);
  await colleague.keyboard.press('Enter');
  await colleague.keyboard.insertText(THEIRS);
  await colleague.getByTestId('save-version').click();
  await saveState(colleague).and(colleague.locator('[data-state="saved"]')).waitFor();
  const theirs = await headText();
  assert.ok(theirs.text.endsWith(THEIRS));

  await admin.context().setOffline(false);
  await admin.getByTestId('save-version').click();
  const banner = admin.getByTestId('conflict-banner');
  await banner.waitFor();
  await banner.getByText(`有人在你編輯時儲存了第 ${theirs.number} 版`).waitFor();
  // My text is still in the editor.
  await editorOf(admin).getByText(MINE).waitFor();
  await shot(admin, 'conflict');

  await banner.getByRole('button', { name: '比較差異' }).click();
  const dialog = admin.getByRole('dialog');
  // The shared full stop stays equal; the sentences differ.
  await dialog.locator('ins', { hasText: MINE.slice(0, -1) }).waitFor();
  await dialog.locator('del', { hasText: THEIRS.slice(0, -1) }).waitFor();
  await shot(admin, 'conflict-diff', false);
  await admin.keyboard.press('Escape');

  await banner.getByRole('button', { name: '保留我的版本' }).click();
  await banner.waitFor({ state: 'detached' });
  const after = await waitForHead((h) => h.text.includes(MINE));
  assert.equal(after.number, theirs.number + 1);
  await saveState(admin).and(admin.locator('[data-state="saved"]')).waitFor();
  // The colleague, with nothing unsaved, gets the newer head without reloading.
  await editorOf(colleague).getByText(MINE).waitFor();
  await colleague.close();
});

step('pasted HTML and script become plain allowed formatting; nothing runs', async () => {
  await caretAtEnd(admin);
  await admin.keyboard.press('Enter');
  await editorOf(admin).evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', '貼上的粗體說明 表格甲 表格乙 連結文字');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, HOSTILE_HTML);
  const editor = editorOf(admin);
  await editor.getByText('表格甲').waitFor();
  await editor.locator('strong', { hasText: '粗體' }).waitFor();
  for (const tag of ['img', 'script', 'table', 'a', '[style*="color"]', '[onclick]'])
    assert.equal(await editor.locator(tag).count(), 0, `no ${tag}`);
  await admin.waitForTimeout(300);
  await noXss(admin);
  await admin.getByTestId('save-version').click();
  const head = await waitForHead((h) => h.text.includes('表格甲'));
  for (const s of ['貼上的粗體說明', '表格甲', '表格乙', '連結文字']) assert.ok(head.text.includes(s), `${s} kept as text`);
  assert.ok(!head.text.includes('<'), 'no markup in the text');
});

step('the version history lists every version and diffs any two', async () => {
  await admin.getByTestId('open-versions').click();
  const drawer = admin.getByRole('dialog');
  await drawer.getByTestId('versions-table').waitFor();
  const rows = drawer.getByTestId('version-row');
  const head = await headText();
  assert.equal(await rows.count(), head.number);
  await drawer.getByLabel('比較的舊版').selectOption({ label: '第 1 版' });
  await drawer.getByLabel('比較的新版').selectOption({ label: `第 ${head.number} 版` });
  const diff = drawer.getByTestId('diff-view');
  await diff.locator('ins', { hasText: MINE.slice(0, -1) }).waitFor();
  await diff.locator('ins', { hasText: '表格甲' }).waitFor();
  assert.equal(await diff.locator('del').count(), 0, 'only additions since version 1');
  await shot(admin, 'versions', false);
  await admin.keyboard.press('Escape');
});

step('a paste past 100,000 characters is refused with a clear message, and nothing is saved', async () => {
  const before = await headText();
  await caretAtEnd(admin);
  await editorOf(admin).evaluate((el, text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, '長'.repeat(100_000));
  await admin
    .getByTestId('too-long')
    .getByText(/超過 100,000 字的上限/)
    .waitFor();
  assert.equal(await admin.getByTestId('save-version').isDisabled(), true);
  await shot(admin, 'too-long', false);
  // Past the autosave delay the server still has the earlier text.
  await admin.waitForTimeout(2500);
  assert.deepEqual(await headText(), before);
  await editorOf(admin).press('Control+z');
  await admin.getByTestId('too-long').waitFor({ state: 'detached' });
  assert.equal(await admin.getByTestId('save-version').isDisabled(), false);
});

step('on a 375 px phone the editor fits and the toolbar wraps; English is complete', async () => {
  const phone = await signIn(org.adminEmail, 375);
  await openStatement(phone);
  await phone.getByTestId('findings-panel').waitFor();
  await phone.getByTestId('editor-toolbar').waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'phone');
  await phone.close();

  await switchLanguage(admin, 'English');
  await admin.getByText('Risky legal wording').waitFor();
  await admin.getByRole('button', { name: 'Save version' }).waitFor();
  await admin.getByRole('button', { name: 'Bold' }).waitFor();
  await admin.getByRole('textbox', { name: 'Statement text' }).waitFor();
  await admin
    .getByText(/Version \d+/)
    .first()
    .waitFor();
  await shot(admin, 'english');
  await noXss(admin);
});
