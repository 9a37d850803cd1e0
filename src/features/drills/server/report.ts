// The after-action report (事後檢討報告) of an ended drill: scored from the sandbox's event spine, kept as JSON with
// the team's own words (what went well, what to improve — kept across regenerations), and as a PDF with its
// SHA-256; follow-up actions assigned to real people of the organisation; and trends across drills.
// Who: readers are the drill's participants and the organisation's admins and managers (others 404); the
// facilitator, admins and managers write the report and the actions; an action's assignee may tick it off.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import type { DrillReport, ParticipantRole } from '../contract.ts';
import type { DrillDeps } from './deps.ts';
import { actorOfMe, type DrillRow, drillRows, loadDrill, type Me, realPerson, seesAllDrills } from './drill-access.ts';
import { renderReportPdf, reportFont } from './report-pdf.ts';
import { type DrillScore, scoreDrill } from './scoring.ts';

/** Request metadata recorded with events. */
export type Meta = { requestId?: string; ip?: string };
export type ActionView = {
  id: string;
  title: string;
  assignee: { id: string; name: string } | null;
  dueOn: string | null;
  doneAt: string | null;
  version: number;
};

type ReportRow = {
  report: DrillScore;
  went_well: string;
  to_improve: string;
  pdf: Buffer | null;
  pdf_sha256: string | null;
  generated_at: Date;
  version: number;
};

/** Serialises writes to one drill's report and actions (transaction advisory lock class; the key is the drill). */
const REPORT_LOCK = 715_081;

/** The drill as the person may see it (404 otherwise), and whether they may write its report. */
async function access(deps: DrillDeps, p: Principal | null, drillId: string, need: 'read' | 'manage') {
  const me = await realPerson(deps.db, p);
  let [d] = await drillRows(deps.db, me, drillId);
  // Someone given a follow-up action reads the drill's report and actions too, though they did not take part.
  if (!d && need === 'read' && (await assignedIn(deps.db, drillId, me))) [d] = await drillRows(deps.db, { ...me, role: 'admin' }, drillId);
  if (!d) throw notFound('No such drill.');
  const manages = seesAllDrills(me) || d.facilitator_id === me.userId;
  if (need === 'manage' && !manages) throw new AppError('forbidden', 'Only the facilitator, admins and managers write the report.');
  return { me, d, manages };
}

async function assignedIn(db: Executor, drillId: string, me: Me) {
  const r = await db.execute(sql`SELECT 1 FROM drill_actions a JOIN drills d ON d.id = a.drill_id
    WHERE a.drill_id = ${drillId} AND a.assignee_id = ${me.userId} AND d.org_id = ${me.orgId} LIMIT 1`);
  return r.rows.length > 0;
}

async function reportRow(db: Executor, drillId: string, lock = false): Promise<ReportRow | null> {
  const r = await db.execute<ReportRow>(sql`SELECT report, went_well, to_improve, pdf, pdf_sha256, generated_at, version
    FROM drill_reports WHERE drill_id = ${drillId} ${lock ? sql`FOR UPDATE` : sql``}`);
  return r.rows[0] ?? null;
}

function viewOf(drillId: string, row: ReportRow): DrillReport {
  const { clocks, measures, scores, timeline } = row.report;
  return {
    drillId,
    generatedAt: new Date(row.generated_at).toISOString(),
    clocks,
    measures,
    scores,
    timeline,
    wentWell: row.went_well,
    toImprove: row.to_improve,
    hasPdf: row.pdf !== null,
    version: row.version,
  };
}

/** The drill's follow-up actions, oldest first, with their assignees' names. */
async function actionsOf(db: Executor, drillId: string): Promise<ActionView[]> {
  const r = await db.execute<{
    id: string;
    title: string;
    assignee_id: string | null;
    assignee_name: string | null;
    due_on: string | null;
    done_at: Date | null;
    version: number;
  }>(sql`
    SELECT a.id, a.title, a.assignee_id, u.name AS assignee_name, a.due_on::text AS due_on, a.done_at, a.version
    FROM drill_actions a LEFT JOIN users u ON u.id = a.assignee_id WHERE a.drill_id = ${drillId} ORDER BY a.created_at, a.id`);
  return r.rows.map((a) => ({
    id: a.id,
    title: a.title,
    assignee: a.assignee_id ? { id: a.assignee_id, name: a.assignee_name ?? '' } : null,
    dueOn: a.due_on,
    doneAt: a.done_at ? new Date(a.done_at).toISOString() : null,
    version: a.version,
  }));
}

/**
 * The PDF for what is stored now (report, words, actions), in the organisation's language and time zone; null
 * when this machine has no Traditional Chinese font (the report is still kept, without its PDF).
 */
async function pdfOf(tx: Executor, d: DrillRow, row: Pick<ReportRow, 'report' | 'went_well' | 'to_improve' | 'generated_at'>) {
  if (!reportFont()) return null;
  const org = await tx.execute<{ name: string; default_locale: string; time_zone: string }>(
    sql`SELECT name, default_locale, time_zone FROM organisations WHERE id = ${d.org_id}`,
  );
  const people = await tx.execute<{ name: string; role: ParticipantRole }>(sql`
    SELECT u.name, p.role FROM drill_participants p JOIN users u ON u.id = p.user_id WHERE p.drill_id = ${d.id}
    ORDER BY CASE p.role WHEN 'facilitator' THEN 0 WHEN 'player' THEN 1 ELSE 2 END, u.name`);
  const participants = people.rows.some((x) => x.role === 'facilitator')
    ? people.rows
    : [{ name: d.facilitator_name, role: 'facilitator' as const }, ...people.rows];
  const o = org.rows[0];
  const bytes = await renderReportPdf({
    locale: o.default_locale === 'en' ? 'en' : 'zh-TW',
    timeZone: o.time_zone,
    orgName: o.name,
    title: d.title,
    scenarioTitle: d.scenario_title,
    startedAt: d.started_at ? new Date(d.started_at).toISOString() : null,
    endedAt: d.ended_at ? new Date(d.ended_at).toISOString() : null,
    generatedAt: new Date(row.generated_at).toISOString(),
    participants,
    report: { ...row.report, wentWell: row.went_well, toImprove: row.to_improve },
    actions: (await actionsOf(tx, d.id)).map((a) => ({
      title: a.title,
      assignee: a.assignee?.name ?? null,
      dueOn: a.dueOn,
      doneAt: a.doneAt,
    })),
  });
  return { bytes: Buffer.from(bytes), sha256: crypto.createHash('sha256').update(bytes).digest('hex') };
}

/** Renders the stored report's PDF again after its words or actions changed (nothing when there is no report yet). */
async function refreshPdf(tx: Executor, d: DrillRow) {
  const row = await reportRow(tx, d.id, true);
  if (!row) return;
  const pdf = await pdfOf(tx, d, row);
  await tx.execute(sql`UPDATE drill_reports SET pdf = ${pdf?.bytes ?? null}, pdf_sha256 = ${pdf?.sha256 ?? null} WHERE drill_id = ${d.id}`);
}

/**
 * Generates (or regenerates) the report of an ended drill (409 before it ended): scores it now, keeps the team's
 * words, renders the PDF, and records `drill.report_generated` in the drill's organisation.
 */
export async function generateReport(deps: DrillDeps, p: Principal | null, drillId: string, meta: Meta = {}): Promise<DrillReport> {
  const { me } = await access(deps, p, drillId, 'manage');
  // Brings the drill row up to date with its run (a run that ran out ended the drill).
  const d = await loadDrill(deps, me, drillId);
  if (d.status !== 'ended') throw new AppError('conflict', 'The drill has not ended yet: the report is written once it has.');
  const now = deps.clock.now();
  const score = await scoreDrill(deps.db, drillId, now);
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REPORT_LOCK}, hashtext(${drillId}))`);
    const old = await reportRow(tx, drillId, true);
    const row = { report: score, went_well: old?.went_well ?? '', to_improve: old?.to_improve ?? '', generated_at: now };
    const pdf = await pdfOf(tx, d, row);
    await tx.execute(sql`
      INSERT INTO drill_reports (drill_id, report, went_well, to_improve, pdf, pdf_sha256, generated_at, version)
      VALUES (${drillId}, ${JSON.stringify(score)}::jsonb, ${row.went_well}, ${row.to_improve}, ${pdf?.bytes ?? null}, ${pdf?.sha256 ?? null},
        ${now.toISOString()}, 1)
      ON CONFLICT (drill_id) DO UPDATE SET report = excluded.report, pdf = excluded.pdf, pdf_sha256 = excluded.pdf_sha256,
        generated_at = excluded.generated_at, version = drill_reports.version + 1`);
    await recordEvent(tx, deps.clock, {
      orgId: d.org_id,
      type: 'drill.report_generated',
      actor: actorOfMe(me),
      subjectType: 'drill',
      subjectId: drillId,
      data: {
        title: d.title,
        regenerated: old !== null,
        clocks: Object.fromEntries(score.clocks.map((c) => [c.key, c.seconds])),
        pdfSha256: pdf?.sha256 ?? null,
      },
      ...meta,
    });
  });
  return getReport(deps, p, drillId);
}

/** The drill's report (404 before one was generated). */
export async function getReport(deps: DrillDeps, p: Principal | null, drillId: string): Promise<DrillReport> {
  await access(deps, p, drillId, 'read');
  const row = await reportRow(deps.db, drillId);
  if (!row) throw notFound('This drill has no report yet.');
  return viewOf(drillId, row);
}

/** The report's PDF and a file name for it (404 when there is none). */
export async function getReportPdf(deps: DrillDeps, p: Principal | null, drillId: string) {
  const { d } = await access(deps, p, drillId, 'read');
  const row = await reportRow(deps.db, drillId);
  if (!row?.pdf)
    throw notFound(row ? 'This report has no PDF (no Traditional Chinese font on the server).' : 'This drill has no report yet.');
  const day = new Date(row.generated_at).toISOString().slice(0, 10);
  return { bytes: row.pdf, sha256: row.pdf_sha256, asciiName: `drill-report-${day}.pdf`, name: `${d.title}-${day}.pdf` };
}

/** Saves the team's words (409 when someone saved since `expectedVersion`) and renders the PDF again. */
export async function updateReportText(
  deps: DrillDeps,
  p: Principal | null,
  drillId: string,
  input: { wentWell: string; toImprove: string; expectedVersion: number },
  meta: Meta = {},
): Promise<DrillReport> {
  const { me, d } = await access(deps, p, drillId, 'manage');
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REPORT_LOCK}, hashtext(${drillId}))`);
    const row = await reportRow(tx, drillId, true);
    if (!row) throw notFound('This drill has no report yet.');
    if (row.version !== input.expectedVersion)
      throw new AppError('conflict', 'Someone else changed this report meanwhile; reload it and try again.');
    const pdf = await pdfOf(tx, d, { ...row, went_well: input.wentWell, to_improve: input.toImprove });
    await tx.execute(sql`UPDATE drill_reports SET went_well = ${input.wentWell}, to_improve = ${input.toImprove}, pdf = ${pdf?.bytes ?? null},
      pdf_sha256 = ${pdf?.sha256 ?? null}, version = version + 1 WHERE drill_id = ${drillId}`);
    await recordEvent(tx, deps.clock, {
      orgId: d.org_id,
      type: 'drill.report_updated',
      actor: actorOfMe(me),
      subjectType: 'drill',
      subjectId: drillId,
      data: { title: d.title, version: row.version + 1, pdfSha256: pdf?.sha256 ?? null },
      ...meta,
    });
  });
  return getReport(deps, p, drillId);
}

/** The drill's follow-up actions. */
export async function listActions(deps: DrillDeps, p: Principal | null, drillId: string): Promise<ActionView[]> {
  await access(deps, p, drillId, 'read');
  return actionsOf(deps.db, drillId);
}

/** Adds a follow-up action; its assignee must be an active real person of the drill's organisation. */
export async function addAction(
  deps: DrillDeps,
  p: Principal | null,
  drillId: string,
  input: { title: string; assigneeId: string | null; dueOn: string | null },
  meta: Meta = {},
): Promise<ActionView> {
  const { me, d } = await access(deps, p, drillId, 'manage');
  const id = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REPORT_LOCK}, hashtext(${drillId}))`);
    if (input.assigneeId) {
      const u = await tx.execute(sql`SELECT 1 FROM users WHERE id = ${input.assigneeId} AND org_id = ${d.org_id} AND sandbox_of IS NULL
        AND status = 'active' AND role <> 'guest'`);
      if (u.rows.length === 0)
        throw new AppError('validation_failed', 'The assignee must be an active person of the organisation.', {
          errors: [{ path: 'assigneeId', message: 'The assignee must be an active person of the organisation.', code: 'unknown_assignee' }],
        });
    }
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO drill_actions (drill_id, title, assignee_id, due_on, created_at)
      VALUES (${drillId}, ${input.title}, ${input.assigneeId}, ${input.dueOn}, ${deps.clock.now().toISOString()}) RETURNING id`);
    const actionId = r.rows[0].id;
    await recordEvent(tx, deps.clock, {
      orgId: d.org_id,
      type: 'drill.action_added',
      actor: actorOfMe(me),
      subjectType: 'drill',
      subjectId: drillId,
      rooms: input.assigneeId ? [`user:${input.assigneeId}`] : [],
      data: { actionId, title: input.title, assigneeId: input.assigneeId, dueOn: input.dueOn },
      ...meta,
    });
    await refreshPdf(tx, d);
    return actionId;
  });
  const found = (await actionsOf(deps.db, drillId)).find((a) => a.id === id);
  if (!found) throw notFound('No such action.');
  return found;
}

/** Marks an action done or not done (its assignee, the facilitator, admins and managers; 409 on a stale version). */
export async function updateAction(
  deps: DrillDeps,
  p: Principal | null,
  drillId: string,
  actionId: string,
  input: { done: boolean; expectedVersion: number },
  meta: Meta = {},
): Promise<ActionView> {
  const { me, d, manages } = await access(deps, p, drillId, 'read');
  await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${REPORT_LOCK}, hashtext(${drillId}))`);
    const r = await tx.execute<{ assignee_id: string | null; version: number; done_at: Date | null; title: string }>(
      sql`SELECT assignee_id, version, done_at, title FROM drill_actions WHERE id = ${actionId} AND drill_id = ${drillId} FOR UPDATE`,
    );
    const a = r.rows[0];
    if (!a) throw notFound('No such action.');
    if (!manages && a.assignee_id !== me.userId)
      throw new AppError('forbidden', 'Only the assignee, the facilitator, admins and managers tick off an action.');
    if (a.version !== input.expectedVersion)
      throw new AppError('conflict', 'Someone else changed this action meanwhile; reload it and try again.');
    const doneAt = input.done ? (a.done_at ? new Date(a.done_at) : deps.clock.now()) : null;
    await tx.execute(
      sql`UPDATE drill_actions SET done_at = ${doneAt?.toISOString() ?? null}, version = version + 1 WHERE id = ${actionId}`,
    );
    await recordEvent(tx, deps.clock, {
      orgId: d.org_id,
      type: 'drill.action_updated',
      actor: actorOfMe(me),
      subjectType: 'drill',
      subjectId: drillId,
      rooms: a.assignee_id ? [`user:${a.assignee_id}`] : [],
      data: { actionId, title: a.title, done: input.done },
      ...meta,
    });
    await refreshPdf(tx, d);
  });
  const found = (await actionsOf(deps.db, drillId)).find((x) => x.id === actionId);
  if (!found) throw notFound('No such action.');
  return found;
}

/** Every ended drill with a report that the person may see, oldest first: its clocks' seconds and key measures. */
export async function drillTrends(deps: Pick<DrillDeps, 'db'>, p: Principal | null) {
  const me: Me = await realPerson(deps.db, p);
  const r = await deps.db.execute<{ id: string; title: string; ended_at: Date; report: DrillScore }>(sql`
    SELECT d.id, d.title, d.ended_at, x.report FROM drills d JOIN drill_reports x ON x.drill_id = d.id
    WHERE d.org_id = ${me.orgId} AND d.status = 'ended' AND d.ended_at IS NOT NULL
      ${seesAllDrills(me) ? sql`` : sql`AND (d.facilitator_id = ${me.userId} OR EXISTS (SELECT 1 FROM drill_participants p WHERE p.drill_id = d.id AND p.user_id = ${me.userId}))`}
    ORDER BY d.ended_at, d.id`);
  return {
    drills: r.rows.map((x) => ({
      id: x.id,
      title: x.title,
      endedAt: new Date(x.ended_at).toISOString(),
      clocks: Object.fromEntries(x.report.clocks.map((c) => [c.key, c.seconds])),
      briefingAckRate: x.report.measures.briefingAckRate,
      tasksOverdue: x.report.measures.tasksOverdue,
    })),
  };
}
