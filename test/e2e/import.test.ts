// File import in a real browser: upload a CSV (progress bar), map its columns (suggested, and by hand),
// dry run (counts and rejected rows, reasons translated), import, and watch the progress reach 100%. Hostile cells stay text.
// At 1280 px and on a 375 px phone; screenshots in test-results/.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { PASSWORD, setUpOrg } from '../helpers/client.ts';
import { assertNoOverflow, launchBrowser, resultsDir, signInPage, startE2EServer } from './harness.ts';

const STEP_MS = 15_000;
const fixture = path.resolve('test/fixtures/import/posts.csv');
let browser: Browser;
const dialogs: string[] = [];

const shot = async (page: Page, name: string) => {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(resultsDir, `import-${name}.png`), fullPage: true });
};

async function signIn(url: string, email: string, width: number): Promise<Page> {
  return signInPage(browser, url, email, PASSWORD, { width, stepMs: STEP_MS, dialogs });
}

const noXss = async (page: Page) => {
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.equal(await page.locator('main img[src="x"]').count(), 0);
  assert.deepEqual(dialogs, []);
};

/** Upload → map → dry run → import → 100%, at one viewport width. */
async function importJourney(page: Page, opts: { width: number; file: string; source: string; mapByHand?: [string, string] }) {
  const name = opts.width < 500 ? 'phone' : 'desktop';
  await page.goto(`${page.url().split('/').slice(0, 3).join('/')}/monitoring/import`);
  await page.getByRole('heading', { name: '上傳檔案' }).waitFor();
  await page.locator('input[type="file"]').setInputFiles(opts.file);
  await page.getByRole('combobox', { name: '匯入到來源' }).fill(opts.source);
  await page.getByRole('button', { name: '上傳', exact: true }).click();
  await page.waitForURL(/\/monitoring\/import\/[0-9a-f-]{36}$/);
  await page.getByTestId('import-preview').waitFor();
  await noXss(page);
  if (opts.mapByHand) {
    const [field, column] = opts.mapByHand;
    await page.getByTestId(field).click();
    await page.getByRole('option', { name: column, exact: true }).click();
  }
  await shot(page, `${name}-mapping`);

  await page.getByRole('button', { name: '試跑', exact: true }).click();
  await page.getByTestId('dry-rows').getByText('7', { exact: true }).waitFor();
  assert.equal(await page.getByTestId('dry-accepted').locator('p').last().textContent(), '4');
  assert.equal(await page.getByTestId('dry-rejected').locator('p').last().textContent(), '2');
  const rejected = page.getByTestId('dry-run-section').getByTestId('rejections');
  assert.deepEqual(await rejected.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row'))), ['4', '5']);
  await rejected.getByText(/昨天下午/).waitFor();
  // Reasons are translated by their code; the English detail (with the offending value) stays, dimmed.
  await rejected.locator('tr[data-row="4"]').getByText('內容是空的', { exact: true }).waitFor();
  await rejected.locator('tr[data-row="5"]').getByText('看不懂發布時間', { exact: true }).waitFor();
  assert.deepEqual(await rejected.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code'))), [
    'text_empty',
    'bad_date',
  ]);
  await shot(page, `${name}-dry-run`);

  await page.getByRole('button', { name: '開始匯入' }).click();
  await page.getByTestId('import-done').waitFor();
  assert.equal(await page.getByTestId('import-progress').getAttribute('data-percent'), '100');
  await page.getByText('7 / 7 列（100%）').waitFor();
  assert.equal(await page.getByTestId('import-status').getAttribute('data-status'), 'done');
  await page.getByTestId('run-section').getByTestId('rejections').getByText('看不懂發布時間', { exact: true }).waitFor();
  await noXss(page);
  await assertNoOverflow(page, opts.width);
  await shot(page, `${name}-done`);

  await page.getByRole('link', { name: '返回匯入列表' }).click();
  const row = page.locator(`[data-testid="import-row"][data-file="${path.basename(opts.file)}"]`).first();
  await row.getByText('已完成').waitFor();
  await assertNoOverflow(page, opts.width);
  await shot(page, `${name}-history`);
}

test('import: upload a CSV, map, dry run, import to 100%, at 1280 px and 375 px', async () => {
  const { url } = await startE2EServer();
  const org = await setUpOrg(url, '好食光食品');
  browser = await launchBrowser();

  const desktop = await signIn(url, org.adminEmail, 1280);
  await importJourney(desktop, { width: 1280, file: fixture, source: 'Excel 匯出' });

  // A larger file over a slow uplink: the upload progress bar moves before the import page opens.
  const big = path.join(resultsDir, 'import-e2e-big.csv');
  const rows = Array.from(
    { length: 8000 },
    (_, i) => `第 ${i} 則貼文：鼎泰豐的服務與餐點心得分享,2026/11/29 12:00,user${i},https://example.com/big/${i}`,
  );
  fs.writeFileSync(big, `內容,發布時間,作者,網址\n${rows.join('\n')}\n`);
  const cdp = await desktop.context().newCDPSession(desktop);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 200 * 1024 });
  await desktop.getByRole('heading', { name: '上傳檔案' }).waitFor();
  await desktop.locator('input[type="file"]').setInputFiles(big);
  await desktop.getByRole('button', { name: '上傳', exact: true }).click();
  await desktop.getByTestId('upload-progress').waitFor();
  await desktop.getByText(/上傳中… [1-9]\d?%/).waitFor();
  await shot(desktop, 'desktop-uploading');
  await desktop.waitForURL(/\/monitoring\/import\/[0-9a-f-]{36}$/);
  await desktop.getByTestId('import-preview').waitFor();
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });

  // A file whose date column has no name we recognise: the user maps it by hand.
  const own = path.join(resultsDir, 'import-e2e-own-headers.csv');
  const text = fs.readFileSync(fixture, 'utf8').replace('發布時間', '刊登於').replace('網址', '原始位置');
  fs.writeFileSync(own, text);
  const phone = await signIn(url, org.adminEmail, 375);
  await importJourney(phone, { width: 375, file: own, source: '手機匯入', mapByHand: ['map-publishedAt', '刊登於'] });
});
