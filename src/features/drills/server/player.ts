// The scenario player: about once a second, every running run generates the scenario minutes its clock has
// passed and ingests them into its own organisation through the real ingest pipeline, then delivers the
// injects that are due and ends the run when its timeline runs out. One run is played by one process at a
// time: each run's tick is one transaction holding the run's row lock (taken with SKIP LOCKED, so another
// process skips it), and the mentions, counters, injects and events of a tick commit together or not at all.
import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../../platform/db.ts';
import { recordEvent } from '../../../platform/events.ts';
import type { MentionInput } from '../../monitoring/contract.ts';
import { ingestMentions } from '../../monitoring/server/ingest.ts';
import { grantDemoGuests } from './demo.ts';
import type { DrillDeps } from './deps.ts';
import { mentionsForMinute } from './generate.ts';
import {
  BATCH,
  deliverDue,
  LEASE_MS,
  lastPlayedAt,
  positionAt,
  type RunEndedHook,
  type RunRow,
  runEndedHook,
  SCENARIO_ACTOR,
  STALE_MS,
  scenarioOf,
} from './runs.ts';
import { scenarioRuns } from './schema.ts';

type Log = { warn(obj: object, msg: string): void; error(obj: object, msg: string): void };

const MINUTE = 60_000;
const TICK_MS = 1000;
/** A jump (or a player catching up) generates at most this many scenario minutes per tick … */
export const MAX_MINUTES_PER_TICK = 120;
/** … and stops adding minutes past this many mentions (a single minute is never split). */
export const MAX_ITEMS_PER_TICK = 2000;

type TickResult = { runs: number; mentions: number; injects: number; ended: number };
type TickOpts = {
  /**
   * When this process's player started: a run last played before then, and not within the last two ticks, was
   * left unplayed by a restart (however short) — its scenario time resumes from where it was.
   */
  since?: Date;
  onEnded?: RunEndedHook;
  log?: Log;
};

/** One tick over every running run (tests call it directly; the loop calls it every second). */
export async function tickRuns(deps: DrillDeps, opts: TickOpts = {}): Promise<TickResult> {
  const done: TickResult = { runs: 0, mentions: 0, injects: 0, ended: 0 };
  const ids = await deps.db.execute<{ id: string }>(sql`SELECT id FROM scenario_runs WHERE status = 'running' ORDER BY created_at, id`);
  for (const { id } of ids.rows) {
    try {
      const r = await playRun(deps, id, opts);
      if (!r) continue;
      done.runs++;
      done.mentions += r.mentions;
      done.injects += r.injects;
      done.ended += r.ended ? 1 : 0;
    } catch (e) {
      // One run's failure (its organisation deleted, a bad scenario) does not stop the others.
      opts.log?.error({ err: e, runId: id }, 'scenario run tick failed');
      if (!opts.log) throw e;
    }
  }
  return done;
}

/** Plays one run up to now, in one transaction; null when another process holds it or it stopped running. */
export async function playRun(deps: DrillDeps, runId: string, opts: TickOpts = {}) {
  return deps.db.transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(scenarioRuns)
      .where(sql`${scenarioRuns.id} = ${runId} AND ${scenarioRuns.status} = 'running'`)
      .for('update', { skipLocked: true });
    if (!locked) return null;
    // Never into a real organisation, whatever the row says.
    const kind = await tx.execute<{ kind: string }>(sql`SELECT kind FROM organisations WHERE id = ${locked.orgId}`);
    if (kind.rows[0]?.kind !== 'demo' && kind.rows[0]?.kind !== 'drill') return null;
    const now = deps.clock.now();
    const run = resumeAfterDowntime(locked, now, opts.since);
    const pos = positionAt(run, now);
    const scenario = scenarioOf(run);
    const durationMs = scenario.durationMinutes * MINUTE;
    // Complete minutes are generated; at the end, the last minute too (posts may sit at durationMinutes).
    const target = pos >= durationMs ? scenario.durationMinutes + 1 : Math.floor(pos / MINUTE);
    const { items, upTo } = generate(run, now, target);
    let accepted = 0;
    // A nested transaction is a savepoint: the mentions commit with the counters below, or not at all.
    const db = tx as unknown as Db;
    for (let i = 0; i < items.length; i += BATCH) {
      const r = await ingestMentions(
        { db, clock: deps.clock, onIngested: deps.onIngested },
        run.orgId,
        SCENARIO_ACTOR,
        items.slice(i, i + BATCH),
      );
      accepted += r.accepted;
    }
    const injects = await deliverDue(tx, deps.clock, run, pos);
    // A demo's agency consultant is given each crisis declared while the story plays.
    if (kind.rows[0]?.kind === 'demo') await grantDemoGuests({ db, clock: deps.clock }, run.orgId);
    const finished = pos >= durationMs && upTo > scenario.durationMinutes;
    await tx
      .update(scenarioRuns)
      .set({
        positionMs: finished ? pos : run.positionMs,
        anchoredAt: finished ? null : run.anchoredAt,
        generatedMinutes: upTo,
        mentionsIngested: run.mentionsIngested + accepted,
        leaseUntil: new Date(now.getTime() + LEASE_MS),
        ...(finished ? { status: 'ended', endedReason: 'finished', endedAt: now, version: run.version + 1 } : {}),
      })
      .where(sql`${scenarioRuns.id} = ${run.id}`);
    if (finished) await runFinished(tx, deps, run, opts);
    return { mentions: accepted, injects, ended: finished };
  });
}

/**
 * After downtime (the lease expired longer ago than STALE_MS: nobody played the run), scenario time resumes
 * from where it was last played, as if paused: it never floods or skips what the down time would have played.
 */
function resumeAfterDowntime(run: RunRow, now: Date, since?: Date): RunRow {
  const last = lastPlayedAt(run);
  if (!last) return run;
  // A restart: the lease may still look valid (it runs 20 s ahead), but no live player has ticked it lately.
  const restarted = since !== undefined && last < since && now.getTime() - last.getTime() > 2 * TICK_MS;
  const abandoned = run.leaseUntil !== null && now.getTime() - run.leaseUntil.getTime() > STALE_MS;
  if (!restarted && !abandoned) return run;
  return { ...run, positionMs: positionAt(run, last), anchoredAt: now };
}

/**
 * The mentions of minutes `generatedMinutes … target-1`, bounded per tick. Each is published at the wall time
 * its scenario instant happened (from the anchor and the speed); minutes behind the anchor (jumped over, or
 * left over from before downtime) are published at the anchor, and nothing is published after now.
 */
function generate(run: RunRow, now: Date, target: number): { items: MentionInput[]; upTo: number } {
  const scenario = scenarioOf(run);
  const anchor = (run.anchoredAt ?? now).getTime();
  const publishedAt = (s: number) =>
    new Date(Math.min(now.getTime(), Math.max(anchor, anchor + Math.floor((s - run.positionMs) / run.speed))));
  const items: MentionInput[] = [];
  let m = run.generatedMinutes;
  const last = Math.min(target, run.generatedMinutes + MAX_MINUTES_PER_TICK);
  while (m < last && items.length < MAX_ITEMS_PER_TICK) {
    items.push(...mentionsForMinute(scenario, { runId: run.id, seed: run.seed, minute: m, publishedAt }));
    m++;
  }
  return { items, upTo: Math.max(m, run.generatedMinutes) };
}

async function runFinished(tx: Executor, deps: DrillDeps, run: RunRow, opts: TickOpts) {
  await recordEvent(tx, deps.clock, {
    orgId: run.orgId,
    type: 'scenario.run_ended',
    actor: SCENARIO_ACTOR,
    subjectType: 'scenario_run',
    subjectId: run.id,
    data: { action: 'finished', status: 'ended', reason: 'finished', minute: scenarioOf(run).durationMinutes },
  });
  await (opts.onEnded ?? runEndedHook())?.(tx, run.id);
}

/** The process's player loop: started by the server's start(), stopped by its close(). Ticks never overlap. */
export function createPlayer(deps: DrillDeps, opts: { log?: Log; onEnded?: RunEndedHook } = {}) {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> | null = null;
  let stopped = true;
  let since = deps.clock.now();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = tickRuns(deps, { log: opts.log ?? consoleLog, onEnded: opts.onEnded, since })
        .catch((e) => (opts.log ?? consoleLog).error({ err: e }, 'scenario player tick failed'))
        .finally(() => {
          running = null;
          schedule();
        });
    }, TICK_MS);
    timer.unref();
  };
  return {
    start() {
      if (!stopped) return;
      stopped = false;
      since = deps.clock.now();
      schedule();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}

const consoleLog: Log = {
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};
