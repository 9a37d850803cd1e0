// Reading drills: the list (what each person may see) and one drill with its run, injects, participants and
// observations. Reads bring a drill's mirrored status up to date with its run (a run that finished by itself).
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Db } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import type { Capability, DrillSummary, DrillView, ParticipantRole } from '../contract.ts';
import type { DrillDeps } from './deps.ts';
import {
  canControl,
  canObserve,
  type DrillRow,
  drillRows,
  loadDrill,
  type Me,
  PLAYER,
  realPerson,
  seesAllDrills,
  syncDrill,
} from './drill-access.ts';
import { injectsOf, runViewOf } from './runs.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function summaryOf(d: DrillRow): DrillSummary {
  return {
    id: d.id,
    title: d.title,
    scenarioId: d.scenario_id,
    scenarioTitle: d.scenario_title,
    status: d.status,
    facilitator: { id: d.facilitator_id, name: d.facilitator_name },
    myRole: d.my_role,
    createdAt: iso(d.created_at) as string,
    startedAt: iso(d.started_at),
    endedAt: iso(d.ended_at),
    hasReport: d.has_report,
  };
}

/** The drills the caller may see, newest first (admins and managers: all of their organisation's). */
export async function listDrills(deps: DrillDeps, p: Principal | null): Promise<{ drills: DrillSummary[] }> {
  const me = await realPerson(deps.db, p);
  let rows = await drillRows(deps.db, me);
  const stale = rows.filter((d) => d.status !== d.run_status);
  if (stale.length) {
    for (const d of stale) await deps.db.transaction((tx) => syncDrill(tx, deps.clock, d.id, PLAYER));
    rows = await drillRows(deps.db, me);
  }
  return { drills: rows.map(summaryOf) };
}

/** One drill as the caller may see it (404 when they may not). */
export async function getDrill(deps: DrillDeps, p: Principal | null, drillId: string): Promise<DrillView> {
  const me = await realPerson(deps.db, p);
  return drillView(deps, me, await loadDrill(deps, me, drillId));
}

/**
 * The drill page's view: the facilitator and admins see every inject (the schedule they run), others only the
 * delivered ones; observations are for those who observe (and admins, managers), never for players mid-drill.
 */
export async function drillView(deps: { db: Db; clock: Clock }, me: Me, d: DrillRow): Promise<DrillView> {
  const control = canControl(me, d);
  const observe = canObserve(me, d);
  const [run, injects, participants, observations] = await Promise.all([
    runViewOf(deps.db, d.run_id, deps.clock.now()),
    injectsOf(deps.db, d.run_id, { deliveredOnly: !control }),
    participantsOf(deps.db, d.id),
    observe || seesAllDrills(me) ? observationsOf(deps.db, d.id) : Promise.resolve([]),
  ]);
  if (!run) throw notFound('This drill’s run is gone.');
  return { ...summaryOf(d), run, injects, participants, observations, canControl: control, canObserve: observe, version: d.version };
}

async function participantsOf(db: Db, drillId: string) {
  const r = await db.execute<{ user_id: string; name: string; email: string; role: ParticipantRole }>(sql`
    SELECT p.user_id, u.name, u.email, p.role FROM drill_participants p JOIN users u ON u.id = p.user_id
    WHERE p.drill_id = ${drillId}
    ORDER BY array_position(ARRAY['facilitator','player','observer'], p.role), u.name`);
  return r.rows.map((x) => ({ userId: x.user_id, name: x.name, email: x.email, role: x.role }));
}

/** A drill's observations, oldest first. */
export async function observationsOf(db: Db, drillId: string, id?: string) {
  const r = await db.execute<{
    id: string;
    capability: Capability;
    score: number | null;
    note: string;
    author_id: string;
    name: string;
    created_at: Date;
  }>(sql`
    SELECT o.id, o.capability, o.score, o.note, o.author_id, coalesce(u.name, '') AS name, o.created_at
    FROM drill_observations o LEFT JOIN users u ON u.id = o.author_id
    WHERE o.drill_id = ${drillId} ${id ? sql`AND o.id = ${id}` : sql``}
    ORDER BY o.created_at, o.id`);
  return r.rows.map((o) => ({
    id: o.id,
    capability: o.capability,
    score: o.score,
    note: o.note,
    author: { id: o.author_id, name: o.name },
    createdAt: iso(o.created_at) as string,
  }));
}
