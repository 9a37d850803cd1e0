// Crisis settings in a real browser: an admin opens 危機設定 from the crises list, edits a playbook task's title
// and adds a checklist item (the grid then marks it customised), imports a YAML file with an error and sees its
// line number beside the file's lines, fixes it and imports; then declares with the grading questionnaire — the
// suggested level follows the answers, choosing another level requires a reason, and the first decision keeps the
// answers. The preview shows the edited playbook. A 375 px phone shows the editor and the form without overflow.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { webDist } from '../../src/platform/web-assets.ts';
import { setUpOrg } from '../helpers/client.ts';
import { startTestServer } from '../helpers/server.ts';
import { assertNoOverflow, e2eSession, launchBrowser, screenshots } from './harness.ts';

const EDITED = '確認事實並通報品保主管';

let browser: Browser;
let url: string;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let admin: Page;
const shot = screenshots('crisis-config');
const { signIn, step, dialogs, pageErrors } = e2eSession({ browser: () => browser, url: () => url, shot });

async function choose(page: Page, input: Locator, option: string) {
  await input.click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** A file with one playbook whose first task names a role that does not exist (line 10). */
const badYaml = `format: firebreak.playbooks/v1
playbooks:
  - type: other
    severity: L4
    roles: [commander, pr_lead, scribe]
    updateEveryHours: 24
    tasks:
      - key: check_in
        title: { zh-TW: 每日確認輿情, en: Daily check-in }
        role: janitor
        dueMinutes: 120
`;

before(async () => {
  assert.ok(fs.existsSync(path.join(webDist, 'index.html')), 'Build the web app first (FIREBREAK_WEB_DIST=… npx vite build)');
  const started = await startTestServer();
  url = started.url;
  org = await setUpOrg(url, '好食光食品');
  browser = await launchBrowser();
});

step('the admin edits a playbook task and its checklist; the grid marks it customised', async () => {
  admin = await signIn(org.adminEmail, 1280);
  await admin.getByRole('navigation').getByRole('link', { name: '危機' }).click();
  await admin.getByTestId('crisis-settings').click();
  await admin.getByRole('heading', { name: '危機設定' }).waitFor();
  const cell = admin.getByTestId('playbook-cell-product_quality-L2');
  assert.equal(await cell.getAttribute('data-customised'), 'false');
  await shot(admin, 'grid');
  await cell.click();
  const editor = admin.getByTestId('playbook-editor');
  await editor.waitFor();
  await editor.getByTestId('playbook-state').getByText('系統預設').waitFor();
  const task = editor.locator('[data-testid="playbook-task"][data-key="confirm_facts"]');
  await task.getByTestId('playbook-task-toggle').click();
  await task.getByLabel('標題（中文）').fill(EDITED);
  await task.getByRole('button', { name: '新增檢核項目' }).click();
  const items = task.getByTestId('checklist-item');
  const last = items.last();
  await last.getByLabel('項目（中文）').fill('致電品保主管確認批號');
  await last.getByLabel('項目（英文）').fill('Call the QA manager about the batch');
  // The customer-service lead is informed on declaring.
  await editor.getByTestId('role-cs_lead').getByText('通知', { exact: true }).click();
  await shot(admin, 'editor');
  await task.scrollIntoViewIfNeeded();
  await shot(admin, 'editor-task', false);
  await editor.getByTestId('playbook-save').click();
  await admin.getByText('已儲存 產品品質／食安 L2 應變手冊。').waitFor();
  await editor.getByTestId('playbook-state').getByText('已自訂（第 1 版）').waitFor();
  const saved = await org.admin.get('/api/crisis-config/playbooks/product_quality/L2');
  const facts = saved.body.playbook.tasks.find((x: { key: string }) => x.key === 'confirm_facts');
  assert.equal(facts.title['zh-TW'], EDITED);
  assert.equal(facts.checklist.at(-1)['zh-TW'], '致電品保主管確認批號');
  assert.ok(saved.body.playbook.notify.inform.includes('cs_lead'));

  await admin.getByRole('link', { name: '危機設定' }).click();
  await admin.getByTestId('playbook-grid').waitFor();
  await admin.locator('[data-testid="playbook-cell-product_quality-L2"][data-customised="true"]').waitFor();
});

step('importing a YAML file with an error shows its line; fixed, it imports', async () => {
  await admin.getByTestId('config-tab-io').click();
  const text = admin.getByTestId('import-text');
  await text.fill(badYaml);
  await admin.getByRole('button', { name: '檢查' }).click();
  const errors = admin.getByTestId('import-errors');
  await errors.getByText('第 10 行，第 15 欄').waitFor();
  await errors.getByText(/playbooks\.0\.tasks\.0\.role/).waitFor();
  assert.equal(await errors.locator('[data-testid="import-bad-line"]').getAttribute('data-line'), '10');
  assert.equal(await admin.getByRole('button', { name: '匯入', exact: true }).isDisabled(), true, 'import waits for a clean check');
  await shot(admin, 'import-error');

  await text.fill(badYaml.replace('role: janitor', 'role: pr_lead'));
  await admin.getByRole('button', { name: '檢查' }).click();
  await admin.getByTestId('import-checked').getByText('檢查通過：1 份手冊，其中 1 份會變更。').waitFor();
  await admin.getByRole('button', { name: '匯入', exact: true }).click();
  await admin.getByText('已匯入 1 份手冊，其中 1 份有變更。').waitFor();
  const r = await org.admin.get('/api/crisis-config/playbooks/other/L4');
  assert.equal(r.body.customised, true);
  assert.equal(r.body.playbook.tasks[0].key, 'check_in');
  await shot(admin, 'import-done');

  // Download the YAML, upload it back: all 36 check clean and nothing would change.
  const [download] = await Promise.all([admin.waitForEvent('download'), admin.getByRole('link', { name: '下載 YAML' }).click()]);
  assert.equal(download.suggestedFilename(), 'playbooks.yaml');
  const file = await download.path();
  const content = fs.readFileSync(file, 'utf8');
  assert.match(content, /check_in/);
  await admin
    .locator('input[type="file"]')
    .setInputFiles({ name: 'playbooks.yaml', mimeType: 'application/yaml', buffer: Buffer.from(content) });
  await admin.waitForFunction(() =>
    (
      document.querySelector('[data-testid="import-text"] textarea, textarea[data-testid="import-text"]') as HTMLTextAreaElement | null
    )?.value.includes('check_in'),
  );
  await admin.getByRole('button', { name: '檢查' }).click();
  await admin.getByTestId('import-checked').getByText('檢查通過：36 份手冊，其中 0 份會變更。').waitFor();
});

step('the admin turns off escalation in the grading matrix; the rule reads accordingly', async () => {
  await admin.getByTestId('config-tab-grading').click();
  const editor = admin.getByTestId('grading-editor');
  await editor
    .getByTestId('grading-rule')
    .getByText(/若有 3 題以上/)
    .waitFor();
  await admin.evaluate(() => window.scrollTo(0, 0));
  await editor.getByRole('switch', { name: '多項同時達到最高等級時提高一級' }).uncheck();
  await editor.getByTestId('grading-rule').getByText('規則：以最嚴重的答案決定等級（任何一題達 L1 即建議 L1）。').waitFor();
  await editor.getByTestId('grading-save').click();
  await admin.getByText('已儲存分級矩陣。').waitFor();
  await editor.getByText('已自訂（第 1 版）').waitFor();
  const g = await org.admin.get('/api/crisis-config/grading');
  assert.equal(g.body.matrix.escalateAt, null);
  await shot(admin, 'grading', false);
});

step('declaring with the grading questionnaire: the suggested level, a reason when choosing another', async () => {
  await admin.goto(`${url}/crises/new`);
  await admin.getByRole('heading', { name: '宣告危機' }).waitFor();
  const questions = admin.getByTestId('grading-questions');
  await questions.getByText('回答問題後會顯示建議等級。').waitFor();
  await admin.getByLabel('標題').fill('中秋禮盒異物爭議');
  await choose(admin, admin.getByRole('combobox', { name: '類型' }), '產品品質／食安');
  await choose(admin, questions.getByRole('combobox', { name: '擴散範圍與速度' }), '在特定社群擴散（如單一論壇看板）（L3）');
  await choose(admin, questions.getByRole('combobox', { name: '媒體關注' }), '主流媒體詢問或報導（L2）');
  const suggestion = admin.getByTestId('grading-suggestion');
  await suggestion.getByText('建議等級：L2 嚴重').waitFor();
  assert.equal(await suggestion.getAttribute('data-level'), 'L2');
  assert.equal(await admin.getByRole('radio', { name: 'L2 嚴重' }).isChecked(), true, 'the level follows the suggestion');
  // The preview is the organisation's edited playbook.
  const preview = admin.getByTestId('playbook-preview');
  await preview.getByText(EDITED).waitFor();
  await preview
    .getByText(/檢核 4 項/)
    .first()
    .waitFor();
  await shot(admin, 'declare-suggested');

  await admin.getByRole('radio', { name: 'L1 重大' }).check();
  await admin.getByTestId('grading-differs').waitFor();
  await admin.getByRole('button', { name: '宣告危機' }).last().click();
  await admin.getByText('與建議等級不同時，請說明理由').first().waitFor();
  await admin.getByLabel(/為什麼是這個等級/).fill('禮盒為中秋主力商品，通路商已來電');
  await shot(admin, 'declare-differs');
  await admin.getByRole('button', { name: '宣告危機' }).last().click();
  await admin.getByTestId('crisis-title').filter({ hasText: '中秋禮盒異物爭議' }).waitFor();
  const log = admin.getByTestId('decision-log');
  await log
    .getByText(/分級建議：L2/)
    .first()
    .waitFor();
  await log.getByText('禮盒為中秋主力商品').first().waitFor();
  await shot(admin, 'room');
});

step('on a 375 px phone the settings, the editor and the declare form fit', async () => {
  const phone = await signIn(org.adminEmail, 375);
  await phone.goto(`${url}/crises/settings`);
  await phone.getByTestId('playbook-grid').waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'phone-grid');
  await phone.goto(`${url}/crises/settings/playbooks/product_quality/L2`);
  await phone.getByTestId('playbook-editor').waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'phone-editor');
  await phone.goto(`${url}/crises/settings?tab=grading`);
  await phone.getByTestId('grading-editor').waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'phone-grading');
  await phone.goto(`${url}/crises/new`);
  await phone.getByTestId('grading-questions').waitFor();
  await choose(
    phone,
    phone.getByTestId('grading-questions').getByRole('combobox', { name: '安全或健康影響' }),
    '已有人受傷、不適或就醫（L1）',
  );
  await phone.getByTestId('grading-suggestion').getByText('建議等級：L1 重大').waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'phone-declare');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});

step('the admin renames a crisis type and hides another; the list and the declare form follow', async () => {
  await admin.goto(`${url}/crises/settings?tab=lists`);
  const editor = admin.getByTestId('lists-editor');
  await editor.waitFor();
  const food = editor.getByTestId('list-type-product_quality-zh');
  assert.equal(await food.getAttribute('placeholder'), '產品品質／食安');
  await food.fill('食品安全');
  await editor.getByRole('switch', { name: '不使用：合作夥伴或網紅爭議' }).check();
  await editor.getByTestId('lists-save').click();
  await admin.getByText('已儲存類型與角色。').waitFor();
  await editor.getByText('已自訂（第 1 版）').waitFor();
  const saved = await org.admin.get('/api/crisis-config/lists');
  const type = (id: string) => saved.body.types.find((x: { id: string }) => x.id === id);
  assert.equal(type('product_quality').label['zh-TW'], '食品安全');
  assert.equal(type('partner_influencer').hidden, true);
  await admin.evaluate(() => window.scrollTo(0, 0));
  await shot(admin, 'lists');

  // The crises list names the earlier crisis's type with the new name.
  await admin.goto(`${url}/crises`);
  const card = admin.getByTestId('crisis-card').filter({ hasText: '中秋禮盒異物爭議' });
  await card.getByText('食品安全', { exact: true }).waitFor();
  assert.equal(await card.getByText('產品品質／食安').count(), 0);
  await shot(admin, 'lists-crises');

  // Declaring offers the new name and leaves the hidden type out.
  await admin.goto(`${url}/crises/new`);
  await admin.getByRole('heading', { name: '宣告危機' }).waitFor();
  await admin.getByRole('combobox', { name: '類型' }).click();
  await admin.getByRole('option', { name: '食品安全', exact: true }).waitFor();
  assert.equal(await admin.getByRole('option', { name: '合作夥伴或網紅爭議' }).count(), 0);
  assert.equal(await admin.getByRole('option', { name: '產品品質／食安' }).count(), 0);
  await shot(admin, 'lists-declare', false);
  await admin.keyboard.press('Escape');

  const phone = await signIn(org.adminEmail, 375);
  await phone.goto(`${url}/crises/settings?tab=lists`);
  await phone.getByTestId('lists-editor').waitFor();
  await assertNoOverflow(phone, 375);
  await shot(phone, 'phone-lists');
  assert.deepEqual(dialogs, []);
  assert.deepEqual(pageErrors, []);
});
