// Sources in a real browser: add an RSS source with the PTT helper pointing at a loopback feed server (allow-listed
// as an admin would), watch the background job collect it, see a failing feed's error in plain words, pause the
// source; at 1280 px and on a 375 px phone, with screenshots in test-results/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { webDist } from '../../src/platform/web-assets.ts';
import { PASSWORD, setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, launchBrowser, resultsDir, signInPage } from './harness.ts';

const STEP_MS = 20_000;
const ptt = fs.readFileSync(new URL('../fixtures/feeds/ptt-gossiping.xml', import.meta.url));
let feed: http.Server;
let feedBase = '';
let browser: Browser;

before(async () => {
  // Serves the PTT fixture at the path the PTT helper builds, and an HTML page where a feed should be.
  feed = http.createServer((req, res) => {
    if (req.url === '/atom/Gossiping.xml')
      return void res.writeHead(200, { 'content-type': 'application/atom+xml', etag: '"e2e"' }).end(ptt);
    if (req.url === '/not-a-feed')
      return void res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body><h1>Hello</h1></body></html>');
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => feed.listen(0, '127.0.0.1', r));
  feedBase = `http://127.0.0.1:${(feed.address() as AddressInfo).port}`;
});
after(() => {
  feed.closeAllConnections();
  feed.close();
});

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(resultsDir, `sources-${name}.png`), fullPage: true });
};

async function signIn(url: string, email: string, width: number): Promise<Page> {
  return signInPage(browser, url, email, PASSWORD, { width, stepMs: STEP_MS });
}

test('add an RSS source, see it collect, see a failing feed explained, pause it; desktop and phone', async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const { url } = await startTestServer({ env: { FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1' } });
  const org = await setUpOrg(url, '好食光食品');
  const email = (await org.admin.get('/api/session')).body.user.email as string;
  browser = await launchBrowser();
  const page = await signIn(url, email, 1280);

  // Add: the PTT helper builds the board's Atom URL; the host is then pointed at the loopback feed server.
  await page.goto(`${url}/monitoring/sources`);
  await page.getByText('還沒有任何來源').waitFor();
  await page.getByRole('link', { name: '新增來源' }).click();
  await page.getByRole('heading', { name: '新增來源' }).waitFor();
  await page.getByRole('textbox', { name: '名稱', exact: true }).fill('PTT 八卦板');
  await page.getByLabel('PTT 看板名稱').fill('Gossiping');
  const urlField = page.getByLabel('訊息來源網址');
  assert.equal(await urlField.inputValue(), 'https://www.ptt.cc/atom/Gossiping.xml');
  await shot(page, 'new-desktop');
  // The Bluesky stream's settings come from its connector; no interval for a stream.
  await page.getByRole('combobox', { name: '來源種類' }).click();
  await page.getByRole('option', { name: 'Bluesky（Jetstream）' }).click();
  await page.getByText('只收符合這個監測查詢的貼文').waitFor();
  assert.equal(await page.getByLabel('收集間隔（分鐘）').count(), 0);
  await shot(page, 'new-stream-desktop');
  await page.getByRole('combobox', { name: '來源種類' }).click();
  await page.getByRole('option', { name: 'RSS/Atom 訊息來源' }).click();
  await page.getByLabel('PTT 看板名稱').fill('Gossiping');
  await urlField.fill(`${feedBase}/atom/Gossiping.xml`);
  await page.getByLabel('收集間隔（分鐘）').fill('5');
  await page.getByRole('button', { name: '新增並開始收集' }).click();

  // The background job collects it without anyone pressing "run": the page fills in by itself.
  await page.getByRole('heading', { name: 'PTT 八卦板' }).waitFor();
  await page.getByText('正常', { exact: true }).waitFor({ timeout: 40_000 });
  await page.getByText('3 則', { exact: true }).first().waitFor();
  await shot(page, 'source-desktop');

  // A page that is not a feed: its error reads as a sentence on the status.
  await page.goto(`${url}/monitoring/sources/new`);
  await page.getByRole('textbox', { name: '名稱', exact: true }).fill('Not a feed');
  await page.locator('label:visible', { hasText: '任何 RSS/Atom 網址' }).click();
  await page.getByLabel('訊息來源網址').fill(`${feedBase}/not-a-feed`);
  await page.getByRole('button', { name: '新增並開始收集' }).click();
  await page.getByRole('heading', { name: 'Not a feed' }).waitFor();
  await page.getByText('發生錯誤', { exact: true }).waitFor({ timeout: 40_000 });
  const error = await page.getByRole('alert').filter({ hasText: '最近的錯誤' }).textContent();
  assert.match(error ?? '', /HTML|not a feed|RSS|Atom/i);
  await shot(page, 'failing-desktop');

  // The list: both sources with health, numbers and the error; pause the PTT one.
  await page.goto(`${url}/monitoring/sources`);
  const card = page.locator('[data-testid="source-card"]').filter({ hasText: 'PTT 八卦板' });
  await card.getByText('正常').waitFor();
  await card.getByRole('button', { name: '暫停' }).click();
  await card.getByText('已暫停', { exact: true }).waitFor();
  await card.getByRole('button', { name: '恢復' }).waitFor();
  await shot(page, 'list-desktop');
  const listed = await org.admin.get('/api/sources');
  assert.equal(listed.body.find((s: { name: string }) => s.name === 'PTT 八卦板').status, 'paused');

  // On a phone: the list and a source page fit 375 px.
  const phone = await signIn(url, email, 375);
  await phone.goto(`${url}/monitoring/sources`);
  await phone.locator('[data-testid="source-card"]').first().waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'list-phone');
  await phone.locator('[data-testid="source-card"]').filter({ hasText: 'Not a feed' }).getByRole('link', { name: 'Not a feed' }).click();
  await phone.getByRole('heading', { name: 'Not a feed' }).waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'source-phone');
  await phone.goto(`${url}/monitoring/sources/new`);
  await phone.getByRole('textbox', { name: '名稱', exact: true }).waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'new-phone');
});
