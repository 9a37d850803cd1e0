// External organisations (外部協力: PR agencies, law firms …): their contacts, contract, NDA and archive state.
// Archiving one ends its guests' access at once: `guestGate` refuses guests of an archived organisation, and
// the event is addressed to each guest's `user:` room so their open pages re-check.
import crypto from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import type { ExternalOrg, externalOrgChanges, externalOrgInput } from '../guest-contract.ts';
import { actorOf, type PeopleDeps, type RequestMeta, record } from './deps.ts';
import { externalOrgs } from './schema.ts';

/** SHA-256 (hex) of an NDA text, as UTF-8 — the same as `guestGate`'s `sha256(convert_to(text, 'UTF8'))`. */
export function ndaHash(text: string): string {
  return crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

type Row = typeof externalOrgs.$inferSelect;

/** The API view of a row with its counts. */
function view(r: Row, counts: { guests: number; grants: number }): ExternalOrg {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind as ExternalOrg['kind'],
    contacts: r.contacts as ExternalOrg['contacts'],
    contractScope: r.contractScope,
    contractStart: r.contractStart,
    contractEnd: r.contractEnd,
    ndaSignedOn: r.ndaSignedOn,
    ndaFileId: r.ndaFileId,
    ndaText: r.ndaText,
    archived: r.archived,
    guestCount: counts.guests,
    activeGrantCount: counts.grants,
    version: r.version,
    createdAt: r.createdAt.toISOString(),
  };
}

/** Guests and live grants per external organisation of the principal's organisation. */
async function countsOf(deps: PeopleDeps, orgId: string, id?: string) {
  const now = deps.clock.now().toISOString();
  const r = await deps.db.execute<{ id: string; guests: number; grants: number }>(sql`
    SELECT eo.id,
      (SELECT count(*)::int FROM users u WHERE u.external_org_id = eo.id AND u.org_id = eo.org_id AND u.role = 'guest') AS guests,
      (SELECT count(*)::int FROM guest_grants gg JOIN users u ON u.id = gg.guest_id
        WHERE u.external_org_id = eo.id AND gg.org_id = eo.org_id AND gg.revoked_at IS NULL AND gg.expires_at > ${now}) AS grants
    FROM external_orgs eo WHERE eo.org_id = ${orgId} ${id ? sql`AND eo.id = ${id}` : sql``}`);
  return new Map(r.rows.map((x) => [x.id, { guests: Number(x.guests), grants: Number(x.grants) }]));
}

/** Every external organisation of the principal's organisation, active ones first, then by name. */
export async function listExternalOrgs(deps: PeopleDeps, p: Principal): Promise<ExternalOrg[]> {
  const rows = await deps.db.select().from(externalOrgs).where(eq(externalOrgs.orgId, p.orgId));
  const counts = await countsOf(deps, p.orgId);
  rows.sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name, 'zh-Hant'));
  return rows.map((r) => view(r, counts.get(r.id) ?? { guests: 0, grants: 0 }));
}

/** One external organisation row of the principal's organisation (404 otherwise). */
export async function loadExternalOrg(db: Executor, p: Principal, id: string, forUpdate = false): Promise<Row> {
  const q = db
    .select()
    .from(externalOrgs)
    .where(and(eq(externalOrgs.id, id), eq(externalOrgs.orgId, p.orgId)));
  const [row] = forUpdate ? await q.for('update') : await q;
  if (!row) throw notFound('No such external organisation.');
  return row;
}

/** One external organisation with its counts. */
export async function getExternalOrg(deps: PeopleDeps, p: Principal, id: string): Promise<ExternalOrg> {
  const row = await loadExternalOrg(deps.db, p, id);
  const counts = await countsOf(deps, p.orgId, id);
  return view(row, counts.get(id) ?? { guests: 0, grants: 0 });
}

const invalid = (path: string, message: string, code: string) =>
  new AppError('validation_failed', message, { errors: [{ path, message, code }] });

/** The NDA file must be an uploaded file of this organisation; the contract may not end before it starts. */
async function checkFields(
  db: Executor,
  orgId: string,
  v: { ndaFileId?: string | null; contractStart?: string | null; contractEnd?: string | null },
) {
  if (v.contractStart && v.contractEnd && v.contractEnd < v.contractStart)
    throw invalid('contractEnd', 'The contract cannot end before it starts.', 'before_start');
  if (!v.ndaFileId) return;
  const r = await db.execute(sql`SELECT 1 FROM files WHERE id = ${v.ndaFileId} AND org_id = ${orgId}`);
  if (r.rows.length === 0) throw invalid('ndaFileId', 'No such file.', 'not_found');
}

/** Rooms of every guest of an external organisation: they re-check at once when it changes. */
async function guestRooms(tx: Executor, externalOrgId: string): Promise<string[]> {
  const r = await tx.execute<{ id: string }>(sql`SELECT id FROM users WHERE external_org_id = ${externalOrgId} AND role = 'guest'`);
  return r.rows.map((x) => `user:${x.id}`);
}

/** Creates an external organisation. */
export async function createExternalOrg(
  deps: PeopleDeps,
  p: Principal,
  input: z.output<typeof externalOrgInput>,
  meta: RequestMeta,
): Promise<ExternalOrg> {
  await checkFields(deps.db, p.orgId, input);
  const now = deps.clock.now();
  const row = await deps.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(externalOrgs)
      .values({ ...input, orgId: p.orgId, createdAt: now, updatedAt: now })
      .returning();
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'external_org.created',
      actor: actorOf(p),
      subjectType: 'external_org',
      subjectId: r.id,
      data: { name: r.name, kind: r.kind, ndaSha256: ndaHash(r.ndaText) },
    });
    return r;
  });
  return view(row, { guests: 0, grants: 0 });
}

/** Changes an external organisation (stale `version`: 409); `archived: true` ends its guests' access. */
export async function updateExternalOrg(
  deps: PeopleDeps,
  p: Principal,
  id: string,
  input: z.output<typeof externalOrgChanges>,
  meta: RequestMeta,
): Promise<ExternalOrg> {
  const { version, ...changes } = input;
  await deps.db.transaction(async (tx) => {
    const before = await loadExternalOrg(tx, p, id, true);
    if (before.version !== version) throw new AppError('conflict', 'Someone changed this organisation meanwhile; reload it.');
    await checkFields(tx, p.orgId, {
      ndaFileId: changes.ndaFileId,
      contractStart: changes.contractStart === undefined ? before.contractStart : changes.contractStart,
      contractEnd: changes.contractEnd === undefined ? before.contractEnd : changes.contractEnd,
    });
    const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    await tx
      .update(externalOrgs)
      .set({ ...defined, version: before.version + 1, updatedAt: deps.clock.now() })
      .where(eq(externalOrgs.id, id));
    const changed = Object.keys(defined).filter((k) => JSON.stringify(defined[k]) !== JSON.stringify(before[k as keyof Row]));
    await record(tx, deps, meta, {
      orgId: p.orgId,
      type: 'external_org.updated',
      actor: actorOf(p),
      subjectType: 'external_org',
      subjectId: id,
      data: {
        changed,
        ...(changes.archived !== undefined ? { archived: changes.archived } : {}),
        ...(changed.includes('ndaText') ? { ndaSha256: ndaHash(String(changes.ndaText)) } : {}),
      },
      rooms: await guestRooms(tx, id),
    });
  });
  return getExternalOrg(deps, p, id);
}
