// Drill routes on a real server and database: who may plan (admins, managers, from the real organisation only), bad
// scenario files pointed at lines, participants checked; who sees which drills and injects; entering (the session
// acts inside the sandbox: /api/session shows the drill, the sandbox's crises) and leaving; a non-participant
// cannot enter; the facilitator's controls (players 403, others 404, a stale version 409) mirrored on the drill
// with events in the live organisation; observations by observers and the facilitator only.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import type { DrillView } from '../contract.ts';
import { control, drillOrg, enterDrill, FIXTURE_SCENARIOS_DIR, fixtureScenarioText, leaveDrill, planDrill } from './drills-fixtures.ts';

describe('drill routes', () => {
  const clock = createTestClock(new Date('2026-05-04T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof drillOrg>>;
  let drill: DrillView;
  const count = async (q: ReturnType<typeof sql>) => ((await ctx.server.db.execute<{ n: number }>(q)).rows[0] as { n: number }).n;

  before(async () => {
    ctx = await startTestServer({ clock, background: false, scenariosDir: FIXTURE_SCENARIOS_DIR });
    org = await drillOrg(ctx.url);
    drill = await planDrill(org.admin.client, {
      participants: [
        { userId: org.player.id, role: 'player' },
        { userId: org.observer.id, role: 'observer' },
      ],
    });
  });

  test('planning: the creator facilitates; the view shows the run ready, every inject, the people', async () => {
    assert.equal(drill.status, 'ready');
    assert.equal(drill.facilitator.id, org.adminId);
    assert.equal(drill.myRole, 'facilitator');
    assert.equal(drill.scenarioId, 'fixture-mini');
    assert.equal(drill.run.status, 'ready');
    assert.equal(drill.run.speed, 60);
    assert.equal(drill.injects.length, 3);
    assert.ok(drill.canControl && drill.canObserve);
    assert.deepEqual(
      drill.participants.map((p) => [p.userId, p.role]),
      [
        [org.adminId, 'facilitator'],
        [org.player.id, 'player'],
        [org.observer.id, 'observer'],
      ],
    );
    const ev = await ctx.server.db.execute<{ org_id: string }>(
      sql`SELECT org_id FROM events WHERE type = 'drill.created' AND subject_id = ${drill.id}`,
    );
    assert.deepEqual(
      ev.rows.map((e) => e.org_id),
      [org.orgId],
    );
  });

  test('planning from a shipped scenario by id and locale', async () => {
    const r = await org.manager.client.post('/api/drills', {
      title: 'English run',
      scenarioId: 'fixture-mini',
      locale: 'en',
      historyDays: 0,
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.run.locale, 'en');
    assert.equal(r.body.facilitator.id, org.manager.id);
    const missing = await org.manager.client.post('/api/drills', { title: 'x', scenarioId: 'no-such-scenario', historyDays: 0 });
    assert.equal(missing.status, 404);
  });

  test('only admins and managers plan drills', async () => {
    for (const who of [org.player, org.reporter]) {
      const r = await who.client.post('/api/drills', { title: 'x', scenarioText: fixtureScenarioText(), historyDays: 0 });
      assert.equal(r.status, 403);
    }
  });

  test('a malformed scenario file is a 400 pointed at its lines; nothing is created', async () => {
    const before = await count(sql`SELECT count(*)::int AS n FROM organisations`);
    const bad = fixtureScenarioText().replace('durationMinutes: 30', 'durationMinutes: thirty');
    const r = await org.admin.client.post('/api/drills', { title: 'x', scenarioText: bad, historyDays: 0 });
    assert.equal(r.status, 400);
    assert.equal(r.body.code, 'validation_failed');
    const line = bad.split('\n').findIndex((l) => l.startsWith('durationMinutes')) + 1;
    assert.ok(
      r.body.errors.some(
        (e: { code: string; limit: number; message: string }) =>
          e.code === 'invalid_scenario' && e.limit === line && e.message.includes(`line ${line}`),
      ),
      JSON.stringify(r.body.errors),
    );
    const yamlError = await org.admin.client.post('/api/drills', { title: 'x', scenarioText: 'format: [unclosed', historyDays: 0 });
    assert.equal(yamlError.status, 400);
    assert.equal(yamlError.body.errors[0].code, 'invalid_scenario');
    assert.equal(await count(sql`SELECT count(*)::int AS n FROM organisations`), before);
  });

  test('participants must be active people of the organisation, each once; neither scenario nor both', async () => {
    const plan = (participants: unknown) =>
      org.admin.client.post('/api/drills', { title: 'x', scenarioText: fixtureScenarioText(), historyDays: 0, participants });
    const unknown = await plan([{ userId: '00000000-0000-4000-8000-000000000000', role: 'player' }]);
    assert.equal(unknown.status, 400);
    assert.deepEqual(unknown.body.errors[0].path, 'participants.0.userId');
    const twice = await plan([
      { userId: org.player.id, role: 'player' },
      { userId: org.player.id, role: 'observer' },
    ]);
    assert.equal(twice.status, 400);
    assert.equal(twice.body.errors[0].code, 'duplicate');
    const self = await plan([{ userId: org.adminId, role: 'player' }]);
    assert.equal(self.status, 400);
    const neither = await org.admin.client.post('/api/drills', { title: 'x', historyDays: 0 });
    assert.equal(neither.status, 400);
    const both = await org.admin.client.post('/api/drills', {
      title: 'x',
      scenarioId: 'fixture-mini',
      scenarioText: fixtureScenarioText(),
    });
    assert.equal(both.status, 400);
  });

  test('who sees which drills: admins and managers all, others those they take part in', async () => {
    const ids = async (who: typeof org.admin) => {
      const r = await who.client.get('/api/drills');
      assert.equal(r.status, 200);
      return r.body.drills.map((d: { id: string }) => d.id);
    };
    assert.ok((await ids(org.admin)).includes(drill.id));
    assert.ok((await ids(org.manager)).includes(drill.id));
    assert.deepEqual(await ids(org.player), [drill.id]);
    assert.deepEqual(await ids(org.outsider), []);
    assert.deepEqual(await ids(org.reporter), []);
    const mine = (await org.player.client.get('/api/drills')).body.drills[0];
    assert.equal(mine.myRole, 'player');
    assert.equal(mine.scenarioTitle, '茶聚堂珍奶異物疑雲（測試用）');
    assert.equal((await org.outsider.client.get(`/api/drills/${drill.id}`)).status, 404);
    assert.equal((await org.reporter.client.get(`/api/drills/${drill.id}`)).status, 404);
    const asManager = await org.manager.client.get(`/api/drills/${drill.id}`);
    assert.equal(asManager.status, 200);
    assert.equal(asManager.body.canControl, false);
    assert.equal(asManager.body.injects.length, 0, 'only the facilitator and admins see the schedule');
  });

  test('a player sees only delivered injects, no observations, no controls', async () => {
    const r = await org.player.client.get(`/api/drills/${drill.id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.injects.length, 0);
    assert.equal(r.body.canControl, false);
    assert.equal(r.body.canObserve, false);
  });

  test('controls: a player 403, a manager who does not facilitate 403, an outsider 403 (no drill.manage); the facilitator starts', async () => {
    const v = drill.run.version;
    assert.equal((await org.player.client.post(`/api/drills/${drill.id}/control`, { action: 'start', expectedVersion: v })).status, 403);
    assert.equal((await org.manager.client.post(`/api/drills/${drill.id}/control`, { action: 'start', expectedVersion: v })).status, 403);
    assert.equal((await org.outsider.client.post(`/api/drills/${drill.id}/control`, { action: 'start', expectedVersion: v })).status, 403);
    assert.equal((await org.admin.client.get(`/api/drills/${drill.id}`)).body.status, 'ready', 'refused commands changed nothing');
    const started = await org.admin.client.post(`/api/drills/${drill.id}/control`, { action: 'start', expectedVersion: v });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.status, 'running');
    assert.equal(started.body.run.status, 'running');
    assert.ok(started.body.startedAt);
    const stale = await org.admin.client.post(`/api/drills/${drill.id}/control`, { action: 'pause', expectedVersion: v });
    assert.equal(stale.status, 409);
    const unknownDrill = await org.admin.client.post('/api/drills/00000000-0000-4000-8000-000000000000/control', {
      action: 'pause',
      expectedVersion: 1,
    });
    assert.equal(unknownDrill.status, 404);
  });

  test('pause, speed and resume are mirrored on the drill, with drill.* events in the live organisation only', async () => {
    clock.advance(2_000);
    const paused = await control(org.admin.client, drill.id, { action: 'pause' });
    assert.equal(paused.status, 200);
    assert.equal(paused.body.status, 'paused');
    const faster = await control(org.admin.client, drill.id, { action: 'speed', speed: 10 });
    assert.equal(faster.body.run.speed, 10);
    const resumed = await control(org.admin.client, drill.id, { action: 'resume' });
    assert.equal(resumed.body.status, 'running');
    const ev = await ctx.server.db.execute<{ type: string; org_id: string; actor_id: string }>(
      sql`SELECT type, org_id, actor_id FROM events WHERE subject_id = ${drill.id} AND type LIKE 'drill.%' ORDER BY id`,
    );
    assert.deepEqual(
      ev.rows.map((e) => e.type),
      ['drill.created', 'drill.started', 'drill.paused', 'drill.speed_changed', 'drill.resumed'],
    );
    assert.ok(ev.rows.every((e) => e.org_id === org.orgId && e.actor_id === org.adminId));
  });

  test('the facilitator sees delivered injects released by hand; players then see them too', async () => {
    const d = (await org.admin.client.get(`/api/drills/${drill.id}`)).body as DrillView;
    const last = d.injects[d.injects.length - 1];
    const r = await control(org.admin.client, drill.id, { action: 'release', injectId: last.id });
    assert.equal(r.status, 200);
    const seen = (await org.player.client.get(`/api/drills/${drill.id}`)).body as DrillView;
    assert.deepEqual(
      seen.injects.map((i) => i.id),
      [last.id],
    );
    assert.equal(seen.injects[0].releasedByHand, true);
  });

  test('a non-participant cannot enter (404 when they cannot see it, 403 when they can)', async () => {
    assert.equal((await org.outsider.client.post(`/api/drills/${drill.id}/enter`)).status, 404);
    assert.equal((await org.manager.client.post(`/api/drills/${drill.id}/enter`)).status, 403);
    assert.equal((await org.reporter.client.post(`/api/drills/${drill.id}/enter`)).status, 404);
  });

  test('entering: the session acts inside the sandbox (its organisation, its crises); leaving returns', async () => {
    const real = await org.admin.client.post('/api/crises', { title: '真實的客訴事件', type: 'product_quality', severity: 'L3' });
    assert.equal(real.status, 201, JSON.stringify(real.body));
    const inside = await enterDrill(org.admin.client, drill.id);
    assert.equal(inside.org.kind, 'drill');
    assert.equal(inside.drillId, drill.id);
    assert.notEqual(inside.org.id, org.orgId);
    assert.notEqual(inside.user.id, org.adminId);
    assert.equal(inside.user.email, org.admin.email);
    assert.ok(inside.permissions.includes('crisis.declare'));
    const sandboxOrg = inside.org.id;
    // The real organisation's crisis is not seen inside; a crisis declared inside stays inside.
    assert.equal((await org.admin.client.get('/api/crises')).body.crises.length, 0);
    assert.equal((await org.admin.client.get(`/api/crises/${real.body.id}`)).status, 404);
    const declared = await org.admin.client.post('/api/crises', { title: '茶聚堂異物（演練）', type: 'product_quality', severity: 'L2' });
    assert.equal(declared.status, 201, JSON.stringify(declared.body));
    assert.equal((await org.admin.client.get('/api/crises')).body.crises.length, 1);
    // The drill pages still answer for the real person inside the drill (the facilitator keeps the controls).
    const still = await org.admin.client.get(`/api/drills/${drill.id}`);
    assert.equal(still.status, 200);
    assert.equal(still.body.canControl, true);
    // Planning a drill from inside a sandbox is refused.
    const nested = await org.admin.client.post('/api/drills', { title: 'x', scenarioText: fixtureScenarioText(), historyDays: 0 });
    assert.equal(nested.status, 403);
    const ev = await ctx.server.db.execute<{ org_id: string }>(
      sql`SELECT org_id FROM events WHERE type = 'drill.entered' AND subject_id = ${drill.id}`,
    );
    assert.deepEqual(
      ev.rows.map((e) => e.org_id),
      [sandboxOrg],
    );
    const back = await leaveDrill(org.admin.client);
    assert.equal(back.org.kind, 'live');
    assert.equal(back.org.id, org.orgId);
    assert.equal(back.user.id, org.adminId);
    assert.equal(back.drillId, null);
    const live = (await org.admin.client.get('/api/crises')).body.crises.map((c: { id: string }) => c.id);
    assert.deepEqual(live, [real.body.id], 'the live organisation sees none of the sandbox’s crises');
    assert.equal((await org.admin.client.get(`/api/crises/${declared.body.id}`)).status, 404);
    assert.equal(await count(sql`SELECT count(*)::int AS n FROM events WHERE type = 'drill.left' AND org_id = ${sandboxOrg}`), 1);
    // Leaving when not in a drill changes nothing.
    assert.equal((await org.admin.client.post('/api/drill-session/leave')).status, 200);
    assert.equal(await count(sql`SELECT count(*)::int AS n FROM events WHERE type = 'drill.left'`), 1);
  });

  test('entering applies to this session only; a player’s copy keeps the real role', async () => {
    const inside = await enterDrill(org.player.client, drill.id);
    assert.equal(inside.org.kind, 'drill');
    assert.equal(inside.user.role, 'member');
    // The admin's session (another person) is unaffected; so would be the player's other sessions.
    assert.equal((await org.admin.client.get('/api/session')).body.org.kind, 'live');
    await leaveDrill(org.player.client);
  });

  test('observations: observers and the facilitator add them; players and others cannot', async () => {
    const note = { capability: 'communicate', score: 4, note: '聲明草稿 12 分鐘內完成' };
    assert.equal((await org.player.client.post(`/api/drills/${drill.id}/observations`, note)).status, 403);
    assert.equal((await org.outsider.client.post(`/api/drills/${drill.id}/observations`, note)).status, 404);
    assert.equal((await org.reporter.client.post(`/api/drills/${drill.id}/observations`, note)).status, 404);
    assert.equal((await org.manager.client.post(`/api/drills/${drill.id}/observations`, note)).status, 403);
    const r = await org.observer.client.post(`/api/drills/${drill.id}/observations`, note);
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.deepEqual(
      { ...r.body, id: undefined, createdAt: undefined },
      { ...note, id: undefined, createdAt: undefined, author: { id: org.observer.id, name: '陳觀察' } },
    );
    const bad = await org.observer.client.post(`/api/drills/${drill.id}/observations`, { ...note, score: 6 });
    assert.equal(bad.status, 400);
    assert.equal(
      (await org.admin.client.post(`/api/drills/${drill.id}/observations`, { capability: 'decide', note: '宣告時機合宜' })).status,
      201,
    );
    const asObserver = (await org.observer.client.get(`/api/drills/${drill.id}`)).body as DrillView;
    assert.equal(asObserver.observations.length, 2);
    assert.equal(asObserver.canObserve, true);
    assert.equal(((await org.player.client.get(`/api/drills/${drill.id}`)).body as DrillView).observations.length, 0);
    assert.equal(
      await count(sql`SELECT count(*)::int AS n FROM events WHERE type = 'drill.observation_added' AND org_id = ${org.orgId}`),
      2,
    );
  });

  test('ending: the drill ends, its sandbox stays readable, further commands are 409', async () => {
    const ended = await control(org.admin.client, drill.id, { action: 'end' });
    assert.equal(ended.status, 200);
    assert.equal(ended.body.status, 'ended');
    assert.ok(ended.body.endedAt);
    assert.equal(ended.body.run.endedReason, 'ended');
    assert.equal((await control(org.admin.client, drill.id, { action: 'resume' })).status, 409);
    const inside = await enterDrill(org.admin.client, drill.id);
    assert.equal(inside.org.kind, 'drill');
    assert.equal((await org.admin.client.get('/api/crises')).body.crises.length, 1);
    await leaveDrill(org.admin.client);
    assert.equal(await count(sql`SELECT count(*)::int AS n FROM events WHERE type = 'drill.ended' AND subject_id = ${drill.id}`), 1);
  });

  test('the routes are in the OpenAPI document with their permissions; a bad command is a 400', async () => {
    const doc = await (await fetch(`${ctx.url}/api/openapi.json`)).json();
    const op = (path: string, method: string) => doc.paths[path]?.[method]?.['x-permission'];
    assert.equal(op('/api/drills', 'get'), 'drill.read');
    assert.equal(op('/api/drills', 'post'), 'drill.manage');
    assert.equal(op('/api/drills/{id}', 'get'), 'drill.read');
    assert.equal(op('/api/drills/{id}/control', 'post'), 'drill.manage');
    assert.equal(op('/api/drills/{id}/enter', 'post'), 'drill.read');
    assert.equal(op('/api/drill-session/leave', 'post'), 'drill.read');
    assert.equal(op('/api/drills/{id}/observations', 'post'), 'drill.read');
    const bad = await org.admin.client.post(`/api/drills/${drill.id}/control`, { action: 'rewind', expectedVersion: 1 });
    assert.equal(bad.status, 400);
  });
});
