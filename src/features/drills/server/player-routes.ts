// The scenario room: what players inside a demo workspace or a drill sandbox see of the run (its clock and the
// injects delivered so far), and the demo's own controls. Drills are controlled from the drill page by their
// facilitator (drill-routes.ts), never from inside the sandbox.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import { type ParticipantRole, runCommand, runView, type ScenarioRoom, scenarioRoom } from '../contract.ts';
import type { DrillDeps } from './deps.ts';
import { commandRun, injectsOf, latestRunOf, runViewOf } from './runs.ts';

const me = (p: Principal | null) => p as Principal;
const userIds = (p: Principal) => (p.kind === 'user' ? { real: p.realUserId ?? p.userId, acting: p.userId } : null);

/** Registers this file's routes. */
export function registerPlayerRoutes(r: Router, deps: DrillDeps) {
  const tags = ['drills'];
  r.add({
    method: 'GET',
    url: '/api/scenario-room',
    summary: 'The scenario playing in this demo workspace or drill sandbox: its clock and the injects delivered so far',
    tags,
    permission: 'drill.read',
    response: scenarioRoom,
    handler: (ctx) => roomOf(deps, me(ctx.principal)),
  });
  r.add({
    method: 'POST',
    url: '/api/scenario-room/control',
    summary: 'Control the demo’s scenario: start, pause, speed, next inject, release, surprise, end (409 on a stale version)',
    tags,
    permission: 'drill.manage',
    body: runCommand,
    response: runView,
    handler: async (ctx) => {
      const p = me(ctx.principal);
      const kind = await orgKind(deps.db, p.orgId);
      if (kind !== 'demo')
        throw new AppError(
          'forbidden',
          kind === 'drill'
            ? 'A drill is controlled by its facilitator from the drill page, not from inside the sandbox.'
            : 'Only a demo workspace has scenario controls here.',
        );
      const run = await latestRunOf(deps.db, p.orgId);
      if (!run) throw new AppError('not_found', 'No scenario is playing in this workspace.');
      return commandRun(deps, actorOf(p), run.id, ctx.body, { orgId: p.orgId });
    },
  });
}

async function orgKind(db: Executor, orgId: string) {
  const r = await db.execute<{ kind: string }>(sql`SELECT kind FROM organisations WHERE id = ${orgId}`);
  return r.rows[0]?.kind ?? 'live';
}

/** The caller's organisation's run (a drill sandbox: its drill's run; a demo: the latest), or nothing in a live one. */
async function roomOf(deps: DrillDeps, p: Principal): Promise<ScenarioRoom> {
  const kind = await orgKind(deps.db, p.orgId);
  if (kind !== 'demo' && kind !== 'drill') return { run: null, injects: [], drill: null };
  const drill = kind === 'drill' ? await drillOf(deps.db, p) : null;
  const runId = drill?.runId ?? (await latestRunOf(deps.db, p.orgId))?.id;
  if (!runId) return { run: null, injects: [], drill: drill && { id: drill.id, title: drill.title, role: drill.role } };
  return {
    run: await runViewOf(deps.db, runId, deps.clock.now()),
    injects: await injectsOf(deps.db, runId, { deliveredOnly: true }),
    drill: drill && { id: drill.id, title: drill.title, role: drill.role },
  };
}

/** The drill whose sandbox this is, with the caller's part in it (looked up by the real person or their copy). */
async function drillOf(db: Executor, p: Principal) {
  const ids = userIds(p);
  const r = await db.execute<{ id: string; title: string; run_id: string; role: ParticipantRole | null; facilitator: boolean }>(sql`
    SELECT d.id, d.title, d.run_id, dp.role, d.facilitator_id = ${ids?.real ?? null}::uuid AS facilitator
    FROM drills d
    LEFT JOIN drill_participants dp ON dp.drill_id = d.id
      AND (dp.user_id = ${ids?.real ?? null}::uuid OR dp.sandbox_user_id = ${ids?.acting ?? null}::uuid)
    WHERE d.sandbox_org_id = ${p.orgId}
    ORDER BY d.created_at DESC LIMIT 1`);
  const d = r.rows[0];
  if (!d) return null;
  const role: ParticipantRole = d.role ?? (d.facilitator ? 'facilitator' : 'player');
  return { id: d.id, title: d.title, runId: d.run_id, role };
}
