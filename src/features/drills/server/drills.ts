// Drills (演練): planning one (a scenario, the people taking part, a sandbox copy of the organisation, a run of the
// scenario in that sandbox), the facilitator's controls, entering and leaving the sandbox, observers' notes.
// The drill row lives in the live organisation and its events go to the live spine; everything the players do
// happens in the sandbox organisation and is recorded there.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db.ts';
import { AppError, type FieldError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { can } from '../../people/server/policies.ts';
import type { Capability, CreateDrillInput, DrillView, RunCommand } from '../contract.ts';
import type { Scenario } from '../scenario-contract.ts';
import type { DrillDeps } from './deps.ts';
import {
  actorOfMe,
  archiveSandboxTopics,
  canControl,
  canObserve,
  drillOfSandbox,
  loadDrill,
  participantOf,
  peopleOf,
  realPerson,
  syncDrill,
} from './drill-access.ts';
import { getDrill, observationsOf } from './drill-view.ts';
import { parseUploadedScenario } from './parse-off-thread.ts';
import { commandRun, createRun } from './runs.ts';
import { createSandbox } from './sandbox.ts';
import { loadScenario } from './scenarios.ts';
import { drillObservations, drillParticipants, drills } from './schema.ts';

/** Request details kept in the audit log. */
export type Meta = { requestId?: string; ip?: string };

const invalid = (message: string, errors: FieldError[]) => new AppError('validation_failed', message, { errors });

/** The scenario of a new drill: a shipped one by id and locale, or a file's text (its problems pointed at lines). */
async function scenarioOf(deps: DrillDeps, input: CreateDrillInput): Promise<Scenario> {
  if (input.scenarioId !== undefined) return loadScenario(deps.scenariosDir, input.scenarioId, input.locale);
  const parsed = await parseUploadedScenario(input.scenarioText ?? '');
  if (parsed.ok) return parsed.scenario;
  throw invalid(
    `The scenario file has ${parsed.issues.length} problem(s).`,
    parsed.issues.map((i) => ({
      path: 'scenarioText',
      message: `line ${i.line}, column ${i.column}${i.path ? ` (${i.path})` : ''}: ${i.message}`,
      code: 'invalid_scenario',
      limit: i.line,
    })),
  );
}

/** Players and observers must be active real people (not guests) of the organisation, each named once. */
async function checkParticipants(deps: DrillDeps, orgId: string, facilitatorId: string, list: CreateDrillInput['participants']) {
  const people = new Map(
    (
      await peopleOf(
        deps.db,
        orgId,
        list.map((x) => x.userId),
      )
    ).map((u) => [u.id, u]),
  );
  const seen = new Set<string>();
  list.forEach((x, i) => {
    const path = `participants.${i}.userId`;
    const u = people.get(x.userId);
    if (!u || u.sandbox_of)
      throw invalid('A participant is not a person of this organisation.', [{ path, message: 'unknown person', code: 'unknown_person' }]);
    if (u.status !== 'active') throw invalid('A participant is not active.', [{ path, message: 'not active', code: 'inactive_person' }]);
    if (u.role === 'guest') throw invalid('Guests cannot take part in drills.', [{ path, message: 'a guest', code: 'guest' }]);
    if (seen.has(x.userId) || x.userId === facilitatorId)
      throw invalid('A person is listed twice (the facilitator takes part already).', [
        { path, message: 'listed twice', code: 'duplicate' },
      ]);
    seen.add(x.userId);
  });
}

/**
 * Plans a drill: the creator facilitates it. The sandbox (with the scenario's topics) is committed first, then the
 * run loads the sandbox's calm history, then the drill row ties them together with `drill.created` in the live
 * organisation. Only from a live organisation: a sandbox or the demo cannot plan drills (403).
 */
export async function createDrill(deps: DrillDeps, p: Principal | null, input: CreateDrillInput, meta: Meta = {}): Promise<DrillView> {
  if (p?.kind !== 'user' || p.realUserId || !can(p, 'drill.manage'))
    throw new AppError('forbidden', 'Drills are planned from the real organisation, by its admins and managers.');
  const org = await deps.db.execute<{ kind: string }>(sql`SELECT kind FROM organisations WHERE id = ${p.orgId}`);
  if (org.rows[0]?.kind !== 'live')
    throw new AppError('forbidden', 'Drills are planned from the real organisation, not from a demo or a sandbox.');
  const me = await realPerson(deps.db, p);
  const scenario = await scenarioOf(deps, input);
  await checkParticipants(deps, me.orgId, me.userId, input.participants);
  const participants = [{ userId: me.userId, role: 'facilitator' as const }, ...input.participants];
  const actor = actorOfMe(me);
  const sandbox = await deps.db.transaction((tx) =>
    createSandbox(tx, deps, { liveOrgId: me.orgId, drillTitle: input.title, participants, topics: scenario.topics, actor }),
  );
  try {
    return await completeDrill(deps, p, { me, input, scenario, sandbox, participants, actor, meta });
  } catch (e) {
    // The sandbox was committed on its own (the history is loaded in batches after it): a plan that fails after it
    // leaves no drill pointing at it, so its topics are archived and the early-warning tick never visits it.
    await deps.db
      .transaction((tx) => archiveSandboxTopics(tx, deps.clock, sandbox.sandboxOrgId, actor, 'drill_not_created'))
      .catch(() => {});
    throw e;
  }
}

/** The run (with its calm history) and the drill row of a plan whose sandbox exists. */
async function completeDrill(
  deps: DrillDeps,
  p: Principal,
  plan: {
    me: Awaited<ReturnType<typeof realPerson>>;
    input: CreateDrillInput;
    scenario: Scenario;
    sandbox: Awaited<ReturnType<typeof createSandbox>>;
    participants: Array<{ userId: string; role: 'facilitator' | 'player' | 'observer' }>;
    actor: ReturnType<typeof actorOfMe>;
    meta: Meta;
  },
): Promise<DrillView> {
  const { me, input, scenario, sandbox, participants, actor, meta } = plan;
  const runId = await createRun(deps, {
    orgId: sandbox.sandboxOrgId,
    scenario,
    scenarioId: scenario.id,
    locale: scenario.locale,
    seed: crypto.randomInt(1, 2 ** 31 - 1),
    speed: input.speed,
    historyDays: input.historyDays,
  });
  const drillId = crypto.randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.insert(drills).values({
      id: drillId,
      orgId: me.orgId,
      sandboxOrgId: sandbox.sandboxOrgId,
      runId,
      title: input.title,
      scenarioId: scenario.id,
      facilitatorId: me.userId,
      createdBy: me.userId,
      createdAt: deps.clock.now(),
    });
    await tx
      .insert(drillParticipants)
      .values(
        participants.map((x) => ({ drillId, userId: x.userId, sandboxUserId: sandbox.userMap.get(x.userId) as string, role: x.role })),
      );
    await recordEvent(tx, deps.clock, {
      orgId: me.orgId,
      type: 'drill.created',
      actor,
      subjectType: 'drill',
      subjectId: drillId,
      data: {
        title: input.title,
        scenarioId: scenario.id,
        locale: scenario.locale,
        sandboxOrgId: sandbox.sandboxOrgId,
        participants: participants.length,
      },
      ...meta,
    });
  });
  return getDrill(deps, p, drillId);
}

/**
 * The facilitator's (or an admin's) command to the drill's run — start, pause, resume, speed, next inject, release,
 * surprise, end — then the drill row mirrors the run and the live organisation's spine gets the `drill.*` event.
 * A stale `expectedVersion` is the run's 409. Players and others who see the drill: 403; everyone else: 404.
 */
export async function controlDrill(deps: DrillDeps, p: Principal | null, drillId: string, cmd: RunCommand): Promise<DrillView> {
  const me = await realPerson(deps.db, p);
  const d = await loadDrill(deps, me, drillId);
  if (!canControl(me, d)) throw new AppError('forbidden', 'Only the facilitator (or an admin) runs the drill.');
  const actor = actorOfMe(me);
  // One transaction for the run's command (a savepoint inside it: commandRun opens its own) and the drill's mirror,
  // so no reader ever sees the run moved and the drill not (it would record the move as the player's).
  await deps.db.transaction(async (tx) => {
    const inTx = { ...deps, db: tx as unknown as Db };
    const speed = cmd.action === 'speed' ? cmd.speed : undefined;
    await commandRun(inTx, actor, d.run_id, cmd, { onEnded: (t) => syncDrill(t, deps.clock, d.id, actor) });
    await syncDrill(tx, deps.clock, d.id, actor, speed);
  });
  return getDrill(deps, p, drillId);
}

/**
 * Enters a drill: this session (only this one) acts as the person's copy in the sandbox until it leaves. Only people
 * taking part may enter (others: 404; an admin or manager who sees the drill but is not in it: 403).
 */
export async function enterDrill(deps: DrillDeps, p: Principal | null, drillId: string, meta: Meta = {}) {
  const me = await realPerson(deps.db, p);
  const d = await loadDrill(deps, me, drillId);
  const part = await participantOf(deps.db, d.id, me.userId);
  if (!part) throw new AppError('forbidden', 'Only people taking part can enter a drill.');
  const copy = await deps.db.execute<{ name: string }>(
    sql`SELECT name FROM users WHERE id = ${part.sandbox_user_id} AND org_id = ${d.sandbox_org_id} AND status = 'active'`,
  );
  if (!copy.rows[0]) throw notFound('This drill’s sandbox is gone.');
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE sessions SET acting_user_id = ${part.sandbox_user_id} WHERE token_hash = ${me.sessionHash}`);
    await recordEvent(tx, deps.clock, {
      orgId: d.sandbox_org_id,
      type: 'drill.entered',
      actor: { type: 'user', id: part.sandbox_user_id, label: copy.rows[0].name },
      subjectType: 'drill',
      subjectId: d.id,
      data: { role: part.role },
      ...meta,
    });
  });
  return { ok: true as const };
}

/** Leaves the drill this session is in, back to the real organisation (nothing to do outside a drill). */
export async function leaveDrill(deps: DrillDeps, p: Principal | null, meta: Meta = {}) {
  if (p?.kind !== 'user') throw new AppError('forbidden', 'Only people take part in drills.');
  if (!p.realUserId) return { ok: true as const };
  const drill = await drillOfSandbox(deps.db, p.orgId);
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE sessions SET acting_user_id = NULL WHERE token_hash = ${p.sessionHash}`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'drill.left',
      actor: { type: 'user', id: p.userId, label: p.label },
      subjectType: 'drill',
      subjectId: drill?.id,
      ...meta,
    });
  });
  return { ok: true as const };
}

/** An observer's (or the facilitator's, or an admin's) note with an optional 1–5 score on one capability. */
export async function addObservation(
  deps: DrillDeps,
  p: Principal | null,
  drillId: string,
  input: { capability: Capability; score: number | null; note: string },
  meta: Meta = {},
) {
  const me = await realPerson(deps.db, p);
  const d = await loadDrill(deps, me, drillId);
  if (!canObserve(me, d)) throw new AppError('forbidden', 'Only observers and the facilitator add observations.');
  const id = crypto.randomUUID();
  const actor: Actor = actorOfMe(me);
  await deps.db.transaction(async (tx) => {
    await tx.insert(drillObservations).values({
      id,
      drillId: d.id,
      authorId: me.userId,
      capability: input.capability,
      score: input.score,
      note: input.note,
      createdAt: deps.clock.now(),
    });
    await recordEvent(tx, deps.clock, {
      orgId: d.org_id,
      type: 'drill.observation_added',
      actor,
      subjectType: 'drill',
      subjectId: d.id,
      data: { observationId: id, capability: input.capability, score: input.score },
      ...meta,
    });
  });
  const [view] = await observationsOf(deps.db, d.id, id);
  return view;
}
