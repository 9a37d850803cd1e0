// Drills played through the real player and ingest pipeline: two drills at once, each in its own sandbox; every
// mention the runs ingest (history and the live story) lands in its own sandbox and never in the real organisation
// (counted per organisation, and through the live organisation's own lists); a person in two drills has a copy in
// each and moves between them; a run that finishes by itself ends its drill (in the run's transaction), and a drill
// whose run moved without it is brought up to date on the next read, once.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import type { Principal } from '../../../platform/http.ts';
import type { DrillView } from '../contract.ts';
import { getDrill, listDrills } from './drill-view.ts';
import { controlDrill, createDrill, enterDrill as enterAs } from './drills.ts';
import { control, drillOrg, enterDrill, FIXTURE_SCENARIOS_DIR, fixtureScenarioText, leaveDrill, planDrill } from './drills-fixtures.ts';
import { tickRuns } from './player.ts';

describe('drills at play', () => {
  const clock = createTestClock(new Date('2026-05-04T03:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof drillOrg>>;
  let one: DrillView;
  let two: DrillView;
  const sandboxOf = async (drillId: string) =>
    (await ctx.server.db.execute<{ s: string }>(sql`SELECT sandbox_org_id AS s FROM drills WHERE id = ${drillId}`)).rows[0].s;
  const mentionsIn = async (orgId: string) =>
    (await ctx.server.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM mentions WHERE org_id = ${orgId}`)).rows[0].n;
  const tickUntil = async (ms: number) => {
    // One wall second is one scenario minute at 60×; tick every few seconds, as the loop would (more often).
    for (let t = 0; t < ms; t += 5_000) {
      clock.advance(5_000);
      await tickRuns(ctx.server.drillDeps);
    }
  };

  before(async () => {
    ctx = await startTestServer({ clock, background: false, scenariosDir: FIXTURE_SCENARIOS_DIR });
    org = await drillOrg(ctx.url);
    one = await planDrill(org.admin.client, { title: '第一場', historyDays: 1, participants: [{ userId: org.player.id, role: 'player' }] });
    two = await planDrill(org.manager.client, {
      title: '第二場',
      historyDays: 1,
      participants: [
        { userId: org.player.id, role: 'player' },
        { userId: org.observer.id, role: 'observer' },
      ],
    });
  });

  test('two drills have two sandboxes; their calm history loaded into each, none into the real organisation', async () => {
    const [s1, s2] = [await sandboxOf(one.id), await sandboxOf(two.id)];
    assert.notEqual(s1, s2);
    assert.ok((await mentionsIn(s1)) > 0);
    assert.ok((await mentionsIn(s2)) > 0);
    assert.equal(await mentionsIn(org.orgId), 0);
    // The person playing in both has a copy in each.
    const copies = await ctx.server.db.execute<{ org_id: string }>(
      sql`SELECT org_id FROM users WHERE sandbox_of = ${org.player.id} ORDER BY org_id`,
    );
    assert.deepEqual(copies.rows.map((c) => c.org_id).sort(), [s1, s2].sort());
  });

  test('both play at once; every mention lands in its own sandbox only', async () => {
    assert.equal((await control(org.admin.client, one.id, { action: 'start' })).status, 200);
    assert.equal((await control(org.manager.client, two.id, { action: 'start' })).status, 200);
    const [s1, s2] = [await sandboxOf(one.id), await sandboxOf(two.id)];
    const before1 = await mentionsIn(s1);
    const before2 = await mentionsIn(s2);
    await tickUntil(15_000);
    const after1 = await mentionsIn(s1);
    const after2 = await mentionsIn(s2);
    assert.ok(after1 > before1 + 20, `sandbox 1: ${before1} → ${after1}`);
    assert.ok(after2 > before2 + 20, `sandbox 2: ${before2} → ${after2}`);
    assert.equal(await mentionsIn(org.orgId), 0);
    const elsewhere = await ctx.server.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM mentions WHERE org_id NOT IN (${s1}, ${s2})`,
    );
    assert.equal(elsewhere.rows[0].n, 0);
    // The runs count what they ingested into their own organisation.
    const runs = await ctx.server.db.execute<{ org_id: string; mentions_ingested: number }>(
      sql`SELECT org_id, mentions_ingested FROM scenario_runs WHERE org_id IN (${s1}, ${s2})`,
    );
    assert.equal(runs.rows.length, 2);
    // The real organisation's own lists stay empty.
    const mentions = await org.admin.client.get('/api/mentions');
    assert.equal(mentions.status, 200);
    assert.equal(mentions.body.mentions.length, 0);
    assert.equal((await org.admin.client.get('/api/topics')).body.length, 0);
    assert.equal((await org.admin.client.get('/api/alerts')).body.alerts.length, 0);
    assert.equal((await org.admin.client.get('/api/crises')).body.crises.length, 0);
  });

  test('inside a drill the sandbox’s mentions are seen, only that sandbox’s; moving to the other drill switches', async () => {
    const [s1, s2] = [await sandboxOf(one.id), await sandboxOf(two.id)];
    const in1 = await enterDrill(org.player.client, one.id);
    assert.equal(in1.org.id, s1);
    const seen = await org.player.client.get('/api/mentions?limit=50');
    assert.equal(seen.status, 200, JSON.stringify(seen.body));
    assert.ok(seen.body.mentions.length > 0);
    const ids = seen.body.mentions.map((m: { id: string | number }) => String(m.id));
    const owners = await ctx.server.db.execute<{ org_id: string }>(
      sql`SELECT DISTINCT org_id FROM mentions WHERE id::text IN (${sql.join(
        ids.map((i: string) => sql`${i}`),
        sql`, `,
      )})`,
    );
    assert.deepEqual(
      owners.rows.map((o) => o.org_id),
      [s1],
    );
    const in2 = await enterDrill(org.player.client, two.id);
    assert.equal(in2.org.id, s2);
    assert.equal(in2.drillId, two.id);
    const back = await leaveDrill(org.player.client);
    assert.equal(back.org.id, org.orgId);
  });

  test('a run that finishes by itself ends its drill in the same transaction', async () => {
    await tickUntil(40_000);
    const rows = await ctx.server.db.execute<{ id: string; status: string; ended_at: Date | null; run_status: string }>(sql`
      SELECT d.id, d.status, d.ended_at, r.status AS run_status FROM drills d JOIN scenario_runs r ON r.id = d.run_id
      WHERE d.id IN (${one.id}, ${two.id})`);
    for (const d of rows.rows) {
      assert.equal(d.run_status, 'ended');
      assert.equal(d.status, 'ended', 'mirrored before anyone read it');
      assert.ok(d.ended_at);
    }
    const ev = await ctx.server.db.execute<{ actor_type: string; data: { reason: string } }>(
      sql`SELECT actor_type, data FROM events WHERE type = 'drill.ended' AND subject_id IN (${one.id}, ${two.id})`,
    );
    assert.equal(ev.rows.length, 2);
    assert.ok(ev.rows.every((e) => e.actor_type === 'system' && e.data.reason === 'finished'));
    // The ended sandboxes' topics are archived: the early-warning tick no longer visits them.
    const live = await ctx.server.db.execute<{ n: number; archived: number }>(sql`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE archived)::int AS archived FROM topics
      WHERE org_id IN (SELECT sandbox_org_id FROM drills WHERE id IN (${one.id}, ${two.id}))`);
    assert.ok(live.rows[0].n >= 2);
    assert.equal(live.rows[0].archived, live.rows[0].n);
    const view = (await org.player.client.get(`/api/drills/${one.id}`)).body as DrillView;
    assert.equal(view.status, 'ended');
    assert.equal(view.run.endedReason, 'finished');
    // Every inject was delivered by the clock; the player sees them all now.
    assert.equal(view.injects.length, 3);
  });

  test('a drill whose run moved without it is brought up to date on the next read, with one event', async () => {
    const three = await planDrill(org.admin.client, { title: '第三場' });
    assert.equal((await control(org.admin.client, three.id, { action: 'start' })).status, 200);
    // As if the run had ended in a process that did not mirror it (a crash between the two).
    await ctx.server.db.execute(
      sql`UPDATE scenario_runs SET status = 'ended', ended_reason = 'restarted', ended_at = now() WHERE id = ${three.run.id}`,
    );
    const list = await org.admin.client.get('/api/drills');
    assert.equal(list.body.drills.find((d: { id: string }) => d.id === three.id).status, 'ended');
    const again = await org.admin.client.get(`/api/drills/${three.id}`);
    assert.equal(again.body.status, 'ended');
    const ev = await ctx.server.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM events WHERE type = 'drill.ended' AND subject_id = ${three.id}`,
    );
    assert.equal(ev.rows[0].n, 1);
  });

  test('another organisation’s people never find a drill (404), whatever their role', async () => {
    const db = ctx.server.db;
    const other = await db.execute<{ id: string }>(sql`INSERT INTO organisations (name, kind) VALUES ('別家公司', 'live') RETURNING id`);
    const orgId = other.rows[0].id;
    const u = await db.execute<{ id: string }>(
      sql`INSERT INTO users (org_id, email, name, role, status) VALUES (${orgId}, 'boss@other.example', '別家老闆', 'admin', 'active') RETURNING id`,
    );
    const p: Principal = {
      kind: 'user',
      userId: u.rows[0].id,
      orgId,
      role: 'admin',
      label: '別家老闆',
      sessionHash: 'x',
      csrfToken: 'x',
      secondFactor: 'ok',
    };
    const deps = ctx.server.drillDeps;
    const notFound = (e: Error & { code?: string }) => e.code === 'not_found';
    await assert.rejects(getDrill(deps, p, one.id), notFound);
    await assert.rejects(controlDrill(deps, p, one.id, { action: 'end', expectedVersion: one.run.version }), notFound);
    await assert.rejects(enterAs(deps, p, one.id), notFound);
    assert.deepEqual((await listDrills(deps, p)).drills, []);
  });

  test('a plan that fails after its sandbox was made leaves no drill, and the sandbox’s topics archived (never ticked)', async () => {
    const db = ctx.server.db;
    const admin: Principal = {
      kind: 'user',
      userId: org.admin.id,
      orgId: org.orgId,
      role: 'admin',
      label: 'admin',
      sessionHash: 'x',
      csrfToken: 'x',
      secondFactor: 'ok',
    };
    const sandboxes = async () =>
      (await db.execute<{ id: string }>(sql`SELECT id FROM organisations WHERE kind = 'drill' AND sandbox_of = ${org.orgId}`)).rows.map(
        (r) => r.id,
      );
    const before = new Set(await sandboxes());
    const drillsBefore = (await listDrills(ctx.server.drillDeps, admin)).drills.length;
    // The calm history's ingest fails (say, the database went away mid-plan).
    const failing = { ...ctx.server.drillDeps, onIngested: async () => Promise.reject(new Error('ingest failed')) };
    const input = {
      title: '失敗的演練',
      scenarioText: fixtureScenarioText(),
      speed: 60 as const,
      historyDays: 1,
      participants: [],
      locale: 'zh-TW' as const,
    };
    await assert.rejects(createDrill(failing, admin, input), /ingest failed/);
    const left = (await sandboxes()).filter((id) => !before.has(id));
    assert.equal(left.length, 1, 'the sandbox was committed before the history');
    const topics = await db.execute<{ archived: boolean }>(sql`SELECT archived FROM topics WHERE org_id = ${left[0]}`);
    assert.ok(topics.rows.length > 0);
    assert.ok(
      topics.rows.every((t) => t.archived),
      'its topics are archived',
    );
    const ev = await db.execute<{ reason: string }>(
      sql`SELECT data->>'reason' AS reason FROM events WHERE org_id = ${left[0]} AND type = 'topic.updated'`,
    );
    assert.deepEqual(
      ev.rows.map((r) => r.reason),
      topics.rows.map(() => 'drill_not_created'),
    );
    assert.equal((await listDrills(ctx.server.drillDeps, admin)).drills.length, drillsBefore, 'no drill row');
  });
});
