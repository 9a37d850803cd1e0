// Employee reports (通報): anyone who may report files one (with screenshots uploaded first), follows its status,
// and managers triage the queue — attach to an existing crisis or close with a reason (accepting as a new crisis
// is declareCrisis with `reportId`). Anonymous reports hide the reporter from colleagues; the event spine keeps
// who it was. Every change writes its event in the same transaction; the live notice carries no content.
import type { Readable } from 'node:stream';
import { type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import { type FileStore, findFile, type StoredFile, saveUpload } from '../../../platform/files.ts';
import type { Principal } from '../../../platform/http.ts';
import { can } from '../../people/server/policies.ts';
import type { ReportFilter, ReportQueue, ReportView, reportInput } from '../report-contract.ts';
import { type CrisisDeps, crisisEvent, fieldError, loadCrisis, type Meta, rightsOn } from './access.ts';

/** What the report services need: the crisis deps and the file store. */
export type ReportDeps = CrisisDeps & { files: FileStore; maxFileBytes?: number };

/** Serialises report numbering per organisation (transaction advisory lock class; the key is the organisation). */
const REPORT_NUMBER_LOCK = 715_021;
const urgencyRank = sql`CASE r.urgency WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

type Row = {
  id: string;
  number: number;
  status: ReportView['status'];
  urgency: ReportView['urgency'];
  what: string;
  links: string[];
  where_seen: string | null;
  anonymous: boolean;
  reporter_id: string;
  reporter_name: string;
  close_reason: string | null;
  crisis_id: string | null;
  crisis_number: number | null;
  triaged_at: string | Date | null;
  created_at: string | Date;
  version: number;
  files: ReportView['files'];
};

const iso = (d: string | Date | null) => (d === null ? null : new Date(d).toISOString());
const userOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);

async function selectReports(db: Executor, where: SQL, order: SQL = sql`r.created_at DESC`, limit = 200): Promise<Row[]> {
  const r = await db.execute<Row>(sql`
    SELECT r.id, r.number, r.status, r.urgency, r.what, r.links, r.where_seen, r.anonymous, r.reporter_id, u.name AS reporter_name,
      r.close_reason, r.crisis_id, c.number AS crisis_number, r.triaged_at, r.created_at, r.version,
      coalesce((SELECT json_agg(json_build_object('id', f.id, 'contentType', f.content_type, 'size', f.size, 'sha256', f.sha256)
        ORDER BY f.created_at, f.id) FROM crisis_report_files rf JOIN files f ON f.id = rf.file_id WHERE rf.report_id = r.id), '[]'::json) AS files
    FROM crisis_reports r JOIN users u ON u.id = r.reporter_id LEFT JOIN crises c ON c.id = r.crisis_id
    WHERE ${where} ORDER BY ${order} LIMIT ${limit}`);
  return r.rows;
}

/** A report as `p` may see it: the reporter's name hidden from others when anonymous. */
function toView(row: Row, p: Principal): ReportView {
  const mine = row.reporter_id === userOf(p);
  const hidden = row.anonymous && !mine;
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    urgency: row.urgency,
    what: row.what,
    links: row.links,
    whereSeen: row.where_seen,
    anonymous: row.anonymous,
    reporterId: hidden ? null : row.reporter_id,
    reporterName: hidden ? null : row.reporter_name,
    mine,
    files: row.files.map((f) => ({ ...f, size: Number(f.size) })),
    closeReason: row.close_reason,
    crisisId: row.crisis_id,
    crisisNumber: row.crisis_number,
    triagedAt: iso(row.triaged_at),
    createdAt: iso(row.created_at) as string,
    version: row.version,
  };
}

/** May `p` see this report: its reporter, a triager, or (once it is linked to a crisis) whoever may read that crisis. */
async function maySee(db: Executor, p: Principal, row: { reporter_id: string; crisis_id: string | null }): Promise<boolean> {
  if (row.reporter_id === userOf(p) || can(p, 'report.triage')) return true;
  return row.crisis_id !== null && (await rightsOn(db, p, row.crisis_id)).read;
}

/** Stores a screenshot for a report to come: images only, capped, owned by the uploader until attached. */
export async function uploadReportFile(
  deps: ReportDeps,
  p: Principal,
  body: { source: Readable; declaredLength?: number; name?: string },
): Promise<StoredFile> {
  return saveUpload(deps.db, deps.clock, deps.files, {
    orgId: p.orgId,
    uploadedBy: userOf(p),
    displayName: body.name,
    source: body.source,
    declaredLength: body.declaredLength,
    maxBytes: deps.maxFileBytes,
  });
}

/** A stored screenshot `p` may open (its uploader, or whoever may see a report it is attached to); others 404. */
export async function reportFileFor(deps: ReportDeps, p: Principal, id: string): Promise<StoredFile> {
  const file = await findFile(deps.db, p.orgId, id);
  if (!file) throw notFound('No such file.');
  if (file.uploadedBy !== null && file.uploadedBy === userOf(p)) return file;
  const r = await deps.db.execute<{ reporter_id: string; crisis_id: string | null }>(sql`
    SELECT r.reporter_id, r.crisis_id FROM crisis_report_files rf JOIN crisis_reports r ON r.id = rf.report_id
    WHERE rf.file_id = ${id} AND r.org_id = ${p.orgId}`);
  for (const row of r.rows) if (await maySee(deps.db, p, row)) return file;
  throw notFound('No such file.');
}

/** Claims the caller's own, unattached uploads for a report (400 on `fileIds` otherwise). */
async function claimFiles(tx: Executor, p: Principal, ids: string[]) {
  if (ids.length === 0) return;
  const r = await tx.execute<{ id: string }>(sql`
    SELECT f.id FROM files f WHERE f.id = ANY(${sql.param(ids)}::uuid[]) AND f.org_id = ${p.orgId} AND f.uploaded_by = ${userOf(p)}
      AND NOT EXISTS (SELECT 1 FROM crisis_report_files rf WHERE rf.file_id = f.id)
    FOR UPDATE OF f`);
  if (r.rows.length !== ids.length)
    throw fieldError('fileIds', 'A screenshot is not one you uploaded, or it is already part of a report.', 'unknown_file');
}

/** Files a report: numbered per organisation, screenshots attached, `report.created` announced (no content). */
export async function createReport(
  deps: ReportDeps,
  p: Principal,
  actor: Actor,
  input: ReturnType<typeof reportInput.parse>,
  meta: Meta = {},
): Promise<ReportView> {
  const userId = userOf(p);
  if (!userId) throw new AppError('forbidden', 'Only a person can file a report.');
  const fileIds = [...new Set(input.fileIds)];
  const now = deps.clock.now().toISOString();
  const id = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REPORT_NUMBER_LOCK}, hashtext(${p.orgId}))`);
    // Claimed under the organisation's numbering lock: two reports naming the same upload run one after the
    // other, and the second sees the first's claim (each statement reads the latest committed rows).
    await claimFiles(tx, p, fileIds);
    const next = await tx.execute<{ n: number }>(
      sql`SELECT coalesce(max(number), 0)::int + 1 AS n FROM crisis_reports WHERE org_id = ${p.orgId}`,
    );
    const number = next.rows[0].n;
    const created = await tx.execute<{ id: string }>(sql`
      INSERT INTO crisis_reports (org_id, number, reporter_id, anonymous, what, links, where_seen, urgency, status, created_at)
      VALUES (${p.orgId}, ${number}, ${userId}, ${input.anonymous}, ${input.what}, ${JSON.stringify(input.links)}::jsonb,
        ${input.whereSeen || null}, ${input.urgency}, 'new', ${now})
      RETURNING id`);
    const reportId = created.rows[0].id;
    for (const fileId of fileIds)
      await tx.execute(sql`INSERT INTO crisis_report_files (report_id, file_id) VALUES (${reportId}, ${fileId})`);
    // The organisation room hears only "a report changed" (type and id), so triage queues refresh; the
    // audit row keeps the reporter as the actor even when anonymous.
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'report.created',
      actor,
      subjectType: 'report',
      subjectId: reportId,
      data: { number, urgency: input.urgency, anonymous: input.anonymous, files: fileIds.length, links: input.links.length },
      ...meta,
    });
    return reportId;
  });
  return getReport(deps, p, id);
}

/** One report, for its reporter, a triager, or the team of the crisis it is linked to; others 404. */
export async function getReport(deps: ReportDeps, p: Principal, id: string): Promise<ReportView> {
  const [row] = await selectReports(deps.db, sql`r.id = ${id} AND r.org_id = ${p.orgId}`);
  if (!row || !(await maySee(deps.db, p, row))) throw notFound('No such report.');
  return toView(row, p);
}

/** The caller's own reports, newest first. */
export async function listMyReports(deps: ReportDeps, p: Principal): Promise<{ reports: ReportView[] }> {
  const rows = await selectReports(deps.db, sql`r.org_id = ${p.orgId} AND r.reporter_id = ${userOf(p)}`, sql`r.created_at DESC`, 100);
  return { reports: rows.map((r) => toView(r, p)) };
}

/** The triage queue: new reports first, the most urgent first, then the newest; with counts per status. */
export async function listReportQueue(deps: ReportDeps, p: Principal, query: { status: ReportFilter }): Promise<ReportQueue> {
  const filter = query.status === 'all' ? sql`` : sql`AND r.status = ${query.status}`;
  const rows = await selectReports(
    deps.db,
    sql`r.org_id = ${p.orgId} ${filter}`,
    sql`(r.status = 'new') DESC, ${urgencyRank}, r.created_at DESC`,
  );
  const c = await deps.db.execute<{ status: string; n: number }>(
    sql`SELECT status, count(*)::int AS n FROM crisis_reports WHERE org_id = ${p.orgId} GROUP BY status`,
  );
  const counts = { new: 0, accepted: 0, attached: 0, closed: 0 };
  for (const x of c.rows) if (x.status in counts) counts[x.status as keyof typeof counts] = x.n;
  return { reports: rows.map((r) => toView(r, p)), counts };
}

/** Locks a report of the caller's organisation that is still new and at the version seen (404 / 409). */
async function claimNew(tx: Executor, p: Principal, id: string, version: number) {
  const r = await tx.execute<{ id: string; number: number; status: string; version: number; reporter_id: string }>(
    sql`SELECT id, number, status, version, reporter_id FROM crisis_reports WHERE id = ${id} AND org_id = ${p.orgId} FOR UPDATE`,
  );
  const rep = r.rows[0];
  if (!rep) throw notFound('No such report.');
  if (rep.status !== 'new') throw new AppError('conflict', `This report has already been triaged (it is ${rep.status}).`);
  if (rep.version !== version)
    throw new AppError('conflict', `Someone else changed this report meanwhile (it is now at version ${rep.version}); reload it.`);
  return rep;
}

/** Attaches a new report to an existing open crisis: it shows in that crisis's timeline; the reporter is told. */
export async function attachReport(
  deps: ReportDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { crisisId: string; version: number },
  meta: Meta = {},
): Promise<ReportView> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const rep = await claimNew(tx, p, id, input.version);
    const c = await loadCrisis(tx, p, input.crisisId, 'work', { lock: true }).catch((e) => {
      throw e instanceof AppError && e.code === 'not_found' ? fieldError('crisisId', 'No such crisis.', 'unknown_crisis') : e;
    });
    if (c.status === 'closed') throw new AppError('conflict', `Crisis #${c.number} is closed; reopen it or declare a new one.`);
    await tx.execute(sql`UPDATE crisis_reports SET status = 'attached', crisis_id = ${c.id}, triaged_by = ${userOf(p)},
      triaged_at = ${now}, version = version + 1 WHERE id = ${id}`);
    await crisisEvent(
      tx,
      deps.clock,
      c,
      {
        type: 'report.attached',
        actor,
        list: true,
        subjectType: 'report',
        subjectId: id,
        users: [rep.reporter_id],
        data: { reportNumber: rep.number, crisisNumber: c.number },
      },
      meta,
    );
  });
  return getReport(deps, p, id);
}

/** Closes a new report without a crisis; the reason is shown to the reporter, who is told live. */
export async function closeReport(
  deps: ReportDeps,
  p: Principal,
  actor: Actor,
  id: string,
  input: { reason: string; version: number },
  meta: Meta = {},
): Promise<ReportView> {
  if (!input.reason.trim()) throw fieldError('reason', 'Say why the report is closed.', 'reason_required');
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const rep = await claimNew(tx, p, id, input.version);
    await tx.execute(sql`UPDATE crisis_reports SET status = 'closed', close_reason = ${input.reason}, triaged_by = ${userOf(p)},
      triaged_at = ${now}, version = version + 1 WHERE id = ${id}`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'report.closed',
      actor,
      subjectType: 'report',
      subjectId: id,
      rooms: [`user:${rep.reporter_id}`],
      data: { reportNumber: rep.number, reason: input.reason },
      ...meta,
    });
  });
  return getReport(deps, p, id);
}
