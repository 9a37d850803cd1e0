// The documents hub in a real browser. The admin creates a document (its text with markup stays text), uploads a
// PNG (a preview appears, served re-encoded by the preview endpoint) and drops a PDF on the drop zone (a download
// link), and an HTML file is refused with the translated 415 reason; an edit asks for a note and makes a new
// version, which the versions list shows and compares; a stale edit (someone saved meanwhile) says so and reloads;
// a legal hold disables delete and says why (the API refuses too), releasing it lets delete work. Evidence is
// captured from a URL served by a loopback server: its text hash (SHA-256 of the stored text), the files' hashes
// and the chain of custody show, and the evidence bundle downloads as a ZIP with a manifest; a stored mention is
// captured too. A crisis hold is placed from the list filtered by the crisis. No horizontal overflow at 390 px, in
// zh-TW and in English. A member is offered no action they may not take. Screenshots at 1280 and 390 px.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { before } from 'node:test';
import { unzipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { webDist } from '../../src/platform/web-assets.ts';
import { createClient, setUpOrg } from '../helpers/client.ts';
import { onCleanup } from '../helpers/db.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, resultsDir, screenshots, switchLanguage } from './harness.ts';

const BODY = ['本公司於 12 月 1 日接獲消費者反映，中和廠豆干批號 A123 疑有異味。', '<b>不是粗體</b> <script>window.__xss=1</script>'].join(
  '\n',
);
const PAGE_HTML = `<!doctype html><html><head><title>爆料貼文</title><style>p{color:red}</style>
<script>document.title='x'</script></head><body><h1>網友爆料</h1><p>豆干吃了拉肚子 &amp; 客服不理人</p></body></html>`;

let browser: Browser;
let url: string;
let pageUrl: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let crisisId = '';
let docId = '';
let evidenceId = '';
let admin: Page;
const shot = screenshots('documents');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

const documentCard = (page: Page, title: string) => page.getByTestId('document-row').filter({ hasText: title });

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const site = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(PAGE_HTML);
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
  onCleanup(() => new Promise<void>((r) => site.close(() => r())));
  pageUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/post/42`;
  const started = await startTestServer({ env: { FIREBREAK_FETCH_ALLOW_PRIVATE: '127.0.0.1' } });
  url = started.url;
  org = await setUpOrg(url, '好食光食品');
  const c = await org.admin.post('/api/crises', { title: '中和廠豆干批號爭議', type: 'product_quality', severity: 'L2' });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  crisisId = c.body.id;
  browser = await launchBrowser();
});

step('the admin creates a document: its text is shown as text, classification as a badge', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await admin.goto(`${url}/documents`);
  await admin.getByTestId('documents-empty').waitFor();
  await admin.getByTestId('new-document').click();
  await admin.getByTestId('doc-title').fill('豆干批號事件內部說明');
  await admin.getByTestId('doc-body').fill(BODY);
  await admin.getByTestId('doc-classification').click();
  await admin.getByRole('option', { name: '機密' }).click();
  await admin.getByTestId('doc-crisis').click();
  await admin.getByRole('option', { name: /中和廠豆干批號爭議/ }).click();
  await admin.getByTestId('doc-tags').fill('豆干');
  await admin.keyboard.press('Enter');
  await admin.getByTestId('doc-save').click();
  await admin.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  docId = admin.url().split('/').pop() as string;
  assert.equal(await admin.getByTestId('doc-heading').textContent(), '豆干批號事件內部說明');
  const text = admin.getByTestId('doc-body-text');
  assert.equal((await text.textContent()) ?? '', BODY);
  assert.equal(await text.locator('b, script').count(), 0, 'markup in the text is never rendered');
  assert.equal(await admin.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.equal(await admin.getByTestId('classification-badge').first().getAttribute('data-classification'), 'confidential');
});

step('uploads: a PNG shows a preview, a dropped PDF is a download link, an HTML file is refused with the reason', async () => {
  const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: { r: 230, g: 120, b: 40 } } })
    .png()
    .toBuffer();
  const pdf = await PDFDocument.create();
  pdf
    .addPage([300, 200])
    .drawText('Batch A123 lab report', { x: 20, y: 100, font: await pdf.embedFont(StandardFonts.Helvetica), size: 14 });
  const pdfBytes = Buffer.from(await pdf.save());
  await admin.getByTestId('attachment-input').setInputFiles([{ name: '現場照片.png', mimeType: 'image/png', buffer: png }]);
  await admin.getByTestId('attachment').filter({ hasText: '現場照片.png' }).waitFor();
  // The PDF is dropped on the drop zone (a DataTransfer made in the page, as a drag from the desktop gives).
  const dataTransfer = await admin.evaluateHandle((b64) => {
    const dt = new DataTransfer();
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    dt.items.add(new File([bytes], 'lab-report.pdf', { type: 'application/pdf' }));
    return dt;
  }, pdfBytes.toString('base64'));
  await admin.getByTestId('attachment-drop').dispatchEvent('dragover', { dataTransfer });
  await admin.getByTestId('attachment-drop').dispatchEvent('drop', { dataTransfer });
  await admin.getByTestId('attachment').filter({ hasText: 'lab-report.pdf' }).waitFor();
  const preview = admin.getByTestId('attachment-preview');
  await preview.waitFor();
  await admin.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="attachment-preview"]');
    return !!img && img.complete && img.naturalWidth > 0;
  });
  const pdfItem = admin.locator('[data-testid="attachment"][data-content-type="application/pdf"]');
  assert.equal(await pdfItem.getByTestId('attachment-preview').count(), 0, 'a PDF is not shown as an image');
  assert.match(String(await pdfItem.getByTestId('attachment-download').getAttribute('href')), /\/attachments\/[0-9a-f-]{36}\/file$/);
  // The PNG's SHA-256 is the one the server computed of the bytes sent.
  const sha = createHash('sha256').update(png).digest('hex');
  await admin.getByTestId('attachment-sha256').filter({ hasText: sha }).waitFor();
  await admin
    .getByTestId('attachment-input')
    .setInputFiles([{ name: 'page.html', mimeType: 'text/html', buffer: Buffer.from('<html><script>alert(1)</script></html>') }]);
  await admin.getByTestId('upload-error').filter({ hasText: '不接受這種檔案類型' }).waitFor();
  await shot(admin, 'document-desktop');
});

step('editing the text asks for a note and makes version 2; the versions list shows and compares it', async () => {
  await admin.getByTestId('doc-edit').click();
  await admin.getByTestId('doc-body').fill(BODY.replace('12 月 1 日', '12 月 2 日'));
  await admin.getByTestId('doc-save').click();
  await admin.getByTestId('doc-note').fill('更正接獲反映的日期');
  await admin.getByTestId('doc-note-save').click();
  await admin.waitForURL(new RegExp(`/documents/${docId}$`));
  await admin.getByTestId('doc-body-text').filter({ hasText: '12 月 2 日' }).waitFor();
  const rows = admin.getByTestId('version-row');
  await admin.locator('[data-testid="version-row"]').filter({ hasText: '更正接獲反映的日期' }).waitFor();
  // Two uploads and the text edit: every change is a version; the newest is on top.
  const numbers = await rows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-number'))));
  assert.ok(numbers.length >= 2 && numbers[0] === Math.max(...numbers), `versions newest first: ${numbers}`);
  await admin.locator('[data-testid="version-row"][data-number="1"]').getByTestId('version-view').click();
  await admin.getByTestId('version-text').filter({ hasText: '12 月 1 日' }).waitFor();
  await admin.keyboard.press('Escape');
  await admin.locator('[data-testid="version-row"][data-number="1"]').getByTestId('version-compare').click();
  const diff = admin.getByTestId('diff-view').last();
  await diff.locator('del', { hasText: '1' }).first().waitFor();
  await diff.locator('ins', { hasText: '2' }).first().waitFor();
  await shot(admin, 'versions-diff', false);
  await admin.keyboard.press('Escape');
});

step('a stale edit says someone else changed it and reloads the latest', async () => {
  await admin.getByTestId('doc-edit').click();
  await admin.getByTestId('doc-title').fill('豆干批號事件內部說明（修訂）');
  const current = await org.admin.get(`/api/documents/${docId}`);
  const r = await org.admin.patch(`/api/documents/${docId}`, { version: current.body.version, tags: ['豆干', '客訴'] });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  await admin.getByTestId('doc-save').click();
  await admin.getByTestId('doc-note-save').click();
  await admin.getByTestId('doc-conflict').waitFor();
  await admin.getByTestId('doc-reload').click();
  await admin.getByTestId('doc-conflict').waitFor({ state: 'detached' });
  assert.equal(await admin.getByTestId('doc-title').inputValue(), '豆干批號事件內部說明');
  await admin.getByTestId('doc-cancel').click();
  await admin.waitForURL(new RegExp(`/documents/${docId}$`));
});

step('a legal hold disables delete and says why; the API refuses too; released, delete works', async () => {
  await admin.getByTestId('hold-place').click();
  await admin.getByTestId('hold-reason').fill('預期訴訟，保存所有相關文件');
  await admin.getByTestId('hold-submit').click();
  await admin.getByTestId('hold-row').waitFor();
  await admin.getByTestId('hold-badge').first().waitFor();
  assert.ok(await admin.getByTestId('doc-delete').isDisabled());
  assert.match((await admin.getByTestId('doc-delete-held').textContent()) ?? '', /法律保全/);
  const current = await org.admin.get(`/api/documents/${docId}`);
  const refused = await org.admin.del(`/api/documents/${docId}?version=${current.body.version}`);
  assert.equal(refused.status, 409);
  assert.equal(refused.body.code, 'legal_hold');
  await shot(admin, 'held');
  await admin.getByTestId('hold-release').click();
  await admin.getByTestId('hold-reason').fill('訴訟風險解除');
  await admin.getByTestId('hold-submit').click();
  await admin.getByTestId('holds-none').waitFor();
  await admin.getByTestId('doc-delete').click();
  await admin.getByRole('dialog').getByRole('button', { name: '刪除' }).click();
  await admin.waitForURL(/\/documents$/);
  assert.equal((await org.admin.get(`/api/documents/${docId}`)).status, 404);
});

step('evidence captured from a URL: text hash, file hashes, custody, bundle download', async () => {
  await admin.goto(`${url}/documents`);
  await admin.getByTestId('capture-evidence').click();
  await admin.getByTestId('capture-url').fill(pageUrl);
  await admin.getByTestId('capture-title').fill('PTT 爆料貼文');
  await admin.getByTestId('capture-submit').click();
  await admin.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  evidenceId = admin.url().split('/').pop() as string;
  const d = (await org.admin.get(`/api/documents/${evidenceId}`)).body;
  assert.ok(d.evidence, 'an evidence document');
  assert.equal(createHash('sha256').update(d.evidence.capturedText, 'utf8').digest('hex'), d.evidence.textSha256);
  assert.doesNotMatch(d.evidence.capturedText, /<script|<p>|document\.title/);
  await admin.getByTestId('evidence-sha256').filter({ hasText: d.evidence.textSha256 }).waitFor();
  assert.match((await admin.getByTestId('evidence-source').textContent()) ?? '', new RegExp(pageUrl.replaceAll('.', '\\.')));
  assert.equal(await admin.getByTestId('evidence-source').locator('a').count(), 0, 'the source URL is not a live link');
  assert.match((await admin.getByTestId('evidence-captured-at').textContent()) ?? '', /\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC/);
  assert.match((await admin.getByTestId('evidence-text').textContent()) ?? '', /豆干吃了拉肚子 & 客服不理人/);
  // A screenshot upload: its hash shows in the evidence panel.
  const png = await sharp({ create: { width: 200, height: 400, channels: 3, background: { r: 240, g: 240, b: 240 } } })
    .png()
    .toBuffer();
  await admin.getByTestId('attachment-input').setInputFiles([{ name: 'screenshot.png', mimeType: 'image/png', buffer: png }]);
  await admin
    .getByTestId('evidence-file-hashes')
    .filter({ hasText: createHash('sha256').update(png).digest('hex') })
    .waitFor();
  await admin.locator('[data-testid="custody-row"][data-type="evidence.captured"]').waitFor();
  const download = admin.waitForEvent('download');
  await admin.getByTestId('evidence-export').click();
  const file = await download;
  assert.match(file.suggestedFilename(), /\.zip$/);
  const saved = path.join(resultsDir, 'documents-bundle.zip');
  await file.saveAs(saved);
  const entries = unzipSync(new Uint8Array(fs.readFileSync(saved)));
  const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']));
  assert.equal(manifest.items.length, 1);
  assert.equal(manifest.items[0].text.sha256, d.evidence.textSha256);
  // The export is itself on the custody.
  await admin.locator('[data-testid="custody-row"][data-type="evidence.exported"]').waitFor();
  await shot(admin, 'evidence-desktop');
});

step('evidence captured from a stored mention (the id prefilled from the address)', async () => {
  const token = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
  assert.equal(token.status, 201, JSON.stringify(token.body));
  const machine = createClient(url);
  machine.useToken(token.body.secret);
  const m = await machine.post('/api/mentions', {
    mentions: [
      {
        source: 'ptt',
        externalId: 'M.9',
        url: 'https://www.ptt.cc/bbs/Food/M.9.html',
        author: 'foodie',
        text: '中和廠豆干又出包，這次是包裝日期不對',
        publishedAt: '2026-11-30T12:00:00Z',
      },
    ],
  });
  assert.ok(m.status < 300, JSON.stringify(m.body));
  const mentionId = m.body.items[0].id as number;
  await admin.goto(`${url}/documents/evidence/new?mentionId=${mentionId}`);
  assert.equal(await admin.getByTestId('capture-mention').inputValue(), String(mentionId));
  await admin.getByTestId('capture-title').fill('PTT 包裝日期貼文');
  await admin.getByTestId('capture-submit').click();
  await admin.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  await admin.getByTestId('evidence-text').filter({ hasText: '包裝日期不對' }).waitFor();
  assert.match((await admin.getByTestId('evidence-source').textContent()) ?? '', /ptt\.cc\/bbs\/Food\/M\.9\.html/);
  await admin.locator('[data-testid="custody-row"][data-type="evidence.captured"]').waitFor();
});

step('a hold on the whole crisis from the list filtered by that crisis', async () => {
  await admin.goto(`${url}/documents?crisisId=${crisisId}`);
  await admin.getByTestId('holds-panel').waitFor();
  await admin.getByTestId('hold-place').click();
  await admin.getByTestId('hold-reason').fill('主管機關要求保存');
  await admin.getByTestId('hold-submit').click();
  await admin.locator('[data-testid="hold-row"][data-scope="crisis"]').waitFor();
  await shot(admin, 'list-desktop');
});

step('at 390 px: the list as cards and the evidence page fit the phone, in English too', async () => {
  const phone = await signIn(org.adminEmail, 390);
  await phone.goto(`${url}/documents`);
  await documentCard(phone, 'PTT 爆料貼文').waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, 'list-phone');
  // Someone else's new document appears without a reload (live document.* events refresh the list).
  const made = await org.admin.post('/api/documents', { kind: 'meeting_minutes', classification: 'internal', title: '危機小組會議紀錄' });
  assert.equal(made.status, 201, JSON.stringify(made.body));
  await documentCard(phone, '危機小組會議紀錄').waitFor();
  await phone.goto(`${url}/documents/${evidenceId}`);
  await phone.getByTestId('custody-table').waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, 'evidence-phone');
  await switchLanguage(phone, 'English');
  await phone.getByRole('heading', { name: 'Chain of custody' }).waitFor();
  await phone.getByRole('button', { name: 'Export evidence bundle' }).waitFor();
  assert.equal(await phone.getByTestId('classification-badge').first().textContent(), 'Confidential');
  await assertNoOverflow(phone, 390);
  await shot(phone, 'evidence-phone-en');
});

step('a member sees what they may open and no actions they may not take', async () => {
  const member = await org.userWithRole('member', '林小明');
  const page = await signIn(member.email, 1280);
  await page.goto(`${url}/documents`);
  await documentCard(page, '危機小組會議紀錄').click();
  await page.getByTestId('doc-heading').filter({ hasText: '危機小組會議紀錄' }).waitFor();
  for (const id of ['doc-edit', 'doc-delete', 'hold-place', 'attachment-drop', 'evidence-export'])
    assert.equal(await page.getByTestId(id).count(), 0, `${id} is not offered to a member who may not use it`);
  // Confidential evidence outside their crises is not listed for them.
  await page.goto(`${url}/documents`);
  await documentCard(page, '危機小組會議紀錄').waitFor();
  assert.equal(await documentCard(page, 'PTT 爆料貼文').count(), 0);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
