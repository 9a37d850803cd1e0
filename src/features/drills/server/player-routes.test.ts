// The scenario room over HTTP: empty in a real organisation; the demo's run, injects and controls (409 on a
// stale version, managers and admins only); inside a drill sandbox the drill and the caller's part, and no
// controls (the facilitator runs a drill from the drill page).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import YAML from 'yaml';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { type Scenario, scenarioFile } from '../scenario-contract.ts';
import type { DrillDeps } from './deps.ts';
import { tickRuns } from './player.ts';
import { createRun } from './runs.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const scenario: Scenario = scenarioFile.parse(
  YAML.parse(fs.readFileSync(path.join(root, 'test/fixtures/scenarios/zh-TW/fixture-mini.yaml'), 'utf8')),
);

describe('the scenario room', () => {
  const clock = createTestClock(new Date('2026-03-10T04:00:00Z'));
  let deps: DrillDeps;
  let admin: Client;
  let member: Client;
  let reporter: Client;
  let orgId: string;
  let adminId: string;
  const q = async <T>(query: ReturnType<typeof sql>) => (await deps.db.execute(query)).rows as T[];

  before(async () => {
    const ctx = await startTestServer({ clock, background: false });
    deps = ctx.server.drillDeps;
    const org = await setUpOrg(ctx.url);
    ({ admin, orgId, adminId } = org);
    member = (await org.userWithRole('member')).client;
    reporter = (await org.userWithRole('reporter')).client;
  });

  test('a real organisation has no run and no controls', async () => {
    const room = await admin.get('/api/scenario-room');
    assert.equal(room.status, 200, JSON.stringify(room.body));
    assert.deepEqual(room.body, { run: null, injects: [], drill: null });
    const ctl = await admin.post('/api/scenario-room/control', { action: 'start', expectedVersion: 1 });
    assert.equal(ctl.status, 403);
    assert.equal(ctl.body.code, 'forbidden');
  });

  let runId: string;
  test('in the demo: the run, its controls (409 when stale), injects as they are delivered', async () => {
    await q(sql`UPDATE organisations SET kind = 'demo' WHERE id = ${orgId}`);
    runId = await createRun(deps, { orgId, scenario, scenarioId: scenario.id, locale: 'zh-TW', seed: 3, speed: 60, historyDays: 0 });
    const room = await reporter.get('/api/scenario-room');
    assert.equal(room.status, 200);
    assert.equal(room.body.run.id, runId);
    assert.equal(room.body.run.status, 'ready');
    assert.deepEqual(room.body.injects, []);
    assert.equal(room.body.drill, null);
    assert.equal((await member.post('/api/scenario-room/control', { action: 'start', expectedVersion: 1 })).status, 403);
    const started = await admin.post('/api/scenario-room/control', { action: 'start', expectedVersion: 1 });
    assert.equal(started.status, 200, JSON.stringify(started.body));
    assert.equal(started.body.status, 'running');
    const stale = await admin.post('/api/scenario-room/control', { action: 'pause', expectedVersion: 1 });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'conflict');
    const bad = await admin.post('/api/scenario-room/control', { action: 'speed', speed: 7, expectedVersion: 2 });
    assert.equal(bad.status, 400);
    clock.advance(3000);
    await tickRuns(deps);
    const later = (await member.get('/api/scenario-room')).body;
    assert.equal(later.run.minute, 3);
    assert.deepEqual(
      later.injects.map((i: { key: string }) => i.key),
      ['store-call'],
    );
    const jumped = await admin.post('/api/scenario-room/control', { action: 'next_inject', expectedVersion: 2 });
    assert.equal(jumped.status, 200, JSON.stringify(jumped.body));
    assert.equal(jumped.body.minute, 10);
    await tickRuns(deps);
    assert.ok((await admin.get('/api/scenario-room')).body.run.mentionsIngested > 20, 'the minutes jumped over were played');
    const events = await q<{ type: string }>(sql`SELECT type FROM events WHERE subject_id = ${runId} ORDER BY id`);
    assert.ok(events.some((e) => e.type === 'scenario.run_changed'));
  });

  test('inside a drill sandbox: the drill and my part in it; the controls are the facilitator’s, elsewhere', async () => {
    await q(sql`UPDATE organisations SET kind = 'drill' WHERE id = ${orgId}`);
    const drillId = crypto.randomUUID();
    await q(sql`
      INSERT INTO drills (id, org_id, sandbox_org_id, run_id, title, scenario_id, facilitator_id, created_by)
      VALUES (${drillId}, ${crypto.randomUUID()}, ${orgId}, ${runId}, '春季演練', ${scenario.id}, ${crypto.randomUUID()}, ${adminId})`);
    await q(
      sql`INSERT INTO drill_participants (drill_id, user_id, sandbox_user_id, role) VALUES (${drillId}, ${adminId}, ${adminId}, 'observer')`,
    );
    const room = (await admin.get('/api/scenario-room')).body;
    assert.deepEqual(room.drill, { id: drillId, title: '春季演練', role: 'observer' });
    assert.equal(room.run.id, runId);
    assert.deepEqual(
      room.injects.map((i: { key: string }) => i.key),
      ['reporter-email', 'store-call'],
    );
    const ctl = await admin.post('/api/scenario-room/control', { action: 'pause', expectedVersion: 3 });
    assert.equal(ctl.status, 403);
    assert.match(ctl.body.detail, /facilitator/);
    assert.equal((await member.get('/api/scenario-room')).body.drill.role, 'player', 'someone in the sandbox without a part is a player');
  });
});
