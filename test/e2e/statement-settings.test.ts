// Statement settings in a real browser: an admin opens 聲明設定 from the statements list, copies the shipped
// holding statement, renames it, ties it to a crisis type, adds a Chinese fill-in field, sees the checker warn
// about 「保證絕不再發生」 before saving, rewords it, saves and records legal sign-off; a later edit of the text
// warns that it voids the sign-off and, saved, shows that the sign-off no longer covers it. The admin then edits
// the L2 external approval chain (adds, moves and removes a step with the buttons, names a backup for legal
// counsel), saves, reloads and sees it; a chain someone else saves meanwhile shows the reload notice. A member sees
// no settings link and gets the not-allowed page. A 390 px phone shows every screen without overflow; English too.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { webDist } from '../../src/platform/web-assets.ts';
import { setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots, switchLanguage } from './harness.ts';

const PROMISE = '我們保證絕不再發生這樣的事。';
const REWORDED = '我們將在三天內公布改善措施與進度。';
const STORE_LINE = '門市：{{門市名稱}}';
const NAME = '食安初步聲明（法務預核）';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let admin: Page;
let templateId = '';
let backup: { id: string; email: string };
let member: { id: string; email: string };
const shot = screenshots('statement-settings');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

async function choose(page: Page, input: Locator, option: string) {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The organisation template as the API returns it. */
async function template(id: string) {
  const r = await org.admin.get('/api/statement-templates');
  assert.equal(r.status, 200);
  return r.body.templates.find((x: { id: string }) => x.id === id);
}

/** The roles of the step editors, in order. */
const stepRoles = (page: Page) => page.getByTestId('chain-step-editor').evaluateAll((els) => els.map((e) => e.getAttribute('data-role')));

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const started = await startTestServer();
  url = started.url;
  org = await setUpOrg(url, '好食光食品');
  backup = await org.userWithRole('manager', '備援 鄭法務');
  member = await org.userWithRole('member', '組員 吳');
  browser = await launchBrowser();
});

step('the admin copies a shipped template; the checker warns about 「保證絕不再發生」 before it is saved', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await admin.getByRole('navigation').getByRole('link', { name: '聲明' }).click();
  await admin.getByTestId('statement-settings').click();
  await admin.getByRole('heading', { name: '聲明設定' }).waitFor();
  await admin.getByTestId('templates-own-empty').waitFor();
  const shipped = admin.getByTestId('templates-shipped');
  assert.equal(await shipped.getByTestId('template-card').count(), 16);
  // Filtering by kind and language leaves the one shipped holding statement in Chinese.
  await choose(admin, admin.getByTestId('template-filter-kind'), '初步聲明');
  await choose(admin, admin.getByTestId('template-filter-language'), '繁體中文');
  await shipped.locator('[data-testid="template-card"]').first().waitFor();
  assert.equal(await shipped.getByTestId('template-card').count(), 1);
  await shot(admin, 'templates');

  const card = shipped.locator('[data-template-id="builtin:holding:zh-TW"]');
  await card.getByTestId('template-copy').click();
  const editor = admin.getByTestId('template-editor');
  await editor.waitFor();
  assert.equal(await editor.getByTestId('template-name').inputValue(), '初步聲明（複本）');
  await editor.getByTestId('template-checker-clean').waitFor();
  await editor.getByTestId('template-fields').getByText('{{company}}', { exact: true }).waitFor();
  await editor.getByTestId('template-preview').getByText('【company】').first().waitFor();

  await editor.getByTestId('template-name').fill(NAME);
  await choose(admin, editor.getByTestId('template-crisis-type'), '產品品質／食安');
  const body = editor.getByTestId('template-body');
  const original = await body.inputValue();
  await body.fill(`${original}\n${PROMISE}\n${STORE_LINE}`);
  const finding = editor.locator('[data-testid="template-finding"][data-category="absolute_promise"]');
  await finding.first().waitFor();
  await finding.first().getByText('絕對化承諾').waitFor();
  await editor.getByTestId('template-checker-warning').waitFor();
  assert.ok(Number(await editor.getByTestId('template-save').getAttribute('data-findings')) >= 1);
  // The Chinese field is recognised and shows as 【門市名稱】 when unfilled.
  await editor.getByTestId('template-fields').getByText('{{門市名稱}}', { exact: true }).waitFor();
  await editor.getByTestId('template-preview').getByText('【門市名稱】').waitFor();
  await shot(admin, 'editor-warning');
  // Saving as it is asks first.
  await editor.getByTestId('template-save').click();
  const ask = admin.getByRole('dialog');
  await ask.getByText(/範本仍有 \d+ 項風險用語/).waitFor();
  await ask.getByRole('button', { name: '取消' }).click();
  await ask.waitFor({ state: 'hidden' });
  assert.equal((await org.admin.get('/api/statement-templates')).body.templates.filter((x: { builtin: boolean }) => !x.builtin).length, 0);

  await body.fill(`${original}\n${REWORDED}\n${STORE_LINE}`);
  await editor.getByTestId('template-checker-clean').waitFor();
  assert.equal(await finding.count(), 0);
  await editor.getByTestId('template-save').click();
  await admin.getByText(`已建立範本「${NAME}」。`).waitFor();
  await admin.waitForURL(/\/statements\/settings\/templates\/[0-9a-f-]{36}$/);
  templateId = decodeURIComponent(admin.url().split('/').at(-1) ?? '');
  const saved = await template(templateId);
  assert.equal(saved.name, NAME);
  assert.equal(saved.kind, 'holding');
  assert.equal(saved.crisisType, 'product_quality');
  assert.ok(saved.body.includes(REWORDED) && !saved.body.includes('保證'));
  assert.ok(saved.fields.includes('門市名稱'));
  assert.equal(saved.legalSignedAt, null);
});

step('the admin records legal sign-off; changing the text warns, and saved, the sign-off no longer covers it', async () => {
  const editor = admin.getByTestId('template-editor');
  await editor.locator('[data-testid="legal-status"][data-signed="false"]').getByText('尚未經法務核可').waitFor();
  await editor.getByTestId('template-sign').click();
  await admin.getByRole('dialog').getByRole('button', { name: '記錄法務核可' }).click();
  await admin.getByText('已記錄法務核可。').waitFor();
  await editor
    .locator('[data-testid="legal-status"][data-signed="true"]')
    .getByText(/法務核可：/)
    .waitFor();
  await editor
    .getByTestId('template-legal')
    .getByText(/由 .+ 記錄/)
    .waitFor();
  const signed = await template(templateId);
  assert.ok(signed.legalSignedAt, 'signed off');
  await shot(admin, 'signed');

  // The list shows the sign-off on the card.
  await admin.getByRole('link', { name: '聲明設定' }).click();
  const own = admin.getByTestId('templates-own');
  await own.locator(`[data-template-id="${templateId}"] [data-testid="legal-status"][data-signed="true"]`).waitFor();
  await own.locator(`[data-template-id="${templateId}"]`).getByTestId('template-open').click();

  const body = editor.getByTestId('template-body');
  await body.fill(`${await body.inputValue()}\n如需協助，請洽各門市。`);
  await editor.getByTestId('template-signoff-will-clear').waitFor();
  assert.equal(await editor.getByTestId('template-sign').isDisabled(), true, 'sign-off waits for the saved text');
  await editor.getByTestId('template-save').click();
  await admin.getByText(`已儲存範本「${NAME}」。`).waitFor();
  await editor.locator('[data-testid="legal-status"][data-signed="false"]').waitFor();
  await editor.getByTestId('template-signoff-voided').waitFor();
  const changed = await template(templateId);
  assert.equal(changed.legalSignedAt, null);
  assert.ok(changed.body.endsWith('如需協助，請洽各門市。'));
  await shot(admin, 'voided');

  // Signed again, the notice goes.
  await editor.getByTestId('template-sign').click();
  await admin.getByRole('dialog').getByRole('button', { name: '記錄法務核可' }).click();
  await editor.locator('[data-testid="legal-status"][data-signed="true"]').waitFor();
  assert.equal(await editor.getByTestId('template-signoff-voided').count(), 0);
  assert.ok((await template(templateId)).legalSignedAt);
});

step('the admin edits the L2 external chain with the buttons, names a backup, saves and sees it after a reload', async () => {
  await admin.goto(`${url}/statements/settings`);
  await admin.getByTestId('statement-settings-tab-chains').click();
  const cell = admin.getByTestId('chain-L2-external');
  await cell.waitFor();
  assert.equal(await cell.getAttribute('data-custom'), 'false');
  assert.deepEqual(await cell.getByTestId('chain-step').evaluateAll((els) => els.map((e) => e.getAttribute('data-role'))), [
    'pr_lead',
    'legal_counsel',
  ]);
  await shot(admin, 'chains');
  await cell.getByTestId('chain-edit').click();
  const editor = admin.getByTestId('chain-editor');
  await editor.waitFor();
  await editor.getByTestId('chain-state').getByText('系統預設').waitFor();

  // Add a step (the first role not yet in the chain), move it up, then remove it again.
  await editor.getByTestId('chain-add-step').click();
  assert.deepEqual(await stepRoles(admin), ['pr_lead', 'legal_counsel', 'commander']);
  await editor.getByRole('button', { name: '第 3 關往前移' }).click();
  assert.deepEqual(await stepRoles(admin), ['pr_lead', 'commander', 'legal_counsel']);
  assert.equal(await editor.getByRole('button', { name: '第 1 關往前移' }).isDisabled(), true);
  await editor.getByRole('button', { name: '移除第 2 關' }).click();
  assert.deepEqual(await stepRoles(admin), ['pr_lead', 'legal_counsel']);

  // A backup for legal counsel, chosen from the people the API accepts (the member is one, the reporter would not be).
  const legal = editor.locator('[data-testid="chain-step-editor"][data-role="legal_counsel"]');
  await choose(admin, legal.getByTestId('chain-step-backups'), '備援 鄭法務');
  await admin.keyboard.press('Escape');
  await shot(admin, 'chain-editor');
  await editor.getByTestId('chain-save').click();
  await admin.getByText('已儲存 L2 對外聲明審核流程。').waitFor();
  await editor.getByTestId('chain-state').getByText('已自訂（第 1 版）').waitFor();

  const r = await org.admin.get('/api/statement-chains');
  const saved = r.body.chains.find((c: { severity: string; kindGroup: string }) => c.severity === 'L2' && c.kindGroup === 'external');
  assert.equal(saved.custom, true);
  assert.deepEqual(
    saved.steps.map((s: { role: string; backups: { id: string }[] }) => [s.role, s.backups.map((b) => b.id)]),
    [
      ['pr_lead', []],
      ['legal_counsel', [backup.id]],
    ],
  );

  await admin.reload();
  await editor.getByTestId('chain-state').getByText('已自訂（第 1 版）').waitFor();
  await editor.getByTestId('chain-steps').getByText('代理：備援 鄭法務').waitFor();
  assert.deepEqual(await stepRoles(admin), ['pr_lead', 'legal_counsel']);
  await admin.getByRole('link', { name: '聲明設定' }).click();
  const after = admin.getByTestId('chain-L2-external');
  await after.waitFor();
  assert.equal(await after.getAttribute('data-custom'), 'true');
  await after.getByText('代理：備援 鄭法務').waitFor();
  await shot(admin, 'chains-saved');
});

step('a chain someone else saves while it is open shows the reload notice; reloading shows theirs', async () => {
  await admin.goto(`${url}/statements/settings/chains/L1/internal`);
  const editor = admin.getByTestId('chain-editor');
  await editor.getByTestId('chain-state').getByText('系統預設').waitFor();
  await editor.getByTestId('chain-add-step').click();
  const theirs = await org.admin.request('PUT', '/api/statement-chains/L1/internal', {
    steps: [
      { role: 'pr_lead', backups: [] },
      { role: 'executive_sponsor', backups: [] },
    ],
    version: 0,
  });
  assert.equal(theirs.status, 200, JSON.stringify(theirs.body));
  // Live updates bring the notice; saving anyway would also get the API's 409.
  await editor.getByTestId('chain-conflict').waitFor();
  assert.equal(await editor.getByTestId('chain-save').isDisabled(), true);
  await editor.getByRole('button', { name: '重新載入' }).click();
  await editor.getByTestId('chain-state').getByText('已自訂（第 1 版）').waitFor();
  assert.deepEqual(await stepRoles(admin), ['pr_lead', 'executive_sponsor']);
  assert.equal(await editor.getByTestId('chain-conflict').count(), 0);
  // Back to the shipped chain: the organisation's row goes, the default shows at once.
  await editor.getByTestId('chain-use-default').click();
  await editor.getByTestId('chain-state').getByText('系統預設').waitFor();
  assert.deepEqual(await stepRoles(admin), ['pr_lead']);
  assert.equal(await editor.getByTestId('chain-use-default').count(), 0, 'nothing to reset on a default chain');
  const after = await org.admin.get('/api/statement-chains');
  const l1 = after.body.chains.find((c: { severity: string; kindGroup: string }) => c.severity === 'L1' && c.kindGroup === 'internal');
  assert.deepEqual([l1.custom, l1.version], [false, 0]);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

step('a template someone else changes while it is open shows the reload notice; reloading shows theirs', async () => {
  await admin.goto(`${url}/statements/settings/templates/${encodeURIComponent(templateId)}`);
  const editor = admin.getByTestId('template-editor');
  await editor.waitFor();
  await editor.getByTestId('template-name').fill('我改的名字');
  const current = await template(templateId);
  const theirs = await org.admin.request('PATCH', `/api/statement-templates/${templateId}`, {
    name: '別人改的名字',
    version: current.version,
  });
  assert.equal(theirs.status, 200, JSON.stringify(theirs.body));
  await editor.getByTestId('template-conflict').waitFor();
  assert.equal(await editor.getByTestId('template-save').isDisabled(), true);
  await editor.getByRole('button', { name: '重新載入' }).click();
  await admin.getByRole('heading', { name: '別人改的名字' }).waitFor();
  assert.equal(await editor.getByTestId('template-name').inputValue(), '別人改的名字');
  assert.equal(await editor.getByTestId('template-conflict').count(), 0);
  // Only the name changed: legal's sign-off of the text still stands.
  await editor.locator('[data-testid="legal-status"][data-signed="true"]').waitFor();
});

step('a member sees no settings link and gets the not-allowed page', async () => {
  const page = await signIn(member.email, 1280);
  await page.goto(`${url}/statements`);
  await page.getByRole('heading', { name: '聲明稿' }).waitFor();
  await page.getByTestId('statements-tab-awaiting').waitFor();
  assert.equal(await page.getByTestId('statement-settings').count(), 0);
  await page.goto(`${url}/statements/settings`);
  await page.getByRole('alert').getByText('你沒有執行此操作的權限。').waitFor();
  assert.equal(await page.getByTestId('chains-matrix').count(), 0);
  await page.goto(`${url}/statements/settings/chains/L2/external`);
  await page.getByRole('alert').getByText('你沒有執行此操作的權限。').waitFor();
  assert.equal(await page.getByTestId('chain-editor').count(), 0);
  await shot(page, 'member-forbidden');
});

step('on a 390 px phone every screen fits; English is complete', async () => {
  const phone = await signIn(org.adminEmail, 390);
  const fits = async (name: string) => {
    await assertNoOverflow(phone, 390);
    await shot(phone, name);
  };
  await phone.goto(`${url}/statements`);
  await phone.getByTestId('statement-settings').waitFor();
  await fits('phone-list');
  await phone.goto(`${url}/statements/settings`);
  await phone.getByTestId('templates-own').waitFor();
  await fits('phone-templates');
  await phone.goto(`${url}/statements/settings/templates/${encodeURIComponent(templateId)}`);
  await phone.getByTestId('template-editor').waitFor();
  await fits('phone-template');
  await phone.goto(`${url}/statements/settings/templates/${encodeURIComponent('builtin:apology:zh-TW')}`);
  await phone.getByTestId('template-shipped').waitFor();
  await fits('phone-shipped');
  await phone.goto(`${url}/statements/settings?tab=chains`);
  await phone.getByTestId('chains-matrix').waitFor();
  await fits('phone-chains');
  await phone.goto(`${url}/statements/settings/chains/L2/external`);
  await phone.getByTestId('chain-editor').waitFor();
  await fits('phone-chain');

  await switchLanguage(phone, 'English');
  await phone.getByRole('heading', { name: 'L2 Severe · External statements: approval chain' }).waitFor();
  await phone.getByTestId('chain-steps').getByText('Backups: 備援 鄭法務').waitFor();
  await fits('phone-chain-en');
  await phone.goto(`${url}/statements/settings`);
  await phone.getByRole('heading', { name: 'Statement settings' }).waitFor();
  await phone.getByRole('heading', { name: 'Organisation templates' }).waitFor();
  await phone
    .locator('[data-testid="legal-status"][data-signed="true"]')
    .getByText(/Legal signed off:/)
    .waitFor();
  await fits('phone-templates-en');
  await switchLanguage(phone, '繁體中文');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

step('the admin archives the template; it is no longer listed or offered', async () => {
  await admin.goto(`${url}/statements/settings/templates/${encodeURIComponent(templateId)}`);
  const editor = admin.getByTestId('template-editor');
  await editor.getByTestId('template-archive').click();
  await admin.getByRole('dialog').getByRole('button', { name: '封存範本' }).click();
  await admin.getByText('已封存範本「別人改的名字」。').waitFor();
  await admin.getByTestId('templates-own-empty').waitFor();
  assert.equal(await template(templateId), undefined);
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
