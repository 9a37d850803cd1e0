// The monitoring overview in a real browser: the chart and headline numbers from pushed mentions, a
// live update when more mentions arrive (no reload: the WebSocket invalidates), the topic selector in
// the URL, and screenshots at 1280 px and 375 px in light and dark.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type Client, createClient, PASSWORD, setUpOrg } from '../helpers/client.ts';
import { assertNoOverflow, launchBrowser, resultsDir, signInPage, startE2EServer } from './harness.ts';

const STEP_MS = 15_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
// Each mention's intended sentiment is set by a correction where the model disagrees (see push()).
const NEG = '鼎泰豐信義店吃到蟑螂，服務態度真的很差，再也不會去了';
const NEG2 = '全聯雞蛋漲價又缺貨，客服完全不處理';
const POS = '鼎泰豐店員很親切，CP值很高，推薦給大家';
const NEU = '鼎泰豐 門市 地址 電話 營業時間';
const hostile = '<img src=x onerror="window.__xss=1">鼎泰豐 食安 <script>window.__xss=2</script>蟑螂又來了，服務態度真的很差';

let n = 0;
type Sentiment = 'negative' | 'neutral' | 'positive';
const m = (text: string, sentiment: Sentiment, minutesAgo: number, source: string, author: string, extra: object = {}) => ({
  sentiment,
  source,
  externalId: `e2e-${n++}`,
  author,
  text,
  publishedAt: ago(minutesAgo),
  ...extra,
});

const first = [
  m(NEG, 'negative', 300, 'PTT', 'angry', { authorFollowers: 8000, metrics: { shares: 30 } }),
  m(NEG, 'negative', 240, 'Threads', '<b>reposter</b>', { authorFollowers: 200 }),
  m(`${NEG}！`, 'negative', 200, 'Threads', 'r2', { authorFollowers: 200 }),
  m(NEG2, 'negative', 120, 'PTT', 'eggs'),
  m(hostile, 'negative', 90, 'Dcard', '<img src=x onerror=alert(1)>駭客'),
  m(POS, 'positive', 60, 'Dcard', 'happy'),
  m(NEU, 'neutral', 30, 'News', 'newsdesk', { metrics: { views: 52_000 } }),
  // The previous 24 hours: calmer.
  m(POS, 'positive', 30 * 60, 'Dcard', 'happy'),
  m(NEU, 'neutral', 40 * 60, 'News', 'newsdesk', { metrics: { views: 40_000 } }),
];
const more = [
  m(NEG, 'negative', 5, 'Threads', 'r3'),
  m(NEG, 'negative', 3, 'Threads', 'r4'),
  m(`${NEG}!!`, 'negative', 1, 'Threads', 'r5'),
];

let browser: Browser;
const dialogs: string[] = [];

async function signIn(url: string, email: string, width: number, colorScheme: 'light' | 'dark'): Promise<Page> {
  return signInPage(browser, url, email, PASSWORD, { width, height: width < 500 ? 740 : 900, colorScheme, stepMs: STEP_MS, dialogs });
}

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(700); // chart animation and Mantine transitions settle
  await page.screenshot({ path: path.join(resultsDir, `dashboard-${name}.png`), fullPage: true });
};

const kpi = (page: Page, id: string) => page.getByTestId(id).textContent();

async function openDashboard(page: Page, url: string, query = '') {
  await page.goto(`${url}/monitoring${query}`);
  await page.locator('[data-live-status="open"]').waitFor();
  await page.locator('[data-testid="volume-chart"] canvas').waitFor();
}

/** Pushes mentions with the collector's token, then corrects any sentiment the model saw differently (as a person would). */
async function push(machine: Client, admin: Client, items: Array<{ sentiment: Sentiment }>) {
  const r = await machine.post('/api/mentions', { mentions: items.map(({ sentiment: _, ...rest }) => rest) });
  assert.equal(r.status, 200);
  assert.equal(r.body.accepted, items.length, JSON.stringify(r.body));
  for (const [i, it] of (r.body.items as Array<{ id: number }>).entries()) {
    if ((await admin.get(`/api/mentions/${it.id}`)).body.sentiment !== items[i].sentiment)
      assert.equal((await admin.post(`/api/mentions/${it.id}/sentiment`, { sentiment: items[i].sentiment })).status < 300, true);
  }
}

test('dashboard: chart and numbers from pushed mentions, live update without reload, phone and dark mode', async () => {
  const { url } = await startE2EServer();
  const org = await setUpOrg(url);
  const t = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
  const machine = createClient(url);
  machine.useToken(t.body.secret);
  const topic = await org.admin.post('/api/topics', { name: '鼎泰豐', query: '鼎泰豐 OR "din tai fung"' });
  assert.equal(topic.status, 201);
  await push(machine, org.admin, first);
  browser = await launchBrowser();

  const page = await signIn(url, org.adminEmail, 1280, 'light');
  await page.getByRole('link', { name: '監測', exact: true }).click();
  await page.getByRole('heading', { name: '監測總覽' }).waitFor();
  await page.locator('[data-testid="volume-chart"] canvas').waitFor();
  await page.locator('[data-live-status="open"]').waitFor();
  assert.equal(await kpi(page, 'kpi-mentions'), '7');
  assert.equal(await kpi(page, 'kpi-negative'), '5');
  assert.equal(await kpi(page, 'kpi-negative-share'), '71.4%');
  assert.equal(await page.getByTestId('volume-chart').getAttribute('data-total'), '7');
  await page.getByTestId('cluster-summary').getByText('1 則原文，2 則轉貼').waitFor();
  await page.getByTestId('trending-terms').locator('[data-term="蟑螂"]').waitFor();
  // Hostile author and text are shown as text.
  await page.getByTestId('top-authors').getByText('<img src=x onerror=alert(1)>駭客', { exact: true }).waitFor();
  await shot(page, '1280-light-before');

  // More mentions arrive: numbers and chart follow without a reload.
  await page.evaluate(() => {
    (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
  });
  await push(machine, org.admin, more);
  await page.getByTestId('kpi-mentions').getByText('10', { exact: true }).waitFor();
  assert.equal(await kpi(page, 'kpi-negative'), '8');
  assert.equal(await kpi(page, 'kpi-negative-share'), '80.0%');
  await page.locator('[data-testid="volume-chart"][data-total="10"]').waitFor();
  await page.getByTestId('cluster-summary').getByText('1 則原文，5 則轉貼').waitFor();
  assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true, 'no reload');
  await shot(page, '1280-light');

  // One topic (in the URL); the negative card links into the explorer with the same topic and sentiment.
  await page.getByTestId('topic-select').click();
  await page.getByRole('option', { name: '鼎泰豐' }).click();
  await page.waitForURL(/topic=/);
  await page.locator('[data-testid="volume-chart"][data-total="9"]').waitFor();
  const href = await page.getByRole('link', { name: '查看負面提及' }).getAttribute('href');
  assert.match(href ?? '', /^\/monitoring\/mentions\?/);
  assert.match(href ?? '', new RegExp(`topic=${topic.body.id}`));
  assert.match(href ?? '', /sentiment=negative/);
  await page.locator('label', { hasText: '7 天' }).click();
  await page.waitForURL(/range=7d/);
  await page.locator('[data-testid="volume-chart"][data-total="11"]').waitFor();
  await page.context().close();

  const dark = await signIn(url, org.adminEmail, 1280, 'dark');
  await openDashboard(dark, url);
  await shot(dark, '1280-dark');
  await dark.context().close();

  for (const scheme of ['light', 'dark'] as const) {
    const phone = await signIn(url, org.adminEmail, 375, scheme);
    await openDashboard(phone, url);
    assert.equal(await kpi(phone, 'kpi-mentions'), '10');
    await shot(phone, `375-${scheme}`);
    await phone.screenshot({ path: path.join(resultsDir, `dashboard-375-${scheme}-top.png`) });
    await assertNoOverflow(phone, 375);
    const canvasWidth = await phone.locator('[data-testid="volume-chart"] canvas').evaluate((c) => c.getBoundingClientRect().width);
    assert.ok(canvasWidth > 200 && canvasWidth <= 375, `the chart fits the phone (${canvasWidth} px)`);
    assert.equal(await phone.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
    await phone.context().close();
  }
  assert.deepEqual(dialogs, []);
});
