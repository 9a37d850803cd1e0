// Reading statements: the list (one crisis's, or every statement the caller may read across crises, with
// `awaitingMe`), the detail (head version with findings and accepted risks, versions, the chain as it stands,
// approvals, publications, the checker's reference, what the caller may do) and one version.
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Principal } from '../../../platform/http.ts';
import type { CrisisDeps } from '../../crises/server/access.ts';
import { loadCrisis } from '../../crises/server/access.ts';
import { seesEveryCrisis } from '../../people/server/policies.ts';
import type { Severity } from '../../warnings/contract.ts';
import type {
  PublishChannel,
  StatementDetail,
  StatementDoc,
  StatementStatus,
  StatementSummary,
  StatementVersion,
  VersionMeta,
} from '../contract.ts';
import { headOf, type Loaded, loadStatement, namesOf, referenceOf, type StatementRow, userIdOf, type VersionRow } from './access.ts';
import { approvalEntryOf, loadChainView, mayDecide } from './chain.ts';
import { acceptedOf, openFindings, storedFindings } from './check.ts';

const iso = (d: Date | string) => new Date(d).toISOString();

type ListRow = StatementRow & {
  crisis_number: number;
  crisis_title: string;
  severity: Severity;
  due_at: Date | null;
  findings: unknown;
  accepted: unknown;
  content_hash: string;
  creator_name: string | null;
};

function selectStatements(where: SQL) {
  return sql`
    SELECT s.*, c.number AS crisis_number, c.title AS crisis_title, c.severity, t.due_at, v.findings, v.accepted, v.content_hash,
      u.name AS creator_name
    FROM statements s JOIN crises c ON c.id = s.crisis_id
    JOIN statement_versions v ON v.statement_id = s.id AND v.number = s.head
    LEFT JOIN crisis_tasks t ON t.id = s.task_id
    LEFT JOIN users u ON u.id = s.created_by
    WHERE ${where} ORDER BY s.updated_at DESC, s.id`;
}

async function summaryOf(tx: Executor, p: Principal, r: ListRow): Promise<StatementSummary> {
  let awaitingMe = false;
  if (r.status === 'in_review') {
    const view = await loadChainView(tx, r.org_id, { id: r.crisis_id, severity: r.severity }, r, { number: r.head, hash: r.content_hash });
    awaitingMe = mayDecide(view.current, userIdOf(p)).ok;
  }
  return {
    id: r.id,
    crisisId: r.crisis_id,
    crisisNumber: r.crisis_number,
    crisisTitle: r.crisis_title,
    kind: r.kind,
    language: r.language,
    title: r.title,
    status: r.status,
    head: r.head,
    approvedVersion: r.approved_version,
    overridden: r.override_at !== null,
    dueAt: r.due_at ? iso(r.due_at) : null,
    openFindings: openFindings(storedFindings(r.findings), acceptedOf(r.accepted)).length,
    awaitingMe,
    createdBy: r.created_by ? { id: r.created_by, name: r.creator_name ?? '' } : null,
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** Statements the caller may read: of one crisis, or across every crisis they may read; filtered by status or `awaitingMe`. */
export async function listStatements(
  deps: CrisisDeps,
  p: Principal,
  q: { crisisId?: string; status?: StatementStatus; awaitingMe?: 'true' | 'false' },
): Promise<{ statements: StatementSummary[] }> {
  const filters: SQL[] = [sql`s.org_id = ${p.orgId}`];
  if (q.crisisId) {
    await loadCrisis(deps.db, p, q.crisisId, 'read');
    filters.push(sql`s.crisis_id = ${q.crisisId}`);
  } else if (!seesEveryCrisis(p)) {
    if (p.kind !== 'user') return { statements: [] };
    // The crises they are on, and the statements out of draft whose chain names them as a backup (see backupAccess).
    filters.push(sql`(
      EXISTS (SELECT 1 FROM crisis_members m WHERE m.crisis_id = s.crisis_id AND m.user_id = ${p.userId})
      OR (s.status <> 'draft' AND EXISTS (
        SELECT 1 FROM approval_chains ch JOIN crises bc ON bc.id = s.crisis_id
        WHERE ch.org_id = s.org_id AND ch.severity = bc.severity
          AND ch.kind_group = CASE WHEN s.kind = 'internal_memo' THEN 'internal' ELSE 'external' END
          AND EXISTS (SELECT 1 FROM jsonb_array_elements(ch.steps) st WHERE st->'backups' ? ${p.userId}::text))))`);
  }
  if (q.status) filters.push(sql`s.status = ${q.status}`);
  if (q.awaitingMe === 'true') filters.push(sql`s.status = 'in_review'`);
  const r = await deps.db.execute<ListRow>(selectStatements(sql.join(filters, sql` AND `)));
  const out: StatementSummary[] = [];
  for (const row of r.rows) out.push(await summaryOf(deps.db, p, row));
  return { statements: q.awaitingMe === 'true' ? out.filter((x) => x.awaitingMe) : out };
}

/** A version as the API shows it. */
export function versionOf(v: VersionRow, authorName: string | null): StatementVersion {
  const findings = storedFindings(v.findings);
  return {
    ...metaOf(v, authorName),
    body: v.body as StatementDoc,
    text: v.text,
    findings,
    accepted: acceptedOf(v.accepted),
  };
}

function metaOf(v: VersionRow, authorName: string | null): VersionMeta {
  return {
    number: v.number,
    contentHash: v.content_hash,
    author: v.author_id ? { id: v.author_id, name: authorName ?? '' } : null,
    createdAt: iso(v.created_at),
    updatedAt: iso(v.updated_at),
    chars: v.text.length,
    findings: storedFindings(v.findings).length,
  };
}

/** One version of a statement the caller may read. */
export async function getVersion(deps: CrisisDeps, p: Principal, id: string, n: number): Promise<StatementVersion> {
  const { s } = await loadStatement(deps.db, p, id, 'read');
  const r = await deps.db.execute<VersionRow>(sql`SELECT * FROM statement_versions WHERE statement_id = ${s.id} AND number = ${n}`);
  const v = r.rows[0];
  if (!v) throw notFound('No such version of this statement.');
  const names = await namesOf(deps.db, [v.author_id]);
  return versionOf(v, v.author_id ? (names.get(v.author_id) ?? null) : null);
}

/** The statement as the editor and the approvers see it. */
export async function getStatement(deps: CrisisDeps, p: Principal, id: string): Promise<StatementDetail> {
  return detailOf(deps.db, p, await loadStatement(deps.db, p, id, 'read'));
}

/** The detail of a loaded statement (inside the caller's transaction or after it). */
export async function detailOf(tx: Executor, p: Principal, { s, c }: Loaded): Promise<StatementDetail> {
  const rows = await tx.execute<ListRow>(selectStatements(sql`s.id = ${s.id}`));
  const row = rows.rows[0];
  const head = await headOf(tx, row);
  const versions = await tx.execute<VersionRow>(sql`
    SELECT id, number, content_hash, text, findings, author_id, created_at, updated_at FROM statement_versions
    WHERE statement_id = ${s.id} ORDER BY number`);
  const pubs = await tx.execute<{
    id: string;
    version_number: number;
    content_hash: string;
    channel: PublishChannel;
    url: string | null;
    note: string | null;
    published_by: string;
    published_at: Date;
  }>(sql`SELECT * FROM statement_publications WHERE statement_id = ${s.id} ORDER BY published_at, id`);
  const view = await loadChainView(tx, s.org_id, { id: c.id, severity: row.severity }, row, {
    number: head.number,
    hash: head.content_hash,
  });
  const names = await namesOf(tx, [...versions.rows.map((v) => v.author_id), ...pubs.rows.map((x) => x.published_by), row.override_by]);
  const summary = await summaryOf(tx, p, row);
  const me = userIdOf(p);
  const commander = me
    ? (await tx.execute(sql`SELECT 1 FROM crisis_members WHERE crisis_id = ${c.id} AND role = 'commander' AND user_id = ${me}`)).rows
        .length > 0
    : false;
  const approvedAtHead = (row.status === 'approved' || row.status === 'published') && row.approved_version === row.head;
  const work = c.rights.work;
  return {
    ...summary,
    audienceId: row.audience_id,
    override:
      row.override_by && row.override_at
        ? {
            by: { id: row.override_by, name: names.get(row.override_by) ?? '' },
            reason: row.override_reason ?? '',
            at: iso(row.override_at),
          }
        : null,
    headVersion: versionOf(head, head.author_id ? (names.get(head.author_id) ?? null) : null),
    versions: versions.rows.map((v) => metaOf(v, v.author_id ? (names.get(v.author_id) ?? null) : null)),
    chain: view.steps,
    approvals: view.approvals.map(approvalEntryOf),
    publications: pubs.rows.map((x) => ({
      id: x.id,
      versionNumber: x.version_number,
      contentHash: x.content_hash,
      channel: x.channel,
      url: x.url,
      note: x.note,
      publishedBy: { id: x.published_by, name: names.get(x.published_by) ?? '' },
      publishedAt: iso(x.published_at),
    })),
    reference: await referenceOf(tx, c.id, s.id),
    can: {
      edit: work && row.status !== 'withdrawn',
      submit: work && ['draft', 'changes_requested', 'rejected'].includes(row.status) && head.text.trim() !== '',
      decide: mayDecide(view.current, me).ok,
      override: commander && !approvedAtHead && row.status !== 'withdrawn' && head.text.trim() !== '',
      publish: work && approvedAtHead,
    },
  };
}
