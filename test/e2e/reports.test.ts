// Employee reports (通報) in real browsers: a reporter on a 375 × 812 phone files an anonymous report with a
// screenshot in under a minute; a manager's triage queue shows it live (with the navigation count), opens it
// (匿名同仁, the screenshot as an image, links as plain text without referrer), accepts it (the declare page with
// the report, then the declare API), and the reporter's "my reports" turns to "declared a crisis" without reloading.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { before } from 'node:test';
import zlib from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { webDist } from '../../src/platform/web-assets.ts';
import { type Client, setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, resultsDir, screenshots } from './harness.ts';

const WHAT = 'Dcard 美食版有人貼出信義店小籠包裡有異物的照片，兩小時內留言破百 <b>不是粗體</b>';

let browser: Browser;
let url: string;
let manager: { client: Client; email: string };
let reporterEmail = '';
let reporter: Client;
let phone: Page;
let desk: Page;
let reportId = '';
const shot = screenshots('reports');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

/** A 120 × 80 PNG: an orange band over white (so the thumbnail is visibly a picture). */
function screenshotPng(): Buffer {
  const w = 120;
  const h = 80;
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc((1 + w * 3) * h, 255);
  for (let y = 0; y < h; y++) {
    raw[y * (1 + w * 3)] = 0;
    if (y > 20 && y < 50) for (let x = 0; x < w; x++) raw.set([240, 110, 20], y * (1 + w * 3) + 1 + x * 3);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'firebreak-e2e-reports-'));
  const started = await startTestServer({ env: { FIREBREAK_DATA_DIR: dataDir } });
  url = started.url;
  const org = await setUpOrg(url, '好食光食品');
  manager = await org.userWithRole('manager', '王經理');
  const r = await org.userWithRole('reporter', '張門市');
  reporterEmail = r.email;
  reporter = r.client;
  browser = await launchBrowser();
});

step('a manager watches the empty triage queue (1280 px)', async () => {
  desk = await signIn(manager.email, 1280);
  await desk.getByRole('navigation').getByRole('link', { name: '通報佇列' }).click();
  await desk.getByTestId('queue-empty').waitFor();
});

step('a reporter on a phone files an anonymous report with a screenshot in under a minute', async () => {
  phone = await signIn(reporterEmail, 375, 812);
  await phone.getByTestId('home-report').waitFor();
  await shot(phone, 'home-phone', false);
  const started = Date.now();
  // Reporters see only what they may use: home, the report pages and settings.
  await phone.getByRole('button', { name: '開啟選單' }).click();
  await phone.getByRole('navigation').getByRole('link', { name: '我的通報' }).waitFor();
  assert.equal(await phone.getByRole('navigation').getByRole('link', { name: '監測' }).count(), 0);
  await shot(phone, 'nav-phone', false);
  await phone.getByRole('button', { name: '開啟選單' }).click();
  await phone.getByTestId('header-report').click();
  await phone.getByRole('heading', { name: '通報可能的危機' }).waitFor();
  await phone.getByTestId('report-what').fill(WHAT);
  await phone.getByTestId('report-urgency-control').getByText('高', { exact: true }).click();
  const file = path.join(resultsDir, 'reports-fixture.png');
  fs.writeFileSync(file, screenshotPng());
  const fake = path.join(resultsDir, 'reports-fake.png');
  fs.writeFileSync(fake, '<html><script>alert(1)</script></html>');
  await phone.locator('input[type=file]').setInputFiles([file, fake]);
  await phone.locator('[data-testid=screenshot][data-state=done]').waitFor();
  await phone.locator('[data-testid=screenshot][data-state=error]').getByText('不是圖片').waitFor();
  await phone.getByTestId('report-links').fill('https://www.dcard.tw/f/food/p/123456');
  await phone.getByTestId('report-where').fill('Dcard 美食版');
  await phone.getByTestId('report-anonymous').check();
  await phone.getByText('系統稽核紀錄仍會保留').waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'form-phone');
  // The rejected file is removed; the good one stays.
  await phone.locator('[data-testid=screenshot][data-state=error]').getByRole('button', { name: '移除這張截圖' }).click();
  assert.equal(await phone.getByTestId('screenshot').count(), 1);
  await phone.getByTestId('report-submit').click();
  await phone.getByTestId('report-sent').getByText('已送出通報 #1').waitFor();
  const elapsed = Date.now() - started;
  assert.ok(elapsed < 60_000, `filed in ${elapsed} ms`);
  await shot(phone, 'sent-phone');
  await phone.getByRole('link', { name: '查看我的通報' }).click();
  const card = phone.getByTestId('report-card').filter({ hasText: '通報 #1' });
  await card.locator('[data-testid=report-status][data-status=new]').waitFor();
  await assertNoOverflow(phone, 375);
});

step('the manager sees it appear live, anonymous, with the screenshot, and accepts it', async () => {
  const card = desk.getByTestId('report-card').filter({ hasText: '通報 #1' });
  await card.waitFor();
  assert.equal(await desk.getByTestId('report-queue-count').textContent(), '1');
  assert.ok((await card.textContent())?.includes('匿名同仁'));
  assert.ok((await card.textContent())?.includes('<b>不是粗體</b>'), 'the report text stays text');
  await card.getByTestId('report-open').click();
  const detail = desk.getByTestId('report-detail');
  await detail.waitFor();
  assert.equal(await detail.getByTestId('report-reporter').textContent(), '匿名同仁');
  const img = detail.getByTestId('report-shot');
  await img.waitFor();
  await desk.waitForFunction(() => {
    const i = document.querySelector('[data-testid=report-shot]') as HTMLImageElement | null;
    return i?.complete === true && i.naturalWidth === 120;
  });
  const link = detail.getByRole('link', { name: 'https://www.dcard.tw/f/food/p/123456' });
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer nofollow');
  assert.equal(await link.getAttribute('target'), '_blank');
  await shot(desk, 'triage-detail');
  await detail.getByTestId('report-accept').click();
  await desk.waitForURL(/\/crises\/new\?reportId=/);
  reportId = new URL(desk.url()).searchParams.get('reportId') ?? '';
  assert.match(reportId, /^[0-9a-f-]{36}$/);
});

step('declaring from the report turns the reporter’s “my reports” to declared, live', async () => {
  // The declare page's pre-fill from ?reportId= is the lead's; the declaration itself goes through the API.
  const declared = await manager.client.post('/api/crises', {
    title: '信義店小籠包異物',
    type: 'product_quality',
    severity: 'L2',
    reportId,
  });
  assert.equal(declared.status, 201, JSON.stringify(declared.body));
  const card = phone.getByTestId('report-card').filter({ hasText: '通報 #1' });
  await card.locator('[data-testid=report-status][data-status=accepted]').waitFor();
  assert.equal(await card.getByTestId('report-crisis').textContent(), `危機 #${declared.body.number}`);
  await shot(phone, 'mine-accepted-phone');
  await desk.goto(`${url}/reports`);
  await desk.getByTestId('queue-empty').waitFor();
  assert.equal(await desk.getByTestId('report-queue-count').count(), 0);
  await desk.getByTestId('report-filter-accepted').click();
  await desk.getByTestId('report-card').filter({ hasText: '通報 #1' }).waitFor();
  await shot(desk, 'triage-accepted');
  // The crisis room links to a report as /reports?open=<id>: the drawer opens on it, whatever the filter.
  await desk.goto(`${url}/reports?open=${reportId}`);
  await desk.getByTestId('report-detail').locator('[data-testid=report-status][data-status=accepted]').first().waitFor();
  assert.equal(await desk.getByTestId('triage-actions').count(), 0, 'nothing to triage any more');
  await desk.keyboard.press('Escape');
  await desk.waitForURL((u) => !u.search.includes('open='));
});

step('on a phone the manager adds one report to the crisis and closes another; the reporter sees both live', async () => {
  assert.equal((await reporter.post('/api/reports', { what: '門市客服電話暴增，客人問小籠包的事', urgency: 'critical' })).status, 201);
  assert.equal((await reporter.post('/api/reports', { what: 'LINE 群組轉傳的舊新聞', urgency: 'low' })).status, 201);
  const mgr = await signIn(manager.email, 375, 812);
  await mgr.goto(`${url}/reports`);
  const second = mgr.getByTestId('report-card').filter({ hasText: '通報 #2' });
  await second.waitFor();
  assert.equal(await mgr.getByTestId('report-card').first().getAttribute('data-report'), '2', 'the critical one first');
  await assertNoOverflow(mgr, 375);
  await shot(mgr, 'queue-phone');
  await second.getByTestId('report-open').click();
  const detail = mgr.getByTestId('report-detail');
  assert.equal(await detail.getByTestId('report-reporter').textContent(), '張門市');
  await detail.getByTestId('report-attach-crisis').click();
  await mgr.getByRole('option', { name: '#1 信義店小籠包異物' }).click();
  await shot(mgr, 'attach-phone');
  await detail.getByTestId('report-attach').click();
  await mgr.getByText('已併入危機 #1').waitFor();
  await second.waitFor({ state: 'detached' });
  const third = mgr.getByTestId('report-card').filter({ hasText: '通報 #3' });
  await third.getByTestId('report-open').click();
  await mgr.getByTestId('report-close').click();
  await mgr.getByTestId('report-detail').getByText('此欄位為必填。').waitFor();
  await mgr.getByTestId('report-close-reason-input').fill('已查證為 2019 年舊聞，不構成危機');
  await mgr.getByTestId('report-close').click();
  await mgr.getByTestId('queue-empty').waitFor();

  const attached = phone.getByTestId('report-card').filter({ hasText: '通報 #2' });
  await attached.locator('[data-testid=report-status][data-status=attached]').waitFor();
  assert.equal(await attached.getByTestId('report-crisis').textContent(), '危機 #1');
  const closed = phone.getByTestId('report-card').filter({ hasText: '通報 #3' });
  await closed.locator('[data-testid=report-status][data-status=closed]').waitFor();
  assert.equal(await closed.getByTestId('report-close-reason').textContent(), '結案原因：已查證為 2019 年舊聞，不構成危機');
  await shot(phone, 'mine-all-phone');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
