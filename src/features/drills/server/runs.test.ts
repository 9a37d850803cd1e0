// Runs and their controls on a real database with a test clock: creating a run (injects, calm history, only in
// a demo or drill organisation), start, stale versions, pause, speed, jumping to the next inject, releasing by
// hand, surprises and ending — each with its event.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import YAML from 'yaml';
import { createTestDatabase, onCleanup } from '../../../../test/helpers/db.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { createDb } from '../../../platform/db.ts';
import type { Actor } from '../../../platform/events.ts';
import type { RunCommand } from '../contract.ts';
import { type Scenario, scenarioFile } from '../scenario-contract.ts';
import type { DrillDeps } from './deps.ts';
import { baselineMentions } from './generate.ts';
import { tickRuns } from './player.ts';
import { commandRun, createRun, injectsOf, runViewOf } from './runs.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const scenario: Scenario = scenarioFile.parse(
  YAML.parse(fs.readFileSync(path.join(root, 'test/fixtures/scenarios/zh-TW/fixture-mini.yaml'), 'utf8')),
);
const SEC = 1000;
/** A command without its version (filled from the run's current one). */
type Without<C> = C extends unknown ? Omit<C, 'expectedVersion'> : never;
const MIN = 60_000;

describe('scenario runs and their controls', () => {
  const clock = createTestClock(new Date('2026-03-10T04:00:00Z'));
  let deps: DrillDeps;
  let orgId: string;
  let actor: Actor;
  const q = async <T>(query: ReturnType<typeof sql>) => (await deps.db.execute(query)).rows as T[];
  const count = async (table: string, where = sql`true`) =>
    (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`))[0].n;
  const view = async (runId: string) => {
    const v = await runViewOf(deps.db, runId, clock.now());
    assert.ok(v);
    return v;
  };
  const cmd = async (runId: string, c: Without<RunCommand>) =>
    commandRun(deps, actor, runId, { ...c, expectedVersion: (await view(runId)).version } as RunCommand);

  before(async () => {
    // The services straight on a database (the routes are tested in player-routes.test.ts).
    const database = createDb(await createTestDatabase());
    onCleanup(database.close);
    deps = { db: database.db, clock, scenariosDir: '' };
    orgId = (await q<{ id: string }>(sql`INSERT INTO organisations (name) VALUES ('茶聚堂') RETURNING id`))[0].id;
    actor = { type: 'user', id: crypto.randomUUID(), label: 'Ada Admin' };
  });

  test('a run is never created in a real organisation', async () => {
    await assert.rejects(
      createRun(deps, { orgId, scenario, scenarioId: scenario.id, locale: 'zh-TW', seed: 1, speed: 1, historyDays: 0 }),
      (e: Error & { code?: string }) => e.code === 'forbidden',
    );
    assert.equal(await count('scenario_runs'), 0);
    await q(sql`UPDATE organisations SET kind = 'demo' WHERE id = ${orgId}`);
  });

  let runId: string;
  test('creating a run stores its injects and loads the calm history through ingest', async () => {
    runId = await createRun(deps, { orgId, scenario, scenarioId: scenario.id, locale: 'zh-TW', seed: 42, speed: 60, historyDays: 2 });
    const v = await view(runId);
    assert.equal(v.status, 'ready');
    assert.equal(v.minute, 0);
    assert.equal(v.nextInjectMinute, 2);
    assert.equal(v.title, scenario.title);
    assert.equal((await injectsOf(deps.db, runId)).length, scenario.injects.length);
    assert.deepEqual(await injectsOf(deps.db, runId, { deliveredOnly: true }), []);
    const history = await count('mentions', sql`org_id = ${orgId}`);
    assert.ok(Math.abs(history - 48 * scenario.baseline.perHour) <= 1, `${history} mentions of history`);
    assert.equal(await count('mentions', sql`org_id = ${orgId} AND published_at >= ${clock.now().toISOString()}`), 0, 'all in the past');
    assert.equal(await count('events', sql`type = 'scenario.run_changed' AND subject_id = ${runId}`), 1);
  });

  test('start anchors now; a stale version is a 409 that changes nothing', async () => {
    await assert.rejects(commandRun(deps, actor, runId, { action: 'pause', expectedVersion: 1 }), /Only a running run/);
    const started = await commandRun(deps, actor, runId, { action: 'start', expectedVersion: 1 });
    assert.equal(started.status, 'running');
    assert.equal(started.version, 2);
    await assert.rejects(
      commandRun(deps, actor, runId, { action: 'pause', expectedVersion: 1 }),
      (e: Error & { code?: string; status?: number }) => e.code === 'conflict' && e.status === 409,
    );
    assert.equal((await view(runId)).status, 'running');
    await assert.rejects(commandRun(deps, actor, runId, { action: 'start', expectedVersion: 2 }), /already started/);
  });

  test('at 60× one wall second is one scenario minute', async () => {
    clock.advance(SEC);
    const before = await count('mentions', sql`org_id = ${orgId}`);
    await tickRuns(deps);
    assert.equal((await view(runId)).minute, 1);
    clock.advance(2 * SEC);
    await tickRuns(deps);
    const v = await view(runId);
    assert.equal(v.minute, 3);
    // Minute 2's inject is due.
    assert.deepEqual(
      (await injectsOf(deps.db, runId, { deliveredOnly: true })).map((i) => i.key),
      ['store-call'],
    );
    const row = (await q<{ generated_minutes: number }>(sql`SELECT generated_minutes FROM scenario_runs WHERE id = ${runId}`))[0];
    assert.equal(row.generated_minutes, 3);
    assert.equal(v.mentionsIngested, (await count('mentions', sql`org_id = ${orgId}`)) - before);
  });

  test('pause freezes scenario time; resume carries on from there', async () => {
    clock.advance(SEC / 2);
    const paused = await cmd(runId, { action: 'pause' });
    assert.equal(paused.status, 'paused');
    const n = await count('mentions', sql`org_id = ${orgId}`);
    for (let i = 0; i < 4; i++) {
      clock.advance(15 * SEC);
      await tickRuns(deps);
    }
    assert.equal((await view(runId)).minute, 3);
    assert.equal(await count('mentions', sql`org_id = ${orgId}`), n, 'nothing generated while paused');
    await cmd(runId, { action: 'resume' });
    clock.advance(SEC / 2);
    await tickRuns(deps);
    assert.equal((await view(runId)).minute, 4, '3.5 minutes before the pause, 0.5 after');
  });

  test('speed re-anchors at the current position', async () => {
    await cmd(runId, { action: 'speed', speed: 10 });
    clock.advance(6 * SEC);
    await tickRuns(deps);
    assert.equal((await view(runId)).minute, 5, 'six seconds at 10× is one more minute');
    await cmd(runId, { action: 'speed', speed: 60 });
    assert.equal((await view(runId)).speed, 60);
  });

  test('next inject jumps to it and delivers it; the minutes jumped over follow in the next ticks', async () => {
    const jumped = await cmd(runId, { action: 'next_inject' });
    assert.equal(jumped.minute, 10);
    assert.equal(jumped.nextInjectMinute, 25);
    const delivered = await injectsOf(deps.db, runId, { deliveredOnly: true });
    assert.deepEqual(
      delivered.map((i) => i.key),
      ['reporter-email', 'store-call'],
      'newest first',
    );
    await tickRuns(deps);
    const row = (await q<{ generated_minutes: number }>(sql`SELECT generated_minutes FROM scenario_runs WHERE id = ${runId}`))[0];
    assert.equal(row.generated_minutes, 10, 'the minutes jumped over are generated');
    const late = await count('mentions', sql`org_id = ${orgId} AND published_at > ${clock.now().toISOString()}`);
    assert.equal(late, 0, 'nothing published after now');
  });

  test('release delivers one inject by hand, once; a surprise is delivered at the current minute', async () => {
    const health = (await injectsOf(deps.db, runId)).find((i) => i.key === 'health-dept');
    assert.ok(health);
    const v = await cmd(runId, { action: 'release', injectId: health.id });
    assert.equal(v.nextInjectMinute, null);
    const released = (await injectsOf(deps.db, runId)).find((i) => i.key === 'health-dept');
    assert.equal(released?.releasedByHand, true);
    assert.ok(released?.deliveredAt);
    await assert.rejects(cmd(runId, { action: 'release', injectId: health.id }), /already been delivered/);
    await assert.rejects(cmd(runId, { action: 'release', injectId: crypto.randomUUID() }), /No such inject/);
    await assert.rejects(cmd(runId, { action: 'next_inject' }), /Every inject/);
    const s = await cmd(runId, {
      action: 'surprise',
      inject: { kind: 'news', from: '週刊記者', subject: '獨家：內部信件外流', body: '記者手上有一封內部信件，請於一小時內回應。' },
    });
    const [newest] = await injectsOf(deps.db, runId, { deliveredOnly: true });
    assert.equal(newest.key, 'surprise-1');
    assert.equal(newest.surprise, true);
    assert.equal(newest.atMinute, s.minute);
    assert.equal(await count('events', sql`type = 'scenario.inject_delivered' AND org_id = ${orgId}`), 4);
  });

  test('end stops the run for good, calls the hook in its transaction, and writes run_ended', async () => {
    const ended: string[] = [];
    const v = await commandRun(
      deps,
      actor,
      runId,
      { action: 'end', expectedVersion: (await view(runId)).version },
      {
        onEnded: async (tx, id) => {
          const r = await tx.execute<{ status: string }>(sql`SELECT status FROM scenario_runs WHERE id = ${id}`);
          ended.push(`${id}:${r.rows[0].status}`);
        },
      },
    );
    assert.equal(v.status, 'ended');
    assert.equal(v.endedReason, 'ended');
    assert.deepEqual(ended, [`${runId}:ended`]);
    await assert.rejects(cmd(runId, { action: 'resume' }), /has ended/);
    const n = await count('mentions', sql`org_id = ${orgId}`);
    clock.advance(10 * SEC);
    await tickRuns(deps);
    assert.equal(await count('mentions', sql`org_id = ${orgId}`), n);
    const types = await q<{ type: string }>(sql`SELECT type FROM events WHERE subject_id = ${runId} ORDER BY id`);
    assert.equal(types.at(-1)?.type, 'scenario.run_ended');
    assert.ok(types.filter((t) => t.type === 'scenario.run_changed').length >= 8);
  });

  test('a run of another organisation is not found', async () => {
    const other = (await q<{ id: string }>(sql`INSERT INTO organisations (name, kind) VALUES ('Other', 'demo') RETURNING id`))[0].id;
    const r2 = await createRun(deps, {
      orgId: other,
      scenario,
      scenarioId: scenario.id,
      locale: 'zh-TW',
      seed: 1,
      speed: 1,
      historyDays: 0,
    });
    await assert.rejects(commandRun(deps, actor, r2, { action: 'start', expectedVersion: 1 }, { orgId }), /No such scenario run/);
    assert.equal((await view(r2)).status, 'ready');
    assert.ok(MIN > 0);
  });

  test('a run started hours after it was created first fills the calm up to the start (once)', async () => {
    const other = (await q<{ id: string }>(sql`INSERT INTO organisations (name, kind) VALUES ('Later', 'demo') RETURNING id`))[0].id;
    const created = clock.now();
    const r = await createRun(deps, {
      orgId: other,
      scenario,
      scenarioId: scenario.id,
      locale: 'zh-TW',
      seed: 8,
      speed: 1,
      historyDays: 1,
    });
    const history = await count('mentions', sql`org_id = ${other}`);
    clock.advance(6 * 3_600_000);
    const expected = baselineMentions(scenario, {
      runId: r,
      seed: 8,
      from: created,
      to: clock.now(),
      timeZone: 'Asia/Taipei',
      tag: 'g',
    }).length;
    assert.ok(expected > 5);
    await assert.rejects(commandRun(deps, actor, r, { action: 'start', expectedVersion: 7 }), /changed since/);
    await commandRun(deps, actor, r, { action: 'start', expectedVersion: 1 });
    const gap = sql`org_id = ${other} AND published_at >= ${created.toISOString()} AND published_at < ${clock.now().toISOString()}`;
    assert.equal(await count('mentions', gap), expected, 'the gap filled once, although the first start failed');
    assert.equal(await count('mentions', sql`org_id = ${other}`), history + expected);
  });
});
