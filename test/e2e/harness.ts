// Browser-test harness: a real server on an empty database serving the built web app, and Debian's Chromium.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { type Browser, chromium, type Page } from 'playwright-core';
import { HEADLESS_CHROMIUM_ARGS } from '../../src/platform/chromium.ts';
import { webDist } from '../../src/platform/web-assets.ts';
import { PASSWORD } from '../helpers/client.ts';
import { onCleanup } from '../helpers/db.ts';
import { startTestServer } from '../helpers/server.ts';

/** Where screenshots go. */
export const resultsDir = path.resolve('test-results');

/** Starts a server on a fresh, empty database (setup page first), or uses FIREBREAK_E2E_URL. */
export async function startE2EServer(): Promise<{ url: string }> {
  if (process.env.FIREBREAK_E2E_URL) return { url: process.env.FIREBREAK_E2E_URL };
  if (!fs.existsSync(path.join(webDist, 'index.html'))) throw new Error('Build the web app first: npm run build');
  const { url } = await startTestServer();
  return { url };
}

/** Launches headless Chromium with the flags this machine needs; closed after the file's tests. */
export async function launchBrowser(): Promise<Browser> {
  fs.mkdirSync(resultsDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: HEADLESS_CHROMIUM_ARGS,
  });
  onCleanup(() => browser.close());
  return browser;
}

/** How a signed-in page is opened: viewport width (phone below 500 px), colour scheme, step timeout. */
export type SignInOptions = { width: number; height?: number; colorScheme?: 'light' | 'dark'; stepMs?: number; dialogs?: string[] };

/**
 * A new zh-TW browser context signed in as `email`, on the home page. Dialogs (alert/confirm — a sign of
 * injected script) are dismissed and recorded in `dialogs` for the test to assert empty.
 */
export async function signInPage(browser: Browser, url: string, email: string, password: string, opts: SignInOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: opts.width, height: opts.height ?? (opts.width < 500 ? 740 : 860) },
    locale: 'zh-TW',
    ...(opts.colorScheme ? { colorScheme: opts.colorScheme } : {}),
  });
  const page = await context.newPage();
  page.setDefaultTimeout(opts.stepMs ?? 15_000);
  page.on('dialog', (d) => {
    opts.dialogs?.push(d.message());
    void d.dismiss();
  });
  await page.goto(`${url}/login`);
  await page.getByLabel('電子郵件').fill(email);
  await page.getByLabel(/^密碼/).fill(password);
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('heading', { name: /歡迎來到/ }).waitFor();
  return page;
}

/** Asserts the page does not scroll sideways at `width` px (the layout fits a phone). */
export async function assertNoOverflow(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scrollWidth <= width, `no horizontal overflow at ${width} px (scrollWidth ${scrollWidth})`);
}

/** A screenshot function for one test file: `test-results/<prefix>-<name>.png`, after the UI settles. */
export function screenshots(prefix: string) {
  return async (page: Page, name: string, fullPage = true) => {
    await page.waitForTimeout(400);
    await page.screenshot({ path: path.join(resultsDir, `${prefix}-${name}.png`), fullPage });
  };
}

/** `test()` that saves a screenshot of `page()` (when there is one) if the step fails. */
export function failureShots(page: () => Page | undefined, shot: (page: Page, name: string) => Promise<void>) {
  return (name: string, fn: () => Promise<void>) =>
    test(name, async () => {
      try {
        await fn();
      } catch (err) {
        const p = page();
        if (p) await shot(p, 'failed').catch(() => {});
        throw err;
      }
    });
}

/** What an e2e session needs; `browser` and `url` are read lazily (they are usually set in `before()`). */
export type E2ESessionOptions = {
  browser: () => Browser;
  url: () => string;
  shot: (page: Page, name: string) => Promise<void>;
  stepMs?: number;
};

/**
 * One test file's browser pages: `signIn` opens a signed-in page (factory password) that records dialogs and
 * uncaught page errors; `step` is a `test()` that, when it fails, screenshots every page opened so far
 * (`failed-<n>`) and prints the page errors. The test asserts `dialogs` and `pageErrors` empty.
 */
export function e2eSession(opts: E2ESessionOptions) {
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const openPages: Page[] = [];
  const signIn = async (email: string, width: number, height?: number): Promise<Page> => {
    const page = await signInPage(opts.browser(), opts.url(), email, PASSWORD, { width, height, stepMs: opts.stepMs, dialogs });
    page.on('pageerror', (err) => pageErrors.push(String(err.stack ?? err)));
    openPages.push(page);
    return page;
  };
  const step = (name: string, fn: () => Promise<void>) => {
    test(name, async () => {
      try {
        await fn();
      } catch (err) {
        for (const [i, p] of openPages.entries()) await opts.shot(p, `failed-${i}`).catch(() => {});
        if (pageErrors.length) console.error(pageErrors.join('\n'));
        throw err;
      }
    });
  };
  return { signIn, step, dialogs, pageErrors };
}

/** Switches the signed-in page's language from the user menu ('English', '繁體中文'). */
export async function switchLanguage(page: Page, language: string) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: language }).click();
}
