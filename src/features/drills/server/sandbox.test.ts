// The drill sandbox on a real database: a separate organisation of kind 'drill' holding copies of the participants
// only (no password, same e-mail) and of the organisation's configuration — playbooks, grading, crisis lists,
// templates, approval chains, warning settings, manual rules (on the scenario's topics), channels (outward ones
// disabled and pointed nowhere, e-mail only to participants), on-call schedules — with every reference to a person,
// department, schedule or channel mapped onto the copies; e-mail stays unique among real people; a copy can never
// sign in with a password.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { createClient, PASSWORD } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { crisisPlaybooks, crisisSettings, gradingMatrices } from '../../crises/server/schema.ts';
import { topics } from '../../monitoring/server/schema.ts';
import { departments, users } from '../../people/server/schema.ts';
import { approvalChains, statementTemplates } from '../../statements/server/schema.ts';
import {
  alertRules,
  notificationChannels,
  notificationPreferences,
  oncallSchedules,
  warningSettings,
} from '../../warnings/server/schema.ts';
import { drillOrg } from './drills-fixtures.ts';
import { createSandbox, type Sandbox } from './sandbox.ts';

describe('drill sandbox', () => {
  const clock = createTestClock(new Date('2026-05-04T01:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof drillOrg>>;
  let sb: Sandbox;
  let legal = '';
  let schedAll = '';
  let schedOut = '';
  const ch: Record<string, string> = {};
  const rows = async <T>(q: ReturnType<typeof sql>) => (await ctx.server.db.execute(q)).rows as T[];

  before(async () => {
    ctx = await startTestServer({ clock, background: false });
    org = await drillOrg(ctx.url);
    const db = ctx.server.db;
    const [dept] = await db.insert(departments).values({ orgId: org.orgId, kind: 'legal', name: '法務部' }).returning();
    legal = dept.id;
    await db.update(users).set({ departmentId: legal, title: '法務顧問' }).where(sql`id = ${org.player.id}`);
    await db
      .insert(notificationPreferences)
      .values({ userId: org.player.id, orgId: org.orgId, quietHours: { from: '23:00', to: '07:00', timeZone: 'Asia/Taipei' } });
    // Configuration naming participants (admin, player) and someone left out (outsider).
    const book = (who: string) => ({
      type: 'product_quality',
      severity: 'L2',
      roles: ['commander', 'legal_counsel', 'pr_lead'],
      defaultPeople: { commander: { userId: org.adminId }, legal_counsel: { userId: who }, pr_lead: { scheduleId: 'SCHED' } },
      tasks: [],
      updateEveryHours: 4,
    });
    const [s1] = await db
      .insert(oncallSchedules)
      .values({
        orgId: org.orgId,
        name: '公關值班',
        settings: {
          name: '公關值班',
          timeZone: 'Asia/Taipei',
          participants: [org.outsider.id, org.player.id],
          startDate: '2026-05-01',
          handoffTime: '09:00',
          lengthDays: 7,
          overrides: [
            { userId: org.outsider.id, start: '2026-05-05T00:00:00Z', end: '2026-05-06T00:00:00Z' },
            { userId: org.player.id, start: '2026-05-07T00:00:00Z', end: '2026-05-08T00:00:00Z' },
          ],
        },
      })
      .returning();
    const [s2] = await db
      .insert(oncallSchedules)
      .values({
        orgId: org.orgId,
        name: '夜間值班',
        settings: {
          name: '夜間值班',
          timeZone: 'Asia/Taipei',
          participants: [org.outsider.id],
          startDate: '2026-05-01',
          handoffTime: '09:00',
          lengthDays: 7,
          overrides: [],
        },
      })
      .returning();
    schedAll = s1.id;
    schedOut = s2.id;
    const b1 = book(org.player.id);
    b1.defaultPeople.pr_lead = { scheduleId: schedAll };
    const b2 = { ...book(org.outsider.id), severity: 'L1' };
    b2.defaultPeople.pr_lead = { scheduleId: schedOut };
    await db.insert(crisisPlaybooks).values([
      { orgId: org.orgId, type: 'product_quality', severity: 'L2', body: b1, updatedBy: org.adminId, updatedAt: clock.now() },
      { orgId: org.orgId, type: 'product_quality', severity: 'L1', body: b2, updatedBy: org.outsider.id, updatedAt: clock.now() },
    ]);
    await db
      .insert(gradingMatrices)
      .values({ orgId: org.orgId, body: { criteria: [] }, updatedBy: org.outsider.id, updatedAt: clock.now() });
    await db.insert(crisisSettings).values({
      orgId: org.orgId,
      types: [{ id: 'product_quality', label: { 'zh-TW': '食安', en: 'Food safety' }, hidden: false }],
      roles: [],
      updatedAt: clock.now(),
    });
    await db.insert(statementTemplates).values([
      {
        orgId: org.orgId,
        kind: 'holding',
        language: 'zh-TW',
        name: '預核聲明',
        body: '我們已注意到…',
        legalSignedAt: clock.now(),
        legalSignedBy: org.player.id,
        updatedAt: clock.now(),
      },
      {
        orgId: org.orgId,
        kind: 'holding',
        language: 'en',
        name: 'Holding',
        body: 'We are aware…',
        legalSignedAt: clock.now(),
        legalSignedBy: org.outsider.id,
        updatedAt: clock.now(),
      },
    ]);
    await db.insert(approvalChains).values({
      orgId: org.orgId,
      severity: 'L2',
      kindGroup: 'external',
      steps: [
        { role: 'legal_counsel', backups: [org.player.id, org.outsider.id] },
        { role: 'commander', backups: [] },
      ],
      updatedAt: clock.now(),
    });
    const channels = [
      { name: '全員信箱', config: { kind: 'email', to: [org.player.email, org.outsider.email, 'ceo@example.org'] } },
      { name: '外部信箱', config: { kind: 'email', to: ['press@example.org'] } },
      { name: 'Slack', config: { kind: 'slack', url: 'https://hooks.slack.com/services/T000/B000/XXXX' } },
      { name: 'Webhook', config: { kind: 'webhook', url: 'https://hooks.example.org/firebreak', secret: 'a-very-secret-webhook-key' } },
      { name: 'LINE', config: { kind: 'line', token: 'line-channel-access-token', to: 'U1234567890' } },
    ];
    for (const c of channels) {
      const [row] = await db
        .insert(notificationChannels)
        .values({ orgId: org.orgId, kind: c.config.kind, name: c.name, config: c.config, enabled: true })
        .returning();
      ch[c.name] = row.id;
    }
    await db.insert(warningSettings).values({
      orgId: org.orgId,
      settings: {
        grading: { L1: 85, L2: 65, L3: 45 },
        bucketMinutes: 1,
        escalation: {
          levels: [
            { afterMinutes: 5, channelIds: [ch.Slack], scheduleIds: [schedAll] },
            { afterMinutes: 10, channelIds: [], scheduleIds: [schedOut] },
          ],
          repeat: 1,
        },
      },
    });
    const [liveTopic] = await db.insert(topics).values({ orgId: org.orgId, name: '品牌', query: '茶聚堂' }).returning();
    await db.insert(alertRules).values([
      {
        orgId: org.orgId,
        topicId: liveTopic.id,
        name: '負評暴增',
        config: { kind: 'threshold', signal: 'negative', count: 30, minutes: 10 },
      },
      {
        orgId: org.orgId,
        topicId: liveTopic.id,
        name: '記者名單',
        config: { kind: 'watchlist', authors: ['北市即時新聞'], sources: [] },
        enabled: false,
      },
    ]);
    sb = await db.transaction((tx) =>
      createSandbox(
        tx,
        { clock },
        {
          liveOrgId: org.orgId,
          drillTitle: '茶聚堂異物',
          participants: [
            { userId: org.adminId, role: 'facilitator' },
            { userId: org.player.id, role: 'player' },
            { userId: org.observer.id, role: 'observer' },
          ],
          topics: [
            { name: '茶聚堂', query: '茶聚堂' },
            { name: '異物', query: '異物 OR 塑膠片' },
          ],
        },
      ),
    );
  });

  test('is a separate organisation of kind drill, named for the drill, sandbox of the live one, no second-factor roles of its own', async () => {
    const [o] = await rows<{ kind: string; sandbox_of: string; name: string; totp_required_roles: string[]; time_zone: string }>(
      sql`SELECT kind, sandbox_of, name, totp_required_roles, time_zone FROM organisations WHERE id = ${sb.sandboxOrgId}`,
    );
    assert.deepEqual(o, {
      kind: 'drill',
      sandbox_of: org.orgId,
      name: '演練：茶聚堂異物',
      totp_required_roles: [],
      time_zone: 'Asia/Taipei',
    });
  });

  test('copies only the participants: same name, e-mail, role, department and title; no password; active', async () => {
    const copies = await rows<{
      id: string;
      email: string;
      role: string;
      sandbox_of: string;
      password_hash: string | null;
      status: string;
      department_id: string | null;
      title: string | null;
    }>(
      sql`SELECT id, email, role, sandbox_of, password_hash, status, department_id, title FROM users WHERE org_id = ${sb.sandboxOrgId} ORDER BY email`,
    );
    assert.equal(copies.length, 3);
    assert.deepEqual(new Set(copies.map((c) => c.sandbox_of)), new Set([org.adminId, org.player.id, org.observer.id]));
    for (const c of copies) {
      assert.equal(c.password_hash, null);
      assert.equal(c.status, 'active');
      assert.equal(sb.userMap.get(c.sandbox_of), c.id);
    }
    const player = copies.find((c) => c.sandbox_of === org.player.id);
    assert.equal(player?.email, org.player.email);
    assert.equal(player?.role, 'member');
    assert.equal(player?.title, '法務顧問');
    const [dept] = await rows<{ org_id: string; name: string }>(
      sql`SELECT org_id, name FROM departments WHERE id = ${player?.department_id}`,
    );
    assert.deepEqual(dept, { org_id: sb.sandboxOrgId, name: '法務部' });
    const prefs = await rows<{ user_id: string }>(sql`SELECT user_id FROM notification_preferences WHERE org_id = ${sb.sandboxOrgId}`);
    assert.deepEqual(
      prefs.map((p) => p.user_id),
      [player?.id],
    );
  });

  test('playbooks, grading and crisis lists are copied with default people and schedules mapped (others dropped)', async () => {
    const books = await ctx.server.db.select().from(crisisPlaybooks).where(sql`org_id = ${sb.sandboxOrgId}`);
    assert.equal(books.length, 2);
    const l2 = books.find((b) => b.severity === 'L2')?.body as { defaultPeople: Record<string, unknown> };
    const l1 = books.find((b) => b.severity === 'L1');
    const copiedSchedule = (await rows<{ id: string }>(sql`SELECT id FROM oncall_schedules WHERE org_id = ${sb.sandboxOrgId}`))[0].id;
    assert.deepEqual(l2.defaultPeople, {
      commander: { userId: sb.userMap.get(org.adminId) },
      legal_counsel: { userId: sb.userMap.get(org.player.id) },
      pr_lead: { scheduleId: copiedSchedule },
    });
    // The outsider and the schedule of outsiders only are not in the sandbox.
    assert.deepEqual((l1?.body as { defaultPeople: unknown } | undefined)?.defaultPeople, {
      commander: { userId: sb.userMap.get(org.adminId) },
    });
    assert.equal(l1?.updatedBy, null);
    const [g] = await ctx.server.db.select().from(gradingMatrices).where(sql`org_id = ${sb.sandboxOrgId}`);
    assert.deepEqual(g.body, { criteria: [] });
    assert.equal(g.updatedBy, null);
    const [s] = await ctx.server.db.select().from(crisisSettings).where(sql`org_id = ${sb.sandboxOrgId}`);
    assert.equal((s.types as Array<{ id: string }>)[0].id, 'product_quality');
  });

  test('statement templates keep the legal sign-off (signer only if taking part); chains keep participant backups only', async () => {
    const t = await ctx.server.db
      .select()
      .from(statementTemplates)
      .where(sql`org_id = ${sb.sandboxOrgId}`)
      .orderBy(statementTemplates.language);
    assert.equal(t.length, 2);
    assert.equal(t[0].language, 'en');
    assert.equal(t[0].legalSignedBy, null);
    assert.ok(t[0].legalSignedAt);
    assert.equal(t[1].legalSignedBy, sb.userMap.get(org.player.id));
    const [c] = await ctx.server.db.select().from(approvalChains).where(sql`org_id = ${sb.sandboxOrgId}`);
    assert.deepEqual(c.steps, [
      { role: 'legal_counsel', backups: [sb.userMap.get(org.player.id)] },
      { role: 'commander', backups: [] },
    ]);
  });

  test('on-call schedules keep only participants; a schedule left with nobody is not copied', async () => {
    const s = await ctx.server.db.select().from(oncallSchedules).where(sql`org_id = ${sb.sandboxOrgId}`);
    assert.equal(s.length, 1);
    const settings = s[0].settings as { participants: string[]; overrides: Array<{ userId: string }> };
    assert.equal(s[0].name, '公關值班');
    assert.deepEqual(settings.participants, [sb.userMap.get(org.player.id)]);
    assert.deepEqual(
      settings.overrides.map((o) => o.userId),
      [sb.userMap.get(org.player.id)],
    );
  });

  test('channels: e-mail only to participants (disabled when none is left); chat and webhooks disabled and pointed nowhere', async () => {
    const cs = await ctx.server.db.select().from(notificationChannels).where(sql`org_id = ${sb.sandboxOrgId}`);
    const by = new Map(cs.map((c) => [c.name, c]));
    assert.equal(cs.length, 5);
    assert.deepEqual(by.get('全員信箱')?.config, { kind: 'email', to: [org.player.email] });
    assert.equal(by.get('全員信箱')?.enabled, true);
    assert.deepEqual(by.get('外部信箱')?.config, { kind: 'email', to: [] });
    assert.equal(by.get('外部信箱')?.enabled, false);
    for (const name of ['Slack', 'Webhook', 'LINE']) {
      const c = by.get(name);
      assert.equal(c?.enabled, false, name);
      const text = JSON.stringify(c?.config);
      assert.ok(
        !/slack\.com|example\.org|a-very-secret|line-channel-access|U1234567890/.test(text),
        `${name} keeps no real target: ${text}`,
      );
    }
    assert.match(String((by.get('Webhook')?.config as { url: string } | undefined)?.url), /^https:\/\/drill-sandbox\.invalid\//);
    // The live organisation's channels are untouched.
    const live = await ctx.server.db.select().from(notificationChannels).where(sql`org_id = ${org.orgId}`);
    assert.ok(live.every((c) => c.enabled));
  });

  test('warning settings are copied with the escalation ladder re-pointed (a level with nothing left is dropped)', async () => {
    const [w] = await ctx.server.db.select().from(warningSettings).where(sql`org_id = ${sb.sandboxOrgId}`);
    const s = w.settings as {
      grading: unknown;
      bucketMinutes: number;
      escalation: { levels: Array<{ channelIds: string[]; scheduleIds: string[] }>; repeat: number };
    };
    assert.deepEqual(s.grading, { L1: 85, L2: 65, L3: 45 });
    assert.equal(s.bucketMinutes, 1);
    const slack = (
      await rows<{ id: string }>(sql`SELECT id FROM notification_channels WHERE org_id = ${sb.sandboxOrgId} AND name = 'Slack'`)
    )[0].id;
    const sched = (await rows<{ id: string }>(sql`SELECT id FROM oncall_schedules WHERE org_id = ${sb.sandboxOrgId}`))[0].id;
    assert.equal(s.escalation.levels.length, 1);
    assert.deepEqual(s.escalation.levels[0].channelIds, [slack]);
    assert.deepEqual(s.escalation.levels[0].scheduleIds, [sched]);
    assert.equal(s.escalation.repeat, 1);
  });

  test('topics are the scenario’s (not the live ones); manual rules are set on each scenario topic', async () => {
    const t = await ctx.server.db.select().from(topics).where(sql`org_id = ${sb.sandboxOrgId}`).orderBy(topics.name);
    assert.deepEqual(t.map((x) => x.query).sort(), ['異物 OR 塑膠片', '茶聚堂']);
    assert.deepEqual([...sb.topicIds].sort(), t.map((x) => x.id).sort());
    const r = await ctx.server.db.select().from(alertRules).where(sql`org_id = ${sb.sandboxOrgId}`);
    assert.equal(r.length, 4);
    assert.ok(r.every((x) => sb.topicIds.includes(x.topicId)));
    assert.deepEqual(
      r.filter((x) => x.name.startsWith('負評暴增')).map((x) => x.config),
      [
        { kind: 'threshold', signal: 'negative', count: 30, minutes: 10 },
        { kind: 'threshold', signal: 'negative', count: 30, minutes: 10 },
      ],
    );
    assert.ok(r.filter((x) => x.name.startsWith('記者名單')).every((x) => !x.enabled));
    const events = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM events WHERE org_id = ${sb.sandboxOrgId} AND type = 'topic.created'`,
    );
    assert.equal(events[0].n, 2);
  });

  test('a topic query that does not parse refuses the whole sandbox (nothing is left behind)', async () => {
    const before = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM organisations`);
    await assert.rejects(
      ctx.server.db.transaction((tx) =>
        createSandbox(
          tx,
          { clock },
          {
            liveOrgId: org.orgId,
            drillTitle: 'x',
            participants: [{ userId: org.adminId, role: 'facilitator' }],
            topics: [{ name: 'bad', query: '((' }],
          },
        ),
      ),
      (e: Error & { code?: string }) => e.code === 'validation_failed',
    );
    const after = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM organisations`);
    assert.equal(after[0].n, before[0].n);
  });

  test('e-mail stays unique among real people, copies share their person’s address, and a copy cannot sign in', async () => {
    const taken = await org.admin.client.post('/api/users', { email: org.player.email, name: '冒名', role: 'member' });
    assert.equal(taken.status, 409);
    assert.equal(taken.body.errors[0].code, 'already_in_use');
    await assert.rejects(
      ctx.server.db.insert(users).values({ orgId: org.orgId, email: org.player.email, name: 'dup', role: 'member', status: 'active' }),
      (e: Error & { cause?: { code?: string } }) => e.cause?.code === '23505',
    );
    // Signing in with the person's address and password is the real person, in the live organisation.
    const c = createClient(ctx.url);
    await c.signIn(org.player.email, PASSWORD);
    const s = await c.get('/api/session');
    assert.equal(s.body.user.id, org.player.id);
    assert.equal(s.body.org.id, org.orgId);
    assert.equal(s.body.org.kind, 'live');
    // Copies have no password at all (a wrong guess is the same refusal as for anyone).
    const copies = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM users WHERE sandbox_of IS NOT NULL AND password_hash IS NOT NULL`,
    );
    assert.equal(copies[0].n, 0);
  });

  test('the live organisation’s user list does not show the copies', async () => {
    const r = await org.admin.client.get('/api/users');
    assert.equal(r.status, 200);
    const list = (r.body.users ?? r.body) as Array<{ id: string }>;
    assert.ok(list.every((u) => ![...sb.userMap.values()].includes(u.id)));
  });
});
