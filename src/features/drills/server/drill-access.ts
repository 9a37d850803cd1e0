// Who is asking about a drill, and which drills they may see. Drills belong to the live organisation: from inside a
// drill's sandbox (a session acting as the person's copy) the drill pages still answer for the real person, so a
// facilitator who has entered the drill keeps the controls. Admins and managers see every drill of their
// organisation; everyone else only the drills they take part in (others are 404, never 403).
import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { users } from '../../people/server/schema.ts';
import type { ParticipantRole, RunStatus } from '../contract.ts';

/** The real person behind a request (the session's own user, also when it acts inside a sandbox). */
export type Me = {
  userId: string;
  orgId: string;
  role: string;
  label: string;
  sessionHash: string;
  /** The session currently acts as a sandbox copy (inside a drill). */
  inside: boolean;
  /** The sandbox copy's id when inside. */
  actingUserId: string | null;
};

/** Resolves the principal to the real person; only signed-in people take part in drills. */
export async function realPerson(db: Executor, p: Principal | null): Promise<Me> {
  if (p?.kind !== 'user') throw new AppError('forbidden', 'Only people take part in drills.');
  if (!p.realUserId)
    return {
      userId: p.userId,
      orgId: p.orgId,
      role: p.role,
      label: p.label,
      sessionHash: p.sessionHash,
      inside: false,
      actingUserId: null,
    };
  const [u] = await db
    .select({ id: users.id, orgId: users.orgId, role: users.role, name: users.name, status: users.status })
    .from(users)
    .where(eq(users.id, p.realUserId));
  if (u?.status !== 'active') throw new AppError('unauthenticated', 'Sign in first.');
  return { userId: u.id, orgId: u.orgId, role: u.role, label: u.name, sessionHash: p.sessionHash, inside: true, actingUserId: p.userId };
}

/** The event actor for the real person. */
export const actorOfMe = (me: Me): Actor => ({ type: 'user', id: me.userId, label: me.label });

/** Admins and managers see (and plan) every drill of their organisation. */
export const seesAllDrills = (me: Me) => me.role === 'admin' || me.role === 'manager';

/** A drill row with its run's state, as the lists and views read it. */
export type DrillRow = {
  id: string;
  org_id: string;
  sandbox_org_id: string;
  run_id: string;
  title: string;
  scenario_id: string;
  facilitator_id: string;
  facilitator_name: string;
  status: RunStatus;
  created_at: Date;
  started_at: Date | null;
  ended_at: Date | null;
  version: number;
  scenario_title: string;
  run_status: RunStatus;
  run_started_at: Date | null;
  run_ended_at: Date | null;
  run_ended_reason: string | null;
  run_speed: number;
  my_role: ParticipantRole | null;
  has_report: boolean;
};

/** The drills of the person's organisation they may see (one, when `drillId` is given), newest first. */
export async function drillRows(db: Executor, me: Me, drillId?: string): Promise<DrillRow[]> {
  const r = await db.execute<DrillRow>(sql`
    SELECT d.id, d.org_id, d.sandbox_org_id, d.run_id, d.title, d.scenario_id, d.facilitator_id, f.name AS facilitator_name,
      d.status, d.created_at, d.started_at, d.ended_at, d.version,
      coalesce(r.scenario->>'title', d.scenario_id) AS scenario_title, r.status AS run_status, r.started_at AS run_started_at,
      r.ended_at AS run_ended_at, r.ended_reason AS run_ended_reason, r.speed AS run_speed,
      (SELECT p.role FROM drill_participants p WHERE p.drill_id = d.id AND p.user_id = ${me.userId}) AS my_role,
      EXISTS (SELECT 1 FROM drill_reports x WHERE x.drill_id = d.id) AS has_report
    FROM drills d
    JOIN scenario_runs r ON r.id = d.run_id
    JOIN users f ON f.id = d.facilitator_id
    WHERE d.org_id = ${me.orgId}
      ${drillId ? sql`AND d.id = ${drillId}` : sql``}
      ${seesAllDrills(me) ? sql`` : sql`AND EXISTS (SELECT 1 FROM drill_participants p WHERE p.drill_id = d.id AND p.user_id = ${me.userId})`}
    ORDER BY d.created_at DESC, d.id`);
  return r.rows;
}

/** Who moved a drill that moved by itself. */
export const PLAYER: Actor = { type: 'system', label: 'scenario player' };

/** One drill the person may see (404 otherwise), its mirrored status brought up to date with its run. */
export async function loadDrill(deps: { db: Db; clock: Clock }, me: Me, drillId: string): Promise<DrillRow> {
  const [row] = await drillRows(deps.db, me, drillId);
  if (!row) throw notFound('No such drill.');
  if (row.status === row.run_status) return row;
  await deps.db.transaction((tx) => syncDrill(tx, deps.clock, row.id, PLAYER));
  const [fresh] = await drillRows(deps.db, me, drillId);
  return fresh;
}

/** May this person run the drill's controls: its facilitator, or an admin of its organisation. */
export const canControl = (me: Me, d: Pick<DrillRow, 'facilitator_id'>) => d.facilitator_id === me.userId || me.role === 'admin';
/** May this person add observations: observers, the facilitator, admins. */
export const canObserve = (me: Me, d: Pick<DrillRow, 'facilitator_id' | 'my_role'>) =>
  canControl(me, d) || d.my_role === 'observer' || d.my_role === 'facilitator';

const transitionEvent: Record<string, string> = {
  'ready>running': 'drill.started',
  'paused>running': 'drill.resumed',
  'running>paused': 'drill.paused',
  'ready>paused': 'drill.paused',
};

/**
 * Mirrors the run's status on the drill row (the run is the truth; the row is what lists show) and records the
 * matching `drill.*` event in the live organisation: after a facilitator's command, and when a read finds that the
 * run moved by itself (the timeline ran out, or it ended cleanly after a restart). `speedChanged` records a speed
 * change, which moves no status. Runs in the caller's transaction with the drill row locked, so two readers finding the same change record it once.
 */
export async function syncDrill(tx: Executor, clock: Clock, drillId: string, actor: Actor, speedChanged?: number) {
  // The run first, then the drill: the player's transactions lock in that order (run, then the drill in the
  // run-ended hook), so the two never wait on each other crosswise.
  await tx.execute(sql`SELECT 1 FROM scenario_runs WHERE id = (SELECT run_id FROM drills WHERE id = ${drillId}) FOR UPDATE`);
  const r = await tx.execute<{
    org_id: string;
    status: string;
    run_status: string;
    run_started_at: Date | null;
    run_ended_at: Date | null;
    ended_reason: string | null;
  }>(sql`
    SELECT d.org_id, d.status, r.status AS run_status, r.started_at AS run_started_at, r.ended_at AS run_ended_at, r.ended_reason
    FROM drills d JOIN scenario_runs r ON r.id = d.run_id WHERE d.id = ${drillId} FOR UPDATE OF d`);
  const d = r.rows[0];
  if (!d) return;
  const moved = d.status !== d.run_status;
  if (!moved && speedChanged === undefined) return;
  const type = moved
    ? d.run_status === 'ended'
      ? 'drill.ended'
      : (transitionEvent[`${d.status}>${d.run_status}`] ?? 'drill.resumed')
    : 'drill.speed_changed';
  await tx.execute(sql`
    UPDATE drills SET status = ${d.run_status}, started_at = coalesce(started_at, ${d.run_started_at}),
      ended_at = ${d.run_status === 'ended' ? (d.run_ended_at ?? clock.now()) : null}, version = version + 1
    WHERE id = ${drillId}`);
  await recordEvent(tx, clock, {
    orgId: d.org_id,
    type,
    actor,
    subjectType: 'drill',
    subjectId: drillId,
    data: {
      from: d.status,
      to: d.run_status,
      ...(speedChanged !== undefined ? { speed: speedChanged } : {}),
      ...(type === 'drill.ended' ? { reason: d.ended_reason } : {}),
    },
  });
  if (type === 'drill.ended') await quietSandbox(tx, clock, drillId, actor);
}

/**
 * An ended drill's sandbox stays readable for the review, but its topics are archived: nothing more arrives, and
 * the early-warning tick (which visits every organisation with a live topic) need not visit it ever again.
 */
async function quietSandbox(tx: Executor, clock: Clock, drillId: string, actor: Actor) {
  const s = await tx.execute<{ id: string }>(sql`SELECT sandbox_org_id AS id FROM drills WHERE id = ${drillId}`);
  if (s.rows[0]) await archiveSandboxTopics(tx, clock, s.rows[0].id, actor, 'drill_ended');
}

/** Archives a sandbox's topics, each recorded as a topic update with the reason. */
export async function archiveSandboxTopics(
  tx: Executor,
  clock: Clock,
  sandboxOrgId: string,
  actor: Actor,
  reason: 'drill_ended' | 'drill_not_created',
) {
  const t = await tx.execute<{ id: string; org_id: string; name: string; query: string; sensitivity: string }>(sql`
    UPDATE topics SET archived = true, version = version + 1, updated_at = ${clock.now().toISOString()}
    WHERE org_id = ${sandboxOrgId} AND NOT archived
    RETURNING id, org_id, name, query, sensitivity`);
  for (const row of t.rows) {
    const same = { name: row.name, query: row.query, sensitivity: row.sensitivity };
    await recordEvent(tx, clock, {
      orgId: row.org_id,
      type: 'topic.updated',
      actor,
      subjectType: 'topic',
      subjectId: row.id,
      data: { before: { ...same, archived: false }, after: { ...same, archived: true }, reason },
    });
  }
}

/** The participant row of a real person in a drill (null when they do not take part). */
export async function participantOf(db: Executor, drillId: string, userId: string) {
  const r = await db.execute<{ role: ParticipantRole; sandbox_user_id: string }>(
    sql`SELECT role, sandbox_user_id FROM drill_participants WHERE drill_id = ${drillId} AND user_id = ${userId}`,
  );
  return r.rows[0] ?? null;
}

/** The drill whose sandbox is this organisation (null: it is no sandbox). */
export async function drillOfSandbox(db: Executor, sandboxOrgId: string) {
  const r = await db.execute<{ id: string; org_id: string }>(sql`SELECT id, org_id FROM drills WHERE sandbox_org_id = ${sandboxOrgId}`);
  return r.rows[0] ?? null;
}

/** The real users of an organisation with these ids (for participant validation). */
export async function peopleOf(db: Executor, orgId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const r = await db.execute<{ id: string; role: string; status: string; sandbox_of: string | null }>(sql`
    SELECT id, role, status, sandbox_of FROM users WHERE org_id = ${orgId} AND id IN (${sql.join(
      ids.map((i) => sql`${i}`),
      sql`, `,
    )})`);
  return r.rows;
}
