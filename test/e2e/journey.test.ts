// The main journey in a real browser: first-run setup, language switch, inviting a user, a live update
// seen by a second signed-in browser, and sign-out. Runs against an empty database.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, resultsDir, startE2EServer } from './harness.ts';

const STEP_MS = 15_000;
const admin = { org: '好食光食品股份有限公司', name: '王小明', email: 'admin@e2e.test', password: 'correct horse battery staple' };
const member = { name: '林美華', email: 'lin@e2e.test' };

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-TW' });
  const page = await context.newPage();
  page.setDefaultTimeout(STEP_MS);
  page.setDefaultNavigationTimeout(STEP_MS);
  openPages.add(page);
  page.on('close', () => openPages.delete(page));
  return { context, page };
}

// Screenshots wait out Mantine's open/close transitions (~200 ms) so they show the settled page.
const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(resultsDir, `journey-${name}.png`), fullPage: true });
};

const openPages = new Set<Page>();

/** Runs one step; on failure saves a screenshot of every open page and names the step in the error. */
async function step(name: string, fn: () => Promise<void>) {
  try {
    await fn();
  } catch (err) {
    let i = 0;
    for (const p of openPages) await shot(p, `failed-${name}-${i++}`).catch(() => {});
    throw new Error(`step "${name}" failed: ${(err as Error).message}`, { cause: err });
  }
}

async function openUserMenu(page: Page, label: string) {
  await page.getByRole('button', { name: label }).click();
}

test('journey: set up, switch language, invite, live update, sign out', async () => {
  const { url } = await startE2EServer();
  const browser = await launchBrowser();
  const { page } = await newPage(browser);

  const row = (p: Page) => p.locator(`tr[data-testid="user-row"][data-email="${member.email}"]`);
  let inviteUrl = '';
  let second: { context: BrowserContext; page: Page } | undefined;
  const watcher = () => (second as { page: Page }).page;

  // First run: the empty database sends everyone to setup, in Traditional Chinese.
  await step('setup', async () => {
    await page.goto(url);
    await page.getByRole('heading', { name: '建立你的 Firebreak' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant-TW');
    await page.getByLabel('組織名稱').fill(admin.org);
    await page.getByLabel('姓名').fill(admin.name);
    await page.getByLabel('電子郵件').fill(admin.email);
    await page.getByLabel(/^密碼/).fill(admin.password);
    await shot(page, '01-setup');
    await page.getByRole('button', { name: '建立組織' }).click();
  });

  // Lands in the shell, signed in, with live updates connected.
  await step('shell', async () => {
    await page.getByRole('heading', { name: `歡迎來到 ${admin.org}` }).waitFor();
    await page.getByTestId('home-role').getByText('系統管理員').waitFor();
    await page.locator('[data-live-status="open"]').waitFor();
    await shot(page, '02-home-zh');
  });

  // Switch to English and back: the visible text follows at once.
  await step('language', async () => {
    await openUserMenu(page, '使用者選單');
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: `Welcome to ${admin.org}` }).waitFor();
    await page.getByRole('link', { name: 'Monitoring', exact: true }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await shot(page, '03-home-en');
    await openUserMenu(page, 'User menu');
    await page.getByRole('menuitem', { name: '繁體中文' }).click();
    await page.getByRole('heading', { name: `歡迎來到 ${admin.org}` }).waitFor();
    await page.getByRole('link', { name: '監測', exact: true }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'zh-Hant-TW');
  });

  // Settings → Users: add a member and see the invite link once.
  await step('invite', async () => {
    await page.getByRole('link', { name: '設定', exact: true }).click();
    await page.getByRole('tab', { name: '使用者' }).click();
    await page.getByRole('button', { name: '新增使用者' }).click();
    const dialog = page.getByRole('dialog', { name: '新增使用者' });
    await dialog.getByLabel('電子郵件').fill(member.email);
    await dialog.getByLabel('姓名').fill(member.name);
    await dialog.getByRole('button', { name: '建立' }).click();
    const link = page.getByTestId('invite-link');
    await link.waitFor();
    inviteUrl = await link.inputValue();
    assert.match(inviteUrl, /\/invite\/[A-Za-z0-9_-]{20,}/);
    await shot(page, '04-invite-link');
    await page.getByRole('dialog', { name: '邀請連結' }).getByRole('button', { name: '關閉' }).click();
    await row(page).locator('[data-status="invited"]').waitFor();
  });

  // A second browser, signed in as the same admin, watches the users list.
  await step('second-browser', async () => {
    second = await newPage(browser);
    const watcher = second.page;
    await watcher.goto(`${url}/login`);
    await watcher.getByLabel('電子郵件').fill(admin.email);
    await watcher.getByLabel(/^密碼/).fill(admin.password);
    await watcher.getByRole('button', { name: '登入' }).click();
    await watcher.getByRole('heading', { name: `歡迎來到 ${admin.org}` }).waitFor();
    await watcher.goto(`${url}/settings/users`);
    await row(watcher).locator('[data-status="invited"]').waitFor();
    await watcher.locator('[data-live-status="open"]').waitFor();
    await watcher.evaluate(() => {
      (window as unknown as { notReloaded: boolean }).notReloaded = true;
    });
  });

  // The first browser deactivates the new user…
  await step('deactivate', async () => {
    await page.getByRole('button', { name: `${member.name} 的操作` }).click();
    await page.getByRole('menuitem', { name: '停用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '停用' }).click();
    await row(page).locator('[data-status="deactivated"]').waitFor();
  });

  // …and the second sees it without reloading.
  await step('live-update', async () => {
    await row(watcher()).locator('[data-status="deactivated"]').waitFor();
    assert.equal(await watcher().evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded), true);
    await shot(page, '05-deactivated');
    await shot(watcher(), '06-live-update');
    await second?.context.close();
  });

  // Sign out: back to the sign-in page.
  await step('sign-out', async () => {
    await openUserMenu(page, '使用者選單');
    await page.getByRole('menuitem', { name: '登出' }).click();
    await page.getByRole('heading', { name: '登入', exact: true }).waitFor();
    assert.match(page.url(), /\/login/);
    await page.locator('[data-live-status]').waitFor({ state: 'detached' });
    await shot(page, '07-signed-out');
  });
});
