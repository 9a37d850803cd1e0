// Scoring a drill from real events: the alert, crisis, statement and briefing services are driven inside a drill's
// sandbox (sessions acting as the players' copies) at times the test sets, and the clocks come out as exactly
// those times, in real seconds, against the escalation policy's and the playbook's targets. Nothing another
// organisation does counts; steps never taken are null and not met; overdue tasks, statements approved with
// open findings (not with accepted ones), the briefing's acknowledgement rate, injects, mentions, observers'
// scores and the timeline.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Client } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { ingestMentions } from '../../monitoring/server/ingest.ts';
import {
  approveChain,
  type BuiltDrill,
  buildDrill,
  declare,
  draft,
  endDrill,
  fireAlert,
  inside,
  ok,
  type ReportOrg,
  reportOrg,
} from './report-fixtures.ts';
import { DEFAULT_ACK_MINUTES, scoreDrill } from './scoring.ts';

const SEC = 1000;
const MIN = 60 * SEC;

describe('drill scoring from the event spine', () => {
  const clock = createTestClock(new Date('2026-03-10T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: ReportOrg;
  let d: BuiltDrill;
  let manager: Client;
  let legal: Client;
  let player: Client;
  let crisisId = '';
  let holdingId = '';
  let end = 0;

  before(async () => {
    ctx = await startTestServer({ clock });
    org = await reportOrg(ctx);
    d = await buildDrill(ctx, clock, org, [
      { person: org.admin, role: 'admin', as: 'facilitator' },
      { person: org.manager, role: 'manager', as: 'player' },
      { person: org.legal, role: 'member', as: 'player' },
      { person: org.player, role: 'member', as: 'player' },
    ]);
    manager = await inside(ctx, d, org.manager);
    legal = await inside(ctx, d, org.legal);
    player = await inside(ctx, d, org.player);
    const start = clock.now().getTime();
    const at = (ms: number) => clock.set(new Date(start + ms));

    // The live organisation fires and declares first: none of it may count for the drill.
    at(10 * SEC);
    const liveAlert = await fireAlert(ctx, clock, org.orgId, '真實組織的議題');
    at(20 * SEC);
    await ok(
      org.admin.client.post('/api/crises', { title: '真實組織的危機', type: 'product_quality', severity: 'L2', alertId: liveAlert }),
      201,
    );

    at(60 * SEC);
    const alertId = await fireAlert(ctx, clock, d.sandboxOrgId);
    at(60 * SEC + 90 * SEC);
    await ok(manager.post(`/api/alerts/${alertId}/acknowledge`, {}));
    at(60 * SEC + 10 * MIN);
    const crisis = await declare(manager, alertId, '信義店珍奶塑化劑風波', { legal: d.copyOf(org.legal), pr: d.copyOf(org.player) });
    crisisId = crisis.id;
    const declaredAt = clock.now().getTime();
    const after = (ms: number) => clock.set(new Date(declaredAt + ms));

    // The holding statement promises too much (an open finding) and is approved as it is.
    after(2 * MIN);
    const holding = await draft(player, crisisId, 'holding', '初步聲明', '我們保證絕不再發生。我們已暫停販售並送驗。');
    holdingId = holding.id;
    assert.ok(holding.findings.length > 0, 'the checker flags the promise');
    after(5 * MIN);
    let step = 0;
    await approveChain(player, [player, legal], holding, () => after([5 * MIN, 15 * MIN][step++]));
    after(25 * MIN);
    await ok(player.post(`/api/statements/${holdingId}/publications`, { channel: 'website' }), 201);

    // A second statement whose finding was accepted as a risk before the commander's override: not counted.
    after(30 * MIN);
    const script = await draft(player, crisisId, 'cs_script', '客服話術', '我們保證絕不再發生。');
    const f = (script.findings as { rule: string; start: number; end: number }[])[0];
    await ok(
      player.post(`/api/statements/${script.id}/versions/1/accepted`, { rule: f.rule, start: f.start, end: f.end, reason: '法務確認可用' }),
    );
    after(31 * MIN);
    await ok(manager.post(`/api/statements/${script.id}/override`, { head: 1, reason: '演練中指揮官核准' }));

    // The briefing goes to all four people of the sandbox; two acknowledge before the end, one after it.
    after(40 * MIN);
    const b = await ok(
      player.post(`/api/statements/${holdingId}/briefings`, { title: '對外口徑', say: '已暫停販售並送驗', dontSay: '不要臆測原因' }),
      201,
    );
    after(45 * MIN);
    await ok(legal.post(`/api/briefings/${b.id}/ack`, {}));
    await ok(player.post(`/api/briefings/${b.id}/ack`, {}));

    // A task done in time.
    const view = await ok(manager.get(`/api/crises/${crisisId}`));
    const facts = view.tasks.find((t: { playbookKey: string }) => t.playbookKey === 'confirm_facts');
    await ok(manager.patch(`/api/crises/${crisisId}/tasks/${facts.id}`, { version: facts.version, status: 'done' }));

    // What the scenario did: injects (two delivered), mentions through the real ingest, observers' notes.
    for (const [key, delivered] of [
      ['journalist', true],
      ['regulator', true],
      ['rumour', false],
    ] as const)
      await ctx.server.db.execute(sql`INSERT INTO scenario_injects (run_id, org_id, key, at_ms, kind, sender, subject, body, delivered_at)
        VALUES (${d.runId}, ${d.sandboxOrgId}, ${key}, 0, 'email', '記者', '請回覆', '內容', ${delivered ? clock.now().toISOString() : null})`);
    const mentions = Array.from({ length: 7 }, (_, i) => ({
      source: 'ptt',
      externalId: `m${i}`,
      text: `信義店的珍奶驗出塑化劑 ${i}`,
      publishedAt: clock.now().toISOString(),
    }));
    await ingestMentions({ db: ctx.server.db, clock }, d.sandboxOrgId, { type: 'system', label: 'scenario player' }, mentions);
    await ingestMentions({ db: ctx.server.db, clock }, org.orgId, { type: 'system', label: 'live' }, mentions);
    for (const [capability, score] of [
      ['decide', 4],
      ['decide', 2],
      ['communicate', null],
    ] as const)
      await ctx.server.db.execute(sql`INSERT INTO drill_observations (drill_id, author_id, capability, score, note)
        VALUES (${d.drillId}, ${org.admin.id}, ${capability}, ${score}, '觀察')`);

    after(150 * MIN);
    end = clock.now().getTime();
    await endDrill(ctx, clock, d);
    // After the end: an acknowledgement that came too late.
    after(160 * MIN);
    await ok(manager.post(`/api/briefings/${b.id}/ack`, {}));
  });

  test('the clocks are the real seconds the test drove, against the policy’s and the playbook’s targets', async () => {
    const s = await scoreDrill(ctx.server.db, d.drillId, clock.now());
    const by = Object.fromEntries(s.clocks.map((c) => [c.key, c]));
    assert.equal(by.alert_acknowledged.seconds, 90);
    assert.equal(by.alert_acknowledged.targetSeconds, DEFAULT_ACK_MINUTES * 60, 'no escalation policy: the stated default');
    assert.equal(by.alert_acknowledged.met, true);
    assert.equal(by.crisis_declared.seconds, 10 * 60);
    assert.equal(by.crisis_declared.targetSeconds, 60 * 60);
    assert.equal(by.holding_drafted.seconds, 2 * 60);
    assert.equal(by.holding_legal_approved.seconds, 15 * 60, 'the legal counsel’s step, not the PR lead’s');
    assert.equal(by.holding_legal_approved.targetSeconds, 100 * 60, 'L2 legal review clock of the playbook');
    assert.equal(by.holding_published.seconds, 25 * 60);
    assert.equal(by.holding_published.targetSeconds, 120 * 60, 'L2 holding statement clock of the playbook');
    assert.equal(by.holding_published.met, true);
    assert.equal(
      by.crisis_declared.fromAt,
      new Date(Date.parse('2026-03-10T02:01:00Z')).toISOString(),
      'from the sandbox’s alert, not the live one',
    );
  });

  test('measures: overdue tasks, approvals with open findings, acknowledgements by the end, injects, mentions, scores', async () => {
    const s = await scoreDrill(ctx.server.db, d.drillId, clock.now());
    const view = await ok(manager.get(`/api/crises/${crisisId}`));
    type T = { dueAt: string | null; status: string; playbookKey: string };
    const tasks: T[] = view.tasks;
    const overdue = tasks.filter((t) => t.dueAt && Date.parse(t.dueAt) < end && t.status !== 'done');
    assert.ok(overdue.length >= 3, 'several of the playbook’s early tasks were left undone');
    assert.equal(s.measures.tasksTotal, tasks.length, 'only the sandbox crisis’s tasks');
    assert.equal(s.measures.tasksOverdue, overdue.length);
    assert.equal(s.measures.tasksDone, tasks.filter((t) => t.status === 'done').length);
    assert.ok(
      tasks.some((t) => t.playbookKey === 'holding_statement' && t.status === 'done'),
      'publishing completed the holding task',
    );
    assert.equal(s.measures.statementsApprovedWithOpenFindings, 1, 'the holding statement; not the script whose risk was accepted');
    assert.equal(s.measures.briefingRecipients, 4);
    assert.equal(s.measures.briefingAcknowledged, 2, 'the acknowledgement after the end does not count');
    assert.equal(s.measures.briefingAckRate, 0.5);
    assert.equal(s.measures.alerts, 1);
    assert.equal(s.measures.injectsDelivered, 2);
    assert.equal(s.measures.mentions, 7);
    const decide = s.scores.find((x) => x.capability === 'decide');
    assert.deepEqual(decide, { capability: 'decide', average: 3, notes: 2 });
    assert.deepEqual(
      s.scores.find((x) => x.capability === 'communicate'),
      { capability: 'communicate', average: null, notes: 1 },
    );
  });

  test('the timeline: the sandbox’s events with seconds since the start and labels, nothing of the live organisation', async () => {
    const s = await scoreDrill(ctx.server.db, d.drillId, clock.now());
    const declared = s.timeline.find((e) => e.type === 'crisis.declared');
    assert.ok(declared);
    assert.equal(declared.label, '信義店珍奶塑化劑風波');
    assert.equal(declared.t, 60 + 10 * 60);
    assert.equal(declared.actor, '林經理');
    assert.ok(s.timeline.some((e) => e.type === 'statement.published' && e.label === '初步聲明'));
    assert.ok(!s.timeline.some((e) => e.label.includes('真實組織')), 'no live-organisation event');
    assert.ok(!s.timeline.some((e) => e.type === 'mention.batch_ingested'), 'ingest batches are left out');
    const ts = s.timeline.map((e) => e.t);
    assert.deepEqual(
      ts,
      [...ts].sort((a, b) => a - b),
      'in time order',
    );
  });

  test('steps never taken are null and not met; an escalation policy sets the acknowledgement target', async () => {
    const other = await buildDrill(ctx, clock, org, [{ person: org.manager, role: 'manager', as: 'player' }], '未回應的演練');
    await ctx.server.db.execute(sql`INSERT INTO warning_settings (org_id, settings) VALUES (${other.sandboxOrgId},
      ${JSON.stringify({ grading: { L1: 80, L2: 60, L3: 40 }, escalation: { levels: [{ afterMinutes: 7, channelIds: [crypto.randomUUID()] }], repeat: 0 } })}::jsonb)`);
    clock.advance(MIN);
    await fireAlert(ctx, clock, other.sandboxOrgId);
    clock.advance(30 * MIN);
    await endDrill(ctx, clock, other);
    const s = await scoreDrill(ctx.server.db, other.drillId, clock.now());
    for (const c of s.clocks) {
      assert.equal(c.seconds, null, c.key);
      assert.equal(c.met, false, `${c.key}: a step never taken is not met`);
    }
    assert.equal(s.clocks[0].targetSeconds, 7 * 60, 'the first escalation level’s wait');
    assert.ok(s.clocks[0].fromAt, 'the alert did fire');
    assert.equal(s.clocks[2].fromAt, null, 'no crisis: the statement clocks have no start');
    assert.equal(s.measures.briefingAckRate, null, 'no briefing sent');
    assert.equal(s.measures.tasksTotal, 0);
  });
});
