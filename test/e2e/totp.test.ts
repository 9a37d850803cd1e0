// Two-step verification in a real browser: an admin sets it up on /settings/security from the key shown as text
// (the QR code is drawn in the page as a data: image), keeps the recovery codes, signs out, and signs in again
// with the password and then a code (a wrong one first); on a 390 px phone with a recovery code instead. The
// policy card; a member turning it off with the password; a guest made to set it up at sign-in.
import assert from 'node:assert/strict';
import { hash as argon2id } from '@node-rs/argon2';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { totpCodeAt } from '../../src/features/people/server/totp.ts';
import { PASSWORD, setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots } from './harness.ts';

let browser: Browser;
let url: string;
let databaseUrl: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let desk: Page;
let secret = '';
let recoveryCodes: string[] = [];
const shot = screenshots('totp');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

/** A code for the next 30-second step: accepted (±1 step) and never the step the last code used. */
const nextCode = () => totpCodeAt(secret, new Date(Date.now() + 30_000));

/** Opens a fresh zh-TW page at `width` and gives the password; the page stops at the second step. */
async function passwordOnly(width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: width < 500 ? 800 : 860 }, locale: 'zh-TW' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (err) => pageErrors.push(String(err.stack ?? err)));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${url}/login`);
  await page.getByLabel('電子郵件').fill(org.adminEmail);
  await page.getByLabel(/^密碼/).fill(PASSWORD);
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('heading', { name: '輸入驗證碼' }).waitFor();
  return page;
}

step('set up: an organisation and its administrator, signed in', async () => {
  ({ url, databaseUrl } = await startTestServer());
  org = await setUpOrg(url, '好食光食品');
  browser = await launchBrowser();
  desk = await signIn(org.adminEmail, 1280);
});

step('the security page: off, with the grace period an admin has to set it up', async () => {
  await desk.goto(`${url}/settings/security`);
  await desk.getByRole('heading', { name: '兩步驟驗證' }).waitFor();
  assert.equal(await desk.getByTestId('totp-status').textContent(), '未啟用');
  await desk.getByText(/請在 .+ 前完成設定/).waitFor();
  await shot(desk, '01-off-1280');
});

step('setting it up: a QR code made in the page, the key as text, a first code, the recovery codes once', async () => {
  await desk.getByRole('button', { name: '開始設定' }).click();
  const qr = desk.getByRole('img', { name: '兩步驟驗證的 QR 碼' });
  await qr.waitFor();
  assert.match(String(await qr.getAttribute('src')), /^data:image\/svg\+xml/, 'drawn here, never fetched from a service');
  secret = String(await desk.getByTestId('totp-secret').textContent()).replace(/\s/g, '');
  assert.match(secret, /^[A-Z2-7]{32}$/);
  const code = desk.getByLabel(/^驗證碼/);
  assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
  assert.equal(await code.getAttribute('inputmode'), 'numeric');
  await shot(desk, '02-scan-1280');
  await code.fill(totpCodeAt(secret, new Date()));
  await desk.getByRole('button', { name: '確認並啟用' }).click();
  const codes = desk.getByTestId('recovery-codes');
  await codes.waitFor();
  recoveryCodes = (await codes.locator('pre, code').first().textContent())?.trim().split('\n') ?? [];
  assert.equal(recoveryCodes.length, 10);
  for (const c of recoveryCodes) assert.match(c, /^[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}$/);
  await shot(desk, '03-recovery-codes-1280');
  await desk.getByRole('button', { name: '我已保存備用碼' }).click();
  await desk.getByText('兩步驟驗證已啟用。').waitFor();
  assert.equal(await desk.getByTestId('totp-status').textContent(), '已啟用');
  await desk.getByText('組織要求你的角色使用兩步驟驗證，無法停用。').waitFor();
  await desk.getByRole('checkbox', { name: '系統管理員' }).waitFor();
  await shot(desk, '04-on-1280');
});

step('signing out, then in: the password, a wrong code refused, the right code lets them in', async () => {
  await desk.getByTestId('user-menu').click();
  await desk.getByRole('menuitem', { name: '登出' }).click();
  await desk.getByRole('heading', { name: '登入' }).waitFor();
  await desk.close();
  desk = await passwordOnly(1280);
  const code = desk.getByLabel(/^驗證碼/);
  assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
  const right = nextCode();
  await code.fill(right === '000000' ? '111111' : '000000');
  await desk.getByRole('button', { name: '驗證', exact: true }).click();
  await desk.getByRole('alert').getByText('驗證碼不正確或已過期').waitFor();
  await shot(desk, '05-wrong-code-1280');
  await code.fill(nextCode());
  await desk.getByRole('button', { name: '驗證', exact: true }).click();
  await desk.getByRole('heading', { name: /歡迎來到/ }).waitFor();
  await shot(desk, '06-signed-in-1280');
});

step('on a 390 px phone: the second step fits, and a recovery code works instead', async () => {
  const phone = await passwordOnly(390);
  await assertNoOverflow(phone, 390);
  await shot(phone, '07-step-390');
  await phone.getByRole('button', { name: '改用備用碼' }).click();
  await phone.getByLabel(/^備用碼/).fill(recoveryCodes[0]);
  await phone.getByRole('button', { name: '驗證', exact: true }).click();
  await phone.getByRole('heading', { name: /歡迎來到/ }).waitFor();
  await phone.goto(`${url}/settings/security`);
  await phone.getByText('剩餘 9 組備用碼。').waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '08-security-390');
});

step('the policy: an admin makes managers use it too, and back', async () => {
  // The test's own API session of the admin predates the set-up: it must give the second factor now too.
  assert.equal((await org.admin.get('/api/users')).body.code, 'second_factor_required');
  assert.equal((await org.admin.post('/api/session/second-factor', { code: recoveryCodes[1] })).status, 204);
  await desk.goto(`${url}/settings/security`);
  await desk.getByRole('checkbox', { name: '危機管理者' }).check();
  await desk.getByRole('button', { name: '儲存政策' }).click();
  await desk.getByText('組織政策已更新。').waitFor();
  assert.deepEqual((await org.admin.get('/api/org/security')).body.totpRequiredRoles, ['admin', 'guest', 'manager']);
  await desk.getByRole('checkbox', { name: '危機管理者' }).uncheck();
  await desk.getByRole('button', { name: '儲存政策' }).click();
  // The first notice may still show: wait for the server to have the change.
  for (let i = 0; i < 50 && (await org.admin.get('/api/org/security')).body.totpRequiredRoles.includes('manager'); i++) {
    await desk.waitForTimeout(100);
  }
  assert.deepEqual((await org.admin.get('/api/org/security')).body.totpRequiredRoles, ['admin', 'guest']);
});

step('a member may set it up and turn it off again with the password', async () => {
  const member = await org.userWithRole('member', '林小明');
  const page = await signIn(member.email, 390);
  await page.goto(`${url}/settings/security`);
  await page.getByRole('button', { name: '開始設定' }).click();
  const own = String(await page.getByTestId('totp-secret').textContent()).replace(/\s/g, '');
  await page.getByLabel(/^驗證碼/).fill(totpCodeAt(own, new Date()));
  await page.getByRole('button', { name: '確認並啟用' }).click();
  await page.getByRole('button', { name: '我已保存備用碼' }).click();
  await page.getByRole('button', { name: '停用兩步驟驗證' }).click();
  const dialog = page.getByRole('dialog', { name: '停用兩步驟驗證' });
  await dialog.getByLabel(/^密碼/).fill('not my password at all');
  await dialog.getByRole('button', { name: '停用' }).click();
  await dialog.getByText('目前密碼不正確。').waitFor();
  await dialog.getByLabel(/^密碼/).fill(PASSWORD);
  await dialog.getByRole('button', { name: '停用' }).click();
  await page.getByText('兩步驟驗證已停用。').waitFor();
  assert.equal(await page.getByTestId('totp-status').textContent(), '未啟用');
  await page.getByRole('button', { name: '開始設定' }).waitFor();
  await assertNoOverflow(page, 390);
});

step('a guest must set it up at sign-in before anything else', async () => {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const ext = await db.query(
    `INSERT INTO external_orgs (org_id, name, kind, nda_text, created_at, updated_at) VALUES ($1, '正義法律事務所', 'law_firm', 'NDA', now(), now()) RETURNING id`,
    [org.orgId],
  );
  const email = 'guest@lawfirm.example';
  const hash = await argon2id(PASSWORD, { memoryCost: 1024, timeCost: 1, parallelism: 1 });
  await db.query(
    `INSERT INTO users (org_id, email, name, role, external_org_id, status, password_hash) VALUES ($1, $2, '王律師', 'guest', $3, 'active', $4)`,
    [org.orgId, email, ext.rows[0].id, hash],
  );
  await db.end();
  const context = await browser.newContext({ viewport: { width: 390, height: 800 }, locale: 'zh-TW' });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${url}/login`);
  await page.getByLabel('電子郵件').fill(email);
  await page.getByLabel(/^密碼/).fill(PASSWORD);
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('heading', { name: '請先設定兩步驟驗證' }).waitFor();
  await shot(page, '09-guest-enrol-390');
  await page.getByRole('button', { name: '開始設定' }).click();
  const own = String(await page.getByTestId('totp-secret').textContent()).replace(/\s/g, '');
  await assertNoOverflow(page, 390);
  await page.getByLabel(/^驗證碼/).fill(totpCodeAt(own, new Date()));
  await page.getByRole('button', { name: '確認並啟用' }).click();
  await page.getByRole('button', { name: '我已保存備用碼' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/login'));
  const state = await page.evaluate(async () => (await (await fetch('/api/session')).json()).secondFactor.state);
  assert.equal(state, 'ok');
  await context.close();
});

step('no page errors and no dialogs', async () => {
  assert.deepEqual(pageErrors, []);
  assert.deepEqual(dialogs, []);
});
