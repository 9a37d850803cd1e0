// The automatic evidence screenshot in the browser: the capture page's checkbox, 截圖處理中 on the document page,
// then the screenshot among the attachments; 1280 and 390 px, zh-TW and English.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { setUpOrg } from '../helpers/client.ts';
import { onCleanup } from '../helpers/db.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots, switchLanguage } from './harness.ts';

let browser: Browser;
let url: string;
let pageUrl: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let admin: Page;
let docUrl = '';
const shot = screenshots('evidence-screenshot');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

before(async () => {
  const site = http.createServer((req, res) => {
    if (req.url === '/slow.png') {
      // Slow enough that the document page shows the pending state first.
      setTimeout(() => res.writeHead(404).end(), 4000);
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>爆料貼文</title></head><body style="margin:0;font-family:sans-serif">
<div style="background:#c0392b;color:#fff;padding:40px;font-size:32px">PTT · Food 板</div>
<div style="padding:24px"><h1>[爆卦] 中和廠豆干吃了拉肚子</h1><p>昨天在全聯買的豆干，批號 A123，吃完整晚拉肚子。客服說會回電但到現在都沒有。</p>
<p>推 foodie：我也是同一批<br>推 tofu99：已檢舉衛生局</p><img src="/slow.png" width="1" height="1"></div></body></html>`);
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  onCleanup(() => new Promise<void>((r) => site.close(() => r())));
  pageUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/bbs/Food/M.42.html`;
  const started = await startTestServer({
    env: { FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1', FIREBREAK_CAPTURE_BROWSER: '/usr/bin/chromium' },
  });
  url = started.url;
  org = await setUpOrg(url, '好食光食品');
  browser = await launchBrowser();
});

step('capture with the checkbox; 截圖處理中, then the screenshot among the attachments', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await admin.goto(`${url}/documents/evidence/new`);
  const box = admin.getByTestId('capture-screenshot');
  await box.waitFor();
  assert.equal(await box.isChecked(), true);
  await admin.getByLabel('自動擷取網頁截圖').waitFor();
  await shot(admin, 'capture-1280');
  await admin.getByTestId('capture-url').fill(pageUrl);
  await admin.getByTestId('capture-title').fill('PTT 爆料貼文');
  await admin.getByTestId('capture-submit').click();
  await admin.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  docUrl = admin.url();
  await admin.getByTestId('screenshot-pending').filter({ hasText: '截圖處理中' }).waitFor();
  await shot(admin, 'pending-1280');
  await admin.getByTestId('attachment-preview').waitFor({ timeout: 45_000 });
  await admin.getByTestId('screenshot-captured').waitFor();
  await admin.getByTestId('custody-row').filter({ hasText: '自動截圖完成' }).waitFor();
  await shot(admin, 'done-1280');
});

step('on a 390 px phone: document and capture page fit, English complete', async () => {
  const phone = await signIn(org.adminEmail, 390);
  await phone.goto(docUrl);
  await phone.getByTestId('screenshot-captured').waitFor();
  await phone.getByTestId('attachment-preview').waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, 'done-390');
  await phone.goto(`${url}/documents/evidence/new`);
  await phone.getByTestId('capture-screenshot').waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, 'capture-390');
  await switchLanguage(phone, 'English');
  await phone.getByLabel('Take a screenshot automatically').waitFor();
  await phone.goto(docUrl);
  await phone.getByText('Screenshot taken automatically', { exact: false }).waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, 'done-390-en');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
