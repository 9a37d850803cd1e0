// Statement templates: the shipped ones (read-only, `builtin:<kind>:<language>`) and the organisation's own,
// which admins add, change and archive; legal sign-off records who signed and when, and a later change of the
// body clears it (what legal signed is no longer what the template says).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { CrisisDeps, Meta } from '../../crises/server/access.ts';
import type { StatementKind, StatementLanguage, StatementTemplate } from '../contract.ts';
import { shippedTemplates, templateFields } from '../templates.ts';

export { fillTemplate } from '../templates.ts';

type Row = {
  id: string;
  kind: StatementKind;
  language: StatementLanguage;
  crisis_type: string | null;
  name: string;
  body: string;
  legal_signed_at: Date | null;
  legal_signed_by: string | null;
  signer_name: string | null;
  archived: boolean;
  version: number;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function templateOf(r: Row): StatementTemplate {
  return {
    id: r.id,
    builtin: false,
    kind: r.kind,
    language: r.language,
    crisisType: r.crisis_type,
    name: r.name,
    body: r.body,
    fields: templateFields(r.body),
    legalSignedAt: r.legal_signed_at ? new Date(r.legal_signed_at).toISOString() : null,
    legalSignedBy: r.legal_signed_by ? { id: r.legal_signed_by, name: r.signer_name ?? '' } : null,
    version: r.version,
  };
}

const shippedOf = (): StatementTemplate[] =>
  shippedTemplates.map((t) => ({
    ...t,
    builtin: true,
    crisisType: null,
    fields: templateFields(t.body),
    legalSignedAt: null,
    legalSignedBy: null,
    version: 0,
  }));

async function rowsOf(tx: Executor, orgId: string, id?: string): Promise<Row[]> {
  const r = await tx.execute<Row>(sql`
    SELECT t.id, t.kind, t.language, t.crisis_type, t.name, t.body, t.legal_signed_at, t.legal_signed_by, u.name AS signer_name,
      t.archived, t.version
    FROM statement_templates t LEFT JOIN users u ON u.id = t.legal_signed_by
    WHERE t.org_id = ${orgId} ${id ? sql`AND t.id = ${id}` : sql`AND NOT t.archived`}
    ORDER BY t.kind, t.language, t.name, t.id`);
  return r.rows;
}

/** Shipped templates, then the organisation's (not archived). */
export async function listTemplates(deps: CrisisDeps, p: Principal): Promise<{ templates: StatementTemplate[] }> {
  return { templates: [...shippedOf(), ...(await rowsOf(deps.db, p.orgId)).map(templateOf)] };
}

/** A template by id (shipped, or the organisation's and not archived), or null. */
export async function findTemplate(tx: Executor, orgId: string, id: string): Promise<{ body: string; kind: StatementKind } | null> {
  const s = shippedTemplates.find((t) => t.id === id);
  if (s) return s;
  if (!UUID.test(id)) return null;
  const r = (await rowsOf(tx, orgId, id))[0];
  return r && !r.archived ? r : null;
}

/** Loads one of the organisation's templates for a change, locked (shipped ones are read-only: 400). */
async function ownTemplate(tx: Executor, orgId: string, id: string): Promise<Row> {
  if (id.startsWith('builtin:')) throw new AppError('bad_request', 'Shipped templates cannot be changed; add your own copy instead.');
  if (!UUID.test(id)) throw notFound('No such template.');
  const r = await tx.execute(sql`SELECT 1 FROM statement_templates WHERE id = ${id} AND org_id = ${orgId} FOR UPDATE`);
  const row = r.rows[0] ? (await rowsOf(tx, orgId, id))[0] : undefined;
  if (!row || row.archived) throw notFound('No such template.');
  return row;
}

const event = (tx: Executor, deps: CrisisDeps, p: Principal, actor: Actor, type: string, id: string, data: object, meta: Meta) =>
  recordEvent(tx, deps.clock, {
    orgId: p.orgId,
    type,
    actor,
    subjectType: 'statement_template',
    subjectId: id,
    data: { ...data },
    ...meta,
  });

type Input = { kind: StatementKind; language: StatementLanguage; crisisType?: string | null; name: string; body: string };

/** Adds an organisation template. */
export async function createTemplate(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  input: Input,
  meta: Meta = {},
): Promise<StatementTemplate> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO statement_templates (org_id, kind, language, crisis_type, name, body, updated_at)
      VALUES (${p.orgId}, ${input.kind}, ${input.language}, ${input.crisisType ?? null}, ${input.name}, ${input.body}, ${now}) RETURNING id`);
    const id = r.rows[0].id;
    await event(
      tx,
      deps,
      p,
      actor,
      'statement.template_created',
      id,
      { name: input.name, kind: input.kind, language: input.language },
      meta,
    );
    return templateOf((await rowsOf(tx, p.orgId, id))[0]);
  });
}

/** Changes an organisation template (409 on a stale version); a new body clears the legal sign-off. */
export async function updateTemplate(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  id: string,
  patch: Partial<Input> & { version: number },
  meta: Meta = {},
): Promise<StatementTemplate> {
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const t = await ownTemplate(tx, p.orgId, id);
    if (patch.version !== t.version)
      throw new AppError(
        'conflict',
        `Someone else changed this template meanwhile (it is now at version ${t.version}); reload it and try again.`,
      );
    const bodyChanged = patch.body !== undefined && patch.body !== t.body;
    await tx.execute(sql`
      UPDATE statement_templates SET kind = ${patch.kind ?? t.kind}, language = ${patch.language ?? t.language},
        crisis_type = ${patch.crisisType === undefined ? t.crisis_type : patch.crisisType}, name = ${patch.name ?? t.name},
        body = ${patch.body ?? t.body},
        legal_signed_at = ${bodyChanged ? sql`NULL` : sql`legal_signed_at`}, legal_signed_by = ${bodyChanged ? sql`NULL` : sql`legal_signed_by`},
        version = version + 1, updated_at = ${now}
      WHERE id = ${id}`);
    await event(
      tx,
      deps,
      p,
      actor,
      'statement.template_changed',
      id,
      { name: patch.name ?? t.name, bodyChanged, signoffCleared: bodyChanged && t.legal_signed_at !== null },
      meta,
    );
    return templateOf((await rowsOf(tx, p.orgId, id))[0]);
  });
}

/** Archives an organisation template (no longer offered; statements made from it keep their text). */
export async function archiveTemplate(deps: CrisisDeps, p: Principal, actor: Actor, id: string, meta: Meta = {}): Promise<void> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const t = await ownTemplate(tx, p.orgId, id);
    await tx.execute(sql`UPDATE statement_templates SET archived = true, version = version + 1, updated_at = ${now} WHERE id = ${id}`);
    await event(tx, deps, p, actor, 'statement.template_archived', id, { name: t.name }, meta);
  });
}

/** Records legal sign-off of a template by the caller, who must be an admin. */
export async function signTemplate(deps: CrisisDeps, p: Principal, actor: Actor, id: string, meta: Meta = {}): Promise<StatementTemplate> {
  if (p.kind !== 'user' || p.role !== 'admin') throw new AppError('forbidden', 'Only an administrator may record legal sign-off.');
  const now = deps.clock.now().toISOString();
  return deps.db.transaction(async (tx) => {
    const t = await ownTemplate(tx, p.orgId, id);
    await tx.execute(sql`
      UPDATE statement_templates SET legal_signed_at = ${now}, legal_signed_by = ${p.userId}, version = version + 1, updated_at = ${now}
      WHERE id = ${id}`);
    await event(tx, deps, p, actor, 'statement.template_signed', id, { name: t.name }, meta);
    return templateOf((await rowsOf(tx, p.orgId, id))[0]);
  });
}
