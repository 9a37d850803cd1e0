// The answer book and the employee briefing in a real browser: a holding statement approved through the API (the
// commander's override); on the statement page the admin creates CS answers (answer prefilled from the text) and
// sends an employee briefing to everyone; a reporter-role employee reads 可以說 / 不要說 on a 390 px phone and
// acknowledges it; the admin sees the ack count change and who has not acknowledged; a newer approved holding
// statement retires the old answers, which the crisis answer book shows collapsed. Screenshots at 1280 and 390 px.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Browser, Page } from 'playwright-core';
import { textToDoc } from '../../src/features/statements/contract.ts';
import { retireSuperseded } from '../../src/features/statements/server/answers.ts';
import { systemClock } from '../../src/platform/clock.ts';
import { webDist } from '../../src/platform/web-assets.ts';
import { setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots } from './harness.ts';

const TEXT = '本公司已暫停信義店營業，並全面調查食品異物原因。';

let browser: Browser;
let url: string;
let started: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let employee: { email: string; id: string };
let crisisId = '';
let statementId = '';
let admin: Page;
const shot = screenshots('briefings');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

/** A statement of the crisis approved by the commander (the admin who declared it). */
async function approvedStatement(title: string, text: string) {
  const s = await org.admin.post(`/api/crises/${crisisId}/statements`, {
    kind: 'holding',
    language: 'zh-TW',
    title,
    body: textToDoc(text),
  });
  assert.equal(s.status, 201, JSON.stringify(s.body));
  const o = await org.admin.post(`/api/statements/${s.body.id}/override`, { head: 1, reason: '媒體截稿在即' });
  assert.equal(o.status, 200, JSON.stringify(o.body));
  return s.body.id as string;
}

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  started = await startTestServer();
  url = started.url;
  org = await setUpOrg(url, '好食光食品');
  employee = await org.userWithRole('reporter', '門市 小林');
  await org.userWithRole('member', '客服 阿陳');
  await org.userWithRole('guest', '外部顧問');
  const declared = await org.admin.post('/api/crises', { title: '信義店食安事件', type: 'product_quality', severity: 'L2' });
  assert.equal(declared.status, 201, JSON.stringify(declared.body));
  crisisId = declared.body.id;
  statementId = await approvedStatement('信義店初步聲明', TEXT);
  browser = await launchBrowser();
});

step('the admin creates CS answers from the approved statement, the answer prefilled with its text', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await admin.goto(`${url}/statements/${statementId}`);
  const outputs = admin.getByTestId('statement-outputs');
  await outputs.waitFor();
  await outputs.getByRole('button', { name: '建立客服問答' }).click();
  const dialog = admin.getByRole('dialog', { name: '建立客服問答' });
  assert.equal(await dialog.getByLabel('回答 1').inputValue(), TEXT);
  await dialog.getByLabel('問題 1').fill('信義店還有營業嗎？');
  await dialog.getByRole('button', { name: '新增一題' }).click();
  await dialog.getByLabel('問題 2').fill('<b>可以退費嗎？</b>');
  await dialog.getByLabel('回答 2').fill('可以，請攜帶發票至任一門市辦理全額退費。');
  await dialog.getByRole('button', { name: '建立', exact: true }).click();
  await dialog.waitFor({ state: 'hidden' });
  await outputs.getByTestId('output-answer').nth(1).waitFor();
  assert.equal(await outputs.getByTestId('output-answer').count(), 2);
  assert.equal(await admin.locator('b', { hasText: '可以退費嗎' }).count(), 0, 'a question is text, never HTML');
});

step('the admin sends an employee briefing to everyone; nobody has acknowledged yet', async () => {
  const outputs = admin.getByTestId('statement-outputs');
  await outputs.getByRole('button', { name: '發送員工口徑' }).click();
  const dialog = admin.getByRole('dialog', { name: '發送員工口徑' });
  await dialog.getByLabel('標題').fill('信義店事件對外口徑');
  await dialog.getByLabel('可以說（一行一點）').fill('門市已暫停營業\n公司正在全面調查');
  await dialog.getByLabel('不要說（一行一點）').fill('不要猜測原因\n不要評論供應商');
  await dialog.getByRole('button', { name: '發送' }).click();
  await dialog.waitFor({ state: 'hidden' });
  const rate = outputs.getByTestId('ack-rate');
  await rate.waitFor();
  // Admin, reporter and member: three active employees; the guest gets nothing.
  assert.equal(await rate.textContent(), '已確認 0 / 3');
  const pending = await outputs.getByTestId('not-acked').textContent();
  assert.match(pending ?? '', /門市 小林/);
  assert.doesNotMatch(pending ?? '', /外部顧問/);
  await shot(admin, 'outputs-sent');
});

step('a reporter-role employee reads 可以說 / 不要說 on a phone and acknowledges it', async () => {
  const phone = await signIn(employee.email, 390, 844);
  await phone.goto(`${url}/briefings`);
  const card = phone.getByTestId('my-briefing');
  await card.waitFor();
  assert.match((await card.textContent()) ?? '', /待確認/);
  await shot(phone, 'mine-390');
  await card.click();
  await phone.getByTestId('briefing-say').waitFor();
  assert.match((await phone.getByTestId('briefing-say').textContent()) ?? '', /公司正在全面調查/);
  assert.match((await phone.getByTestId('briefing-dont-say').textContent()) ?? '', /不要評論供應商/);
  await assertNoOverflow(phone, 390);
  await shot(phone, 'read-390');
  await phone.getByRole('button', { name: '我已閱讀並了解' }).click();
  await phone.getByTestId('briefing-acked').waitFor();
  assert.equal(await phone.getByRole('button', { name: '我已閱讀並了解' }).count(), 0);
  await shot(phone, 'acked-390');
  await phone.goto(`${url}/briefings`);
  await phone.getByTestId('my-briefing').filter({ hasText: '已確認' }).waitFor();
});

step('the admin sees the ack count change and who has not acknowledged', async () => {
  const outputs = admin.getByTestId('statement-outputs');
  // The live event refreshes it; reload only if the socket is slow.
  try {
    await outputs.getByTestId('ack-rate').filter({ hasText: '已確認 1 / 3' }).waitFor({ timeout: 5000 });
  } catch {
    await admin.reload();
    await outputs.getByTestId('ack-rate').filter({ hasText: '已確認 1 / 3' }).waitFor();
  }
  const pending = (await outputs.getByTestId('not-acked').textContent()) ?? '';
  assert.doesNotMatch(pending, /門市 小林/);
  assert.match(pending, /客服 阿陳/);
  assert.match(pending, /Ada Admin/);
  await shot(admin, 'outputs-acked');
});

step('a newer approved holding statement retires the old answers; the answer book shows them collapsed', async () => {
  const newer = await approvedStatement('信義店第二次說明', '調查結果：異物為包材碎片，已更換供應商。');
  // Approval calls retireSuperseded once the lead wires it; calling it again is harmless.
  const s = (
    await started.server.db.execute<{
      id: string;
      org_id: string;
      crisis_id: string;
      kind: string;
      title: string;
      approved_version: number;
    }>(sql`SELECT id, org_id, crisis_id, kind, title, approved_version FROM statements WHERE id = ${newer}`)
  ).rows[0];
  await started.server.db.transaction((tx) => retireSuperseded(tx, s, { clock: systemClock, actor: { type: 'system', label: 'e2e' } }));
  await admin.goto(`${url}/crises/${crisisId}/answers`);
  await admin.getByRole('heading', { name: '客服問答集' }).waitFor();
  await admin.getByText('沒有有效的問答。').waitFor();
  const retired = admin.getByRole('button', { name: '已失效的問答（2）' });
  await retired.waitFor();
  await retired.click();
  await admin.getByTestId('answer-retired').first().waitFor();
  assert.equal(await admin.getByTestId('answer-retired').count(), 2);
  assert.match((await admin.getByTestId('answer-retired').first().textContent()) ?? '', /信義店初步聲明・第 1 版/);
  await shot(admin, 'answer-book');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
