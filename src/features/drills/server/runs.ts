// Scenario runs: creating one (its injects and calm history), the controls (start, pause, speed, jump, release,
// surprise, end) and the views. Scenario time is `positionMs` at `anchoredAt`, advancing at `speed` while
// running; the player (player.ts) generates what that time has passed. Every command checks the version the
// caller saw (a stale one is a 409) and writes its event in the same transaction.
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import { ingestMentions } from '../../monitoring/server/ingest.ts';
import { orgTimeZone } from '../../people/server/org.ts';
import type { InjectView, RunCommand, RunView } from '../contract.ts';
import type { Scenario } from '../scenario-contract.ts';
import type { DrillDeps } from './deps.ts';
import { baselineMentions } from './generate.ts';
import { scenarioInjects, scenarioRuns } from './schema.ts';

export type RunRow = typeof scenarioRuns.$inferSelect;
/** Called in the transaction that ends a run (by the facilitator or by its timeline running out). */
export type RunEndedHook = (tx: Executor, runId: string) => Promise<void>;

/** The player renews a run's lease every tick; a lease expired longer than STALE_MS means nobody played it. */
export const LEASE_MS = 20_000;
export const STALE_MS = 10_000;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Ingest takes at most this many items per call (the push API's limit). */
export const BATCH = 1000;
/** Generated mentions are this system actor's doing (the event spine shows "scenario"). */
export const SCENARIO_ACTOR: Actor = { type: 'system', label: 'scenario' };
/** Marks an inject released by hand when the actor has no id (a system actor). */
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

let endedHook: RunEndedHook | null = null;
/**
 * Registers what to do, in the same transaction, whenever a run ends (drills mirror it on their row). One hook
 * per process; the drills feature sets it when its routes are registered.
 */
export function setRunEndedHook(fn: RunEndedHook | null) {
  endedHook = fn;
}
/** The registered hook (the player calls it when a timeline runs out). */
export const runEndedHook = () => endedHook;

export const scenarioOf = (run: RunRow) => run.scenario as Scenario;
const durationMs = (run: RunRow) => scenarioOf(run).durationMinutes * MINUTE;

/** Scenario time (ms) at wall time `at`: frozen unless running, never past the end. */
export function positionAt(run: RunRow, at: Date): number {
  const moved = run.status === 'running' && run.anchoredAt ? Math.max(0, at.getTime() - run.anchoredAt.getTime()) * run.speed : 0;
  return Math.min(durationMs(run), run.positionMs + moved);
}

/** When the run was last played: the lease's start, or the anchor when nobody has played since. */
export function lastPlayedAt(run: RunRow): Date | null {
  if (!run.anchoredAt) return null;
  const t = run.leaseUntil ? run.leaseUntil.getTime() - LEASE_MS : 0;
  return new Date(Math.max(t, run.anchoredAt.getTime()));
}

type CreateRunInput = {
  orgId: string;
  scenario: Scenario;
  scenarioId: string;
  locale: 'zh-TW' | 'en';
  seed: number;
  speed: 1 | 10 | 60;
  historyDays: number;
  actor?: Actor;
};

/**
 * Creates a run (status ready) in a demo or drill-sandbox organisation with the scenario's injects, then loads
 * `historyDays` of calm history ending now through the ingest pipeline (so the detector has something to
 * learn from). Create the scenario's topics first: ingest tags mentions with the topics that exist then.
 */
export async function createRun(deps: DrillDeps, input: CreateRunInput): Promise<string> {
  const actor = input.actor ?? SCENARIO_ACTOR;
  const runId = await deps.db.transaction(async (tx) => {
    await assertPlayableOrg(tx, input.orgId);
    const [run] = await tx
      .insert(scenarioRuns)
      .values({
        orgId: input.orgId,
        scenarioId: input.scenarioId,
        scenario: input.scenario,
        locale: input.locale,
        seed: input.seed,
        speed: input.speed,
        createdAt: deps.clock.now(),
      })
      .returning({ id: scenarioRuns.id });
    if (input.scenario.injects.length)
      await tx.insert(scenarioInjects).values(
        input.scenario.injects.map((i) => ({
          runId: run.id,
          orgId: input.orgId,
          key: i.key,
          atMs: i.at * MINUTE,
          kind: i.kind,
          sender: i.from,
          subject: i.subject,
          body: i.body,
          respondBy: i.respondBy ?? null,
          createdAt: deps.clock.now(),
        })),
      );
    await recordEvent(tx, deps.clock, {
      orgId: input.orgId,
      type: 'scenario.run_changed',
      actor,
      subjectType: 'scenario_run',
      subjectId: run.id,
      data: { action: 'created', scenarioId: input.scenarioId, historyDays: input.historyDays },
    });
    return run.id;
  });
  if (input.historyDays > 0) {
    const to = deps.clock.now();
    await loadHistory(deps, input.orgId, input.scenario, {
      runId,
      seed: input.seed,
      from: new Date(to.getTime() - input.historyDays * DAY),
      to,
    });
  }
  return runId;
}

async function loadHistory(
  deps: DrillDeps,
  orgId: string,
  scenario: Scenario,
  o: { runId: string; seed: number; from: Date; to: Date; tag?: string },
) {
  const timeZone = await orgTimeZone(deps.db, orgId);
  const items = baselineMentions(scenario, { ...o, timeZone });
  for (let i = 0; i < items.length; i += BATCH) await ingestMentions(deps, orgId, SCENARIO_ACTOR, items.slice(i, i + BATCH), {}, {});
}

/**
 * A run started a while after it was created (a drill planned on Monday, run on Friday) would show the detector
 * days of silence before the scenario: the calm goes on until the start, so it is filled in first. Idempotent
 * (the gap's items have ids of their own), so a start that then fails on its version may simply be retried.
 */
async function fillGapBeforeStart(deps: DrillDeps, runId: string, orgId?: string) {
  const [run] = await deps.db.select().from(scenarioRuns).where(eq(scenarioRuns.id, runId));
  if (run?.status !== 'ready' || (orgId !== undefined && run.orgId !== orgId)) return;
  const created = await deps.db.execute<{ days: string | null; at: Date }>(sql`
    SELECT data->>'historyDays' AS days, created_at AS at FROM events
    WHERE subject_type = 'scenario_run' AND subject_id = ${runId} AND type = 'scenario.run_changed' ORDER BY id LIMIT 1`);
  const c = created.rows[0];
  if (!c || !Number(c.days)) return;
  const from = new Date(c.at);
  const to = deps.clock.now();
  if (to.getTime() - from.getTime() < MINUTE) return;
  await loadHistory(deps, run.orgId, scenarioOf(run), { runId, seed: run.seed, from, to, tag: 'g' });
}

/** Scenarios play only into a demo workspace or a drill's sandbox, never into a real organisation. */
export async function assertPlayableOrg(tx: Executor, orgId: string) {
  const r = await tx.execute<{ kind: string }>(sql`SELECT kind FROM organisations WHERE id = ${orgId}`);
  const kind = r.rows[0]?.kind;
  if (kind !== 'demo' && kind !== 'drill')
    throw new AppError('forbidden', 'A scenario plays only in a demo workspace or a drill sandbox, never in a real organisation.');
}

async function lockRun(tx: Executor, runId: string, orgId?: string) {
  const [run] = await tx.select().from(scenarioRuns).where(eq(scenarioRuns.id, runId)).for('update');
  if (!run || (orgId !== undefined && run.orgId !== orgId)) throw new AppError('not_found', 'No such scenario run.');
  return run;
}

/** Marks the run's undelivered injects due by `uptoMs` delivered now, one event each; returns how many. */
export async function deliverDue(tx: Executor, clock: Clock, run: RunRow, uptoMs: number, actor: Actor = SCENARIO_ACTOR) {
  const due = await tx
    .update(scenarioInjects)
    .set({ deliveredAt: clock.now() })
    .where(and(eq(scenarioInjects.runId, run.id), isNull(scenarioInjects.deliveredAt), sql`${scenarioInjects.atMs} <= ${uptoMs}`))
    .returning();
  due.sort((a, b) => a.atMs - b.atMs);
  for (const i of due) await injectDelivered(tx, clock, run, i, actor);
  return due.length;
}

async function injectDelivered(tx: Executor, clock: Clock, run: RunRow, i: typeof scenarioInjects.$inferSelect, actor: Actor) {
  await recordEvent(tx, clock, {
    orgId: run.orgId,
    type: 'scenario.inject_delivered',
    actor,
    subjectType: 'scenario_inject',
    subjectId: i.id,
    data: {
      runId: run.id,
      key: i.key,
      kind: i.kind,
      subject: i.subject,
      atMinute: i.atMs / MINUTE,
      surprise: i.surprise,
      byHand: i.releasedBy !== null,
    },
  });
}

const conflict = (message: string) => new AppError('conflict', message);

/** Applies one control to a run (`orgId`: only a run of that organisation, else 404); returns the run's view. */
export async function commandRun(
  deps: DrillDeps,
  actor: Actor,
  runId: string,
  cmd: RunCommand,
  opts: { orgId?: string; onEnded?: RunEndedHook } = {},
): Promise<RunView> {
  if (cmd.action === 'start') await fillGapBeforeStart(deps, runId, opts.orgId);
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const run = await lockRun(tx, runId, opts.orgId);
    if (run.version !== cmd.expectedVersion)
      throw conflict(
        `The run changed since you loaded it (version ${run.version}, you sent ${cmd.expectedVersion}); reload and try again.`,
      );
    if (run.status === 'ended') throw conflict('This run has ended.');
    const pos = positionAt(run, now);
    const set = await applyCommand(tx, deps.clock, actor, run, cmd, pos);
    const [after] = await tx
      .update(scenarioRuns)
      .set({ ...set, version: run.version + 1 })
      .where(eq(scenarioRuns.id, run.id))
      .returning();
    const ended = after.status === 'ended';
    await recordEvent(tx, deps.clock, {
      orgId: run.orgId,
      type: ended ? 'scenario.run_ended' : 'scenario.run_changed',
      actor,
      subjectType: 'scenario_run',
      subjectId: run.id,
      data: {
        action: cmd.action,
        status: after.status,
        speed: after.speed,
        minute: Math.floor(positionAt(after, now) / MINUTE),
        ...(ended ? { reason: 'ended' } : {}),
      },
    });
    if (ended) await (opts.onEnded ?? endedHook)?.(tx, run.id);
  });
  const view = await runViewOf(deps.db, runId, now);
  if (!view) throw new AppError('not_found', 'No such scenario run.');
  return view;
}

type RunSet = Partial<typeof scenarioRuns.$inferInsert>;

/** What a command changes (injects it delivers are written here; the run row by the caller). */
async function applyCommand(tx: Executor, clock: Clock, actor: Actor, run: RunRow, cmd: RunCommand, pos: number): Promise<RunSet> {
  const now = clock.now();
  const lease = new Date(now.getTime() + LEASE_MS);
  const need = (ok: boolean, message: string) => {
    if (!ok) throw conflict(message);
  };
  switch (cmd.action) {
    case 'start':
      need(run.status === 'ready', `This run has already started (it is ${run.status}).`);
      return { status: 'running', positionMs: 0, anchoredAt: now, startedAt: now, leaseUntil: lease };
    case 'pause':
      need(run.status === 'running', `Only a running run can be paused (it is ${run.status}).`);
      return { status: 'paused', positionMs: pos, anchoredAt: null };
    case 'resume':
      need(run.status === 'paused', `Only a paused run can be resumed (it is ${run.status}).`);
      return { status: 'running', anchoredAt: now, leaseUntil: lease };
    case 'speed':
      // Re-anchored at the current position, so time already passed keeps the old speed.
      return run.status === 'running' ? { speed: cmd.speed, positionMs: pos, anchoredAt: now, leaseUntil: lease } : { speed: cmd.speed };
    case 'next_inject': {
      need(run.status === 'running' || run.status === 'paused', `Start the run first (it is ${run.status}).`);
      const [next] = await tx
        .select({ atMs: scenarioInjects.atMs })
        .from(scenarioInjects)
        .where(and(eq(scenarioInjects.runId, run.id), isNull(scenarioInjects.deliveredAt)))
        .orderBy(asc(scenarioInjects.atMs))
        .limit(1);
      need(next !== undefined, 'Every inject has been delivered.');
      // The minutes jumped over are generated by the next ticks (a bounded number per tick), published now.
      const target = Math.max(pos, next.atMs);
      await deliverDue(tx, clock, run, target, actor);
      return run.status === 'running' ? { positionMs: target, anchoredAt: now, leaseUntil: lease } : { positionMs: target };
    }
    case 'release': {
      need(run.status === 'running' || run.status === 'paused', `Start the run first (it is ${run.status}).`);
      const [i] = await tx
        .update(scenarioInjects)
        .set({ deliveredAt: now, releasedBy: actorId(actor) })
        .where(and(eq(scenarioInjects.id, cmd.injectId), eq(scenarioInjects.runId, run.id), isNull(scenarioInjects.deliveredAt)))
        .returning();
      if (!i) {
        const [exists] = await tx
          .select({ id: scenarioInjects.id })
          .from(scenarioInjects)
          .where(and(eq(scenarioInjects.id, cmd.injectId), eq(scenarioInjects.runId, run.id)));
        throw exists ? conflict('This inject has already been delivered.') : new AppError('not_found', 'No such inject in this run.');
      }
      await injectDelivered(tx, clock, run, i, actor);
      return {};
    }
    case 'surprise': {
      need(run.status === 'running' || run.status === 'paused', `Start the run first (it is ${run.status}).`);
      const n = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM scenario_injects WHERE run_id = ${run.id} AND surprise`);
      const [i] = await tx
        .insert(scenarioInjects)
        .values({
          runId: run.id,
          orgId: run.orgId,
          key: `surprise-${n.rows[0].n + 1}`,
          atMs: pos,
          kind: cmd.inject.kind,
          sender: cmd.inject.from,
          subject: cmd.inject.subject,
          body: cmd.inject.body,
          respondBy: cmd.inject.respondBy ?? null,
          surprise: true,
          deliveredAt: now,
          releasedBy: actorId(actor),
          createdAt: now,
        })
        .returning();
      await injectDelivered(tx, clock, run, i, actor);
      return {};
    }
    case 'end':
      return { status: 'ended', endedReason: 'ended', endedAt: now, positionMs: pos, anchoredAt: null };
  }
}

const actorId = (a: Actor) => (a.type === 'system' ? NIL_UUID : a.id);

/** The run's view; scenario time as of `now`, or as of its last playing when no time is given. */
export async function runViewOf(db: Executor, runId: string, now?: Date): Promise<RunView | null> {
  const [run] = await db.select().from(scenarioRuns).where(eq(scenarioRuns.id, runId));
  if (!run) return null;
  const [next] = await db
    .select({ atMs: scenarioInjects.atMs })
    .from(scenarioInjects)
    .where(and(eq(scenarioInjects.runId, runId), isNull(scenarioInjects.deliveredAt)))
    .orderBy(asc(scenarioInjects.atMs))
    .limit(1);
  return viewOf(run, now ?? lastPlayedAt(run) ?? run.createdAt, next?.atMs ?? null);
}

function viewOf(run: RunRow, at: Date, nextAtMs: number | null): RunView {
  const s = scenarioOf(run);
  return {
    id: run.id,
    scenarioId: run.scenarioId,
    title: s.title,
    company: s.company.name,
    locale: run.locale === 'en' ? 'en' : 'zh-TW',
    status: run.status as RunView['status'],
    speed: run.speed as RunView['speed'],
    minute: Math.floor(positionAt(run, at) / MINUTE),
    durationMinutes: s.durationMinutes,
    mentionsIngested: run.mentionsIngested,
    startedAt: run.startedAt?.toISOString() ?? null,
    endedAt: run.endedAt?.toISOString() ?? null,
    endedReason: run.endedReason,
    nextInjectMinute: nextAtMs === null ? null : nextAtMs / MINUTE,
    version: run.version,
  };
}

/** A run's injects: delivered ones newest first (`deliveredOnly`, what players see), or all in timeline order. */
export async function injectsOf(db: Executor, runId: string, opts: { deliveredOnly?: boolean } = {}): Promise<InjectView[]> {
  const rows = opts.deliveredOnly
    ? await db
        .select()
        .from(scenarioInjects)
        .where(and(eq(scenarioInjects.runId, runId), isNotNull(scenarioInjects.deliveredAt)))
        .orderBy(desc(scenarioInjects.deliveredAt), desc(scenarioInjects.createdAt), desc(scenarioInjects.atMs))
    : await db
        .select()
        .from(scenarioInjects)
        .where(eq(scenarioInjects.runId, runId))
        .orderBy(asc(scenarioInjects.atMs), asc(scenarioInjects.createdAt));
  return rows.map((i) => ({
    id: i.id,
    key: i.key,
    atMinute: i.atMs / MINUTE,
    kind: i.kind,
    from: i.sender,
    subject: i.subject,
    body: i.body,
    respondBy: i.respondBy,
    surprise: i.surprise,
    deliveredAt: i.deliveredAt?.toISOString() ?? null,
    releasedByHand: i.releasedBy !== null,
  }));
}

/** The organisation's latest run, or null. */
export async function latestRunOf(db: Executor, orgId: string): Promise<RunRow | null> {
  const [run] = await db.select().from(scenarioRuns).where(eq(scenarioRuns.orgId, orgId)).orderBy(desc(scenarioRuns.createdAt)).limit(1);
  return run ?? null;
}
