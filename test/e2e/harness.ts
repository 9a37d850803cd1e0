// Browser-test harness: a real server on an empty database serving the built web app, and Debian's Chromium.
import fs from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { webDist } from '../../src/platform/web-assets.ts';
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
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  onCleanup(() => browser.close());
  return browser;
}
