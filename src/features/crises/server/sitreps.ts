// Situation reports (狀況報告, sitreps): one click builds the current summary of a crisis as text to share
// internally — facts confirmed (decisions and timeline notes), actions taken (tasks done), open items (tasks
// not done, with their due times, overdue marked), the topics' metrics, and when the next update comes —
// in the organisation's language, kept as issued. A job issues a scheduled one whenever an active crisis's
// next update time has passed, and sends it to the team.
import { sql } from 'drizzle-orm';
import type { Task } from 'graphile-worker';
import type { Executor } from '../../../platform/db.ts';
import type { Actor } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { orgTimeZone } from '../../people/server/org.ts';
import type { CrisisStatus, CrisisType, Severity, TeamRole } from '../contract.ts';
import type { CrisisMetrics, Sitrep, SitrepList } from '../pulse-contract.ts';
import { type CrisisDeps, crisisEvent, loadCrisis, type Meta } from './access.ts';
import { formatTime, notifyCrisisPeople, roleWords, statusWords } from './crisis-notify.ts';
import { metricsOf } from './metrics.ts';
import { playbookOf } from './playbook-store.ts';

type Locale = 'zh-TW' | 'en';
const HOUR = 3_600_000;
/** How many facts and done tasks a report lists (the newest); open items are all listed. */
const MAX_FACTS = 15;
const MAX_DONE = 20;

/** What a report is built from. */
export type SitrepFacts = {
  crisis: { number: number; title: string; type: CrisisType; severity: Severity; status: CrisisStatus; declaredAt: string };
  facts: Array<{ at: string; text: string; by: string; kind: 'decision' | 'note' }>;
  done: Array<{ title: string; role: TeamRole | null; doneAt: string | null }>;
  open: Array<{ title: string; role: TeamRole | null; status: string; dueAt: string | null; blockedReason: string | null }>;
  metrics: CrisisMetrics | null;
  now: string;
  nextAt: string | null;
};

const int = (n: number, locale: Locale) => Math.round(n).toLocaleString(locale === 'en' ? 'en-GB' : 'zh-TW');
const pct = (s: number | null) => (s === null ? '—' : `${Math.round(s * 100)}%`);
/** A reach figure as people say it: 1.2 萬 / 12k. */
function big(n: number, locale: Locale): string {
  if (locale === 'zh-TW') return n >= 1e8 ? `${(n / 1e8).toFixed(1)} 億` : n >= 1e4 ? `${(n / 1e4).toFixed(1)} 萬` : int(n, locale);
  return n >= 1e6 ? `${(n / 1e6).toFixed(1)}M` : n >= 1e4 ? `${(n / 1e3).toFixed(0)}k` : int(n, locale);
}

/** The report's text (plain, for pasting into chat or e-mail). */
export function sitrepText(f: SitrepFacts, locale: Locale, tz: string): string {
  const zh = locale === 'zh-TW';
  const t = (iso: string) => formatTime(iso, locale, tz);
  const role = (r: TeamRole | null) => (r ? roleWords[locale][r] : '');
  const c = f.crisis;
  const lines: string[] = [];
  lines.push(
    zh
      ? `【狀況報告】#${c.number} ${c.title}（${c.severity}・${statusWords[locale][c.status]}）`
      : `[Situation report] #${c.number} ${c.title} (${c.severity} · ${statusWords[locale][c.status]})`,
  );
  lines.push(zh ? `截至 ${t(f.now)}（宣告於 ${t(c.declaredAt)}）` : `As of ${t(f.now)} (declared ${t(c.declaredAt)})`);
  lines.push('');
  lines.push(zh ? '一、已確認事實與決策' : '1. Facts confirmed and decisions');
  if (f.facts.length === 0) lines.push(zh ? '・尚無紀錄' : '- None recorded yet');
  for (const x of f.facts)
    lines.push(`${zh ? '・' : '- '}${x.kind === 'decision' ? (zh ? '決策：' : 'Decision: ') : ''}${x.text}（${x.by}，${t(x.at)}）`);
  lines.push('');
  lines.push(zh ? '二、已完成行動' : '2. Actions taken');
  if (f.done.length === 0) lines.push(zh ? '・尚無完成的任務' : '- No task done yet');
  for (const x of f.done)
    lines.push(`${zh ? '・' : '- '}${x.title}${x.role ? `（${role(x.role)}${x.doneAt ? `，${t(x.doneAt)}` : ''}）` : ''}`);
  lines.push('');
  lines.push(zh ? '三、待辦事項' : '3. Open items');
  if (f.open.length === 0) lines.push(zh ? '・無' : '- None');
  const now = new Date(f.now).getTime();
  for (const x of f.open) {
    const overdue = x.dueAt !== null && new Date(x.dueAt).getTime() < now;
    const mark = overdue ? (zh ? '【逾期】' : '[OVERDUE] ') : x.status === 'blocked' ? (zh ? '【受阻】' : '[BLOCKED] ') : '';
    const due = x.dueAt ? (zh ? `期限 ${t(x.dueAt)}` : `due ${t(x.dueAt)}`) : zh ? '未訂期限' : 'no due time';
    const who = x.role ? `${role(x.role)}，` : '';
    const why = x.status === 'blocked' && x.blockedReason ? (zh ? `；受阻原因：${x.blockedReason}` : `; blocked: ${x.blockedReason}`) : '';
    lines.push(`${zh ? '・' : '- '}${mark}${x.title}（${who}${due}${why}）`);
  }
  lines.push('');
  lines.push(zh ? '四、輿情數據' : '4. Monitoring');
  const m = f.metrics;
  if (!m || m.topics.length === 0) lines.push(zh ? '・此危機未連結監測主題' : '- No monitored topic is linked to this crisis');
  else {
    const names = m.topics.map((x) => x.name).join(zh ? '、' : ', ');
    lines.push(zh ? `・主題：${names}` : `- Topics: ${names}`);
    lines.push(
      zh
        ? `・過去 24 小時：提及 ${int(m.last24h.mentions, locale)} 則，負面 ${int(m.last24h.negative, locale)} 則（${pct(m.last24h.negativeShare)}），觸及約 ${big(m.last24h.reach, locale)}`
        : `- Last 24 h: ${int(m.last24h.mentions, locale)} mentions, ${int(m.last24h.negative, locale)} negative (${pct(m.last24h.negativeShare)}), reach about ${big(m.last24h.reach, locale)}`,
    );
    lines.push(
      zh
        ? `・宣告以來：提及 ${int(m.sinceDeclared.mentions, locale)} 則，負面比例 ${pct(m.sinceDeclared.negativeShare)}`
        : `- Since declared: ${int(m.sinceDeclared.mentions, locale)} mentions, ${pct(m.sinceDeclared.negativeShare)} negative`,
    );
    lines.push(
      zh
        ? `・最近 1 小時 ${int(m.current.mentionsPerHour, locale)} 則（負面 ${pct(m.current.negativeShare)}），宣告前每小時約 ${m.baseline.mentionsPerHour.toFixed(1)} 則（負面 ${pct(m.baseline.negativeShare)}）`
        : `- Last hour ${int(m.current.mentionsPerHour, locale)} mentions (${pct(m.current.negativeShare)} negative); before the declaration about ${m.baseline.mentionsPerHour.toFixed(1)} an hour (${pct(m.baseline.negativeShare)} negative)`,
    );
  }
  lines.push('');
  lines.push(
    f.nextAt
      ? zh
        ? `下次更新：${t(f.nextAt)}`
        : `Next update: ${t(f.nextAt)}`
      : zh
        ? '危機已結案，不再排程更新。'
        : 'The crisis is closed; no further update is scheduled.',
  );
  return lines.join('\n');
}

type CrisisFull = {
  id: string;
  org_id: string;
  number: number;
  title: string;
  type: CrisisType;
  severity: Severity;
  status: CrisisStatus;
  declared_at: string;
  default_locale: string;
};

async function factsOf(tx: Executor, c: CrisisFull, now: Date, nextAt: Date | null): Promise<SitrepFacts> {
  const decisions = await tx.execute<{ at: string; text: string; by: string }>(sql`
    SELECT decided_at AS at, decision AS text, decided_by_label AS by FROM crisis_decisions WHERE crisis_id = ${c.id}
    ORDER BY decided_at DESC LIMIT ${MAX_FACTS}`);
  const notes = await tx.execute<{ at: string; text: string; by: string }>(sql`
    SELECT created_at AS at, data->>'text' AS text, coalesce(actor_label, '') AS by FROM events WHERE crisis_id = ${c.id} AND type = 'crisis.note_added'
    ORDER BY id DESC LIMIT ${MAX_FACTS}`);
  const facts = [
    ...decisions.rows.map((r) => ({ ...r, kind: 'decision' as const })),
    ...notes.rows.map((r) => ({ ...r, kind: 'note' as const })),
  ]
    .map((r) => ({ ...r, at: new Date(r.at).toISOString() }))
    .sort((a, b) => a.at.localeCompare(b.at))
    .slice(-MAX_FACTS);
  const tasks = await tx.execute<{
    title: string;
    role: TeamRole | null;
    status: string;
    due_at: string | null;
    done_at: string | null;
    blocked_reason: string | null;
  }>(sql`
    SELECT title, role, status, due_at, done_at, blocked_reason FROM crisis_tasks WHERE crisis_id = ${c.id}
    ORDER BY due_at NULLS LAST, created_at`);
  const iso = (v: string | null) => (v ? new Date(v).toISOString() : null);
  const done = tasks.rows
    .filter((x) => x.status === 'done')
    .map((x) => ({ title: x.title, role: x.role, doneAt: iso(x.done_at) }))
    .sort((a, b) => (a.doneAt ?? '').localeCompare(b.doneAt ?? ''))
    .slice(-MAX_DONE);
  const open = tasks.rows
    .filter((x) => x.status !== 'done')
    .map((x) => ({ title: x.title, role: x.role, status: x.status, dueAt: iso(x.due_at), blockedReason: x.blocked_reason }));
  return {
    crisis: {
      number: c.number,
      title: c.title,
      type: c.type,
      severity: c.severity,
      status: c.status,
      declaredAt: new Date(c.declared_at).toISOString(),
    },
    facts,
    done,
    open,
    metrics: await metricsOf(tx, c.org_id, c.id, now),
    now: now.toISOString(),
    nextAt: nextAt ? nextAt.toISOString() : null,
  };
}

type SitrepRow = {
  id: string;
  kind: 'manual' | 'scheduled';
  locale: 'zh-TW' | 'en';
  body: string;
  data: { nextAt?: string | null; counts?: Sitrep['counts'] };
  created_by_label: string;
  created_at: string;
};

const view = (r: SitrepRow): Sitrep => ({
  id: r.id,
  kind: r.kind,
  locale: r.locale,
  body: r.body,
  createdBy: r.created_by_label,
  createdAt: new Date(r.created_at).toISOString(),
  nextSitrepAt: r.data.nextAt ?? null,
  counts: r.data.counts ?? { facts: 0, done: 0, open: 0, overdue: 0 },
});

/** The update interval of the organisation's playbook for this crisis's type and level. */
const updateEvery = async (db: Executor, c: { org_id: string; type: string; severity: Severity }) =>
  (await playbookOf(db, c.org_id, c.type as CrisisType, c.severity)).playbook.updateEveryHours;

/**
 * Builds, stores and announces a report on a crisis already loaded (and locked) in `tx`: the event
 * `crisis.sitrep_issued` (timeline), and the next update time (`now` + the playbook's interval; none once closed).
 */
async function issue(
  tx: Executor,
  deps: CrisisDeps,
  c: CrisisFull,
  kind: 'manual' | 'scheduled',
  actor: Actor,
  createdBy: string | null,
  meta: Meta,
): Promise<Sitrep> {
  const now = deps.clock.now();
  const locale: Locale = c.default_locale === 'en' ? 'en' : 'zh-TW';
  const nextAt = c.status === 'closed' ? null : new Date(now.getTime() + (await updateEvery(tx, c)) * HOUR);
  const facts = await factsOf(tx, c, now, nextAt);
  const body = sitrepText(facts, locale, await orgTimeZone(tx, c.org_id));
  const counts = {
    facts: facts.facts.length,
    done: facts.done.length,
    open: facts.open.length,
    overdue: facts.open.filter((x) => x.dueAt !== null && x.dueAt < facts.now).length,
  };
  const m = facts.metrics;
  const data = {
    nextAt: facts.nextAt,
    counts,
    metrics: m ? { last24h: m.last24h, sinceDeclared: m.sinceDeclared, current: m.current, baseline: m.baseline } : null,
  };
  const label = kind === 'scheduled' ? (locale === 'en' ? 'Scheduled' : '系統排程') : actor.label;
  const r = await tx.execute<SitrepRow>(sql`
    INSERT INTO crisis_sitreps (crisis_id, kind, locale, body, data, created_by, created_by_label, created_at)
    VALUES (${c.id}, ${kind}, ${locale}, ${body}, ${JSON.stringify(data)}::jsonb, ${createdBy}, ${label}, ${now.toISOString()})
    RETURNING id, kind, locale, body, data, created_by_label, created_at`);
  await tx.execute(sql`UPDATE crises SET next_sitrep_at = ${facts.nextAt} WHERE id = ${c.id}`);
  const s = view(r.rows[0]);
  await crisisEvent(
    tx,
    deps.clock,
    c,
    {
      type: 'crisis.sitrep_issued',
      actor,
      subjectType: 'crisis_sitrep',
      subjectId: s.id,
      data: { sitrepId: s.id, kind, nextSitrepAt: facts.nextAt, ...counts },
    },
    meta,
  );
  return s;
}

const FULL = sql`SELECT c.id, c.org_id, c.number, c.title, c.type, c.severity, c.status, c.declared_at, o.default_locale
  FROM crises c JOIN organisations o ON o.id = c.org_id`;

/** One click: a report of the crisis as it stands, by someone who may work on it. */
export async function issueSitrep(deps: CrisisDeps, p: Principal, actor: Actor, crisisId: string, meta: Meta = {}): Promise<Sitrep> {
  return deps.db.transaction(async (tx) => {
    await loadCrisis(tx, p, crisisId, 'work', { lock: true });
    const c = (await tx.execute<CrisisFull>(sql`${FULL} WHERE c.id = ${crisisId}`)).rows[0];
    return issue(tx, deps, c, 'manual', actor, p.kind === 'user' ? p.userId : null, meta);
  });
}

/** A crisis's reports, newest first, with the next update time and the interval. */
export async function listSitreps(deps: CrisisDeps, p: Principal, crisisId: string, limit = 50): Promise<SitrepList> {
  const c = await loadCrisis(deps.db, p, crisisId, 'read');
  const r = await deps.db.execute<SitrepRow>(sql`
    SELECT id, kind, locale, body, data, created_by_label, created_at FROM crisis_sitreps WHERE crisis_id = ${crisisId}
    ORDER BY created_at DESC, id LIMIT ${limit}`);
  const x = await deps.db.execute<{ next_sitrep_at: string | null; declared_at: string }>(
    sql`SELECT next_sitrep_at, declared_at FROM crises WHERE id = ${crisisId}`,
  );
  const every = await updateEvery(deps.db, c);
  // Not scheduled yet (no report so far): the schedule's first one, declaration + interval, as runScheduledSitreps sets it.
  const next = x.rows[0]?.next_sitrep_at ?? new Date(new Date(x.rows[0].declared_at).getTime() + every * HOUR).toISOString();
  return {
    sitreps: r.rows.map(view),
    nextSitrepAt: c.status !== 'closed' ? new Date(next).toISOString() : null,
    updateEveryHours: every,
  };
}

/**
 * The schedule: for each active crisis whose next update time has passed, a `scheduled` report, sent to
 * everyone on the team. A crisis without a time yet (declared before the schedule existed) gets
 * declaration + interval, and a report at once if that has passed. Crises are taken one at a time,
 * locked with SKIP LOCKED, so several workers never issue the same report twice. Returns how many.
 */
export async function runScheduledSitreps(deps: CrisisDeps, limit = 50): Promise<number> {
  const now = deps.clock.now();
  const due = await deps.db.execute<{ id: string }>(sql`
    SELECT id FROM crises WHERE status <> 'closed' AND (next_sitrep_at IS NULL OR next_sitrep_at <= ${now.toISOString()})
    ORDER BY next_sitrep_at NULLS FIRST LIMIT ${limit}`);
  let n = 0;
  for (const { id } of due.rows) {
    const issued = await deps.db.transaction(async (tx) => {
      const r = await tx.execute<CrisisFull & { next_sitrep_at: string | null }>(sql`
        SELECT c.id, c.org_id, c.number, c.title, c.type, c.severity, c.status, c.declared_at, c.next_sitrep_at, o.default_locale
        FROM crises c JOIN organisations o ON o.id = c.org_id WHERE c.id = ${id} FOR UPDATE OF c SKIP LOCKED`);
      const c = r.rows[0];
      if (!c || c.status === 'closed') return false;
      const at = c.next_sitrep_at
        ? new Date(c.next_sitrep_at)
        : new Date(new Date(c.declared_at).getTime() + (await updateEvery(tx, c)) * HOUR);
      if (at > now) {
        await tx.execute(sql`UPDATE crises SET next_sitrep_at = ${at.toISOString()} WHERE id = ${id} AND next_sitrep_at IS NULL`);
        return false;
      }
      const s = await issue(tx, deps, c, 'scheduled', { type: 'system', label: 'sitrep schedule' }, null, {});
      const team = await tx.execute<{ user_id: string }>(sql`SELECT DISTINCT user_id FROM crisis_members WHERE crisis_id = ${id}`);
      await notifyCrisisPeople(tx, {
        orgId: c.org_id,
        crisisId: id,
        kind: 'sitrep',
        userIds: team.rows.map((x) => x.user_id),
        data: { sitrep: s.body, sitrepId: s.id },
        at: now,
      });
      return true;
    });
    if (issued) n++;
  }
  return n;
}

/** The job that issues scheduled reports (every minute, once across all processes). */
export const SITREPS = 'crises:sitreps';

/** The scheduled reports' task and crontab line, for the shared queue. */
export function sitrepJobs(deps: CrisisDeps): { tasks: Record<string, Task>; crontab: string[] } {
  return {
    tasks: {
      [SITREPS]: async (_payload, helpers) => {
        const n = await runScheduledSitreps(deps);
        if (n) helpers.logger.info(`crises: ${n} scheduled situation report(s) issued`);
      },
    },
    crontab: [`* * * * * ${SITREPS} ?max=1`],
  };
}
