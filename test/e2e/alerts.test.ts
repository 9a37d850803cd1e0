// Early warning in a real browser: the inbox (risk, suggested severity, what moved, counts per state, the
// navigation badge), an alert's detail (plain-language summary, bands, drivers — hostile mention text stays
// text), acknowledging it live in a second browser, dismissing with a required reason, the grading settings,
// topic sensitivity and the opt-in desktop notification; in zh-TW at 1280 px and on a 390 px phone.
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { systemClock } from '../../src/platform/clock.ts';
import { recordEvent } from '../../src/platform/events.ts';
import { webDist } from '../../src/platform/web-assets.ts';
import { createClient, PASSWORD, setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, launchBrowser, resultsDir, signInPage } from './harness.ts';

const STEP_MS = 15_000;
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
const story = '鼎泰豐信義店的小籠包裡面吃到蟑螂，店員態度還很差，說是我們自己帶進去的。大家千萬不要去！已經報衛生局了。';
const hostileText = '<img src=x onerror=alert(1)>鼎泰豐 食安問題 <script>window.__xss=1</script>';
const hostileAuthor = '<b onmouseover=alert(2)>駭客</b>';

let browser: Browser;
let url: string;
let server: Awaited<ReturnType<typeof startTestServer>>['server'];
let org: Awaited<ReturnType<typeof setUpOrg>>;
let member: { email: string };
const topicIds: Record<string, string> = {};
const alertIds: Record<string, string> = {};
let mentionIds: number[] = [];
const dialogs: string[] = [];
const openPages: Page[] = [];

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  await page.screenshot({ path: path.join(resultsDir, `alerts-${name}.png`), fullPage: true });
};

async function signIn(email: string, width: number, colorScheme?: 'light' | 'dark'): Promise<Page> {
  const page = await signInPage(browser, url, email, PASSWORD, { width, stepMs: STEP_MS, dialogs, colorScheme });
  openPages.push(page);
  return page;
}

const noXss = async (page: Page) => {
  assert.equal(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.equal(await page.locator('img[src="x"], b[onmouseover]').count(), 0);
  assert.equal(await page.locator('script', { hasText: '__xss' }).count(), 0);
  assert.deepEqual(dialogs, []);
};

/** A test that saves a screenshot of every open page when it fails. */
function step(name: string, fn: () => Promise<void>) {
  test(name, async () => {
    try {
      await fn();
    } catch (err) {
      for (const [i, p] of openPages.entries()) await shot(p, `failed-${i}`).catch(() => {});
      throw err;
    }
  });
}

type Seed = {
  key: string;
  topic: string;
  status: 'open' | 'acknowledged' | 'dismissed';
  risk: number;
  severity: 'L1' | 'L2' | 'L3' | 'L4';
  signals: object[];
  drivers: object;
  openedMinutesAgo: number;
  fireCount: number;
  acknowledgedBy?: string;
};

const noDrivers = { mentions: 0, negativeMentions: 0, reach: 0, clusters: [], authors: [], negatives: [] };

/** Inserts an alert as the detector would store it (and, with `announce`, tells live clients it opened). */
async function seedAlert(s: Seed, announce = false): Promise<string> {
  const id = crypto.randomUUID();
  const opened = ago(s.openedMinutesAgo);
  await server.db.transaction(async (tx) => {
    await tx.execute(sql`
      INSERT INTO alerts (id, org_id, topic_id, status, risk, severity, signals, drivers, window_start, window_end, opened_at,
        last_fired_at, fire_count, acknowledged_at, acknowledged_by)
      VALUES (${id}, ${org.orgId}, ${topicIds[s.topic]}, ${s.status}, ${s.risk}, ${s.severity}, ${JSON.stringify(s.signals)}::jsonb,
        ${JSON.stringify(s.drivers)}::jsonb, ${ago(s.openedMinutesAgo + 60)}, ${ago(Math.max(0, s.openedMinutesAgo - 5))}, ${opened},
        ${ago(Math.max(0, s.openedMinutesAgo - 5))}, ${s.fireCount}, ${s.acknowledgedBy ? ago(60) : null}, ${s.acknowledgedBy ?? null})`);
    if (announce) {
      await recordEvent(tx, systemClock, {
        orgId: org.orgId,
        type: 'alert.opened',
        actor: { type: 'system', label: 'e2e' },
        subjectType: 'alert',
        subjectId: id,
      });
    }
  });
  alertIds[s.key] = id;
  return id;
}

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const started = await startTestServer();
  url = started.url;
  server = started.server;
  org = await setUpOrg(url, '好食光食品');
  member = await org.userWithRole('member', '陳小美');
  for (const [key, name, query] of [
    ['food', '鼎泰豐食安', '鼎泰豐 OR 鼎泰丰'],
    ['service', '門市服務', '服務'],
    ['promo', '週年慶活動', '週年慶'],
  ]) {
    const r = await org.admin.post('/api/topics', { name, query });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    topicIds[key] = r.body.id;
  }
  assert.equal((await org.admin.patch(`/api/topics/${topicIds.promo}`, { archived: true })).status, 200);

  const token = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
  const machine = createClient(url);
  machine.useToken(token.body.secret);
  const pushed = await machine.post('/api/mentions', {
    mentions: [
      {
        source: 'PTT Food',
        externalId: 'p1',
        url: 'https://www.ptt.cc/bbs/Food/M.1.html',
        author: '美食網紅小雅',
        text: story,
        publishedAt: ago(50),
      },
      {
        source: 'PTT Food',
        externalId: 'p2',
        url: 'https://example.com/"><script>alert(1)</script>',
        author: hostileAuthor,
        text: hostileText,
        publishedAt: ago(40),
      },
      { source: 'Dcard', externalId: 'd1', author: 'copycat', text: `${story}（轉）`, publishedAt: ago(30) },
    ],
  });
  assert.equal(pushed.body.accepted, 3, JSON.stringify(pushed.body));
  mentionIds = pushed.body.items.map((i: { id: number }) => i.id);

  await seedAlert({
    key: 'food',
    topic: 'food',
    status: 'open',
    risk: 87,
    severity: 'L1',
    openedMinutesAgo: 25,
    fireCount: 4,
    signals: [
      { signal: 'volume', observed: 240, expected: 40, low: 22, high: 61, deviation: 9.1 },
      { signal: 'negative', observed: 96, expected: 3, low: 0, high: 7, deviation: 14.2 },
      { signal: 'negative_share', observed: 0.4, expected: 0.08, low: 0.02, high: 0.15, deviation: 6.3 },
    ],
    drivers: {
      mentions: 812,
      negativeMentions: 455,
      reach: 1_830_000,
      clusters: [
        { clusterId: mentionIds[0], mentions: 37, mentionId: mentionIds[0], text: story },
        { clusterId: mentionIds[1], mentions: 12, mentionId: mentionIds[1], text: hostileText },
      ],
      authors: [
        { author: '美食網紅小雅', reach: 520_000, mentions: 3 },
        { author: hostileAuthor, reach: 12_000, mentions: 1 },
      ],
      negatives: [
        {
          id: mentionIds[1],
          text: hostileText,
          author: hostileAuthor,
          source: 'PTT Food',
          publishedAt: ago(40),
          url: 'https://www.ptt.cc/bbs/Food/M.2.html',
          reach: 1200,
        },
        {
          id: mentionIds[2],
          text: `${story}（轉）`,
          author: 'copycat',
          source: 'Dcard',
          publishedAt: ago(30),
          url: 'javascript:alert(1)',
          reach: 300,
        },
      ],
    },
  });
  await seedAlert({
    key: 'service',
    topic: 'service',
    status: 'open',
    risk: 45,
    severity: 'L3',
    openedMinutesAgo: 130,
    fireCount: 1,
    signals: [{ signal: 'volume', observed: 30, expected: 8.4, low: 3, high: 15, deviation: 5.2 }],
    drivers: noDrivers,
  });
  await seedAlert({
    key: 'archived',
    topic: 'promo',
    status: 'acknowledged',
    risk: 62,
    severity: 'L2',
    openedMinutesAgo: 26 * 60,
    fireCount: 2,
    acknowledgedBy: org.adminId,
    signals: [{ signal: 'reach', observed: 2_400_000, expected: 150_000, low: 40_000, high: 400_000, deviation: 7 }],
    drivers: noDrivers,
  });
  browser = await launchBrowser();
});

let admin: Page;
let watcher: Page;

step('the inbox lists active alerts with risk, severity, what moved, counts and the navigation badge (1280 px)', async () => {
  admin = await signIn(org.adminEmail, 1280);
  const nav = admin.getByRole('navigation');
  await nav.getByTestId('open-alerts-badge').waitFor();
  assert.equal(await nav.getByTestId('open-alerts-badge').textContent(), '2');
  await nav.getByRole('link', { name: /預警/ }).click();
  await admin.getByRole('heading', { name: '預警' }).waitFor();
  const cards = admin.getByTestId('alert-card');
  await cards.first().waitFor();
  assert.equal(await cards.count(), 3);
  // Newest first.
  assert.equal(await cards.first().getAttribute('data-alert-id'), alertIds.food);
  const food = cards.first();
  assert.equal(await food.getByTestId('risk-score').getAttribute('data-risk'), '87');
  assert.equal(await food.getByTestId('severity-badge').textContent(), '建議等級 L1');
  assert.equal(await food.getByTestId('status-badge').textContent(), '待處理');
  assert.match((await food.getByTestId('moved-signals').textContent()) ?? '', /負面提及 96（預期 3）/);
  assert.match((await food.getByTestId('moved-signals').textContent()) ?? '', /負面比例 40%（預期 8%）/);
  assert.equal(await food.getByTestId('refired').textContent(), '已再觸發 3 次');
  assert.equal(await food.getByTestId('opened-at').textContent(), '25 分鐘前開啟');
  const archived = cards.filter({ hasText: '週年慶活動' });
  await archived.getByText('主題已封存').waitFor();
  assert.equal(await archived.getByTestId('status-badge').textContent(), '已確認收到');
  // The counts per state, active = open + acknowledged.
  assert.match((await admin.getByTestId('alerts-tab-active').textContent()) ?? '', /進行中\s*3/);
  assert.match((await admin.getByTestId('alerts-tab-open').textContent()) ?? '', /待處理\s*2/);
  assert.match((await admin.getByTestId('alerts-tab-acknowledged').textContent()) ?? '', /已確認\s*1/);
  assert.match((await admin.getByTestId('alerts-tab-dismissed').textContent()) ?? '', /已駁回\s*0/);
  await shot(admin, '01-inbox-1280');

  // An empty state says what would appear there.
  await admin.getByTestId('alerts-tab-dismissed').click();
  await admin.getByTestId('alerts-empty').waitFor();
  assert.match((await admin.getByTestId('alerts-empty').textContent()) ?? '', /沒有已駁回的預警.*負面提及/s);
  assert.match(admin.url(), /status=dismissed/);
  await shot(admin, '02-inbox-empty-1280');
});

step('an alert explains itself: summary, bands, drivers; hostile text stays text; links are safe', async () => {
  await admin.goto(`${url}/alerts`);
  await admin.getByTestId('alert-card').first().getByTestId('alert-topic').click();
  await admin.getByTestId('alert-title').waitFor();
  assert.equal(await admin.getByTestId('alert-title').textContent(), '鼎泰豐食安');
  const summary = (await admin.getByTestId('alert-summary').textContent()) ?? '';
  assert.match(summary, /^「鼎泰豐食安」在 .* 間每段時間約 240 則提及，預期約 40 則/);
  assert.match(summary, /負面提及約 96 則，預期約 3 則/);
  assert.match(summary, /最大的轉貼群有 37 則/);
  assert.match(summary, /觸及最廣的作者是 美食網紅小雅（估計 520,000 人）/);
  assert.match(summary, /風險分數 87，建議等級 L1。$/);
  assert.equal(await admin.getByTestId('signal-band').count(), 3);
  const negBand = admin.locator('[data-testid="signal-band"][data-signal="negative"]');
  assert.match((await negBand.textContent()) ?? '', /實際 96.*預期 3.*正常範圍 0–7/s);
  // Totals, with reach labelled an estimate.
  assert.match((await admin.getByTestId('driver-totals').textContent()) ?? '', /區間內提及812負面提及455觸及（估計）183萬/);
  // Clusters link to their first mention.
  const cluster = admin.getByTestId('driver-cluster').first();
  assert.equal(await cluster.getByRole('link', { name: '查看提及' }).getAttribute('href'), `/monitoring/mentions/${mentionIds[0]}`);
  assert.match((await cluster.textContent()) ?? '', /37 則相同或相近的貼文/);
  assert.match((await admin.getByTestId('driver-authors').textContent()) ?? '', /美食網紅小雅3 則提及估計觸及 52萬/);
  // Hostile text is shown as the characters it is.
  const hostile = admin.getByTestId('driver-negative').first();
  assert.equal(await hostile.getByTestId('driver-negative-text').textContent(), hostileText);
  assert.ok(((await admin.getByTestId('driver-authors').textContent()) ?? '').includes(hostileAuthor));
  const original = hostile.getByTestId('original-link');
  assert.equal(await original.getAttribute('target'), '_blank');
  assert.match((await original.getAttribute('rel')) ?? '', /noopener/);
  assert.match((await original.getAttribute('rel')) ?? '', /noreferrer/);
  // A javascript: URL is never made a link.
  assert.equal(await admin.getByTestId('driver-negative').nth(1).getByTestId('original-link').count(), 0);
  await noXss(admin);
  await shot(admin, '03-detail-1280');
});

step('acknowledging shows who and when, and updates a second browser live', async () => {
  watcher = await signIn(member.email, 1280);
  await watcher.goto(`${url}/alerts`);
  const watched = watcher.locator(`[data-testid="alert-card"][data-alert-id="${alertIds.food}"]`);
  await watched.waitFor();
  assert.equal(await watched.getAttribute('data-status'), 'open');
  assert.equal(await watcher.getByRole('navigation').getByTestId('open-alerts-badge').textContent(), '2');
  // The member sees no settings link (administrators only).
  assert.equal(await watcher.getByRole('link', { name: '預警設定' }).count(), 0);

  await admin.getByRole('button', { name: '確認收到' }).click();
  await admin.getByText('已確認收到這則預警。').waitFor();
  await admin.getByTestId('alert-responses').waitFor();
  assert.match((await admin.getByTestId('alert-responses').textContent()) ?? '', /Ada Admin 於 .* 確認收到/);
  assert.equal(await admin.getByTestId('status-badge').textContent(), '已確認收到');
  assert.equal(await admin.getByRole('button', { name: '確認收到' }).count(), 0);

  // The other browser follows without reloading.
  await watcher.locator(`[data-testid="alert-card"][data-alert-id="${alertIds.food}"][data-status="acknowledged"]`).waitFor();
  await watcher.getByRole('navigation').getByTestId('open-alerts-badge').filter({ hasText: '1' }).waitFor();
  await shot(admin, '04-acknowledged-1280');
  await shot(watcher, '05-watcher-live-1280');
});

step('dismissing needs a reason; the reason and note are shown and the inbox follows', async () => {
  await admin.goto(`${url}/alerts/${alertIds.service}`);
  await admin.getByTestId('alert-title').waitFor();
  await admin.getByRole('button', { name: '駁回' }).click();
  const dialog = admin.getByRole('dialog', { name: '駁回預警' });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: '駁回預警' }).click();
  await dialog.getByText('此欄位為必填。').waitFor();
  await shot(admin, '06-dismiss-reason-required-1280');
  await dialog.getByLabel('已知事件').check();
  await dialog.getByLabel(/備註/).fill('門市週年慶排隊人潮，已在粉專說明。');
  await dialog.getByRole('button', { name: '駁回預警' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await admin.getByText('已駁回這則預警。').waitFor();
  const responses = admin.getByTestId('alert-responses');
  await responses.waitFor();
  assert.match((await responses.textContent()) ?? '', /Ada Admin 於 .* 駁回。原因：已知事件備註：門市週年慶排隊人潮，已在粉專說明。/);
  assert.equal(await admin.getByTestId('status-badge').textContent(), '已駁回');
  assert.equal(await admin.getByTestId('alert-actions').count(), 0);
  const stored = await org.admin.get(`/api/alerts/${alertIds.service}`);
  assert.equal(stored.body.dismissReason, 'known_event');
  // The watcher's active inbox loses it; the dismissed tab has it.
  await watcher.locator(`[data-testid="alert-card"][data-alert-id="${alertIds.service}"]`).waitFor({ state: 'detached' });
  assert.equal(await watcher.getByRole('navigation').getByTestId('open-alerts-badge').count(), 0);
  await watcher.getByTestId('alerts-tab-dismissed').click();
  await watcher.locator(`[data-testid="alert-card"][data-alert-id="${alertIds.service}"]`).waitFor();
  await shot(admin, '07-dismissed-1280');
});

step('an alert on an archived topic says so', async () => {
  await admin.goto(`${url}/alerts/${alertIds.archived}`);
  await admin.getByTestId('topic-archived').waitFor();
  assert.match((await admin.getByTestId('topic-archived').textContent()) ?? '', /「週年慶活動」已封存/);
  assert.match((await admin.locator('[data-signal="reach"]').textContent()) ?? '', /觸及（估計）/);
  await shot(admin, '08-archived-1280');
});

step('administrators set the grading thresholds, which must fall from L1 to L3', async () => {
  await admin.goto(`${url}/alerts`);
  await admin.getByRole('link', { name: '預警設定' }).click();
  await admin.getByRole('heading', { name: '預警設定' }).waitFor();
  const l2 = admin.getByLabel('L2 門檻：風險分數 ≥');
  assert.equal(await l2.inputValue(), '60');
  await l2.fill('90');
  await admin.getByTestId('grading-order-error').waitFor();
  assert.ok(await admin.getByRole('button', { name: '儲存' }).isDisabled());
  await shot(admin, '09-settings-error-1280');
  await l2.fill('65');
  await admin.getByTestId('grading-order-error').waitFor({ state: 'detached' });
  assert.match((await admin.getByTestId('grading-preview').textContent()) ?? '', /L2 · 65–79 分/);
  await admin.getByRole('button', { name: '儲存' }).click();
  await admin.getByText('已儲存預警設定。').waitFor();
  assert.deepEqual((await org.admin.get('/api/warnings/settings')).body, { grading: { L1: 80, L2: 65, L3: 40 }, bucketMinutes: 5 });
  await shot(admin, '10-settings-1280');
});

step('a topic’s alert sensitivity is chosen in the topic editor', async () => {
  await admin.goto(`${url}/monitoring/topics/${topicIds.service}`);
  const card = admin.getByTestId('topic-sensitivity');
  await card.waitFor();
  await card.getByRole('combobox', { name: '敏感度' }).click();
  await admin.getByRole('option', { name: '高' }).click();
  await admin.getByText('已更新預警敏感度。').waitFor();
  await card.getByText(/較小的異常也會預警/).waitFor();
  const topics = await org.admin.get('/api/topics');
  assert.equal(topics.body.find((x: { id: string }) => x.id === topicIds.service).sensitivity, 'high');
  await shot(admin, '11-topic-sensitivity-1280');
});

step('desktop notifications are opt-in: nothing is asked on load; once on, a new alert notifies', async () => {
  // Record what the page asks of the Notification API instead of showing real ones.
  await watcher.context().addInitScript(() => {
    const w = window as unknown as { __asks: number; __notes: Array<{ title: string; body: string }> };
    w.__asks = 0;
    w.__notes = [];
    class FakeNotification {
      static permission = 'default';
      static async requestPermission() {
        w.__asks += 1;
        FakeNotification.permission = 'granted';
        return 'granted';
      }
      onclick: (() => void) | null = null;
      constructor(title: string, opts: { body: string }) {
        w.__notes.push({ title, body: opts.body });
      }
      close() {}
    }
    (window as unknown as { Notification: unknown }).Notification = FakeNotification;
  });
  await watcher.goto(`${url}/alerts`);
  const toggle = watcher.getByRole('switch', { name: '桌面通知' });
  await toggle.waitFor();
  assert.equal(await toggle.isChecked(), false);
  assert.equal(await watcher.evaluate(() => (window as unknown as { __asks: number }).__asks), 0);
  await toggle.click({ force: true });
  await watcher.getByText('已開啟桌面通知。').waitFor();
  assert.equal(await watcher.evaluate(() => (window as unknown as { __asks: number }).__asks), 1);
  assert.equal(await watcher.evaluate(() => localStorage.getItem('firebreak.alert-notifications')), 'on');

  await seedAlert(
    {
      key: 'new',
      topic: 'service',
      status: 'open',
      risk: 71,
      severity: 'L2',
      openedMinutesAgo: 0,
      fireCount: 1,
      signals: [{ signal: 'negative', observed: 18, expected: 2, low: 0, high: 5, deviation: 8 }],
      drivers: noDrivers,
    },
    true,
  );
  await watcher.waitForFunction(() => (window as unknown as { __notes: unknown[] }).__notes.length > 0);
  const notes = await watcher.evaluate(() => (window as unknown as { __notes: Array<{ title: string; body: string }> }).__notes);
  assert.deepEqual(notes[0], { title: '新預警：門市服務', body: '風險分數 71，建議等級 L2。' });
  await watcher.locator(`[data-testid="alert-card"][data-alert-id="${alertIds.new}"]`).waitFor();
  await shot(watcher, '12-notifications-on-1280');
});

step('on a 390 px phone (dark) the inbox, an alert and the dismiss dialog fit', async () => {
  const phone = await signIn(member.email, 390, 'dark');
  await phone.goto(`${url}/alerts`);
  await phone.getByTestId('alert-card').first().waitFor();
  await assertNoOverflow(phone, 390);
  // All four states fit without scrolling the tabs sideways.
  assert.ok(await phone.getByRole('tablist').evaluate((el) => el.scrollWidth <= el.clientWidth + 1), 'the state tabs fit 390 px');
  await shot(phone, '13-inbox-390');
  await phone.locator(`[data-testid="alert-card"][data-alert-id="${alertIds.food}"]`).getByTestId('alert-topic').click();
  await phone.getByTestId('alert-summary').waitFor();
  await assertNoOverflow(phone, 390);
  await noXss(phone);
  await shot(phone, '14-detail-390');
  await phone.getByRole('button', { name: '駁回' }).click();
  await phone.getByRole('dialog', { name: '駁回預警' }).waitFor();
  await assertNoOverflow(phone, 390);
  await shot(phone, '15-dismiss-390');
  await phone.keyboard.press('Escape');
  await phone.goto(`${url}/alerts/settings`);
  await phone.getByRole('alert').filter({ hasText: '你沒有執行此操作的權限' }).waitFor();
});

step('in English the inbox and an alert read in English', async () => {
  await admin.goto(`${url}/alerts`);
  await admin.getByTestId('user-menu').click();
  await admin.getByRole('menuitem', { name: 'English' }).click();
  await admin.getByRole('heading', { name: 'Alerts' }).waitFor();
  assert.match((await admin.getByTestId('alerts-tab-active').textContent()) ?? '', /Active\s*\d/);
  await admin.goto(`${url}/alerts/${alertIds.food}`);
  const summary = admin.getByTestId('alert-summary');
  await summary.waitFor();
  assert.match((await summary.textContent()) ?? '', /about 96 negative against 3 expected.*Risk 87, suggested severity L1\.$/);
  await admin.getByText(/Acknowledged by Ada Admin on/).waitFor();
  await shot(admin, '16-detail-en-1280');
  await admin.getByTestId('user-menu').click();
  await admin.getByRole('menuitem', { name: '繁體中文' }).click();
});
