// Comments anchored to a statement's text in a real browser: the writer selects a phrase with the keyboard, presses
// 留言 and writes a comment; the phrase is highlighted and the thread listed beside the text. A colleague in another
// browser context replies and the writer sees the reply without reloading. The writer then edits the text before
// the phrase: the thread stays on its words (moved) after the autosave. Clicking the highlight focuses its thread;
// resolving hides it (the filter shows it again). A 375 px phone shows the threads below the text, no overflow.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { textToDoc } from '../../src/features/statements/contract.ts';
import { webDist } from '../../src/platform/web-assets.ts';
import { setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots } from './harness.ts';

const PHRASE = '主動聯繫每一位顧客';
const TEXT = `關於信義門市小籠包一事，我們深感抱歉。本公司已${PHRASE}。`;
const COMMENT = '請確認是「每一位」還是「提出反映的」顧客。';
const REPLY = '門市系統有名單，確實是每一位。';
const PREFIX = '【更新】';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let pr: { email: string; id: string };
let statementId = '';
let writer: Page;
let colleague: Page;
const shot = screenshots('statement-comments');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

const editorOf = (page: Page) => page.getByTestId('statement-editor');
const marks = (page: Page) => editorOf(page).locator('.comment-highlight');
const threads = (page: Page) => page.getByTestId('comment-thread');

/** Waits until the editor's comment highlights cover exactly `text` (placing them again settles after an edit). */
async function marksRead(page: Page, text: string, timeoutMs = 10_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = (await marks(page).allTextContents()).join('');
    if (got === text) return;
    if (Date.now() > until) assert.fail(`the highlights read ${JSON.stringify(got)}, not ${JSON.stringify(text)}`);
    await page.waitForTimeout(100);
  }
}

async function openStatement(page: Page) {
  await page.goto(`${url}/statements/${statementId}`);
  await page.getByTestId('statement-title').waitFor();
  await editorOf(page).waitFor();
  await page.getByTestId('comments-panel').waitFor();
}

/** The server's threads of the statement. */
async function serverThreads() {
  const r = await org.admin.get(`/api/statements/${statementId}/comments`);
  assert.equal(r.status, 200, JSON.stringify(r.body));
  return r.body as { head: number; threads: { id: string; anchor: string; start: number | null; quote: string }[] };
}

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const started = await startTestServer();
  url = started.url;
  org = await setUpOrg(url, '好食光食品');
  pr = await org.userWithRole('member', '陳公關');
  const c = await org.admin.post('/api/crises', { title: '信義店小籠包食安爭議', type: 'product_quality', severity: 'L2' });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  assert.equal((await org.admin.request('PUT', `/api/crises/${c.body.id}/team`, { role: 'pr_lead', userId: pr.id })).status, 200);
  const s = await org.admin.post(`/api/crises/${c.body.id}/statements`, {
    kind: 'holding',
    language: 'zh-TW',
    title: '信義店小籠包事件初步聲明',
    body: textToDoc(TEXT),
  });
  assert.equal(s.status, 201, JSON.stringify(s.body));
  statementId = s.body.id;
  browser = await launchBrowser();
});

step('select a phrase, press 留言, write: the phrase is highlighted and the thread listed', async () => {
  writer = await signIn(org.adminEmail, 1280);
  await openStatement(writer);
  await editorOf(writer).getByText(TEXT).waitFor();
  await writer.getByTestId('comments-none').waitFor();
  // Select the phrase with the keyboard: from the end, skip 。, then extend left over the phrase.
  await editorOf(writer).click();
  await writer.keyboard.press('Control+End');
  await writer.keyboard.press('ArrowLeft');
  for (let i = 0; i < PHRASE.length; i++) await writer.keyboard.press('Shift+ArrowLeft');
  await writer.getByTestId('comment-add').click();
  await writer.getByTestId('comment-draft-quote').getByText(PHRASE, { exact: false }).waitFor();
  await writer.getByTestId('comment-form').getByRole('textbox').fill(COMMENT);
  await writer.getByTestId('comment-form-submit').click();
  await threads(writer).first().getByTestId('comment-body').getByText(COMMENT).waitFor();
  await marks(writer).first().waitFor();
  await marksRead(writer, PHRASE);
  const t = (await serverThreads()).threads;
  assert.equal(t.length, 1);
  assert.deepEqual([t[0].quote, t[0].start, t[0].anchor], [PHRASE, TEXT.indexOf(PHRASE), 'exact']);
  assert.equal(await threads(writer).first().getAttribute('data-anchor'), 'exact');
  await writer.getByTestId('comments-count').getByText('1 則未解決').waitFor();
  // Selecting nothing and asking to comment (Ctrl+Alt+M in the text) explains what to do instead of posting.
  await editorOf(writer).click();
  await writer.keyboard.press('Control+Home');
  await writer.keyboard.press('Control+Alt+KeyM');
  await writer.getByTestId('comment-draft-hint').waitFor();
  await shot(writer, 'thread');
});

step('a colleague replies in another browser context and the writer sees it live', async () => {
  colleague = await signIn(pr.email, 1280);
  await openStatement(colleague);
  await threads(colleague).first().getByText(COMMENT).waitFor();
  await marks(colleague).first().waitFor();
  // Clicking the highlight focuses its thread.
  await marks(colleague).first().click();
  await threads(colleague).and(colleague.locator('[data-active="true"]')).waitFor();
  await threads(colleague).first().getByTestId('comment-reply-open').click();
  await colleague.getByTestId('reply-form').getByRole('textbox').fill(REPLY);
  await colleague.getByTestId('reply-form-submit').click();
  await threads(colleague).first().getByTestId('comment-reply').getByText(REPLY).waitFor();
  // No reload on the writer's side: the live statement.comment_replied event refreshes the thread.
  await threads(writer).first().getByTestId('comment-reply').getByText(REPLY).waitFor({ timeout: 10_000 });
  await threads(writer).first().getByText('陳公關').first().waitFor();
});

step('an edit that moves the phrase keeps the thread on its words', async () => {
  await editorOf(writer).click();
  await writer.keyboard.press('Control+Home');
  await writer.keyboard.insertText(PREFIX);
  // After the autosave, the server re-anchors the thread to the new head: moved, on the same words.
  const until = Date.now() + 15_000;
  for (;;) {
    const s = await serverThreads();
    if (s.threads[0]?.anchor === 'moved') {
      assert.equal(s.threads[0].start, PREFIX.length + TEXT.indexOf(PHRASE));
      break;
    }
    if (Date.now() > until) assert.fail(`never moved: ${JSON.stringify(s)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  await threads(writer).and(writer.locator('[data-anchor="moved"]')).waitFor();
  await marksRead(writer, PHRASE);
  // The colleague's editor gets the new text and the highlight is still on the phrase there too.
  await editorOf(colleague).getByText(PREFIX, { exact: false }).waitFor();
  await threads(colleague).and(colleague.locator('[data-anchor="moved"]')).waitFor();
  await marksRead(colleague, PHRASE);
});

step('resolving hides the thread and its highlight; the filter shows it again', async () => {
  await threads(writer).first().getByTestId('comment-resolve').click();
  await writer.getByTestId('comments-count').getByText('0 則未解決').waitFor();
  await threads(writer).first().waitFor({ state: 'detached' });
  assert.equal(await marks(writer).count(), 0);
  await writer.getByTestId('comments-show-resolved').click();
  await threads(writer).and(writer.locator('[data-resolved="true"]')).getByText('已由', { exact: false }).waitFor();
  await marks(writer).first().waitFor();
  // The colleague sees it resolved too.
  await colleague.getByTestId('comments-count').getByText('0 則未解決').waitFor();
  await threads(writer).first().getByTestId('comment-reopen').click();
  await writer.getByTestId('comments-count').getByText('1 則未解決').waitFor();
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

step('on a 375 px phone the threads sit below the text without overflow', async () => {
  const phone = await signIn(pr.email, 375, 812);
  await openStatement(phone);
  await threads(phone).first().getByText(COMMENT).waitFor();
  await marks(phone).first().waitFor();
  await assertNoOverflow(phone, 375);
  const editorBox = await editorOf(phone).boundingBox();
  const panelBox = await phone.getByTestId('comments-panel').boundingBox();
  assert.ok(editorBox && panelBox && panelBox.y > editorBox.y + editorBox.height - 1, 'the comments come after the text on a phone');
  await phone.getByTestId('comments-panel').scrollIntoViewIfNeeded();
  await shot(phone, 'phone');
  await phone.close();
});

step('rewriting the words away marks the thread lost, struck through, still listed', async () => {
  await editorOf(writer).click();
  await writer.keyboard.press('Control+a');
  await writer.keyboard.insertText('我們深感抱歉，詳情稍後說明。');
  await threads(writer).and(writer.locator('[data-anchor="lost"]')).getByTestId('comment-lost').waitFor({ timeout: 15_000 });
  assert.equal(await marks(writer).count(), 0, 'nothing to highlight');
  const quote = threads(writer).first().getByTestId('comment-quote').locator('p');
  assert.match(await quote.evaluate((el) => getComputedStyle(el).textDecorationLine), /line-through/);
  // After the autosave the server says so too.
  const until = Date.now() + 15_000;
  while ((await serverThreads()).threads[0]?.anchor !== 'lost') {
    if (Date.now() > until) assert.fail('the server never marked the thread lost');
    await new Promise((r) => setTimeout(r, 250));
  }
  assert.deepEqual(pageErrors, []);
});
