// The player on a real database with a test clock: every mention lands once and only in its run's
// organisation, reposts cluster, two processes never both play a run, downtime counts as a pause, a run ends by
// itself, and the real early-warning detector fires on a scenario's surge.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import YAML from 'yaml';
import { createTestDatabase, onCleanup } from '../../../../test/helpers/db.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { createDb, type Db } from '../../../platform/db.ts';
import { queueTickSoon } from '../../warnings/server/jobs.ts';
import { runDetection } from '../../warnings/server/run.ts';
import { type Scenario, scenarioFile } from '../scenario-contract.ts';
import type { DrillDeps } from './deps.ts';
import { mentionsForMinute } from './generate.ts';
import { createPlayer, tickRuns } from './player.ts';
import { commandRun, createRun, runViewOf } from './runs.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const scenario: Scenario = scenarioFile.parse(
  YAML.parse(fs.readFileSync(path.join(root, 'test/fixtures/scenarios/zh-TW/fixture-mini.yaml'), 'utf8')),
);
const SEC = 1000;
const MIN = 60_000;
const actor = { type: 'system', label: 'test' } as const;

describe('the scenario player', () => {
  const clock = createTestClock(new Date('2026-03-10T04:00:00Z'));
  let deps: DrillDeps;
  let db: Db;
  let url: string;
  let batches = 0;
  const q = async <T>(query: ReturnType<typeof sql>) => (await db.execute(query)).rows as T[];
  const mentionsIn = async (orgId: string) =>
    (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM mentions WHERE org_id = ${orgId}`))[0].n;
  const org = async (kind: 'live' | 'demo' | 'drill', sandboxOf: string | null = null) =>
    (
      await q<{ id: string }>(
        sql`INSERT INTO organisations (name, kind, sandbox_of) VALUES (${`org ${kind}`}, ${kind}, ${sandboxOf}) RETURNING id`,
      )
    )[0].id;
  const topic = async (orgId: string, query = '茶聚堂') =>
    (await q<{ id: string }>(sql`INSERT INTO topics (org_id, name, query) VALUES (${orgId}, ${query}, ${query}) RETURNING id`))[0].id;
  const start = async (orgId: string, opts: { seed?: number; historyDays?: number; speed?: 1 | 10 | 60; scenario?: Scenario } = {}) => {
    const played = opts.scenario ?? scenario;
    const runId = await createRun(deps, {
      orgId,
      scenario: played,
      scenarioId: played.id,
      locale: 'zh-TW',
      seed: opts.seed ?? 5,
      speed: opts.speed ?? 60,
      historyDays: opts.historyDays ?? 0,
    });
    await commandRun(deps, actor, runId, { action: 'start', expectedVersion: 1 });
    return runId;
  };
  const runRow = async (runId: string) =>
    (
      await q<{ generated_minutes: number; mentions_ingested: number; status: string; ended_reason: string | null; seed: number }>(
        sql`SELECT generated_minutes, mentions_ingested, status, ended_reason, seed FROM scenario_runs WHERE id = ${runId}`,
      )
    )[0];
  /** What the generator gives for minutes [0, upTo) of a run (what must be stored, exactly once). */
  const expected = (runId: string, seed: number, upTo: number) =>
    Array.from(
      { length: upTo },
      (_, m) => mentionsForMinute(scenario, { runId, seed, minute: m, publishedAt: () => clock.now() }).length,
    ).reduce((a, b) => a + b, 0);

  before(async () => {
    url = await createTestDatabase();
    const database = createDb(url);
    onCleanup(database.close);
    db = database.db;
    deps = {
      db,
      clock,
      scenariosDir: '',
      onIngested: async (tx) => {
        batches++;
        await queueTickSoon(tx);
      },
    };
  });

  let live: string;
  let demo: string;
  let demoRun: string;
  test('a run plays to its end by itself: every minute once, every inject, the hook, reposts in one cluster', async () => {
    live = await org('live');
    demo = await org('demo');
    demoRun = await start(demo);
    const ended: string[] = [];
    for (let i = 0; i < 40; i++) {
      clock.advance(SEC);
      await tickRuns(deps, { onEnded: async (_tx, id) => void ended.push(id) });
    }
    const row = await runRow(demoRun);
    assert.equal(row.status, 'ended');
    assert.equal(row.ended_reason, 'finished');
    assert.equal(row.generated_minutes, scenario.durationMinutes + 1);
    assert.deepEqual(ended, [demoRun], 'the hook ran once');
    const stored = await mentionsIn(demo);
    assert.equal(stored, expected(demoRun, 5, scenario.durationMinutes + 1), 'each generated mention stored exactly once');
    assert.equal(row.mentions_ingested, stored);
    assert.ok(batches > 0, 'ingest queued early-warning ticks');
    const view = await runViewOf(db, demoRun);
    assert.equal(view?.minute, scenario.durationMinutes);
    assert.equal(view?.nextInjectMinute, null, 'every inject delivered');
    const finished = await q(sql`SELECT 1 FROM events WHERE type = 'scenario.run_ended' AND subject_id = ${demoRun}`);
    assert.equal(finished.length, 1);
    // Reposts of the origin post are one repost cluster, headed by the original.
    const clusters = await q<{ cluster_id: string; n: number; has_original: boolean }>(sql`
      SELECT cluster_id, count(*)::int AS n, bool_or(author = '匿名（國立臺灣大學）') AS has_original FROM mentions
      WHERE org_id = ${demo} AND text LIKE ${'%喝到一半吸到一塊硬硬的黑色東西%'} GROUP BY cluster_id`);
    assert.equal(clusters.length, 1, JSON.stringify(clusters));
    assert.ok(clusters[0].n > 30 && clusters[0].has_original, JSON.stringify(clusters));
    assert.equal(await mentionsIn(live), 0);
    const late = await q(sql`SELECT 1 FROM mentions WHERE org_id = ${demo} AND published_at > ${clock.now().toISOString()}`);
    assert.equal(late.length, 0, 'nothing published in the future');
  });

  let playing: string;
  let playingOrg: string;
  test('two processes ticking at once never both play a run (no mention twice, counters exact)', async () => {
    playingOrg = await org('demo');
    playing = await start(playingOrg, { seed: 9 });
    const other = createDb(url); // a second pool: a second process
    onCleanup(other.close);
    const deps2: DrillDeps = { ...deps, db: other.db };
    clock.advance(20 * SEC);
    const results = await Promise.all([tickRuns(deps), tickRuns(deps2), tickRuns(deps), tickRuns(deps2)]);
    const row = await runRow(playing);
    assert.equal(row.generated_minutes, 20);
    const stored = await mentionsIn(playingOrg);
    assert.equal(stored, expected(playing, 9, 20));
    assert.equal(row.mentions_ingested, stored);
    assert.equal(
      results.reduce((s, r) => s + r.mentions, 0),
      stored,
      'the ticks together stored each mention once',
    );
  });

  test('after downtime the run resumes where it was: no flood, no skipped inject, nothing elsewhere', async () => {
    const before = await runViewOf(db, playing, clock.now());
    const n = await mentionsIn(playingOrg);
    const elsewhere = await mentionsIn(demo);
    clock.advance(10 * MIN); // the server was down: nobody ticked
    await tickRuns(deps);
    const after = await runViewOf(db, playing, clock.now());
    assert.equal(after?.minute, before?.minute, 'downtime counts as a pause');
    assert.equal(await mentionsIn(playingOrg), n, 'no flood');
    assert.equal(after?.nextInjectMinute, 25, 'no inject skipped');
    clock.advance(5 * SEC);
    await tickRuns(deps);
    assert.equal((await runViewOf(db, playing, clock.now()))?.minute, (before?.minute ?? 0) + 5);
    assert.equal(await mentionsIn(demo), elsewhere);
    assert.equal(await mentionsIn(live), 0);
    // The minutes after the restart are published after it, never in the down time.
    const gap = await q(sql`
      SELECT 1 FROM mentions WHERE org_id = ${playingOrg}
        AND published_at > ${new Date(clock.now().getTime() - 10 * MIN).toISOString()}
        AND published_at < ${new Date(clock.now().getTime() - 5 * SEC).toISOString()}`);
    assert.equal(gap.length, 0);
  });

  test('two runs at once, one in a drill sandbox: each writes only into its own organisation', async () => {
    await commandRun(deps, actor, playing, { action: 'end', expectedVersion: (await runViewOf(db, playing))?.version ?? 0 });
    const sandbox = await org('drill', live);
    const a = await start(await org('demo'), { seed: 1 });
    const b = await start(sandbox, { seed: 2 });
    const counts = async () =>
      q<{ org_id: string; n: number }>(sql`SELECT org_id, count(*)::int AS n FROM mentions GROUP BY org_id ORDER BY org_id`);
    const before = await counts();
    for (let i = 0; i < 15; i++) {
      clock.advance(SEC);
      await tickRuns(deps);
    }
    const rows = await q<{ id: string; org_id: string; mentions_ingested: number }>(
      sql`SELECT id, org_id, mentions_ingested FROM scenario_runs WHERE id IN (${a}, ${b})`,
    );
    for (const r of rows) {
      assert.ok(r.mentions_ingested > 100);
      assert.equal(await mentionsIn(r.org_id), r.mentions_ingested);
      const foreign = await q(sql`SELECT 1 FROM mentions WHERE org_id = ${r.org_id} AND external_key NOT LIKE ${`${r.id}:%`}`);
      assert.equal(foreign.length, 0, 'every mention in the org is its own run’s');
    }
    const after = await counts();
    const changed = after.filter((x) => before.find((y) => y.org_id === x.org_id)?.n !== x.n).map((x) => x.org_id);
    assert.deepEqual(changed.sort(), rows.map((r) => r.org_id).sort(), 'no other organisation gained a mention');
    assert.equal(await mentionsIn(live), 0, 'the sandbox’s real organisation has none');
    // A run whose organisation is (somehow) live is never played.
    await q(sql`UPDATE organisations SET kind = 'live' WHERE id = ${sandbox}`);
    const n = await mentionsIn(sandbox);
    clock.advance(SEC);
    await tickRuns(deps);
    assert.equal(await mentionsIn(sandbox), n);
    for (const id of [a, b]) await q(sql`UPDATE scenario_runs SET status = 'ended' WHERE id = ${id}`);
  });

  test('the loop ticks by itself about once a second, and stop() waits for the tick in flight', async () => {
    const orgId = await org('demo');
    const runId = await start(orgId, { seed: 4 });
    const player = createPlayer(deps);
    player.start();
    // Six seconds pass while this process's player runs (time that passed before it started would be a restart's
    // downtime, which counts as a pause).
    clock.advance(6 * SEC);
    const deadline = Date.now() + 10_000;
    while ((await runRow(runId)).generated_minutes < 6 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await player.stop();
    const row = await runRow(runId);
    assert.equal(row.generated_minutes, 6);
    assert.equal(row.mentions_ingested, await mentionsIn(orgId));
    clock.advance(SEC);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal((await runRow(runId)).generated_minutes, 6, 'stopped: no more ticks');
    await q(sql`UPDATE scenario_runs SET status = 'ended' WHERE id = ${runId}`);
  });

  /** Plays a fresh run of the fixture with 14 days of history, ticking player and detector every `step`; the minute it fires. */
  const fireMinute = async (speed: 1 | 10 | 60, step: number, play: { scenario?: Scenario; query?: string; minutes?: number } = {}) => {
    const orgId = await org('demo');
    const topicId = await topic(orgId, play.query);
    const runId = await start(orgId, { seed: 11, historyDays: 14, speed, scenario: play.scenario });
    // The first tick learns the topic's 14 days quietly (cold start).
    assert.equal((await runDetection({ db, clock })).opened, 0);
    for (let i = 0; i < ((play.minutes ?? 40) * MIN) / speed / step; i++) {
      clock.advance(step);
      await tickRuns(deps);
      await runDetection({ db, clock });
      const open = await q(sql`SELECT 1 FROM alerts WHERE org_id = ${orgId} AND topic_id = ${topicId}`);
      if (open.length) {
        const minute = (await runViewOf(db, runId, clock.now()))?.minute ?? null;
        await q(sql`UPDATE scenario_runs SET status = 'ended' WHERE id = ${runId}`);
        const [a] = await q<{ signals: unknown; risk: number }>(sql`SELECT signals, risk FROM alerts WHERE topic_id = ${topicId}`);
        console.log(`${speed}×: alert at scenario minute ${minute}, risk ${a.risk}, signals ${JSON.stringify(a.signals)}`);
        return minute;
      }
    }
    return null;
  };

  test('the real detector fires on the scenario’s surge (14 days of history; at 60× and at 1×)', async () => {
    const fast = await fireMinute(60, SEC);
    const real = await fireMinute(1, 20 * SEC);
    console.log(`detector fired at scenario minute ${fast} at 60×, ${real} at 1×`);
    assert.ok(fast !== null && fast <= 20, `60×: an alert within the surge (minute ${fast})`);
    assert.ok(real !== null && real <= 20, `1×: an alert within the surge (minute ${real})`);
  });

  test('played fast, the calm before the incident stays calm: the demo alerts only once its story begins', async () => {
    // The demo's own scenario: a calm a little above its history's rate until the first post at minute 15, played at
    // 10× and 60×. Its history's buckets are mostly empty, so the reach model learned zero with zero noise, and the
    // calm's first posts alerted on reach (reach is now judged only where there are mentions, with a noise floor).
    const demoScenario = scenarioFile.parse(
      YAML.parse(fs.readFileSync(path.join(root, 'scenarios/zh-TW/drinks-food-safety.yaml'), 'utf8')),
    );
    const incident = Math.min(...demoScenario.posts.map((p) => p.at));
    const play = { scenario: demoScenario, query: demoScenario.topics[0].query, minutes: 130 };
    // At eight times of day three hours apart (the history's rhythm changes what the calm is compared with): without
    // the reach fix, 10× alerted at minute 9 in the evening.
    for (const speed of [10, 60, 10, 60, 10, 60, 10, 60] as const) {
      clock.advance(3 * 3_600_000);
      const minute = await fireMinute(speed, (speed === 10 ? 6 : 2) * SEC, play);
      assert.ok(minute !== null && minute >= incident, `${speed}×: no alert before the incident (minute ${minute}, incident ${incident})`);
      assert.ok(minute <= 120, `${speed}×: an alert as the story spreads (minute ${minute})`);
    }
  });
});
