// The internal employee briefing (對外口徑) from an approved statement: what employees may say and what they must
// not, sent to the whole organisation or chosen departments (active employees; guests never), each recipient
// acknowledging it once, and the crisis team seeing who has not. Sending tells each recipient (the live event in
// their own room, and an e-mail through the crisis message queue, quiet hours respected); whoever may send may
// remind those who have not acknowledged, at most once per REMIND_INTERVAL_MS per briefing. A recipient reads their
// briefing without any right on the crisis; anyone else who may not read the crisis gets 404.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { type CrisisDeps, fieldError, loadCrisis, type Meta, rightsOn } from '../../crises/server/access.ts';
import { notifyCrisisPeople } from '../../crises/server/crisis-notify.ts';
import type { Briefing, BriefingInput, BriefingStatus, DepartmentRef, MyBriefing } from '../briefing-contract.ts';
import { conflict, loadStatement, namesOf, statementEvent, userIdOf } from './access.ts';

/** The roles that receive briefings (policies.ts `briefing.receive`): every employee, not guests. */
const RECEIVING_ROLES = ['admin', 'manager', 'member', 'reporter'];

/** The shortest time between two tellings of one briefing (its sending, or a reminder) and the next reminder. */
export const REMIND_INTERVAL_MS = 30 * 60_000;

/** The answer to a reminder: how many were reminded, when the next may go, and the briefing as the team tracks it. */
export type BriefingReminder = { reminded: number; nextAllowedAt: string; briefing: BriefingStatus };

type BriefingRow = {
  id: string;
  org_id: string;
  crisis_id: string;
  statement_id: string | null;
  statement_title: string | null;
  statement_kind: string | null;
  title: string;
  say: string;
  dont_say: string;
  department_ids: string[];
  sent_by: string | null;
  sent_at: Date;
};

const selectBriefings = sql`
  SELECT b.id, c.org_id, b.crisis_id, b.statement_id, s.title AS statement_title, s.kind AS statement_kind, b.title, b.say,
    b.dont_say, b.department_ids, b.sent_by, b.sent_at
  FROM briefings b JOIN crises c ON c.id = b.crisis_id LEFT JOIN statements s ON s.id = b.statement_id`;

const iso = (d: Date | string) => new Date(d).toISOString();
const sentByOf = (names: Map<string, string>, id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null);

/** Sends a briefing from an approved (or published) statement to its departments, or everyone (crisis work right). */
export async function sendBriefing(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  statementId: string,
  input: BriefingInput,
  meta: Meta = {},
): Promise<BriefingStatus> {
  const now = deps.clock.now().toISOString();
  const { id, crisisId } = await deps.db.transaction(async (tx) => {
    const { s, c } = await loadStatement(tx, p, statementId, 'work', { lock: true });
    if (!(s.status === 'approved' || s.status === 'published') || s.approved_version == null)
      throw conflict('A briefing comes from an approved statement: this one is not approved.');
    const depts = [...new Set(input.departmentIds)];
    if (depts.length > 0) {
      const known = await tx.execute<{ id: string }>(sql`
        SELECT id FROM departments WHERE org_id = ${s.org_id} AND archived = false AND id = ANY(${sql.param(depts)}::uuid[])`);
      const ok = new Set(known.rows.map((x) => x.id));
      const bad = depts.findIndex((d) => !ok.has(d));
      if (bad >= 0)
        throw fieldError(`departmentIds.${input.departmentIds.indexOf(depts[bad])}`, 'No such department.', 'unknown_department');
    }
    const people = await tx.execute<{ id: string }>(sql`
      SELECT id FROM users
      WHERE org_id = ${s.org_id} AND status = 'active' AND role = ANY(${sql.param(RECEIVING_ROLES)}::text[])
        ${depts.length > 0 ? sql`AND department_id = ANY(${sql.param(depts)}::uuid[])` : sql``}
      ORDER BY id`);
    if (people.rows.length === 0) throw fieldError('departmentIds', 'Nobody active works in the chosen departments.', 'no_recipients');
    const b = await tx.execute<{ id: string }>(sql`
      INSERT INTO briefings (crisis_id, statement_id, title, say, dont_say, department_ids, sent_by, sent_at)
      VALUES (${c.id}, ${s.id}, ${input.title}, ${input.say}, ${input.dontSay}, ${sql.param(depts)}::uuid[], ${userIdOf(p)}, ${now})
      RETURNING id`);
    const bid = b.rows[0].id;
    const ids = people.rows.map((x) => x.id);
    await tx.execute(sql`
      INSERT INTO briefing_recipients (briefing_id, user_id) SELECT ${bid}, u FROM unnest(${sql.param(ids)}::uuid[]) AS u`);
    // Each recipient hears of it by e-mail too (the event below reaches their own live room), in the same transaction.
    const me = userIdOf(p);
    await notifyCrisisPeople(tx, {
      orgId: s.org_id,
      crisisId: c.id,
      kind: 'briefing_sent',
      userIds: ids,
      at: deps.clock.now(),
      data: {
        briefingId: bid,
        briefingTitle: input.title,
        byName: me ? ((await namesOf(tx, [me])).get(me) ?? '') : '',
        sentAt: now,
        cause: bid,
      },
    });
    await statementEvent(
      tx,
      deps.clock,
      c,
      s,
      {
        type: 'statement.briefing_sent',
        actor,
        subjectType: 'briefing',
        subjectId: bid,
        users: ids,
        data: { briefingId: bid, briefingTitle: input.title, version: s.approved_version, recipients: ids.length, departmentIds: depts },
      },
      meta,
    );
    return { id: bid, crisisId: c.id };
  });
  const list = await statusesOf(deps.db, crisisId, { id });
  return list[0];
}

/**
 * Reminds the recipients who have not acknowledged a briefing (whoever may send briefings on its crisis; others who
 * may not read the crisis 404). At most once per REMIND_INTERVAL_MS after the briefing was sent or last reminded
 * (409 naming when the next may go); 409 when everyone has acknowledged. Writes `statement.briefing_reminded`.
 */
export async function remindBriefing(deps: CrisisDeps, p: Principal, actor: Actor, id: string, meta: Meta = {}): Promise<BriefingReminder> {
  const now = deps.clock.now();
  const { crisisId, reminded } = await deps.db.transaction(async (tx) => {
    // The briefing row locked: two reminders at once are told apart by the interval.
    const locked = await tx.execute<{ id: string }>(sql`
      SELECT b.id FROM briefings b JOIN crises c ON c.id = b.crisis_id WHERE b.id = ${id} AND c.org_id = ${p.orgId} FOR UPDATE OF b`);
    if (!locked.rows[0]) throw notFound('No such briefing.');
    const { b, recipient } = await loadBriefing(tx, p, id);
    let c: Awaited<ReturnType<typeof loadCrisis>>;
    try {
      c = await loadCrisis(tx, p, b.crisis_id, 'work');
    } catch (e) {
      // A recipient off the team knows the briefing exists (403); anyone else who may not read the crisis, 404.
      if (e instanceof AppError && e.code === 'not_found')
        throw recipient
          ? new AppError('forbidden', 'Only the crisis team reminds the recipients of a briefing.')
          : notFound('No such briefing.');
      throw e;
    }
    const last = await tx.execute<{ at: Date }>(sql`
      SELECT created_at AS at FROM events
      WHERE crisis_id = ${c.id} AND type = 'statement.briefing_reminded' AND subject_type = 'briefing' AND subject_id = ${b.id}
      ORDER BY id DESC LIMIT 1`);
    const told = Math.max(new Date(b.sent_at).getTime(), last.rows[0] ? new Date(last.rows[0].at).getTime() : 0);
    const next = told + REMIND_INTERVAL_MS;
    if (now.getTime() < next) {
      const nextIso = new Date(next).toISOString();
      throw new AppError(
        'conflict',
        `This briefing was sent or reminded less than 30 minutes ago; the next reminder may go at ${nextIso}.`,
        {
          errors: [
            {
              path: 'nextAllowedAt',
              code: 'remind_too_soon',
              message: `The next reminder may go at ${nextIso}.`,
              limit: Math.ceil((next - now.getTime()) / 1000),
            },
          ],
        },
      );
    }
    const pending = await tx.execute<{ user_id: string }>(sql`
      SELECT br.user_id FROM briefing_recipients br JOIN users u ON u.id = br.user_id
      WHERE br.briefing_id = ${b.id} AND br.acked_at IS NULL AND u.status = 'active'
      ORDER BY br.user_id`);
    const ids = pending.rows.map((x) => x.user_id);
    if (ids.length === 0)
      throw new AppError('conflict', 'Everyone this briefing went to has acknowledged it: there is nobody to remind.', {
        errors: [{ path: 'id', code: 'nobody_to_remind', message: 'Everyone has acknowledged this briefing.' }],
      });
    await notifyCrisisPeople(tx, {
      orgId: b.org_id,
      crisisId: c.id,
      kind: 'briefing_reminder',
      userIds: ids,
      at: now,
      data: {
        briefingId: b.id,
        briefingTitle: b.title,
        sentAt: iso(b.sent_at),
        cause: `${b.id}:${now.toISOString()}`,
      },
    });
    await statementEvent(
      tx,
      deps.clock,
      c,
      b.statement_id ? { id: b.statement_id, title: b.statement_title ?? '', kind: b.statement_kind ?? '' } : null,
      {
        type: 'statement.briefing_reminded',
        actor,
        subjectType: 'briefing',
        subjectId: b.id,
        users: ids,
        data: { briefingId: b.id, briefingTitle: b.title, recipients: ids.length },
      },
      meta,
    );
    return { crisisId: c.id, reminded: ids.length };
  });
  const [briefing] = await statusesOf(deps.db, crisisId, { id });
  return { reminded, nextAllowedAt: new Date(now.getTime() + REMIND_INTERVAL_MS).toISOString(), briefing };
}

/** Loads a briefing of the caller's organisation with whether the caller is a recipient (and their ack). */
async function loadBriefing(tx: Executor, p: Principal, id: string, opts: { lock?: boolean } = {}) {
  const r = await tx.execute<BriefingRow>(sql`${selectBriefings} WHERE b.id = ${id} AND c.org_id = ${p.orgId}`);
  const b = r.rows[0];
  if (!b) throw notFound('No such briefing.');
  const me = userIdOf(p);
  const mine = me
    ? await tx.execute<{ acked_at: Date | null }>(sql`
        SELECT acked_at FROM briefing_recipients WHERE briefing_id = ${id} AND user_id = ${me} ${opts.lock ? sql`FOR UPDATE` : sql``}`)
    : { rows: [] };
  const recipient = mine.rows.length > 0;
  const ackedAt = mine.rows[0]?.acked_at ?? null;
  return { b, recipient, ackedAt, me };
}

const toBriefing = (b: BriefingRow, names: Map<string, string>, recipient: boolean, ackedAt: Date | null): Briefing => ({
  id: b.id,
  statementId: b.statement_id,
  statementTitle: b.statement_title,
  title: b.title,
  say: b.say,
  dontSay: b.dont_say,
  sentBy: sentByOf(names, b.sent_by),
  sentAt: iso(b.sent_at),
  recipient,
  ackedAt: ackedAt ? iso(ackedAt) : null,
});

/** One briefing: for a recipient, or for someone who may read its crisis; anyone else 404. */
export async function getBriefing(deps: CrisisDeps, p: Principal, id: string): Promise<Briefing> {
  const { b, recipient, ackedAt } = await loadBriefing(deps.db, p, id);
  if (!recipient && !(await rightsOn(deps.db, p, b.crisis_id)).read) throw notFound('No such briefing.');
  return toBriefing(b, await namesOf(deps.db, [b.sent_by]), recipient, ackedAt);
}

/** The briefings sent to the caller, newest first, with their acknowledgement. */
export async function myBriefings(deps: CrisisDeps, p: Principal): Promise<MyBriefing[]> {
  const me = userIdOf(p);
  if (!me) return [];
  const r = await deps.db.execute<BriefingRow & { acked_at: Date | null }>(sql`
    SELECT x.*, br.acked_at FROM (${selectBriefings}) x JOIN briefing_recipients br ON br.briefing_id = x.id AND br.user_id = ${me}
    WHERE x.org_id = ${p.orgId}
    ORDER BY x.sent_at DESC, x.id`);
  const names = await namesOf(
    deps.db,
    r.rows.map((x) => x.sent_by),
  );
  return r.rows.map((b) => ({
    id: b.id,
    title: b.title,
    statementTitle: b.statement_title,
    sentBy: sentByOf(names, b.sent_by),
    sentAt: iso(b.sent_at),
    ackedAt: b.acked_at ? iso(b.acked_at) : null,
  }));
}

/** Acknowledges a briefing (its recipients only; doing it again changes nothing). */
export async function ackBriefing(deps: CrisisDeps, p: Principal, actor: Actor, id: string, meta: Meta = {}): Promise<Briefing> {
  const now = deps.clock.now().toISOString();
  await deps.db.transaction(async (tx) => {
    const { b, recipient, ackedAt, me } = await loadBriefing(tx, p, id, { lock: true });
    if (!recipient) {
      if ((await rightsOn(tx, p, b.crisis_id)).read)
        throw new AppError('forbidden', 'Only the people this briefing was sent to acknowledge it.');
      throw notFound('No such briefing.');
    }
    if (ackedAt) return;
    await tx.execute(sql`UPDATE briefing_recipients SET acked_at = ${now} WHERE briefing_id = ${id} AND user_id = ${me}`);
    await statementEvent(
      tx,
      deps.clock,
      { id: b.crisis_id, org_id: b.org_id },
      b.statement_id ? { id: b.statement_id, title: b.statement_title ?? '', kind: b.statement_kind ?? '' } : null,
      {
        type: 'statement.briefing_acked',
        actor,
        subjectType: 'briefing',
        subjectId: b.id,
        users: b.sent_by ? [b.sent_by] : [],
        data: { briefingId: b.id, briefingTitle: b.title },
      },
      meta,
    );
  });
  return getBriefing(deps, p, id);
}

/** The briefings of a crisis with their acknowledgement state (crisis read right), newest first. */
export async function crisisBriefings(
  deps: CrisisDeps,
  p: Principal,
  crisisId: string,
  q: { statementId?: string },
): Promise<BriefingStatus[]> {
  const c = await loadCrisis(deps.db, p, crisisId, 'read');
  return statusesOf(deps.db, c.id, q);
}

async function statusesOf(db: Executor, crisisId: string, q: { id?: string; statementId?: string }): Promise<BriefingStatus[]> {
  const r = await db.execute<BriefingRow>(sql`${selectBriefings}
    WHERE b.crisis_id = ${crisisId}
      ${q.id ? sql`AND b.id = ${q.id}` : sql``}
      ${q.statementId ? sql`AND b.statement_id = ${q.statementId}` : sql``}
    ORDER BY b.sent_at DESC, b.id`);
  if (r.rows.length === 0) return [];
  const ids = r.rows.map((b) => b.id);
  const rec = await db.execute<{
    briefing_id: string;
    user_id: string;
    name: string;
    acked_at: Date | null;
    dept_id: string | null;
    dept_kind: string | null;
    dept_name: string | null;
  }>(sql`
    SELECT br.briefing_id, br.user_id, u.name, br.acked_at, d.id AS dept_id, d.kind AS dept_kind, d.name AS dept_name
    FROM briefing_recipients br JOIN users u ON u.id = br.user_id LEFT JOIN departments d ON d.id = u.department_id
    WHERE br.briefing_id = ANY(${sql.param(ids)}::uuid[])
    ORDER BY u.name, u.id`);
  const deptIds = [...new Set(r.rows.flatMap((b) => b.department_ids ?? []))];
  const depts = new Map<string, DepartmentRef>();
  if (deptIds.length > 0) {
    const d = await db.execute<DepartmentRef>(sql`
      SELECT id, kind, name FROM departments WHERE id = ANY(${sql.param(deptIds)}::uuid[])`);
    for (const x of d.rows) depts.set(x.id, { id: x.id, kind: x.kind, name: x.name });
  }
  const names = await namesOf(
    db,
    r.rows.map((b) => b.sent_by),
  );
  return r.rows.map((b) => {
    const mine = rec.rows.filter((x) => x.briefing_id === b.id);
    return {
      id: b.id,
      statementId: b.statement_id,
      statementTitle: b.statement_title,
      title: b.title,
      say: b.say,
      dontSay: b.dont_say,
      departments: (b.department_ids ?? []).flatMap((d) => {
        const x = depts.get(d);
        return x ? [x] : [];
      }),
      sentBy: sentByOf(names, b.sent_by),
      sentAt: iso(b.sent_at),
      recipients: mine.length,
      acked: mine.filter((x) => x.acked_at).length,
      notAcked: mine
        .filter((x) => !x.acked_at)
        .map((x) => ({
          id: x.user_id,
          name: x.name,
          department: x.dept_id ? { id: x.dept_id, kind: x.dept_kind, name: x.dept_name } : null,
        })),
    };
  });
}
