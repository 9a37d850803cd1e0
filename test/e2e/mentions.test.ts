// Listening screens in a real browser: write a topic in the editor (a pointed syntax error first, then a
// fix and a 7-day preview), filter the mention explorer (繁/簡 alike, highlights, shareable URL), open a
// mention, correct its sentiment; hostile mention text stays text. At 1280 px and on a 375 px phone.
import assert from 'node:assert/strict';
import path from 'node:path';
import { before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createClient, PASSWORD, setUpOrg } from '../helpers/client.ts';
import { assertNoOverflow, launchBrowser, resultsDir, signInPage, startE2EServer } from './harness.ts';

const STEP_MS = 15_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const story = '鼎泰豐信義店的小籠包裡面吃到蟑螂，店員態度還很差，說是我們自己帶進去的。\n大家千萬不要去！已經報衛生局了。';
const hostileText = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">鼎泰豐 食安問題 <b onmouseover=alert(1)>爆料</b>';
const hostileAuthor = '<img src=x onerror=alert(1)>駭客';

const mentions = [
  {
    source: 'PTT Food',
    externalId: 'ptt-1',
    url: 'https://www.ptt.cc/bbs/Food/M.1.html',
    author: 'foodie',
    authorFollowers: 1200,
    title: '[爆卦] 鼎泰豐小籠包吃到蟑螂',
    text: story,
    publishedAt: ago(90),
    metrics: { likes: 320, shares: 45, comments: 88 },
  },
  {
    source: 'Dcard',
    externalId: 'dcard-1',
    author: 'copycat',
    title: '[爆卦] 鼎泰豐小籠包吃到蟑螂',
    text: `${story}（轉）`,
    publishedAt: ago(60),
  },
  { source: 'Weibo', externalId: 'wb-1', author: '上海吃货', text: '鼎泰丰的小笼包里有蟑螂，太恶心了，再也不去了', publishedAt: ago(45) },
  { source: 'Weibo', externalId: 'wb-2', author: '台北人', text: '鼎泰豐徵才：外場服務人員，歡迎加入', publishedAt: ago(40) },
  {
    source: 'News',
    externalId: 'news-1',
    author: 'reporter',
    text: 'Din Tai Fung opens its new Taipei 101 branch; queues stretch around the block.',
    publishedAt: ago(30),
    metrics: { views: 52000 },
  },
  {
    source: 'PTT Food',
    externalId: 'ptt-2',
    url: 'https://example.com/"><script>alert(1)</script>',
    author: hostileAuthor,
    title: '<img src=x onerror=alert(2)>',
    text: hostileText,
    publishedAt: ago(20),
  },
  { source: 'Dcard', externalId: 'dcard-2', author: '小美', text: '今天去鼎泰豐慶生，服務超好，小籠包一樣好吃！', publishedAt: ago(10) },
];

let browser: Browser;
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(resultsDir, `mentions-${name}.png`), fullPage: true });
};

const openPages: Page[] = [];

async function signIn(url: string, email: string, width: number): Promise<Page> {
  const page = await signInPage(browser, url, email, PASSWORD, { width, stepMs: STEP_MS, dialogs });
  openPages.push(page);
  return page;
}

const dialogs: string[] = [];
const noXss = async (page: Page) => {
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.equal(await page.locator('img[src="x"], b[onmouseover]').count(), 0);
  assert.deepEqual(dialogs, []);
};

let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let idOf: (externalId: string) => number;
let page: Page;
let topic: { id: string };
let original: number;
let shared: string;

/** A test that saves a screenshot of every open page when it fails. */
function step(name: string, fn: () => Promise<void>) {
  test(name, async () => {
    try {
      await fn();
    } catch (err) {
      for (const [i, p] of openPages.entries()) await shot(p, `failed-${i}`).catch(() => {});
      throw err;
    }
  });
}

before(async () => {
  ({ url } = await startE2EServer());
  org = await setUpOrg(url, '好食光食品');
  const token = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
  const machine = createClient(url);
  machine.useToken(token.body.secret);
  const pushed = await machine.post('/api/mentions', { mentions });
  assert.equal(pushed.body.accepted, mentions.length, JSON.stringify(pushed.body));
  idOf = (externalId: string) => pushed.body.items[mentions.findIndex((m) => m.externalId === externalId)].id as number;

  browser = await launchBrowser();
  page = await signIn(url, org.adminEmail, 1280);
});

step('the topic editor points at a syntax error, previews the fix and saves it (1280 px)', async () => {
  // The topic editor points at the exact character of a syntax error, live, before anything is saved.
  await page.goto(`${url}/monitoring/topics/new`);
  await page.getByLabel(/^名稱/).fill('鼎泰豐食安');
  const editor = page.getByTestId('topic-query');
  await editor.fill('鼎泰豐 AND (蟑螂 OR');
  const error = page.getByTestId('query-error');
  await error.waitFor();
  assert.equal(await error.getAttribute('data-code'), 'MISSING_OPERAND');
  assert.equal(await error.getAttribute('data-column'), '13');
  assert.equal(await page.getByTestId('query-error-mark').textContent(), 'OR');
  assert.match((await error.textContent()) ?? '', /第 13 欄.*「OR」後面需要一個詞/s);
  await shot(page, '01-topic-error-1280');

  await editor.fill('(鼎泰豐 OR 鼎泰丰) AND (食安 OR 蟑螂) NOT 徵才');
  await page.getByTestId('query-ok').waitFor();
  await page.getByRole('button', { name: '測試查詢' }).click();
  const preview = page.getByTestId('topic-preview-result');
  await preview.waitFor();
  // The Traditional story, its repost, the Simplified variant and the hostile post; not the job ad.
  assert.equal(await preview.getAttribute('data-count'), '4');
  assert.ok((await preview.locator('mark').count()) >= 4);
  assert.ok(await preview.locator('mark', { hasText: '鼎泰丰' }).count());
  await shot(page, '02-topic-preview-1280');
  await page.getByRole('button', { name: '建立' }).click();
  await page.waitForURL(/\/monitoring\/topics\/[0-9a-f-]{36}$/);
  await page.getByTestId('topic-reapply').waitFor();
  await shot(page, '03-topic-saved-1280');
  await page.goto(`${url}/monitoring/topics`);
  await page.getByTestId('topic-card').first().waitFor();
  await shot(page, '03b-topics-1280');
  topic = (await org.admin.get('/api/topics')).body.find((x: { name: string }) => x.name === '鼎泰豐食安');
  assert.ok(topic);
});

step('the explorer filters and highlights; a mention’s detail; sentiment correction (1280 px)', async () => {
  // The explorer: newest first, hostile text as text, search matching 繁 and 簡 with highlights.
  await page.goto(`${url}/monitoring/mentions`);
  await page.getByTestId('mention-item').first().waitFor();
  assert.equal(await page.getByTestId('mention-item').count(), mentions.length);
  await page.getByText('<script>window.__xss=1</script>', { exact: false }).first().waitFor();
  await noXss(page);
  await page.getByTestId('mention-search').fill('鼎泰豐 蟑螂');
  await page.waitForURL(/q=/);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-item"]').length === 3);
  const marks = await page.locator('[data-testid="mention-item"] mark').allTextContents();
  assert.ok(marks.includes('鼎泰丰'), `Simplified variant highlighted: ${marks.join(',')}`);
  assert.ok(marks.includes('蟑螂'));

  // A search the query language cannot read is explained in words, not as an empty list.
  await page.getByTestId('mention-search').fill('鼎泰豐 AND');
  await page.getByText('搜尋語法有誤：「AND」後面需要一個詞或 "片語"。').waitFor();
  assert.equal(await page.getByTestId('mention-item').count(), 0);

  // Filters through the UI end up in the URL; the URL alone reproduces the view.
  await page.getByTestId('mention-search').fill('');
  await page.getByRole('combobox', { name: '情緒' }).click();
  await page.getByRole('option', { name: '負面' }).click();
  await page.getByRole('combobox', { name: '監測主題' }).click();
  await page.getByRole('option', { name: '鼎泰豐食安' }).click();
  await page.waitForURL((u) => u.searchParams.get('topic') === topic.id && u.searchParams.get('sentiment') === 'negative');
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('q'));
  await page.getByTestId('mention-item').first().waitFor();
  shared = page.url();
  const items = await page.getByTestId('mention-item').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-id'))));
  assert.ok(items.length >= 1 && !items.includes(idOf('dcard-2')) && !items.includes(idOf('news-1')));
  await shot(page, '04-explorer-filtered-1280');
  await page.goto(`${url}/monitoring/mentions`);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="mention-item"]').length === 7);
  await shot(page, '05-explorer-1280');
  await page.goto(shared);
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="mention-item"]').length === n, items.length);

  // A mention's detail: full text with its line break, facts, the original link, a repost cluster.
  original = idOf('ptt-1');
  await page
    .locator(`[data-testid="mention-item"][data-id="${original}"]`)
    .getByRole('link', { name: /查看提及詳情/ })
    .click();
  await page.waitForURL(new RegExp(`/monitoring/mentions/${original}$`));
  await page.getByTestId('mention-title').getByText('[爆卦] 鼎泰豐小籠包吃到蟑螂').waitFor();
  assert.equal(await page.getByTestId('mention-full-text').textContent(), story);
  const link = page.getByTestId('mention-original');
  assert.equal(await link.getAttribute('href'), 'https://www.ptt.cc/bbs/Food/M.1.html');
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
  await page.getByTestId('mention-topics').getByText('鼎泰豐食安').waitFor();
  await page.getByTestId('mention-cluster').getByText('共出現 2 次').waitFor();
  await page
    .getByTestId('mention-cluster')
    .locator(`[data-testid="mention-item"][data-id="${idOf('dcard-1')}"]`)
    .waitFor();

  // Correct the sentiment: it says a person corrected it, and the API agrees.
  const before = (await org.admin.get(`/api/mentions/${original}`)).body;
  const target = before.sentiment === 'positive' ? '中立' : '正面';
  await page.getByTestId('sentiment-correction').getByText(target, { exact: true }).click();
  await page.getByTestId('sentiment-corrected').waitFor();
  const after = (await org.admin.get(`/api/mentions/${original}`)).body;
  assert.equal(after.sentimentCorrected, true);
  assert.equal(after.sentiment, target === '正面' ? 'positive' : 'neutral');
  await shot(page, '06-detail-1280');

  // Back goes to the filtered list it came from.
  await page.getByRole('link', { name: '返回提及列表' }).click();
  await page.waitForURL(shared);

  // The hostile mention's detail: every field is text, and its URL only an escaped href.
  await page.goto(`${url}/monitoring/mentions/${idOf('ptt-2')}`);
  await page.getByTestId('mention-title').getByText('<img src=x onerror=alert(2)>').waitFor();
  await page.getByText(hostileAuthor).first().waitFor();
  assert.match((await page.getByTestId('mention-original').getAttribute('href')) ?? '', /^https:\/\/example\.com\/%22%3E%3Cscript%3E/);
  await page.waitForTimeout(300);
  await noXss(page);
  await shot(page, '07-detail-hostile-1280');
});

step('on a phone: explorer, filters, detail and the topic editor fit 375 px', async () => {
  // On a phone: cards, the filters behind a button, no sideways scrolling.
  const phone = await signIn(url, org.adminEmail, 375);
  await phone.goto(`${url}/monitoring/mentions?q=${encodeURIComponent('鼎泰豐')}`);
  await phone.getByTestId('mention-item').first().waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, '08-explorer-375');
  await phone.getByRole('button', { name: '更多篩選' }).click();
  await phone.getByRole('combobox', { name: '情緒' }).waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, '09-explorer-filters-375');
  await phone.goto(`${url}/monitoring/mentions/${original}`);
  await phone.getByTestId('mention-full-text').waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, '10-detail-375');
  await phone.goto(`${url}/monitoring/mentions/${idOf('ptt-2')}`);
  await phone.getByTestId('mention-full-text').waitFor();
  await assertNoOverflow(phone, 375);
  await noXss(phone);
  await phone.goto(`${url}/monitoring/topics/${topic.id}`);
  await phone.getByTestId('topic-query').fill('鼎泰豐 NEAR/500 蟑螂');
  await phone.getByTestId('query-error').waitFor();
  assert.equal(await phone.getByTestId('query-error').getAttribute('data-code'), 'NEAR_DISTANCE_RANGE');
  await assertNoOverflow(phone, 375);
  await shot(phone, '11-topic-error-375');
  await phone.goto(`${url}/monitoring/topics`);
  await phone.getByTestId('topic-card').first().waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, '12-topics-375');
});

step('a member reads topics read-only and corrects sentiment', async () => {
  // A member reads topics (no create, no save, the editor read-only) and may correct sentiment.
  const member = await org.userWithRole('member', '林美華');
  const reader = await signIn(url, member.email, 375);
  await reader.goto(`${url}/monitoring/topics`);
  await reader.getByTestId('topic-card').first().waitFor();
  assert.equal(await reader.getByRole('link', { name: '新增監測主題' }).count(), 0);
  await reader.goto(`${url}/monitoring/topics/${topic.id}`);
  await reader.getByTestId('topic-query').waitFor();
  assert.equal(await reader.getByTestId('topic-query').getAttribute('readonly'), '');
  assert.equal(await reader.getByRole('button', { name: '儲存' }).count(), 0);
  await reader.getByRole('button', { name: '測試查詢' }).click();
  await reader.getByTestId('topic-preview-result').waitFor();
  await reader.goto(`${url}/monitoring/mentions/${idOf('wb-1')}`);
  await reader.getByTestId('sentiment-correction').getByText('中立', { exact: true }).click();
  await reader.getByTestId('sentiment-corrected').waitFor();
  await assertNoOverflow(reader, 375);
  await shot(reader, '13-member-detail-375');

  // In English the same screens read in English (and still fit).
  await member.client.patch('/api/me', { locale: 'en' });
  await reader.goto(`${url}/monitoring/mentions?sentiment=negative`);
  await reader.getByRole('heading', { name: 'Mentions' }).waitFor();
  await reader.getByText('Est. reach', { exact: false }).first().waitFor();
  await assertNoOverflow(reader, 375);
  await shot(reader, '14-explorer-en-375');
  await reader.goto(`${url}/monitoring/topics/${topic.id}`);
  await reader.getByRole('heading', { name: 'Query syntax' }).waitFor();
  await reader.getByText('You can view topics; only administrators and crisis managers can change them.').waitFor();
  await shot(reader, '15-topic-en-375');
});
