// The communication plan (溝通策略) and fact sheet (事實清單) of a crisis: objectives, audiences with their
// channels, key messages, spokesperson, timing and owner; confirmed facts and open questions. Reading needs the
// crisis read right, changing the work right; every change is guarded by the version seen and writes its event.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type CrisisDeps, checkTeamUser, fieldError, loadCrisis, type Meta } from '../../crises/server/access.ts';
import type { AudienceKind, CommAudience, CommPlan, CrisisFact, FactKind, PublishChannel } from '../contract.ts';
import { statementEvent, userIdOf } from './access.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);
const stale = (what: string, v: number) =>
  new AppError('conflict', `Someone else changed this ${what} meanwhile (it is now at version ${v}); reload it and try again.`);

type AudienceRow = {
  id: string;
  kind: AudienceKind;
  name: string | null;
  channels: PublishChannel[];
  key_messages: string;
  spokesperson_id: string | null;
  spokesperson_name: string | null;
  timing: string;
  owner_id: string | null;
  owner_name: string | null;
  position: number;
  version: number;
};

async function audiencesOf(tx: Executor, crisisId: string, id?: string): Promise<CommAudience[]> {
  const r = await tx.execute<AudienceRow>(sql`
    SELECT a.id, a.kind, a.name, a.channels, a.key_messages, a.spokesperson_id, sp.name AS spokesperson_name, a.timing, a.owner_id,
      ow.name AS owner_name, a.position, a.version
    FROM comm_audiences a LEFT JOIN users sp ON sp.id = a.spokesperson_id LEFT JOIN users ow ON ow.id = a.owner_id
    WHERE a.crisis_id = ${crisisId} ${id ? sql`AND a.id = ${id}` : sql``} ORDER BY a.position, a.created_at, a.id`);
  return r.rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    name: a.name,
    channels: a.channels,
    keyMessages: a.key_messages,
    spokesperson: a.spokesperson_id ? { id: a.spokesperson_id, name: a.spokesperson_name ?? '' } : null,
    timing: a.timing,
    owner: a.owner_id ? { id: a.owner_id, name: a.owner_name ?? '' } : null,
    position: a.position,
    version: a.version,
  }));
}

/** The plan of a crisis (objectives version 0 when never saved) with its audiences. */
export async function getPlan(deps: CrisisDeps, p: Principal, crisisId: string): Promise<CommPlan> {
  await loadCrisis(deps.db, p, crisisId, 'read');
  return planOf(deps.db, crisisId);
}

async function planOf(tx: Executor, crisisId: string): Promise<CommPlan> {
  const r = await tx.execute<{ objectives: string; version: number; updated_at: Date }>(
    sql`SELECT objectives, version, updated_at FROM comm_plans WHERE crisis_id = ${crisisId}`,
  );
  const row = r.rows[0];
  return {
    crisisId,
    objectives: row?.objectives ?? '',
    version: row?.version ?? 0,
    updatedAt: iso(row?.updated_at ?? null),
    audiences: await audiencesOf(tx, crisisId),
  };
}

/** Saves the plan's objectives (409 when someone saved since `version`; 0 for a first save). */
export async function savePlan(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  crisisId: string,
  input: { objectives: string; version: number },
  meta: Meta = {},
): Promise<CommPlan> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, crisisId, 'work', { lock: true });
    const cur = await tx.execute<{ objectives: string; version: number }>(
      sql`SELECT objectives, version FROM comm_plans WHERE crisis_id = ${crisisId} FOR UPDATE`,
    );
    const current = cur.rows[0]?.version ?? 0;
    if (current !== input.version) throw stale('plan', current);
    if ((cur.rows[0]?.objectives ?? '') !== input.objectives) {
      await tx.execute(sql`
        INSERT INTO comm_plans (crisis_id, objectives, version, updated_by, updated_at) VALUES (${crisisId}, ${input.objectives}, 1, ${userIdOf(p)}, ${now})
        ON CONFLICT (crisis_id) DO UPDATE SET objectives = EXCLUDED.objectives, version = comm_plans.version + 1,
          updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`);
      await statementEvent(
        tx,
        deps.clock,
        c,
        null,
        {
          type: 'statement.plan_updated',
          actor,
          subjectType: 'comm_plan',
          data: { objectives: input.objectives.slice(0, 300), version: current + 1 },
        },
        meta,
      );
    }
    return planOf(tx, crisisId);
  });
}

type AudienceFields = {
  kind?: AudienceKind;
  name?: string;
  channels?: PublishChannel[];
  keyMessages?: string;
  spokespersonId?: string | null;
  timing?: string;
  ownerId?: string | null;
};

async function checkPeople(tx: Executor, orgId: string, a: AudienceFields) {
  if (a.spokespersonId) await checkTeamUser(tx, orgId, a.spokespersonId, 'spokespersonId');
  if (a.ownerId) await checkTeamUser(tx, orgId, a.ownerId, 'ownerId');
}

/** Adds an audience to the plan ('custom' needs a name). */
export async function addAudience(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  crisisId: string,
  input: AudienceFields & { kind: AudienceKind },
  meta: Meta = {},
): Promise<CommAudience> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, crisisId, 'work', { lock: true });
    if (input.kind === 'custom' && !input.name) throw fieldError('name', 'Name the audience.', 'name_required');
    await checkPeople(tx, p.orgId, input);
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO comm_audiences (crisis_id, kind, name, channels, key_messages, spokesperson_id, timing, owner_id, position, created_at)
      VALUES (${crisisId}, ${input.kind}, ${input.name || null}, ${sql.param(input.channels ?? [])}::text[], ${input.keyMessages ?? ''},
        ${input.spokespersonId ?? null}, ${input.timing ?? ''}, ${input.ownerId ?? null},
        (SELECT coalesce(max(position), -1) + 1 FROM comm_audiences WHERE crisis_id = ${crisisId}), ${now})
      RETURNING id`);
    const id = r.rows[0].id;
    await statementEvent(
      tx,
      deps.clock,
      c,
      null,
      {
        type: 'statement.audience_added',
        actor,
        subjectType: 'comm_audience',
        subjectId: id,
        data: { kind: input.kind, name: input.name ?? null },
      },
      meta,
    );
    return (await audiencesOf(tx, crisisId, id))[0];
  });
}

/** Changes an audience (409 on a stale version). */
export async function updateAudience(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  crisisId: string,
  audienceId: string,
  patch: AudienceFields & { version: number },
  meta: Meta = {},
): Promise<CommAudience> {
  return deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, crisisId, 'work');
    const cur = (await audiencesOf(tx, crisisId, audienceId))[0];
    if (!cur) throw notFound('No such audience in this crisis.');
    await tx.execute(sql`SELECT 1 FROM comm_audiences WHERE id = ${audienceId} FOR UPDATE`);
    const fresh = (await audiencesOf(tx, crisisId, audienceId))[0];
    if (fresh.version !== patch.version) throw stale('audience', fresh.version);
    const kind = patch.kind ?? fresh.kind;
    const name = patch.name === undefined ? fresh.name : patch.name || null;
    if (kind === 'custom' && !name) throw fieldError('name', 'Name the audience.', 'name_required');
    await checkPeople(tx, p.orgId, patch);
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => k !== 'version');
    await tx.execute(sql`
      UPDATE comm_audiences SET kind = ${kind}, name = ${name},
        channels = ${sql.param(patch.channels ?? fresh.channels)}::text[],
        key_messages = ${patch.keyMessages ?? fresh.keyMessages},
        spokesperson_id = ${patch.spokespersonId === undefined ? (fresh.spokesperson?.id ?? null) : patch.spokespersonId},
        timing = ${patch.timing ?? fresh.timing},
        owner_id = ${patch.ownerId === undefined ? (fresh.owner?.id ?? null) : patch.ownerId},
        version = version + 1
      WHERE id = ${audienceId}`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      null,
      { type: 'statement.audience_changed', actor, subjectType: 'comm_audience', subjectId: audienceId, data: { kind, name, changed } },
      meta,
    );
    return (await audiencesOf(tx, crisisId, audienceId))[0];
  });
}

/** Removes an audience (statements that spoke to it keep their text; their audience is cleared). */
export async function removeAudience(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  crisisId: string,
  audienceId: string,
  meta: Meta = {},
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, crisisId, 'work');
    const r = await tx.execute<{ kind: string; name: string | null }>(
      sql`DELETE FROM comm_audiences WHERE id = ${audienceId} AND crisis_id = ${crisisId} RETURNING kind, name`,
    );
    if (!r.rows[0]) throw notFound('No such audience in this crisis.');
    await statementEvent(
      tx,
      deps.clock,
      c,
      null,
      { type: 'statement.audience_removed', actor, subjectType: 'comm_audience', subjectId: audienceId, data: { ...r.rows[0] } },
      meta,
    );
  });
}

type FactRow = {
  id: string;
  kind: FactKind;
  text: string;
  source: string | null;
  answer: string | null;
  confirmed_at: Date | null;
  retired_at: Date | null;
  created_by: string | null;
  creator_name: string | null;
  created_at: Date;
  version: number;
};

async function factsOf(tx: Executor, crisisId: string, id?: string): Promise<CrisisFact[]> {
  const r = await tx.execute<FactRow>(sql`
    SELECT f.id, f.kind, f.text, f.source, f.answer, f.confirmed_at, f.retired_at, f.created_by, u.name AS creator_name, f.created_at, f.version
    FROM crisis_facts f LEFT JOIN users u ON u.id = f.created_by
    WHERE f.crisis_id = ${crisisId} ${id ? sql`AND f.id = ${id}` : sql``} ORDER BY f.created_at, f.id`);
  return r.rows.map((f) => ({
    id: f.id,
    kind: f.kind,
    text: f.text,
    source: f.source,
    answer: f.answer,
    confirmedAt: iso(f.confirmed_at),
    retiredAt: iso(f.retired_at),
    createdBy: f.created_by ? { id: f.created_by, name: f.creator_name ?? '' } : null,
    createdAt: new Date(f.created_at).toISOString(),
    version: f.version,
  }));
}

/** The fact sheet: facts and questions, oldest first (retired ones included, marked). */
export async function listFacts(deps: CrisisDeps, p: Principal, crisisId: string): Promise<{ facts: CrisisFact[] }> {
  await loadCrisis(deps.db, p, crisisId, 'read');
  return { facts: await factsOf(deps.db, crisisId) };
}

/** Adds a fact (confirmed now unless a time is given) or an open question. */
export async function addFact(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  crisisId: string,
  input: { kind: FactKind; text: string; source?: string; answer?: string; confirmedAt?: string },
  meta: Meta = {},
): Promise<CrisisFact> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, crisisId, 'work');
    const confirmed = input.kind === 'fact' ? new Date(input.confirmedAt ?? now).toISOString() : null;
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO crisis_facts (crisis_id, kind, text, source, answer, confirmed_at, created_by, created_at)
      VALUES (${crisisId}, ${input.kind}, ${input.text}, ${input.source || null}, ${input.answer || null}, ${confirmed}, ${userIdOf(p)}, ${now})
      RETURNING id`);
    const id = r.rows[0].id;
    await statementEvent(
      tx,
      deps.clock,
      c,
      null,
      { type: 'statement.fact_added', actor, subjectType: 'crisis_fact', subjectId: id, data: { kind: input.kind, text: input.text } },
      meta,
    );
    return (await factsOf(tx, crisisId, id))[0];
  });
}

/** Edits, answers, retires or restores a fact (409 on a stale version). */
export async function updateFact(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  crisisId: string,
  factId: string,
  patch: { text?: string; source?: string | null; answer?: string | null; confirmedAt?: string | null; retired?: boolean; version: number },
  meta: Meta = {},
): Promise<CrisisFact> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const c = await loadCrisis(tx, p, crisisId, 'work');
    const lock = await tx.execute(sql`SELECT 1 FROM crisis_facts WHERE id = ${factId} AND crisis_id = ${crisisId} FOR UPDATE`);
    if (!lock.rows[0]) throw notFound('No such fact in this crisis.');
    const f = (await factsOf(tx, crisisId, factId))[0];
    if (f.version !== patch.version) throw stale('fact', f.version);
    const changed = (Object.keys(patch) as (keyof typeof patch)[]).filter((k) => k !== 'version');
    const retiredAt = patch.retired === undefined ? f.retiredAt : patch.retired ? (f.retiredAt ?? now) : null;
    await tx.execute(sql`
      UPDATE crisis_facts SET text = ${patch.text ?? f.text},
        source = ${patch.source === undefined ? f.source : patch.source || null},
        answer = ${patch.answer === undefined ? f.answer : patch.answer || null},
        confirmed_at = ${patch.confirmedAt === undefined ? f.confirmedAt : patch.confirmedAt ? new Date(patch.confirmedAt).toISOString() : null},
        retired_at = ${retiredAt}, version = version + 1
      WHERE id = ${factId}`);
    await statementEvent(
      tx,
      deps.clock,
      c,
      null,
      {
        type: 'statement.fact_changed',
        actor,
        subjectType: 'crisis_fact',
        subjectId: factId,
        data: {
          kind: f.kind,
          text: patch.text ?? f.text,
          previousText: patch.text !== undefined && patch.text !== f.text ? f.text : null,
          answer: patch.answer ?? null,
          retired: patch.retired ?? null,
          changed,
        },
      },
      meta,
    );
    return (await factsOf(tx, crisisId, factId))[0];
  });
}
