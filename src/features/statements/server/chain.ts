// The approval chain as it stands for one statement: the organisation's chain for the crisis's level and the
// statement's kind group (or the shipped one), who may decide each step now (the person holding the step's role
// on the crisis team, or a named backup), and each step's state from the decisions that still count.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import type { Severity } from '../../warnings/contract.ts';
import { type ChainStepDef, defaultChain } from '../chains.ts';
import { type ApprovalDecision, type ApprovalEntry, type ChainStep, type KindGroup, kindGroupOf, type StatementKind } from '../contract.ts';

/** A chain as it applies to the organisation. */
export type ResolvedChain = { steps: ChainStepDef[]; custom: boolean; version: number };

const stepsOf = (v: unknown): ChainStepDef[] =>
  Array.isArray(v)
    ? v.flatMap((x) =>
        x && typeof x === 'object' && typeof (x as ChainStepDef).role === 'string'
          ? [{ role: (x as ChainStepDef).role, backups: Array.isArray((x as ChainStepDef).backups) ? (x as ChainStepDef).backups : [] }]
          : [],
      )
    : [];

/** Every stored chain of the organisation, keyed `severity:group`. */
export async function storedChains(tx: Executor, orgId: string): Promise<Map<string, ResolvedChain>> {
  const r = await tx.execute<{ severity: string; kind_group: string; steps: unknown; version: number }>(
    sql`SELECT severity, kind_group, steps, version FROM approval_chains WHERE org_id = ${orgId}`,
  );
  return new Map(r.rows.map((x) => [`${x.severity}:${x.kind_group}`, { steps: stepsOf(x.steps), custom: true, version: x.version }]));
}

/** The chain for a severity and kind group from the stored ones, or the shipped default (version 0). */
export function pickChain(stored: Map<string, ResolvedChain>, severity: Severity, group: KindGroup): ResolvedChain {
  return stored.get(`${severity}:${group}`) ?? { steps: defaultChain(severity, group), custom: false, version: 0 };
}

/** The chain that applies to a statement of `kind` on a crisis at `severity`. */
export async function chainFor(tx: Executor, orgId: string, severity: Severity, kind: StatementKind): Promise<ResolvedChain> {
  return pickChain(await storedChains(tx, orgId), severity, kindGroupOf(kind));
}

/** An approval as stored (with the approver's name). */
export type ApprovalRow = {
  id: string;
  version_number: number;
  content_hash: string;
  step: number;
  role: string;
  approver_id: string;
  approver_name: string;
  as_backup: boolean;
  decision: ApprovalDecision;
  comment: string | null;
  decided_at: Date;
  reset_at: Date | null;
};

/** Every decision on a statement, oldest first. */
export async function approvalsOf(tx: Executor, statementId: string): Promise<ApprovalRow[]> {
  const r = await tx.execute<ApprovalRow>(sql`
    SELECT a.id, a.version_number, a.content_hash, a.step, a.role, a.approver_id, u.name AS approver_name, a.as_backup, a.decision,
      a.comment, a.decided_at, a.reset_at
    FROM statement_approvals a JOIN users u ON u.id = a.approver_id WHERE a.statement_id = ${statementId}
    ORDER BY a.decided_at, a.id`);
  return r.rows;
}

/** An approval as the API shows it. */
export function approvalEntryOf(a: ApprovalRow): ApprovalEntry {
  return {
    id: a.id,
    versionNumber: a.version_number,
    contentHash: a.content_hash,
    step: a.step,
    role: a.role,
    approver: { id: a.approver_id, name: a.approver_name },
    asBackup: a.as_backup,
    decision: a.decision,
    comment: a.comment,
    decidedAt: new Date(a.decided_at).toISOString(),
    resetAt: a.reset_at ? new Date(a.reset_at).toISOString() : null,
  };
}

/** Who holds each role on a crisis's team (active people only), and the names of the chain's backups. */
export async function teamOf(tx: Executor, crisisId: string): Promise<Map<string, { id: string; name: string }>> {
  const r = await tx.execute<{ role: string; id: string; name: string }>(sql`
    SELECT m.role, u.id, u.name FROM crisis_members m JOIN users u ON u.id = m.user_id
    WHERE m.crisis_id = ${crisisId} AND u.status = 'active'`);
  return new Map(r.rows.map((x) => [x.role, { id: x.id, name: x.name }]));
}

/** Active people of the organisation by id (for backups). */
export async function activePeople(tx: Executor, orgId: string, ids: string[]): Promise<Map<string, { id: string; name: string }>> {
  if (ids.length === 0) return new Map();
  const r = await tx.execute<{ id: string; name: string }>(sql`
    SELECT id, name FROM users WHERE org_id = ${orgId} AND status = 'active' AND role IN ('admin', 'manager', 'member')
      AND id = ANY(${sql.param([...new Set(ids)])}::uuid[])`);
  return new Map(r.rows.map((x) => [x.id, { id: x.id, name: x.name }]));
}

/** The chain's steps with their deciders and state for the head version. */
export type ChainView = { steps: ChainStep[]; current: ChainStep | null; allApproved: boolean };

/**
 * Works out each step's state: the decisions that still count (not reset, on the head's hash) fill the steps in
 * order; while in review the first undecided step is `current`; a request for changes or a rejection stops the
 * chain there.
 */
export function chainView(
  chain: ResolvedChain,
  team: Map<string, { id: string; name: string }>,
  people: Map<string, { id: string; name: string }>,
  approvals: ApprovalRow[],
  head: { number: number; hash: string },
  inReview: boolean,
): ChainView {
  const live = approvals.filter((a) => !a.reset_at && a.version_number === head.number && a.content_hash === head.hash);
  let stopped = false;
  let current: ChainStep | null = null;
  const steps = chain.steps.map((def, i): ChainStep => {
    const step = i + 1;
    const decided = live.filter((a) => a.step === step && a.role === def.role).at(-1) ?? null;
    const base = {
      step,
      role: def.role,
      holder: team.get(def.role) ?? null,
      backups: def.backups.flatMap((id) => people.get(id) ?? []),
      decision: decided ? approvalEntryOf(decided) : null,
    };
    if (stopped) return { ...base, state: 'waiting', decision: null };
    if (decided) {
      if (decided.decision !== 'approved') stopped = true;
      return { ...base, state: decided.decision };
    }
    stopped = true;
    const s: ChainStep = { ...base, state: inReview ? 'current' : 'waiting' };
    if (inReview) current = s;
    return s;
  });
  const allApproved = steps.length > 0 && steps.every((s) => s.state === 'approved');
  return { steps, current, allApproved };
}

/** True when `userId` may decide the step: they hold its role on the team, or are one of its backups. */
export function mayDecide(step: ChainStep | null, userId: string | null): { ok: boolean; asBackup: boolean } {
  if (!step || !userId) return { ok: false, asBackup: false };
  if (step.holder?.id === userId) return { ok: true, asBackup: false };
  if (step.backups.some((b) => b.id === userId)) return { ok: true, asBackup: true };
  return { ok: false, asBackup: false };
}

/** Everything needed to show and decide a statement's chain. */
export async function loadChainView(
  tx: Executor,
  orgId: string,
  crisis: { id: string; severity: Severity },
  s: { id: string; kind: StatementKind; status: string },
  head: { number: number; hash: string },
): Promise<ChainView & { approvals: ApprovalRow[] }> {
  const chain = await chainFor(tx, orgId, crisis.severity, s.kind);
  const team = await teamOf(tx, crisis.id);
  const people = await activePeople(
    tx,
    orgId,
    chain.steps.flatMap((x) => x.backups),
  );
  const approvals = await approvalsOf(tx, s.id);
  return { ...chainView(chain, team, people, approvals, head, s.status === 'in_review'), approvals };
}
