// The access report of an external organisation: from the event spine, everything its guests did (sign-ins,
// NDA acceptance, documents viewed and downloaded, searches), newest first and bounded. A document's title is
// shown only where the reader of the report may open that document themselves (documentVisibleSql), so the
// report never reveals a legal-privileged title to a manager outside the privilege.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Principal } from '../../../platform/http.ts';
import { documentVisibleSql } from '../../documents/server/access.ts';
import type { accessReportQuery, accessReportRow } from '../guest-contract.ts';
import type { PeopleDeps } from './deps.ts';
import { loadExternalOrg } from './external-orgs.ts';

/** The most rows one report returns (JSON and CSV alike); narrow the period for more. */
export const REPORT_LIMIT = 5_000;

type Row = z.output<typeof accessReportRow>;

/** The report rows (newest first) and whether there were more than the limit. */
export async function accessReport(
  deps: PeopleDeps,
  p: Principal,
  externalOrgId: string,
  q: z.output<typeof accessReportQuery>,
  limit = REPORT_LIMIT,
): Promise<{ rows: Row[]; limit: number; truncated: boolean }> {
  await loadExternalOrg(deps.db, p, externalOrgId);
  const now = deps.clock.now();
  const r = await deps.db.execute<{
    at: Date | string;
    guest_id: string;
    guest_name: string;
    action: string;
    subject_type: string | null;
    subject_id: string | null;
    subject_title: string | null;
    crisis_id: string | null;
    ip: string | null;
  }>(sql`
    SELECT e.created_at AS at, u.id AS guest_id, u.name AS guest_name, e.type AS action, e.subject_type, e.subject_id,
      (SELECT d.title FROM documents d WHERE e.subject_type = 'document' AND d.id::text = e.subject_id
         AND ${documentVisibleSql(p, now, 'd')}) AS subject_title,
      -- Reads are not on the crisis timeline (no crisis_id on the event), but the report says which crisis.
      coalesce(e.crisis_id, (SELECT d.crisis_id FROM documents d WHERE e.subject_type = 'document' AND d.id::text = e.subject_id
         AND d.org_id = ${p.orgId})) AS crisis_id, e.ip
    FROM events e JOIN users u ON u.id = e.actor_id AND u.org_id = ${p.orgId}
    WHERE e.org_id = ${p.orgId} AND e.actor_type = 'user' AND u.role = 'guest' AND u.external_org_id = ${externalOrgId}
      ${q.guestId ? sql`AND u.id = ${q.guestId}` : sql``}
      ${q.from ? sql`AND e.created_at >= ${new Date(q.from).toISOString()}` : sql``}
      ${q.to ? sql`AND e.created_at < ${new Date(q.to).toISOString()}` : sql``}
    ORDER BY e.id DESC
    LIMIT ${limit + 1}`);
  const rows = r.rows.slice(0, limit).map((x) => ({
    at: new Date(x.at).toISOString(),
    guestId: x.guest_id,
    guestName: x.guest_name,
    action: x.action,
    subjectType: x.subject_type,
    subjectId: x.subject_id,
    subjectTitle: x.subject_title,
    crisisId: x.crisis_id,
    ip: x.ip,
  }));
  return { rows, limit, truncated: r.rows.length > limit };
}

/**
 * One CSV cell: quoted when it holds a comma, quote or line break; a cell a spreadsheet would run as a formula
 * (starting with = + - @, or a tab or carriage return before one) gets a leading apostrophe (CSV injection).
 */
export function csvCell(v: string | null): string {
  if (v === null) return '';
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const COLUMNS: Array<keyof Row> = ['at', 'guestId', 'guestName', 'action', 'subjectType', 'subjectId', 'subjectTitle', 'crisisId', 'ip'];

/** The report as CSV (RFC 4180, CRLF, with a UTF-8 byte-order mark so spreadsheets read Chinese names right). */
export function reportCsv(rows: Row[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((k) => csvCell(r[k])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
