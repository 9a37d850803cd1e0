// A law firm's guest, end to end in real browsers: an admin creates the firm with its NDA and invites a guest
// (the e-mail arrives on a loopback SMTP server; the guest opens its link in their own browser and sets a
// password), grants crisis X with legal-privileged access; the guest signs in, accepts the NDA, finds the
// privileged document of crisis X by a Chinese term (highlighted), finds nothing — and no count — for a term only
// a confidential document of crisis Y holds, opens the document and downloads its image (watermarked: not the
// original bytes); the admin revokes the grant and the guest's open page says at once that it is no longer
// available; the access report lists the guest's view and download.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { PASSWORD, setUpOrg } from '../helpers/client.ts';
import { bodyOf, startMailbox, waitFor } from '../helpers/mail.ts';
import { startTestServer } from '../helpers/server.ts';
import { totpNow } from '../helpers/totp.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots, signInPage, switchLanguage } from './harness.ts';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let admin: Page;
let guest: Page;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let png: Buffer;
const crisis = { x: '', y: '' };
const docX = { id: '', title: '和解協議草案（律師–客戶特權）' };
const GUEST_EMAIL = 'lin.counsel@lawfirm.example';
const NDA = '本保密協議約定：受託律師事務所及其人員對於委託人提供之一切危機資料，均負保密義務，不得洩漏予任何第三人。';

const shot = screenshots('guest');
const session = e2eSession({ browser: () => browser, url: () => url, shot });
const { step } = session;

/** Uploads raw bytes as an attachment of a document through the admin's session. */
async function upload(docId: string, name: string, bytes: Buffer) {
  const csrf = (await org.admin.get('/api/session')).body.csrfToken as string;
  const res = await fetch(`${url}/api/documents/${docId}/attachments?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: {
      cookie: org.admin.cookie,
      'x-csrf-token': csrf,
      'x-requested-with': 'firebreak',
      'content-type': 'application/octet-stream',
    },
    body: new Uint8Array(bytes),
  });
  assert.equal(res.status, 201, await res.text());
}

step('set up: a mailbox, a server sending to it, two crises and their documents (through the API)', async () => {
  mailbox = await startMailbox();
  url = (await startTestServer({ env: { FIREBREAK_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}` } })).url;
  org = await setUpOrg(url, '好食光食品');
  for (const [k, title] of [
    ['x', '中和廠豆干批號爭議'],
    ['y', '高雄門市員工爆料'],
  ] as const) {
    const c = await org.admin.post('/api/crises', { title, type: 'product_quality', severity: 'L2' });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    crisis[k] = c.body.id;
  }
  const x = await org.admin.post('/api/documents', {
    kind: 'legal_document',
    classification: 'legal_privileged',
    title: docX.title,
    body: '依律師建議，和解金額上限為新台幣三百萬元，並請求對方撤回豆干檢驗報告之不實陳述。',
    crisisId: crisis.x,
  });
  assert.equal(x.status, 201, JSON.stringify(x.body));
  docX.id = x.body.id;
  const y = await org.admin.post('/api/documents', {
    kind: 'internal_memo',
    classification: 'confidential',
    title: '門市內部調查',
    body: '員工提到的冷藏櫃溫控紀錄與鳳梨酥配方外流一事，需另案處理。',
    crisisId: crisis.y,
  });
  assert.equal(y.status, 201, JSON.stringify(y.body));
  png = await sharp({ create: { width: 240, height: 160, channels: 3, background: { r: 250, g: 240, b: 220 } } })
    .png()
    .toBuffer();
  await upload(docX.id, '檢驗報告.png', png);
  browser = await launchBrowser();
  admin = await session.signIn(org.adminEmail, 1280);
});

step('the admin creates a law firm with its NDA and invites a guest; the e-mail arrives with the link', async () => {
  await admin.goto(`${url}/settings/guests`);
  await admin.getByRole('tab', { name: '外部協力' }).waitFor();
  await admin.getByRole('button', { name: '新增外部單位' }).click();
  const dialog = admin.getByRole('dialog', { name: '新增外部單位' });
  await dialog.getByLabel(/^名稱/).fill('誠信聯合律師事務所');
  await dialog.getByLabel(/^保密協議內容/).fill(NDA);
  await dialog.getByLabel(/^保密協議簽署日/).fill('2026-11-30');
  await dialog.getByRole('button', { name: '建立' }).click();
  await admin.getByRole('heading', { name: '誠信聯合律師事務所' }).waitFor();
  await admin.getByText('律師事務所', { exact: true }).first().waitFor();
  await admin.getByRole('button', { name: '邀請訪客' }).click();
  const invite = admin.getByRole('dialog', { name: '邀請訪客' });
  await invite.getByLabel(/^電子郵件/).fill(GUEST_EMAIL);
  await invite.getByLabel(/^姓名/).fill('林律師');
  await invite.getByRole('button', { name: '邀請訪客' }).click();
  await admin.getByTestId('guest-invite').waitFor();
  const shown = await admin.getByTestId('invite-link').inputValue();
  const mail = await waitFor('the invitation e-mail', () => mailbox.mail.find((m) => m.to.includes(GUEST_EMAIL)));
  const link = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]+/.exec(bodyOf(mail.raw))?.[0];
  assert.ok(link, 'the e-mail carries the invitation link');
  assert.equal(new URL(link).pathname, new URL(shown).pathname, 'the e-mailed link is the one shown');
  await admin.getByTestId('guest-row').getByText('林律師').waitFor();
  await shot(admin, '01-org-invited');

  // The guest opens the e-mailed link in their own browser and sets a password.
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-TW' });
  guest = await context.newPage();
  guest.on('pageerror', (err) => session.pageErrors.push(String(err.stack ?? err)));
  guest.setDefaultTimeout(15_000);
  await guest.goto(`${url}${new URL(link).pathname}`);
  await guest.getByLabel(/^密碼/).fill(PASSWORD);
  await guest.getByRole('button', { name: '設定密碼並登入' }).click();
  await guest.waitForURL((u) => !u.pathname.startsWith('/invite/'));
});

step('the admin grants crisis X with legal-privileged access', async () => {
  await admin.getByRole('button', { name: '授予存取權' }).click();
  const dialog = admin.getByRole('dialog', { name: '授予存取權' });
  await dialog.getByRole('combobox', { name: '危機' }).click();
  await admin.getByRole('option', { name: /中和廠豆干批號爭議/ }).click();
  await dialog.getByRole('checkbox', { name: '律師–客戶特權' }).check();
  await dialog.getByRole('button', { name: '授予存取權' }).click();
  await admin.getByTestId('grant-row').getByTestId('grant-state').getByText('有效').waitFor();
  await shot(admin, '02-granted');
});

step('the guest signs in and sets up the second factor from the secret shown on the page', async () => {
  // A fresh sign-in (the invitation's session is dropped): password, then the set-up guests must do first.
  await guest.context().clearCookies();
  await guest.goto(`${url}/login`);
  await guest.getByLabel('電子郵件').fill(GUEST_EMAIL);
  await guest.getByLabel(/^密碼/).fill(PASSWORD);
  await guest.getByRole('button', { name: '登入' }).click();
  await guest.getByRole('button', { name: '開始設定' }).click();
  const secret = ((await guest.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
  assert.match(secret, /^[A-Z2-7]{16,}$/);
  await shot(guest, '03-totp-enrol');
  await guest.getByLabel(/^驗證碼/).fill(totpNow(secret));
  await guest.getByRole('button', { name: '確認並啟用' }).click();
  await guest.getByTestId('recovery-codes').waitFor();
  await guest.getByRole('button', { name: '我已保存備用碼' }).click();
});

step('the guest accepts the NDA (shown as text) and sees their organisation, grant and the document', async () => {
  await guest.getByRole('heading', { name: '保密協議' }).waitFor();
  // Anything read before accepting answers 403 nda_required, which brings the guest back here.
  await guest.getByRole('navigation').getByRole('link', { name: '文件' }).click();
  await guest.waitForURL(/\/guest\/nda$/);
  await guest.getByRole('heading', { name: '保密協議' }).waitFor();
  assert.equal((await guest.getByTestId('nda-text').textContent())?.trim(), NDA);
  await shot(guest, '04-nda');
  await guest.getByRole('button', { name: '我已閱讀並同意' }).click();
  await guest.getByTestId('guest-org').getByText('誠信聯合律師事務所', { exact: false }).waitFor();
  const grant = guest.getByTestId('guest-grant');
  await grant.getByText('中和廠豆干批號爭議', { exact: false }).waitFor();
  await grant.getByTestId('guest-document').getByText(docX.title).waitFor();
  // Guests see only what they can use: home, documents, search, settings.
  const nav = await guest.getByRole('navigation').getByRole('link').allTextContents();
  assert.deepEqual(
    nav.map((s) => s.trim()),
    ['首頁', '文件', '搜尋', '設定'],
  );
  await shot(guest, '05-guest-home');
});

step('the guest searches a Chinese term and finds the privileged document of crisis X, highlighted', async () => {
  await guest.keyboard.press('/');
  const box = guest.getByRole('combobox', { name: '搜尋全部' });
  await box.fill('和解金額');
  const option = guest.getByRole('option', { name: new RegExp(docX.title.slice(0, 6)) });
  await option.waitFor();
  assert.equal(await option.locator('mark').first().textContent(), '和解金額');
  await shot(guest, '06-search-dropdown', false);
  await box.press('ArrowDown');
  assert.equal(await option.getAttribute('aria-selected'), 'true');
  await box.press('Escape');
  assert.equal(await box.getAttribute('aria-expanded'), 'false');
});

step('a term only the confidential document of crisis Y holds finds nothing, and no count shows', async () => {
  const box = guest.getByRole('combobox', { name: '搜尋全部' });
  await box.blur();
  await guest.keyboard.press('Control+k');
  assert.ok(await box.evaluate((el) => el === document.activeElement), 'Ctrl+K focuses the search box');
  await box.fill('鳳梨酥配方');
  await guest.getByTestId('search-empty').waitFor();
  assert.equal(await guest.getByTestId('search-option').count(), 0);
  await box.press('Enter');
  await guest.waitForURL(/\/search\?/);
  await guest.getByRole('main').getByTestId('search-empty').waitFor();
  // The dropdown closes when the results page opens.
  await guest.getByRole('listbox').waitFor({ state: 'detached', timeout: 2_000 });
  assert.equal(await guest.getByTestId('search-total').count(), 0);
  const chips = await guest.locator('[data-testid^="facet-kind-"]').allTextContents();
  assert.equal(chips.length, 7);
  for (const chip of chips) assert.doesNotMatch(chip, /\d/, 'no count on any kind');
  await shot(guest, '07-search-nothing');
  // A query over the limit is refused with a clear, translated message.
  await guest.getByTestId('search-page-input').fill('豆'.repeat(501));
  await guest.getByRole('button', { name: '搜尋', exact: true }).click();
  await guest.getByRole('main').getByRole('alert').getByText('搜尋內容太長，請減少字詞。').waitFor();
});

step('the guest opens the document and downloads its image: watermarked, not the original bytes', async () => {
  const box = guest.getByRole('combobox', { name: '搜尋全部' });
  await box.fill('和解金額');
  await guest.getByRole('option', { name: new RegExp(docX.title.slice(0, 6)) }).waitFor();
  await box.press('ArrowDown');
  await box.press('Enter');
  await guest.waitForURL(new RegExp(`/documents/${docX.id}`));
  await guest.getByRole('heading', { name: docX.title }).waitFor();
  const [download] = await Promise.all([guest.waitForEvent('download'), guest.getByTestId('attachment-download').first().click()]);
  const saved = await download.path();
  const bytes = fs.readFileSync(saved);
  assert.ok(bytes.length > 0);
  assert.notDeepEqual(bytes, png, 'the guest gets a watermarked copy');
  assert.equal((await sharp(bytes).metadata()).width, 240, 'still the image, with its size');
  await shot(guest, '08-document');
});

step('the admin revokes the grant; the guest’s open document page says at once it is no longer available', async () => {
  const row = admin.getByTestId('grant-row');
  await row.getByRole('button', { name: '撤銷' }).click();
  await admin.getByRole('dialog').getByRole('button', { name: '撤銷' }).click();
  await row.getByTestId('grant-state').getByText('已撤銷').waitFor();
  await guest.getByTestId('access-removed').getByText('相關文件已無法開啟', { exact: false }).waitFor({ timeout: 5_000 });
  await guest.getByRole('heading', { name: docX.title }).waitFor({ state: 'detached', timeout: 5_000 });
  assert.match(guest.url(), new RegExp(`/documents/${docX.id}`), 'no reload, no navigation');
  await shot(guest, '09-access-removed');
});

step('the access report lists the guest’s view and download', async () => {
  await admin.reload();
  const report = admin.getByTestId('access-report');
  await report.waitFor();
  await report.getByRole('row').filter({ hasText: '檢視文件' }).filter({ hasText: docX.title }).first().waitFor();
  await report.getByRole('row').filter({ hasText: '下載檔案' }).first().waitFor();
  const [csv] = await Promise.all([admin.waitForEvent('download'), admin.getByTestId('access-csv').click()]);
  const text = fs.readFileSync(await csv.path(), 'utf8');
  assert.match(text, /document\.viewed/);
  assert.match(text, /document\.downloaded/);
  assert.match(text, /林律師/);
  await shot(admin, '10-access-report');

  // Staff see every kind they may open, with counts per kind.
  await admin.goto(`${url}/search?q=${encodeURIComponent('豆干')}`);
  await admin.getByTestId('search-hit').first().waitFor();
  assert.match((await admin.getByTestId('facet-kind-document').textContent()) ?? '', /文件 · 1/);
  assert.match((await admin.getByTestId('facet-kind-crisis').textContent()) ?? '', /危機 · 1/);
  await shot(admin, '10b-search-page');
});

step('on a 390 px phone the guest pages and the admin pages fit', async () => {
  const phone = await signInPage(browser, url, org.adminEmail, PASSWORD, { width: 390, dialogs: session.dialogs });
  await phone.goto(`${url}/settings/guests`);
  await phone.getByTestId('external-org').waitFor();
  await assertNoOverflow(phone, 390);
  await phone.getByTestId('external-org').click();
  await phone.getByRole('heading', { name: '誠信聯合律師事務所' }).waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '11-phone-org');
  await phone.getByTestId('search-open').click();
  await phone.getByRole('combobox', { name: '搜尋全部' }).fill('豆干');
  await phone.getByTestId('search-option').first().waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '12-phone-search', false);

  // The guest's own home on a phone, after the revocation: no grants, nothing to open; then in English.
  await guest.setViewportSize({ width: 390, height: 740 });
  await guest.goto(`${url}/`);
  await guest.getByTestId('guest-no-grants').waitFor();
  await assertNoOverflow(guest, 390);
  await shot(guest, '13-phone-guest-home');
  await switchLanguage(guest, 'English');
  await guest.getByRole('heading', { name: 'Crises you may access' }).waitFor();
  await guest.getByText('You are signed in as a guest of 誠信聯合律師事務所.').waitFor();
  await shot(guest, '14-phone-guest-home-en');
});

step('no dialogs and no page errors', async () => {
  assert.deepEqual(session.dialogs, []);
  assert.deepEqual(session.pageErrors, []);
  await mailbox.close();
});
