// "A drill left running while the server restarts: it resumes or ends cleanly, never leaks drill mentions into the
// real organisation", and "two drills at once": the real `firebreak start` (embedded PostgreSQL) plays two drills of
// the 30-minute fixture scenario at 60×; its process group is SIGKILLed mid-run, the state is read straight from
// the cluster, and the server is restarted on the same data directory; later it is stopped cleanly (SIGTERM) and
// restarted once more. Each run must go on from where it was (the downtime counted as a pause), deliver every inject
// once, store every scenario mention once (exactly the ones its seed generates), end `finished` with its drill
// `ended`, and put nothing into the live organisation at any point.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import pg from 'pg';
import type { Scenario } from '../../src/features/drills/scenario-contract.ts';
import { fixtureScenarioText } from '../../src/features/drills/server/drills-fixtures.ts';
import { mentionsForMinute } from '../../src/features/drills/server/generate.ts';
import { LEASE_MS } from '../../src/features/drills/server/runs.ts';
import { startEmbeddedPostgres } from '../../src/platform/embedded-postgres.ts';
import { type Client, createClient, PASSWORD, setUpOrg } from '../helpers/client.ts';
import { cleanUpAfterEachTest, type FirebreakProcess, makeDataDir, postmasterPids, sleep, spawnFirebreak, waitFor } from './harness.ts';

cleanUpAfterEachTest();

const MINUTE = 60_000;
const SPEED = 60;
/** How long the server stays down before each restart: long enough that "counted as play" and "counted as a pause" differ. */
const DOWNTIME_MS = 8000;
/** Scenario time a run may have moved past where it stopped, beyond the play since the restart (clock granularity). */
const SLACK_MS = 3000 * SPEED;

type RunState = {
  id: string;
  orgId: string;
  status: string;
  endedReason: string | null;
  generatedMinutes: number;
  mentionsIngested: number;
  /** Scenario time (ms) as of the run's last tick. */
  playedMs: number;
  leaseUntil: number | null;
  seed: number;
  scenario: Scenario;
  /** Scenario-minute mentions (not the calm history) by organisation: rows and distinct external keys. */
  mentions: Map<string, { rows: number; keys: number }>;
  /** Mentions of this run (history included) stored outside its own organisation. */
  foreign: number;
  /** Inject key → delivered at (ms), for the delivered ones. */
  delivered: Map<string, number>;
  /** `scenario.inject_delivered` events per inject id (more than one = delivered twice). */
  deliveryEvents: Map<string, number>;
};

/** The app database of a running server: its cluster's port is in the lock, the password beside it. */
async function connectRunning(dir: string) {
  const { pgPort } = JSON.parse(fs.readFileSync(path.join(dir, 'firebreak.lock'), 'utf8')) as { pgPort: number };
  const password = fs.readFileSync(path.join(dir, 'postgres-password'), 'utf8').trim();
  const db = new pg.Client({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/firebreak` });
  db.on('error', () => {}); // the server's death ends this connection; reads after it fail loudly anyway
  await db.connect();
  return db;
}

/** Reads the state with the server down: starts the data directory's cluster alone, reads, stops it. */
async function readWhileDown(dir: string, read: (db: pg.Client) => Promise<void>) {
  const cluster = await startEmbeddedPostgres({ dataDir: dir });
  try {
    const db = new pg.Client({ connectionString: cluster.url('firebreak') });
    await db.connect();
    try {
      await read(db);
    } finally {
      await db.end();
    }
  } finally {
    await cluster.stop();
  }
}

async function runStates(db: pg.Client, runIds: string[]): Promise<RunState[]> {
  const runs = await db.query(
    `SELECT id, org_id, status, ended_reason, generated_minutes, mentions_ingested, speed, position_ms, anchored_at,
       lease_until, seed, scenario FROM scenario_runs WHERE id = ANY($1::uuid[])`,
    [runIds],
  );
  const out: RunState[] = [];
  for (const id of runIds) {
    const r = runs.rows.find((x) => x.id === id);
    assert.ok(r, `run ${id} exists`);
    const scenario = r.scenario as Scenario;
    const lease = r.lease_until ? new Date(r.lease_until).getTime() : null;
    const anchor = r.anchored_at ? new Date(r.anchored_at).getTime() : null;
    // Where the run was at its last tick (runs.ts lastPlayedAt/positionAt): frozen unless running.
    const last = anchor === null ? null : Math.max(anchor, lease === null ? 0 : lease - LEASE_MS);
    const moved = r.status === 'running' && anchor !== null && last !== null ? (last - anchor) * r.speed : 0;
    const playedMs = Math.min(scenario.durationMinutes * MINUTE, Number(r.position_ms) + moved);
    const m = await db.query<{ org_id: string; rows: number; keys: number }>(
      `SELECT org_id, count(*)::int AS rows, count(DISTINCT external_key)::int AS keys FROM mentions
       WHERE external_key ~ ('^' || $1 || ':[0-9]+:[0-9]+$') GROUP BY org_id`,
      [id],
    );
    const foreign = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM mentions WHERE starts_with(external_key, $1 || ':') AND org_id <> $2`,
      [id, r.org_id],
    );
    const inj = await db.query<{ id: string; key: string; delivered_at: Date | null }>(
      'SELECT id, key, delivered_at FROM scenario_injects WHERE run_id = $1',
      [id],
    );
    const ev = await db.query<{ subject_id: string; n: number }>(
      `SELECT subject_id, count(*)::int AS n FROM events WHERE type = 'scenario.inject_delivered' AND data->>'runId' = $1
       GROUP BY subject_id`,
      [id],
    );
    out.push({
      id,
      orgId: r.org_id,
      status: r.status,
      endedReason: r.ended_reason,
      generatedMinutes: r.generated_minutes,
      mentionsIngested: r.mentions_ingested,
      playedMs,
      leaseUntil: lease,
      seed: r.seed,
      scenario,
      foreign: foreign.rows[0].n,
      mentions: new Map(m.rows.map((x) => [x.org_id, { rows: x.rows, keys: x.keys }])),
      delivered: new Map(inj.rows.flatMap((x) => (x.delivered_at ? [[x.key, new Date(x.delivered_at).getTime()] as const] : []))),
      deliveryEvents: new Map(ev.rows.map((x) => [x.subject_id, x.n])),
    });
  }
  return out;
}

/** The runs and the live organisation's mentions in one snapshot (a tick commits its mentions and counters together). */
async function snapshot(db: pg.Client, runIds: string[]) {
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    const states = await runStates(db, runIds);
    const live = await liveMentions(db);
    return { states, live };
  } finally {
    await db.query('COMMIT');
  }
}

/** Mentions stored in any real organisation (there are no sources there: every one would be a leak). */
async function liveMentions(db: pg.Client): Promise<number> {
  const r = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM mentions m JOIN organisations o ON o.id = m.org_id WHERE o.kind = 'live'`,
  );
  return r.rows[0].n;
}

/** What must hold at every reading: nothing in the live organisation, each run's mentions in its sandbox only, once. */
function assertIsolated(states: RunState[], sandboxOf: Map<string, string>, live: number, when: string) {
  assert.equal(live, 0, `${when}: no mention in the live organisation`);
  for (const s of states) {
    assert.equal(s.orgId, sandboxOf.get(s.id), `${when}: run ${s.id} plays in its drill's sandbox`);
    assert.deepEqual(
      [...s.mentions.keys()].filter((o) => o !== s.orgId),
      [],
      `${when}: run ${s.id}'s mentions only in its own sandbox`,
    );
    assert.equal(s.foreign, 0, `${when}: run ${s.id}'s history only in its own sandbox`);
    const m = s.mentions.get(s.orgId) ?? { rows: 0, keys: 0 };
    assert.equal(m.rows, m.keys, `${when}: run ${s.id}: no mention stored twice`);
    assert.equal(m.rows, s.mentionsIngested, `${when}: run ${s.id}: the counter matches the stored mentions`);
    for (const [inject, n] of s.deliveryEvents) assert.equal(n, 1, `${when}: run ${s.id}: inject ${inject} delivered once`);
    assert.equal(s.deliveryEvents.size, s.delivered.size, `${when}: run ${s.id}: one event per delivered inject`);
  }
}

const mentionCount = (s: RunState) => s.mentions.get(s.orgId)?.rows ?? 0;

test('two drills survive kill -9 and a clean restart: they resume, deliver once, store once, end finished, never leak', {
  timeout: 170_000,
}, async (t) => {
  const dir = makeDataDir();
  const env = { FIREBREAK_DATA_DIR: dir };
  let server: FirebreakProcess = spawnFirebreak(['start'], env);
  let finished = false;
  t.after(() => {
    if (!finished) t.diagnostic(`last server exit ${JSON.stringify(server.exitedWith)}\n--- stderr ---\n${server.stderr.slice(-4000)}`);
  });
  let url = await server.waitForUrl();
  const org = await setUpOrg(url);
  const player = await org.userWithRole('member', '王小明');
  let admin: Client = org.admin;

  // Two drills of the fixture scenario, at 60×, with a day of calm history each; both started.
  const drills: Array<{ id: string; runId: string; sandboxOrgId: string }> = [];
  for (const title of ['茶聚堂演練 A', '茶聚堂演練 B']) {
    const r = await admin.post('/api/drills', {
      title,
      scenarioText: fixtureScenarioText(),
      speed: SPEED,
      historyDays: 1,
      participants: [{ userId: player.id, role: 'player' }],
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    drills.push({ id: r.body.id, runId: r.body.run.id, sandboxOrgId: '' });
  }
  const runIds = drills.map((d) => d.runId);
  const sandboxOf = new Map<string, string>();
  let db = await connectRunning(dir);
  for (const d of drills) {
    const r = await db.query<{ sandbox_org_id: string; kind: string; sandbox_of: string }>(
      `SELECT d.sandbox_org_id, o.kind, o.sandbox_of FROM drills d JOIN organisations o ON o.id = d.sandbox_org_id WHERE d.id = $1`,
      [d.id],
    );
    assert.equal(r.rows[0].kind, 'drill');
    assert.equal(r.rows[0].sandbox_of, org.orgId);
    d.sandboxOrgId = r.rows[0].sandbox_org_id;
    sandboxOf.set(d.runId, d.sandboxOrgId);
  }
  assert.notEqual(drills[0].sandboxOrgId, drills[1].sandboxOrgId, 'each drill has its own sandbox');
  for (const d of drills) {
    const v = (await admin.get(`/api/drills/${d.id}`)).body;
    const s = await admin.post(`/api/drills/${d.id}/control`, { action: 'start', expectedVersion: v.run.version });
    assert.equal(s.status, 200, JSON.stringify(s.body));
  }

  /** Polls the running server's database until `cond` holds for both runs, checking isolation at every reading. */
  const playUntil = async (label: string, cond: (s: RunState) => boolean, ms: number) => {
    let states: RunState[] = [];
    const ok = await waitFor(
      async () => {
        const snap = await snapshot(db, runIds);
        states = snap.states;
        assertIsolated(states, sandboxOf, snap.live, label);
        return states.every(cond);
      },
      ms,
      200,
    );
    assert.ok(ok, `${label} within ${ms} ms: ${JSON.stringify(states.map(brief))}`);
    return states;
  };
  const brief = (s: RunState) => ({
    status: s.status,
    minute: s.playedMs / MINUTE,
    generated: s.generatedMinutes,
    mentions: mentionCount(s),
    injects: [...s.delivered.keys()],
  });

  // Both play: scenario mentions in each sandbox and the first inject (minute 2) delivered.
  await playUntil('both drills playing', (s) => s.status === 'running' && mentionCount(s) > 0 && s.delivered.size >= 1, 30_000);

  /** Stops the server (how), reads what it left, restarts after DOWNTIME_MS and checks the runs go on from there. */
  const restart = async (how: 'SIGKILL' | 'SIGTERM') => {
    await db.end().catch(() => {});
    const downAt = Date.now();
    if (how === 'SIGKILL') {
      server.signal('SIGKILL', true); // PostgreSQL dies with the group
      await server.waitExit(10_000);
    } else {
      server.signal('SIGTERM');
      assert.deepEqual(await server.waitExit(15_000), { code: 0, signal: null }, server.stderr);
    }
    assert.ok(await waitFor(() => postmasterPids(dir).length === 0, 8000), `${how}: PostgreSQL is down with the server`);
    let before: RunState[] = [];
    await readWhileDown(dir, async (down) => {
      const snap = await snapshot(down, runIds);
      before = snap.states;
      assertIsolated(before, sandboxOf, snap.live, `after ${how}`);
    });
    t.diagnostic(`${how} left: ${JSON.stringify(before.map(brief))}`);
    for (const s of before) assert.equal(s.status, 'running', `${how} came mid-run (run ${s.id})`);
    await sleep(Math.max(0, DOWNTIME_MS - (Date.now() - downAt)));

    server = spawnFirebreak(['start'], env);
    url = await server.waitForUrl();
    const upAt = Date.now();
    // The port is new: sign the facilitator in again there.
    admin = createClient(url);
    await admin.signIn(org.adminEmail, PASSWORD);
    db = await connectRunning(dir);
    // The first ticks after the restart: each run's lease is renewed.
    const after = await playUntil(
      `after ${how}: both runs played again`,
      (s) => s.leaseUntil !== null && s.leaseUntil > (before.find((b) => b.id === s.id)?.leaseUntil ?? 0),
      20_000,
    );
    const jumps: string[] = [];
    for (const a of after) {
      const b = before.find((x) => x.id === a.id) as RunState;
      assert.ok(a.generatedMinutes >= b.generatedMinutes, `after ${how}: run ${a.id} never goes back`);
      // Every inject delivered before stays delivered at the same moment (never again).
      for (const [key, at] of b.delivered) assert.equal(a.delivered.get(key), at, `after ${how}: inject ${key} of run ${a.id} kept`);
      // Downtime is a pause: scenario time moved by at most the play since the server came back (plus slack).
      const lastTick = (a.leaseUntil as number) - LEASE_MS;
      const allowed = b.playedMs + Math.max(0, lastTick - upAt) * SPEED + SLACK_MS;
      t.diagnostic(
        `${how}: run ${a.id} stopped at minute ${(b.playedMs / MINUTE).toFixed(1)}, ${((upAt - downAt) / 1000).toFixed(1)} s down; ` +
          `minute ${(a.playedMs / MINUTE).toFixed(1)} ${((lastTick - upAt) / 1000).toFixed(1)} s after the restart`,
      );
      if (a.playedMs > allowed)
        jumps.push(
          `run ${a.id}: stopped at minute ${(b.playedMs / MINUTE).toFixed(1)}, ` +
            `at minute ${(a.playedMs / MINUTE).toFixed(1)} ${((lastTick - upAt) / 1000).toFixed(1)} s after the restart ` +
            `(allowed ≤ ${(allowed / MINUTE).toFixed(1)}; ${((upAt - downAt) / 1000).toFixed(1)} s down)`,
        );
    }
    return jumps;
  };

  const jumps: string[] = [];
  jumps.push(...(await restart('SIGKILL')));
  // Play a little, then stop cleanly mid-run (the fixture's last inject is at minute 25).
  const resumedAt = Date.now();
  await playUntil('playing after the kill', () => Date.now() - resumedAt >= 3000, 10_000);
  const mid = (await snapshot(db, runIds)).states;
  if (mid.every((s) => s.status === 'running')) jumps.push(...(await restart('SIGTERM')));
  else t.diagnostic(`a run had ended before the clean restart: ${JSON.stringify(mid.map(brief))}`);

  // Both run to the end: finished, every minute's mentions stored exactly once, every inject delivered once.
  const end = await playUntil('both runs finished', (s) => s.status === 'ended', 60_000);
  for (const s of end) {
    assert.equal(s.endedReason, 'finished', `run ${s.id} ended by its timeline`);
    assert.equal(s.generatedMinutes, s.scenario.durationMinutes + 1, `run ${s.id} generated every minute`);
    const expected = new Set<string>();
    for (let minute = 0; minute <= s.scenario.durationMinutes; minute++)
      for (const m of mentionsForMinute(s.scenario, { runId: s.id, seed: s.seed, minute, publishedAt: () => new Date() }))
        expected.add(String(m.externalId));
    const keys = await db.query<{ k: string }>(
      `SELECT external_key AS k FROM mentions WHERE org_id = $1 AND external_key ~ ('^' || $2 || ':[0-9]+:[0-9]+$')`,
      [s.orgId, s.id],
    );
    const stored = new Set(keys.rows.map((r) => r.k));
    assert.equal(keys.rows.length, stored.size, `run ${s.id}: no key twice`);
    assert.deepEqual(
      [...expected].filter((k) => !stored.has(k)),
      [],
      `run ${s.id}: every generated mention stored`,
    );
    assert.deepEqual(
      [...stored].filter((k) => !expected.has(k)),
      [],
      `run ${s.id}: nothing stored beyond the scenario`,
    );
    assert.deepEqual([...s.delivered.keys()].sort(), s.scenario.injects.map((i) => i.key).sort(), `run ${s.id}: every inject delivered`);
  }
  const last = await snapshot(db, runIds);
  assertIsolated(last.states, sandboxOf, last.live, 'at the end');
  for (const d of drills) {
    const v = await admin.get(`/api/drills/${d.id}`);
    assert.equal(v.status, 200);
    assert.equal(v.body.status, 'ended', `drill ${d.id} shows ended`);
    assert.equal(v.body.run.status, 'ended');
    assert.equal(v.body.run.endedReason, 'finished');
  }
  const rows = await db.query<{ id: string; status: string }>('SELECT id, status FROM drills WHERE id = ANY($1::uuid[])', [
    drills.map((d) => d.id),
  ]);
  assert.deepEqual(
    rows.rows.map((r) => r.status),
    ['ended', 'ended'],
  );
  await db.end();

  server.signal('SIGTERM');
  assert.equal((await server.waitExit(15_000)).code, 0, server.stderr);
  finished = true;
  // Checked last, so everything above is known too: a restart must not count the downtime as play.
  assert.deepEqual(jumps, [], 'after a restart each run goes on from where it stopped (downtime counted as a pause)');
});
