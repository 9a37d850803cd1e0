// Approval chains per severity × kind group: reading every one (the organisation's or the shipped default) and
// replacing one (admins; guarded by the version seen; roles must be crisis team roles, backups active staff).
import { sql } from 'drizzle-orm';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { teamRoles } from '../../crises/contract.ts';
import { type CrisisDeps, fieldError, type Meta } from '../../crises/server/access.ts';
import { lockCrisisConfig } from '../../crises/server/playbook-store.ts';
import { type Severity, severities } from '../../warnings/contract.ts';
import { type ApprovalChain, type KindGroup, kindGroups } from '../contract.ts';
import { activePeople, pickChain, storedChains } from './chain.ts';

/** Every chain (severity × group), marked custom or default, with the backups' names. */
export async function listChains(deps: CrisisDeps, p: Principal): Promise<{ chains: ApprovalChain[] }> {
  const stored = await storedChains(deps.db, p.orgId);
  const all = severities.flatMap((severity) => kindGroups.map((group) => ({ severity, group, chain: pickChain(stored, severity, group) })));
  const people = await activePeople(
    deps.db,
    p.orgId,
    all.flatMap((x) => x.chain.steps.flatMap((s) => s.backups)),
  );
  return {
    chains: all.map(({ severity, group, chain }) => ({
      severity,
      kindGroup: group,
      steps: chain.steps.map((s) => ({ role: s.role, backups: s.backups.flatMap((id) => people.get(id) ?? []) })),
      custom: chain.custom,
      version: chain.version,
    })),
  };
}

/** Replaces one chain (409 when someone saved it since `version`; 0 for the shipped one). */
export async function saveChain(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  severity: Severity,
  group: KindGroup,
  input: { steps: { role: string; backups: string[] }[]; version: number },
  meta: Meta = {},
): Promise<ApprovalChain> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    await lockCrisisConfig(tx, p.orgId);
    const cur = await tx.execute<{ version: number }>(sql`
      SELECT version FROM approval_chains WHERE org_id = ${p.orgId} AND severity = ${severity} AND kind_group = ${group} FOR UPDATE`);
    const current = cur.rows[0]?.version ?? 0;
    if (current !== input.version)
      throw new AppError(
        'conflict',
        `Someone else changed this approval chain meanwhile (it is now at version ${current}); reload it and try again.`,
      );
    const seen = new Set<string>();
    for (const [i, s] of input.steps.entries()) {
      if (!(teamRoles as readonly string[]).includes(s.role))
        throw fieldError(`steps.${i}.role`, `${s.role} is not a crisis team role.`, 'unknown_role');
      if (seen.has(s.role)) throw fieldError(`steps.${i}.role`, `The role ${s.role} is already a step of this chain.`, 'duplicate_role');
      seen.add(s.role);
    }
    const people = await activePeople(
      tx,
      p.orgId,
      input.steps.flatMap((s) => s.backups),
    );
    for (const [i, s] of input.steps.entries())
      for (const [j, b] of s.backups.entries())
        if (!people.has(b))
          throw fieldError(
            `steps.${i}.backups.${j}`,
            'A backup must be an active admin, manager or member of this organisation.',
            'unknown_user',
          );
    const steps = input.steps.map((s) => ({ role: s.role, backups: [...new Set(s.backups)] }));
    await tx.execute(sql`
      INSERT INTO approval_chains (org_id, severity, kind_group, steps, version, updated_at)
      VALUES (${p.orgId}, ${severity}, ${group}, ${JSON.stringify(steps)}::jsonb, 1, ${now})
      ON CONFLICT (org_id, severity, kind_group) DO UPDATE SET steps = EXCLUDED.steps, version = approval_chains.version + 1,
        updated_at = EXCLUDED.updated_at`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'statement.chain_changed',
      actor,
      subjectType: 'approval_chain',
      subjectId: `${severity}:${group}`,
      data: { severity, kindGroup: group, roles: steps.map((s) => s.role), version: current + 1 },
      ...meta,
    });
  });
  const all = await listChains(deps, p);
  return all.chains.find((c) => c.severity === severity && c.kindGroup === group) as ApprovalChain;
}

/**
 * Puts one chain back to the shipped default (its row goes; the default has no backups). `version` is the chain's
 * version as the caller saw it: a stale one is a 409, like a save. Resetting a default chain changes nothing.
 */
export async function resetChain(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  severity: Severity,
  group: KindGroup,
  version: number,
  meta: Meta = {},
): Promise<ApprovalChain> {
  await deps.db.transaction(async (tx) => {
    await lockCrisisConfig(tx, p.orgId);
    const cur = await tx.execute<{ version: number }>(sql`
      SELECT version FROM approval_chains WHERE org_id = ${p.orgId} AND severity = ${severity} AND kind_group = ${group} FOR UPDATE`);
    const current = cur.rows[0]?.version ?? 0;
    if (current !== version)
      throw new AppError(
        'conflict',
        `Someone else changed this approval chain meanwhile (it is now at version ${current}); reload it and try again.`,
      );
    if (current === 0) return;
    await tx.execute(sql`DELETE FROM approval_chains WHERE org_id = ${p.orgId} AND severity = ${severity} AND kind_group = ${group}`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'statement.chain_reset',
      actor,
      subjectType: 'approval_chain',
      subjectId: `${severity}:${group}`,
      data: { severity, kindGroup: group, fromVersion: current },
      ...meta,
    });
  });
  const all = await listChains(deps, p);
  return all.chains.find((c) => c.severity === severity && c.kindGroup === group) as ApprovalChain;
}
