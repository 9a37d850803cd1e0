// The organisation's crisis type and team role lists (類型與角色): reading them (the shipped lists merged with
// the stored names and hidden flags in crisis_settings) and saving them (admins, guarded by the version seen,
// the first save serialised with the crisis configuration lock, audited).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type CrisisLists, type CrisisListsInput, crisisListsInput, mergeCrisisLists } from '../lists-contract.ts';
import type { CrisisDeps, Meta } from './access.ts';
import { lockCrisisConfig } from './playbook-store.ts';

/** The lists as they apply to the organisation (the shipped ones, version 0, when never saved). */
export async function listsOf(db: Executor, orgId: string): Promise<CrisisLists> {
  const r = await db.execute<{ types: unknown; roles: unknown; version: number }>(
    sql`SELECT types, roles, version FROM crisis_settings WHERE org_id = ${orgId}`,
  );
  const row = r.rows[0];
  return row ? mergeCrisisLists(row.types, row.roles, row.version) : mergeCrisisLists([], [], 0);
}

/** Saves the lists (409 when someone saved them since `version`). Entries left out go back to shipped. Audited. */
export async function saveLists(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  raw: CrisisListsInput,
  meta: Meta = {},
): Promise<CrisisLists> {
  const input = crisisListsInput.parse(raw);
  return deps.db.transaction(async (tx) => {
    await lockCrisisConfig(tx, p.orgId);
    const cur = await tx.execute<{ version: number }>(sql`SELECT version FROM crisis_settings WHERE org_id = ${p.orgId} FOR UPDATE`);
    const current = cur.rows[0]?.version ?? 0;
    if (current !== input.version)
      throw new AppError(
        'conflict',
        `Someone else changed the crisis types and roles meanwhile (they are now at version ${current}); reload them and try again.`,
      );
    // Store the whole merged lists (every id), so reading never depends on what a client left out.
    const next = mergeCrisisLists(input.types, input.roles, current + 1);
    const now = deps.clock.now().toISOString();
    const userId = p.kind === 'user' ? p.userId : null;
    await tx.execute(sql`
      INSERT INTO crisis_settings (org_id, types, roles, version, updated_by, updated_at)
      VALUES (${p.orgId}, ${JSON.stringify(next.types)}::jsonb, ${JSON.stringify(next.roles)}::jsonb, 1, ${userId}, ${now})
      ON CONFLICT (org_id) DO UPDATE SET types = EXCLUDED.types, roles = EXCLUDED.roles,
        version = crisis_settings.version + 1, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`);
    const named = (l: { label: { 'zh-TW': string; en: string } }) => l.label['zh-TW'] !== '' || l.label.en !== '';
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'crisis_config.lists_saved',
      actor,
      subjectType: 'crisis_settings',
      subjectId: p.orgId,
      data: {
        version: current + 1,
        renamedTypes: next.types.filter(named).map((x) => x.id),
        hiddenTypes: next.types.filter((x) => x.hidden).map((x) => x.id),
        renamedRoles: next.roles.filter(named).map((x) => x.id),
      },
      ...meta,
    });
    return listsOf(tx, p.orgId);
  });
}
