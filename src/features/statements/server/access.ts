// Loading a statement for what the caller wants to do with it: it belongs to a crisis, and the crisis's rights
// decide (a statement of a crisis the caller may not read is 404) — with one narrow exception: a person named as a
// backup approver on the statement's chain reads that statement (and so may decide their step), once it has been
// submitted, without any right on the rest of the crisis. Also the helpers every statement service
// shares: the event on the crisis timeline, people's names, the checker's reference for a crisis.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type CrisisRow, crisisEvent, loadCrisis, type Meta } from '../../crises/server/access.ts';
import { type CrisisRights, can } from '../../people/server/policies.ts';
import type { StatementKind, StatementLanguage, StatementStatus } from '../contract.ts';
import { chainFor } from './chain.ts';

/** A statement row as the services use it. */
export type StatementRow = {
  id: string;
  org_id: string;
  crisis_id: string;
  kind: StatementKind;
  language: StatementLanguage;
  title: string;
  audience_id: string | null;
  status: StatementStatus;
  head: number;
  approved_version: number | null;
  override_by: string | null;
  override_reason: string | null;
  override_at: Date | null;
  task_id: string | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
};

/** A version row as the services use it. */
export type VersionRow = {
  id: string;
  number: number;
  body: unknown;
  text: string;
  content_hash: string;
  findings: unknown;
  accepted: unknown;
  autosaved: boolean;
  author_id: string | null;
  created_at: Date;
  updated_at: Date;
};

/** A loaded statement with its crisis and the caller's rights on it. */
export type Loaded = { s: StatementRow; c: CrisisRow & { rights: CrisisRights } };

/** What a backup approver off the team holds on the crisis of a statement they back up: reading that statement. */
const BACKUP_RIGHTS: CrisisRights = { read: true, work: false, manage: false };

/**
 * The crisis of `s` for a caller who may not read it but is named as a backup on a step of the statement's chain
 * (as it applies now: the crisis's level × the statement's kind), once the statement has left its first draft;
 * else null. Their rights reach this statement only: the crisis, its tasks and its other statements stay 404.
 * Role holders need no exception: holding a role puts them on the team.
 */
async function backupAccess(tx: Executor, p: Principal, s: StatementRow): Promise<(CrisisRow & { rights: CrisisRights }) | null> {
  if (p.kind !== 'user' || s.status === 'draft' || !can(p, 'crisis.read')) return null;
  const r = await tx.execute<CrisisRow>(sql`
    SELECT id, org_id, number, title, type, severity, status, version FROM crises WHERE id = ${s.crisis_id} AND org_id = ${p.orgId}`);
  const c = r.rows[0];
  if (!c) return null;
  const chain = await chainFor(tx, p.orgId, c.severity, s.kind);
  if (!chain.steps.some((step) => step.backups.includes(p.userId))) return null;
  return { ...c, rights: BACKUP_RIGHTS };
}

/**
 * Loads a statement the caller may `need` on its crisis (read or work), locked for update when asked. A
 * statement of another organisation, or of a crisis the caller may not read, is 404 — unless the caller is a
 * named backup approver of it (see `backupAccess`): then reading is allowed and anything more is 403.
 */
export async function loadStatement(
  tx: Executor,
  p: Principal,
  id: string,
  need: keyof CrisisRights,
  opts: { lock?: boolean } = {},
): Promise<Loaded> {
  const r = await tx.execute<StatementRow>(sql`
    SELECT * FROM statements WHERE id = ${id} AND org_id = ${p.orgId} ${opts.lock ? sql`FOR UPDATE` : sql``}`);
  const s = r.rows[0];
  if (!s) throw notFound('No such statement.');
  try {
    const c = await loadCrisis(tx, p, s.crisis_id, need);
    return { s, c };
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'not_found')) throw e;
    const c = await backupAccess(tx, p, s);
    if (!c) throw notFound('No such statement.');
    if (!c.rights[need]) throw new AppError('forbidden', 'As a backup approver you may read and decide this statement, not change it.');
    return { s, c };
  }
}

/** The head version of a statement. */
export async function headOf(tx: Executor, s: { id: string; head: number }): Promise<VersionRow> {
  const r = await tx.execute<VersionRow>(sql`SELECT * FROM statement_versions WHERE statement_id = ${s.id} AND number = ${s.head}`);
  if (!r.rows[0]) throw new Error(`statement ${s.id} has no head version ${s.head}`);
  return r.rows[0];
}

/** Records a statement event on its crisis's timeline (and live room). */
export function statementEvent(
  tx: Executor,
  clock: Clock,
  c: { id: string; org_id: string },
  s: { id: string; title: string; kind: string } | null,
  e: { type: string; actor: Actor; data: Record<string, unknown>; users?: string[]; subjectType?: string; subjectId?: string },
  meta: Meta = {},
) {
  return crisisEvent(
    tx,
    clock,
    c,
    {
      type: e.type,
      actor: e.actor,
      subjectType: e.subjectType ?? (s ? 'statement' : 'crisis'),
      subjectId: e.subjectId ?? s?.id ?? c.id,
      users: e.users,
      data: s ? { statementId: s.id, title: s.title, kind: s.kind, ...e.data } : e.data,
    },
    meta,
  );
}

/** The id of a user caller (null for the operator at the command line). */
export const userIdOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);

/** The names of people by id. */
export async function namesOf(tx: Executor, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const list = [...new Set(ids.filter((x): x is string => !!x))];
  if (list.length === 0) return new Map();
  const r = await tx.execute<{ id: string; name: string }>(sql`SELECT id, name FROM users WHERE id = ANY(${sql.param(list)}::uuid[])`);
  return new Map(r.rows.map((x) => [x.id, x.name]));
}

/** What inconsistent_fact compares a statement with: the crisis's current facts and its other statements' approved texts. */
export async function referenceOf(
  tx: Executor,
  crisisId: string,
  exceptStatementId: string | null,
): Promise<{ facts: { text: string }[]; statements: string[] }> {
  const f = await tx.execute<{ text: string }>(sql`
    SELECT text FROM crisis_facts WHERE crisis_id = ${crisisId} AND kind = 'fact' AND retired_at IS NULL ORDER BY created_at, id`);
  const st = await tx.execute<{ text: string }>(sql`
    SELECT v.text FROM statements s JOIN statement_versions v ON v.statement_id = s.id AND v.number = s.approved_version
    WHERE s.crisis_id = ${crisisId} AND s.approved_version IS NOT NULL
      ${exceptStatementId ? sql`AND s.id <> ${exceptStatementId}` : sql``}
    ORDER BY s.created_at, s.id`);
  return { facts: f.rows.map((x) => ({ text: x.text })), statements: st.rows.map((x) => x.text) };
}

/** A conflict (409) with a human message. */
export const conflict = (message: string) => new AppError('conflict', message);
