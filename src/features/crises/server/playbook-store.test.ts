// The organisation's playbooks over real HTTP and PostgreSQL: the 36-entry grid, saving with the version seen
// (409), reset, export → import round trip (identity), imports refused with exact line numbers (YAML syntax,
// duplicate key, unknown role, negative due, duplicate task key, unknown person) and nothing half-imported;
// declaring then uses the organisation's playbook, its default people, the on-call person, checklists, the
// notification plan and the grading questionnaire; the grading matrix saves with its version.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { alerts } from '../../warnings/server/schema.ts';
import { crisisDetail, type Playbook } from '../contract.ts';
import { defaultPlaybook } from '../playbooks.ts';
import { defaultGradingMatrix } from './grading.ts';

const put = (c: Client, path: string, body: unknown) => c.request('PUT', path, body);
const at = (type: string, severity: string) => `/api/crisis-config/playbooks/${type}/${severity}`;

/** A minimal valid file with the given playbook bodies (YAML, one playbook per item). */
const yamlFile = (...books: string[]) => `format: firebreak.playbooks/v1\nplaybooks:\n${books.join('')}`;
const book = (type: string, severity: string, extra = '', taskRole = 'pr_lead', due = '60', key2 = 'second') =>
  `  - type: ${type}
    severity: ${severity}
    roles: [commander, pr_lead, scribe]
    updateEveryHours: 4
    tasks:
      - key: first
        title: { zh-TW: 第一件事, en: First thing }
        role: ${taskRole}
        dueMinutes: ${due}
      - key: ${key2}
        title: { zh-TW: 第二件事, en: Second thing }
        role: scribe
        dueMinutes: 120
${extra}`;

describe('playbook store', () => {
  const clock = createTestClock(new Date('2026-03-10T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let manager: { client: Client; id: string };
  let legal: { client: Client; id: string };
  let onCallA: { client: Client; id: string };
  let onCallB: { client: Client; id: string };
  let reporter: { client: Client; id: string };
  let scheduleId = '';

  const importText = (text: string, dryRun = false) => org.admin.post('/api/crisis-config/playbooks/import', { text, dryRun });
  const exported = async (format: 'yaml' | 'json') => {
    const r = await org.admin.get(`/api/crisis-config/playbooks/export?format=${format}`);
    assert.equal(r.status, 200);
    return typeof r.body === 'string' ? r.body : JSON.stringify(r.body, null, 2);
  };
  const customised = async () =>
    ((await org.admin.get('/api/crisis-config/playbooks')).body.playbooks as Array<{ type: string; severity: string; customised: boolean }>)
      .filter((p) => p.customised)
      .map((p) => `${p.type}/${p.severity}`);

  before(async () => {
    ctx = await startTestServer({ clock });
    org = await setUpOrg(ctx.url);
    manager = await org.userWithRole('manager', '王經理');
    legal = await org.userWithRole('member', '林法務');
    onCallA = await org.userWithRole('member', '值班甲');
    onCallB = await org.userWithRole('member', '值班乙');
    reporter = await org.userWithRole('reporter', '通報者');
    const s = await org.admin.post('/api/oncall-schedules', {
      name: '公關值班',
      timeZone: 'Asia/Taipei',
      participants: [onCallA.id, onCallB.id],
      startDate: '2026-03-02',
      handoffTime: '09:00',
      lengthDays: 7,
      overrides: [],
    });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    scheduleId = s.body.id;
  });

  test('the grid lists all 36 type × level playbooks, all default at first; declarers may read, not change', async () => {
    const r = await org.admin.get('/api/crisis-config/playbooks');
    assert.equal(r.status, 200);
    assert.equal(r.body.playbooks.length, 36);
    assert.ok(r.body.playbooks.every((p: { customised: boolean; version: number }) => !p.customised && p.version === 0));
    assert.equal((await manager.client.get(at('data_breach', 'L2'))).status, 200, 'a declarer previews');
    const d = defaultPlaybook('data_breach', 'L2');
    assert.equal((await put(manager.client, at('data_breach', 'L2'), { playbook: d, version: 0 })).status, 403);
    assert.equal((await reporter.client.get('/api/crisis-config/playbooks')).status, 403);
  });

  test('saving: customised, versioned, 409 on a stale version, audited; the preview route serves it; reset', async () => {
    const d = defaultPlaybook('service_failure', 'L2');
    const mine: Playbook = {
      ...d,
      tasks: d.tasks.map((t) =>
        t.key === 'status_page' ? { ...t, dueMinutes: 20, checklist: [{ 'zh-TW': '狀態頁', en: 'Status page' }] } : t,
      ),
    };
    const r = await put(org.admin, at('service_failure', 'L2'), { playbook: mine, version: 0 });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.customised, true);
    assert.equal(r.body.version, 1);
    const again = await put(org.admin, at('service_failure', 'L2'), { playbook: mine, version: 0 });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'conflict');
    const mismatch = await put(org.admin, at('service_failure', 'L3'), { playbook: mine, version: 0 });
    assert.equal(mismatch.status, 400);
    const preview = await manager.client.get('/api/crises/playbook?type=service_failure&severity=L2');
    assert.equal(preview.body.tasks.find((t: { key: string }) => t.key === 'status_page').dueMinutes, 20);
    assert.deepEqual(await customised(), ['service_failure/L2']);
    const audit = await ctx.server.db.execute<{ type: string; data: { version: number } }>(
      "SELECT type, data FROM events WHERE type LIKE 'crisis_config.%' ORDER BY id" as never,
    );
    assert.deepEqual(
      audit.rows.map((x) => [x.type, x.data.version]),
      [['crisis_config.playbook_saved', 1]],
    );
    const reset = await org.admin.del(at('service_failure', 'L2'));
    assert.equal(reset.status, 200);
    assert.equal(reset.body.customised, false);
    assert.deepEqual(await customised(), []);
  });

  test('two first saves at once: one wins, the other is a 409 (no silent overwrite); an alias bomb is a 400', async () => {
    const d = defaultPlaybook('misinformation', 'L3');
    const a: Playbook = { ...d, updateEveryHours: 5 };
    const b: Playbook = { ...d, updateEveryHours: 7 };
    const both = await Promise.all([
      put(org.admin, at('misinformation', 'L3'), { playbook: a, version: 0 }),
      put(org.admin, at('misinformation', 'L3'), { playbook: b, version: 0 }),
    ]);
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 409]);
    const kept = both.find((r) => r.status === 200)?.body.playbook.updateEveryHours;
    assert.equal((await org.admin.get(at('misinformation', 'L3'))).body.playbook.updateEveryHours, kept);
    assert.equal((await org.admin.del(at('misinformation', 'L3'))).status, 200);
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const r = await importText(`${bomb}\n`);
    assert.equal(r.status, 400, JSON.stringify(r.body).slice(0, 300));
    assert.equal(r.body.errors[0].line, 1);
    assert.deepEqual(await customised(), []);
  });

  test('an unknown default person is refused with its field', async () => {
    const d = defaultPlaybook('other', 'L3');
    const r = await put(org.admin, at('other', 'L3'), {
      playbook: { ...d, defaultPeople: { pr_lead: { userId: '00000000-0000-4000-8000-000000000000' } } },
      version: 0,
    });
    assert.equal(r.status, 400);
    assert.equal(r.body.errors[0].path, 'playbook.defaultPeople.pr_lead.userId');
    assert.equal(r.body.errors[0].code, 'unknown_user');
  });

  test('export → import is the identity (YAML and JSON)', async () => {
    const d = defaultPlaybook('misconduct', 'L1');
    assert.equal((await put(org.admin, at('misconduct', 'L1'), { playbook: { ...d, updateEveryHours: 3 }, version: 0 })).status, 200);
    const yamlText = await exported('yaml');
    assert.equal(parse(yamlText).playbooks.length, 36);
    const dry = await importText(yamlText, true);
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.deepEqual(dry.body, { dryRun: true, playbooks: 36, changed: [] });
    const wet = await importText(yamlText);
    assert.deepEqual(wet.body, { dryRun: false, playbooks: 36, changed: [] });
    assert.equal(await exported('yaml'), yamlText);
    const jsonText = await exported('json');
    assert.deepEqual((await importText(jsonText)).body.changed, []);
    assert.equal(await exported('json'), jsonText);
    assert.deepEqual(await customised(), ['misconduct/L1']);
  });

  const expectLines = async (text: string, want: Array<[number, string]>) => {
    const r = await importText(text);
    assert.equal(r.status, 400, JSON.stringify(r.body));
    assert.equal(r.body.code, 'validation_failed');
    assert.deepEqual(
      r.body.errors.map((e: { line: number; code: string }) => [e.line, e.code]),
      want,
      JSON.stringify(r.body.errors),
    );
    return r.body.errors;
  };

  test('import errors point at their lines', async () => {
    // Bad YAML syntax: an unclosed flow mapping on line 8.
    const syntax = yamlFile(book('other', 'L4')).replace(
      'title: { zh-TW: 第一件事, en: First thing }',
      'title: { zh-TW: 第一件事, en: First thing',
    );
    const s = await importText(syntax);
    assert.equal(s.status, 400);
    assert.ok(s.body.errors.length >= 1);
    assert.equal(s.body.errors[0].code, 'yaml_syntax');
    assert.ok(s.body.errors[0].line >= 8, JSON.stringify(s.body.errors));
    // A duplicate key in a map (line 5 repeats "severity").
    await expectLines(yamlFile(book('other', 'L4').replace('    roles:', '    severity: L3\n    roles:')), [[5, 'duplicate_key']]);
    // An unknown role (line 10) and a negative due (line 11), in one file: both reported.
    const errs = await expectLines(yamlFile(book('other', 'L4', '', 'janitor', '-5')), [
      [10, 'invalid_value'],
      [11, 'too_small'],
    ]);
    assert.equal(errs[0].path, 'playbooks.0.tasks.0.role');
    assert.equal(errs[0].column, 15);
    // A duplicate task key (line 12).
    await expectLines(yamlFile(book('other', 'L4', '', 'pr_lead', '60', 'first')), [[12, 'custom']]);
    // An unknown person as a default (line 30, in the second playbook).
    const unknown = yamlFile(
      book('other', 'L4'),
      book('other', 'L3', '    defaultPeople:\n      pr_lead: { userId: 00000000-0000-4000-8000-000000000000 }\n'),
    );
    await expectLines(unknown, [[30, 'unknown_user']]);
    // An unknown field is pointed at its key.
    await expectLines(yamlFile(book('other', 'L4', '    colour: red\n')), [[16, 'unrecognized_keys']]);
    // JSON too (JSON is YAML): a wrong level on line 5.
    const json = JSON.stringify({ playbooks: [{ ...defaultPlaybook('other', 'L4'), severity: 'L9' }] }, null, 2);
    await expectLines(json, [[5, 'invalid_value']]);
  });

  test('nothing is half-imported: one bad playbook among good ones changes nothing', async () => {
    const before = await exported('yaml');
    const text = yamlFile(book('other', 'L4'), book('other', 'L3', '', 'pr_lead', '-1'), book('other', 'L2'));
    await expectLines(text, [[24, 'too_small']]);
    assert.equal(await exported('yaml'), before);
    // The same file without the mistake imports all three.
    const ok = await importText(text.replace('dueMinutes: -1', 'dueMinutes: 1'));
    assert.equal(ok.status, 200, JSON.stringify(ok.body));
    assert.deepEqual(ok.body.changed, ['other/L4', 'other/L3', 'other/L2']);
    assert.deepEqual((await customised()).sort(), ['misconduct/L1', 'other/L2', 'other/L3', 'other/L4']);
  });

  test('declaring uses the organisation playbook: default people, the on-call person, checklists, the notification plan', async () => {
    const d = defaultPlaybook('data_breach', 'L2');
    const mine: Playbook = {
      ...d,
      defaultPeople: { legal_counsel: { userId: legal.id }, pr_lead: { scheduleId } },
      notify: { page: ['commander', 'legal_counsel'], inform: ['pr_lead', 'scribe'] },
      tasks: [
        ...d.tasks,
        {
          key: 'call_insurer',
          title: { 'zh-TW': '通知資安保險公司', en: 'Call the cyber insurer' },
          detail: { 'zh-TW': '保單號碼在法務共用資料夾', en: 'Policy number in the legal share' },
          role: 'legal_counsel',
          dueMinutes: 90,
          checklist: [
            { 'zh-TW': '提供事件時間軸', en: 'Send the timeline' },
            { 'zh-TW': '確認理賠窗口', en: 'Confirm the claims contact' },
          ],
        },
      ],
    };
    assert.equal((await put(org.admin, at('data_breach', 'L2'), { playbook: mine, version: 0 })).status, 200);
    // 2026-03-10T02:00Z is Tuesday 10:00 in Taipei: the first week's turn (from Monday 2 March 09:00) is over, so B is on call.
    const r = await manager.client.post('/api/crises', {
      title: '會員資料外洩',
      type: 'data_breach',
      severity: 'L1',
      reason: '已有媒體詢問，且涉及大量個資',
      grading: { reach: 'cross_platform', media: 'mainstream' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    // L1 is another playbook (the default): only the L2 one is customised.
    const l1 = crisisDetail.parse(r.body);
    assert.deepEqual(
      l1.team.map((m) => m.role),
      ['commander'],
    );

    const noReason = await manager.client.post('/api/crises', {
      title: '會員資料外洩',
      type: 'data_breach',
      severity: 'L1',
      grading: { reach: 'cross_platform', media: 'mainstream' },
    });
    assert.equal(noReason.status, 400, 'a level other than the suggested one needs a reason');
    assert.equal(noReason.body.errors[0].path, 'reason');
    const badAnswer = await manager.client.post('/api/crises', {
      title: 'x',
      type: 'data_breach',
      severity: 'L2',
      grading: { reach: 'nope' },
    });
    assert.equal(badAnswer.status, 400);
    assert.equal(badAnswer.body.errors[0].path, 'grading.reach');

    const r2 = await manager.client.post('/api/crises', {
      title: '會員資料外洩（二）',
      type: 'data_breach',
      severity: 'L2',
      grading: { reach: 'cross_platform', media: 'mainstream', safety: 'none' },
    });
    assert.equal(r2.status, 201, JSON.stringify(r2.body));
    const c = crisisDetail.parse(r2.body);
    const holder = (role: string) => c.team.find((m) => m.role === role)?.userId;
    assert.equal(holder('commander'), manager.id);
    assert.equal(holder('legal_counsel'), legal.id);
    assert.equal(holder('pr_lead'), onCallB.id, 'the person on call now');
    const insurer = c.tasks.find((t) => t.playbookKey === 'call_insurer');
    assert.ok(insurer);
    assert.equal(insurer.assigneeId, legal.id);
    assert.equal(insurer.detail, '保單號碼在法務共用資料夾');
    assert.equal(new Date(insurer.dueAt ?? 0).getTime() - clock.now().getTime(), 90 * 60_000);
    const stored = await ctx.server.db.execute<{ checklist: unknown }>(
      `SELECT checklist FROM crisis_tasks WHERE id = '${insurer.id}'` as never,
    );
    assert.deepEqual(stored.rows[0].checklist, [
      { text: '提供事件時間軸', done: false },
      { text: '確認理賠窗口', done: false },
    ]);
    const first = c.decisions[0];
    assert.match(first.options ?? '', /擴散範圍與速度：跨平台快速擴散、登上熱門（L2）/);
    assert.match(first.options ?? '', /分級建議：L2/);
    const declared = c.timeline.find((e) => e.type === 'crisis.declared');
    assert.ok(declared);
    assert.deepEqual(declared.data.notify, { page: [legal.id], inform: [onCallB.id] });
    // Each is handed to the crisis messages (queued in the declaring transaction).
    const queued = await ctx.server.db.execute<{ user_id: string; event: string }>(
      `SELECT user_id, event FROM notification_deliveries WHERE crisis_id = '${c.id}' AND user_id IS NOT NULL ORDER BY event` as never,
    );
    assert.deepEqual(
      queued.rows.map((x) => [x.event, x.user_id]),
      [
        ['crisis.team_informed', onCallB.id],
        ['crisis.team_paged', legal.id],
      ],
    );
    assert.deepEqual((declared.data.grading as { suggested: string }).suggested, 'L2');
    assert.deepEqual((declared.data.team as Array<{ role: string; via: string }>).map((m) => `${m.role}:${m.via}`).sort(), [
      'commander:person',
      'legal_counsel:person',
      'pr_lead:schedule',
    ]);
  });

  test('declaring from an alert: its level pre-answers the grading (a lower level needs a reason)', async () => {
    const topicId = (await org.admin.post('/api/topics', { name: '禮盒', query: '禮盒' })).body.id as string;
    const now = clock.now();
    const [a] = await ctx.server.db
      .insert(alerts)
      .values({
        orgId: org.orgId,
        topicId,
        risk: 72,
        severity: 'L2',
        signals: [],
        drivers: { mentions: 0, negativeMentions: 0, reach: 0, clusters: [], authors: [], negatives: [] },
        windowStart: now,
        windowEnd: now,
        openedAt: now,
        lastFiredAt: now,
      })
      .returning();
    const body = { title: '禮盒負評', type: 'other', alertId: a.id, grading: { media: 'online' } };
    const lower = await manager.client.post('/api/crises', { ...body, severity: 'L3' });
    assert.equal(lower.status, 400, 'the alert makes it L2: L3 needs a reason');
    assert.equal(lower.body.errors[0].path, 'reason');
    const r = await manager.client.post('/api/crises', { ...body, severity: 'L2' });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    const c = crisisDetail.parse(r.body);
    assert.match(c.decisions[0].options ?? '', /擴散範圍與速度：跨平台快速擴散、登上熱門（L2）/);
    const declared = c.timeline.find((e) => e.type === 'crisis.declared');
    assert.ok(declared);
    assert.equal((declared.data.grading as { suggested: string }).suggested, 'L2');
    assert.deepEqual(declared.data.notify, { page: [], inform: [] }, 'nobody else on the team yet');
  });

  test('the grading matrix: default, saved with its version (409 when stale), reset', async () => {
    const g = await manager.client.get('/api/crisis-config/grading');
    assert.equal(g.status, 200);
    assert.deepEqual(g.body, { matrix: defaultGradingMatrix, version: 0, customised: false });
    const mine = { ...defaultGradingMatrix, escalateAt: null };
    assert.equal((await put(manager.client, '/api/crisis-config/grading', { matrix: mine, version: 0 })).status, 403);
    const s = await put(org.admin, '/api/crisis-config/grading', { matrix: mine, version: 0 });
    assert.equal(s.status, 200, JSON.stringify(s.body));
    assert.equal(s.body.version, 1);
    assert.equal((await put(org.admin, '/api/crisis-config/grading', { matrix: mine, version: 0 })).status, 409);
    const dup = await put(org.admin, '/api/crisis-config/grading', {
      matrix: { ...mine, criteria: [mine.criteria[0], mine.criteria[0]] },
      version: 1,
    });
    assert.equal(dup.status, 400);
    assert.equal((await org.admin.del('/api/crisis-config/grading')).body.customised, false);
  });
});
