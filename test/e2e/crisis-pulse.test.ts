// The crisis room's pulse in a real browser (/crises/<id>/pulse, 即時態勢): an L1 crisis declared through the API
// on a topic with mentions over the last day; the admin sees the live figures with their sparklines, produces a
// situation report with one click (hostile note text stays text in it) and can copy it; a team member opening the
// page on a 375 px phone shows up online in the admin's browser at once, and goes offline when they leave;
// a role handed to them pops a toast in their browser.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { webDist } from '../../src/platform/web-assets.ts';
import { createClient, setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots } from './harness.ts';

const HOUR = 3_600_000;
const hostileNote = '<img src=x onerror=alert(1)>門市已下架問題批號 <script>window.__xss=1</script>';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let member: { email: string; id: string };
let crisisId = '';
let topicId = '';
let admin: Page;
let phone: Page;
let mentions = 0;
let machine: ReturnType<typeof createClient>;
const shot = screenshots('pulse');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const started = await startTestServer();
  url = started.url;
  org = await setUpOrg(url, '好食光食品');
  member = await org.userWithRole('member', '林紀錄');
  const topic = await org.admin.post('/api/topics', { name: '好食光', query: '好食光' });
  assert.equal(topic.status, 201, JSON.stringify(topic.body));
  topicId = topic.body.id;
  const token = await org.admin.post('/api/tokens', { name: 'collector', scopes: ['mentions:write'] });
  machine = createClient(url);
  machine.useToken(token.body.secret);
  const now = Date.now();
  const texts = ['好食光小籠包吃到異物，超噁心，再也不去了', '好食光客服完全不處理，態度很差', '好食光 門市 營業時間', '好食光還是好吃'];
  // A quiet day, then a burst in the last three hours.
  const items = [
    ...Array.from({ length: 6 }, (_, i) => ({ at: now - (20 - i * 3) * HOUR, text: texts[2 + (i % 2)] })),
    ...Array.from({ length: 24 }, (_, i) => ({ at: now - (3 * HOUR * (24 - i)) / 24, text: texts[i % 3 === 2 ? 2 : i % 2] })),
  ];
  const r = await machine.post('/api/mentions', {
    mentions: items.map((m, i) => ({
      source: i % 2 ? 'ptt' : 'dcard',
      externalId: `m${i}`,
      text: `${m.text} #${i}`,
      publishedAt: new Date(m.at).toISOString(),
      author: `user${i % 7}`,
      authorFollowers: 200 + i * 50,
    })),
  });
  assert.equal(r.status, 200, JSON.stringify(r.body));
  mentions = r.body.accepted;
  const c = await org.admin.post('/api/crises', {
    title: '信義店小籠包食安爭議',
    type: 'product_quality',
    severity: 'L1',
    topicIds: [topic.body.id],
    reason: 'Dcard 熱門第一',
  });
  assert.equal(c.status, 201, JSON.stringify(c.body));
  crisisId = c.body.id;
  assert.equal((await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role: 'scribe', userId: member.id })).status, 200);
  assert.equal((await org.admin.post(`/api/crises/${crisisId}/notes`, { text: hostileNote })).status, 201);
  browser = await launchBrowser();
});

step('the admin opens 即時態勢: the figures of the last day with sparklines, no report yet', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await admin.goto(`${url}/crises/${crisisId}/pulse`);
  await admin.getByRole('heading', { name: '#1 信義店小籠包食安爭議' }).waitFor();
  await admin.getByText('即時態勢', { exact: true }).waitFor();
  const panel = admin.getByTestId('metrics-panel');
  // The topic links to its mentions of the last day in the explorer (the room's linked mentions).
  const topicLink = panel.getByTestId('metrics-topic-link').filter({ hasText: '好食光' });
  await topicLink.waitFor();
  assert.match(String(await topicLink.getAttribute('href')), new RegExp(`/monitoring/mentions\\?topic=${topicId}&range=24h$`));
  assert.equal(await panel.getByTestId('metric-mentions-value').textContent(), String(mentions));
  assert.match(String(await panel.getByTestId('metric-negativeShare-value').textContent()), /^\d+%$/);
  assert.equal(await panel.locator('canvas').count(), 3, 'a sparkline per figure');
  await panel
    .getByText(/^最近 1 小時：/)
    .first()
    .waitFor();
  await panel
    .getByText(/^宣告前每小時平均：/)
    .first()
    .waitFor();
  await panel.getByText(/^宣告前 24 小時：\d+%$/).waitFor();
  await admin.getByTestId('sitrep-none').waitFor();
  await admin
    .getByTestId('sitrep-next')
    .getByText(/^下次定期報告：/)
    .waitFor();
  await admin.getByTestId(`online-${org.adminId}`).and(admin.locator('[data-online="true"]')).waitFor();
  await shot(admin, 'desktop-empty');
  // New mentions refresh the figures live (the ingest's event), without waiting for the timer.
  const more = await machine.post('/api/mentions', {
    mentions: [0, 1].map((i) => ({
      source: 'dcard',
      externalId: `live${i}`,
      text: `好食光 異物事件 又一篇 ${i}`,
      publishedAt: new Date().toISOString(),
    })),
  });
  assert.equal(more.body.accepted, 2);
  mentions += 2;
  await panel.getByTestId('metric-mentions-value').getByText(String(mentions), { exact: true }).waitFor({ timeout: 10_000 });
  await panel.getByText(/^宣告以來：提及 2 則/).waitFor();
});

step('one click produces a situation report; the note stays text; it can be copied', async () => {
  await admin.getByTestId('sitrep-issue').click();
  await admin.getByText('已產生狀況報告。').waitFor();
  const text = admin.getByTestId('sitrep-text');
  await admin.waitForFunction(() => (document.querySelector('[data-testid="sitrep-text"]') as HTMLTextAreaElement | null)?.value.length);
  const value = await text.inputValue();
  assert.match(value, /^【狀況報告】#1 信義店小籠包食安爭議（L1・已宣告）/);
  assert.ok(value.includes(hostileNote), 'the note as typed, as text');
  assert.match(value, /四、輿情數據\n・主題：好食光\n・過去 24 小時：提及 \d+ 則/);
  assert.match(value, /下次更新：/);
  assert.equal(await admin.evaluate(() => (window as unknown as { __xss?: number }).__xss), undefined);
  assert.equal(await admin.locator('img[src="x"]').count(), 0);
  await admin.getByTestId('sitrep-copy').click();
  await admin.getByTestId('sitrep-copy').getByText('已複製').waitFor();
  // A second one: the history lists both; the older can be shown again.
  await admin.getByTestId('sitrep-issue').click();
  await admin.getByTestId('sitrep-history-item').nth(1).waitFor();
  await admin.getByTestId('sitrep-history-item').nth(1).click();
  assert.equal(await admin.getByTestId('sitrep-history-item').nth(1).getAttribute('aria-pressed'), 'true');
  await shot(admin, 'desktop-sitrep');
});

step('a team member opens it on a phone: online in the admin’s browser at once; offline when they leave', async () => {
  phone = await signIn(member.email, 375);
  await phone.goto(`${url}/crises/${crisisId}/pulse`);
  await phone.getByTestId('metrics-panel').getByTestId('metric-mentions-value').waitFor();
  await phone.getByTestId('sitrep-text').waitFor();
  const seen = admin.getByTestId(`online-${member.id}`);
  await admin.waitForFunction(
    (id) => document.querySelector(`[data-testid="online-${id}"]`)?.getAttribute('data-online') === 'true',
    member.id,
  );
  assert.equal(await seen.getAttribute('data-online'), 'true');
  await admin.getByTestId('online-count').getByText('2 人在線').waitFor();
  await phone.getByTestId(`online-${org.adminId}`).and(phone.locator('[data-online="true"]')).waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'phone');

  // Handing them another role pops a toast in their browser.
  assert.equal((await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role: 'cs_lead', userId: member.id })).status, 200);
  await phone.getByText('你在危機應變小組的角色有變動，請查看危機室。').waitFor();
  await shot(phone, 'phone-toast', false);

  await phone.goto(`${url}/crises`);
  await admin.waitForFunction(
    (id) => document.querySelector(`[data-testid="online-${id}"]`)?.getAttribute('data-online') === 'false',
    member.id,
  );
  await admin.getByTestId('online-count').getByText('1 人在線').waitFor();
  await shot(admin, 'desktop-after');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
