// Telling people about a crisis beyond the live room: paged or informed on declaration, a task overdue, an
// @mention, a sign-off request, a situation report, a statement to review, an employee briefing (and its reminder). Deliveries go through the same queue as alerts
// (warnings/server/notify.ts): one per person by e-mail (as escalation pages people), and for pages also one
// per enabled channel of the organisation whose minimum level the crisis reaches. Each delivery carries its
// crisis and its words, fixed now in the organisation's language, so a retry days later says the same thing.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { canonicalJson } from '../../../platform/events.ts';
import { orgTimeZone } from '../../people/server/org.ts';
import { quietHoursEnd } from '../../warnings/oncall.ts';
import { enqueue } from '../../warnings/server/notify.ts';
import type { CrisisPayload } from '../../warnings/server/notify-send.ts';
import { type CrisisStatus, type Severity, severities, type TeamRole, teamRoles } from '../contract.ts';

/** What a crisis message is about. */
export type CrisisMessageKind =
  | 'team_paged'
  | 'team_informed'
  | 'task_overdue'
  | 'mentioned'
  | 'signoff_requested'
  | 'sitrep'
  | 'statement_review'
  | 'statement_changed'
  | 'statement_returned'
  | 'briefing_sent'
  | 'briefing_reminder';

/**
 * One crisis message to some people; `data` holds the facts its words are built from:
 * - `role` / `roles`: the team role(s) the person holds (team_paged, team_informed);
 * - `taskTitle`, `dueAt` (ISO), `taskId` (task_overdue, mentioned);
 * - `byName` (or `by`): who mentioned them or asks for the sign-off; `excerpt` (or `text`): the comment (mentioned);
 * - `decision`, `decisionId` (signoff_requested); `sitrep` (its text), `sitrepId` (sitrep);
 * - `statementTitle`, `versionNumber`, `role` (the step asked for) (statement_review: a statement waits for their
 *   approval; statement_changed: the text they approved changed, so the approval no longer counts;
 *   statement_returned: an approver asked for changes or rejected it — `decision`, `comment`, `byName`);
 * - `briefingId`, `briefingTitle`, `byName` (who sent it), `sentAt` (ISO) (briefing_sent: an employee briefing was sent
 *   to them; briefing_reminder: they have not acknowledged it yet). Its recipients are employees who may not be on
 *   the crisis team, so these words name the briefing, never the crisis, and link to the briefing (/briefings/<id>);
 * - `cause`: what caused it, for the idempotency key (else the ids above — commentId, decisionId, sitrepId, taskId
 *   with dueAt —; for pages the level; failing those, a hash of `data`, so the same words go to a person once).
 * `at` is when it happens on the caller's clock (quiet hours are judged at that instant; default now).
 */
export type CrisisMessage = {
  orgId: string;
  crisisId: string;
  kind: CrisisMessageKind;
  userIds: string[];
  data?: Record<string, unknown>;
  at?: Date;
};

type Locale = 'zh-TW' | 'en';

/** Role names as people read them (the web app's crisis.role.* say the same). */
export const roleWords: Record<Locale, Record<TeamRole, string>> = {
  'zh-TW': {
    commander: '指揮官',
    pr_lead: '公關負責人',
    legal_counsel: '法務',
    cs_lead: '客服負責人',
    marketing_lead: '行銷負責人',
    executive_sponsor: '高層督導',
    spokesperson: '發言人',
    scribe: '紀錄',
  },
  en: {
    commander: 'Commander',
    pr_lead: 'PR lead',
    legal_counsel: 'Legal counsel',
    cs_lead: 'Customer service lead',
    marketing_lead: 'Marketing lead',
    executive_sponsor: 'Executive sponsor',
    spokesperson: 'Spokesperson',
    scribe: 'Scribe',
  },
};

/** Lifecycle states as people read them (the web app's crisis.status.*). */
export const statusWords: Record<Locale, Record<CrisisStatus, string>> = {
  'zh-TW': { declared: '已宣告', responding: '應變中', monitoring: '觀察中', recovering: '復原中', closed: '已結案' },
  en: { declared: 'Declared', responding: 'Responding', monitoring: 'Monitoring', recovering: 'Recovering', closed: 'Closed' },
};

/** A time in the organisation's zone, as "2026/03/10 10:15" (zh-TW) or "10 Mar 2026, 10:15" (en). */
export function formatTime(iso: string | Date, locale: Locale, timeZone: string): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return String(iso);
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-TW', {
    timeZone,
    year: 'numeric',
    month: locale === 'en' ? 'short' : '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(d)
    .replace(/[\u00a0\u2009\u202f]/g, ' '); // ICU's thin and no-break spaces: plain ones read the same in every mail client
}

type Crisis = { id: string; number: number; title: string; severity: Severity; status: CrisisStatus };
type Words = { title: string; body: string };

const str = (v: unknown) => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
/** Who did it: `byName`, or `by` (an actor's label). */
const byOf = (data: Record<string, unknown>) => str(data.byName ?? data.by);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

function rolesOf(data: Record<string, unknown>, locale: Locale): string {
  const list = Array.isArray(data.roles) ? data.roles : data.role ? [data.role] : [];
  const names = list.filter((r): r is TeamRole => teamRoles.includes(r as TeamRole)).map((r) => roleWords[locale][r]);
  return names.join(locale === 'en' ? ', ' : '、');
}

/** The words of one message: to a person (their roles) or, for a page, to a channel (`person` false). */
function wordsOf(kind: CrisisMessageKind, c: Crisis, data: Record<string, unknown>, locale: Locale, tz: string, person: boolean): Words {
  const zh = locale === 'zh-TW';
  const tag = zh ? `#${c.number}「${c.title}」` : `#${c.number} “${c.title}”`;
  const head = (word: string) =>
    zh ? `【${word} ${c.severity}】#${c.number} ${c.title}` : `[${word} ${c.severity}] #${c.number} ${c.title}`;
  const roles = rolesOf(data, locale);
  const state = statusWords[locale][c.status];
  switch (kind) {
    case 'team_paged':
      return {
        title: head(zh ? '危機召集' : 'Crisis page'),
        body: person
          ? zh
            ? `已宣告 ${c.severity} 危機 ${tag}（${state}）。${roles ? `你被指派為${roles}，` : '你在應變小組中，'}請立即進入危機室。`
            : `Crisis ${tag} has been declared at ${c.severity} (${state}). ${roles ? `You are the ${roles}; ` : 'You are on the response team; '}join the crisis room now.`
          : zh
            ? `已宣告 ${c.severity} 危機 ${tag}（${state}），應變小組已召集。`
            : `Crisis ${tag} has been declared at ${c.severity} (${state}); the response team has been paged.`,
      };
    case 'team_informed':
      return {
        title: head(zh ? '危機通知' : 'Crisis'),
        body: zh
          ? `已宣告 ${c.severity} 危機 ${tag}（${state}）。${roles ? `你在應變小組擔任${roles}。` : ''}請於方便時查看危機室。`
          : `Crisis ${tag} has been declared at ${c.severity} (${state}).${roles ? ` You are the ${roles}.` : ''} Look at the crisis room when you can.`,
      };
    case 'task_overdue': {
      const due = data.dueAt ? formatTime(str(data.dueAt), locale, tz) : '';
      return {
        title: head(zh ? '任務逾期' : 'Task overdue'),
        body: zh
          ? `危機 ${tag}的任務「${str(data.taskTitle)}」已逾期${due ? `（期限 ${due}）` : ''}，請更新進度或調整期限。`
          : `The task “${str(data.taskTitle)}” of crisis ${tag} is overdue${due ? ` (due ${due})` : ''}; update it or move its due time.`,
      };
    }
    case 'mentioned':
      return {
        title: head(zh ? '有人提到你' : 'Mentioned'),
        body: zh
          ? `${byOf(data) || '有人'}在危機 ${tag}${data.taskTitle ? `的任務「${str(data.taskTitle)}」` : ''}中提到你：「${clip(str(data.excerpt ?? data.text), 300)}」`
          : `${byOf(data) || 'Someone'} mentioned you in crisis ${tag}${data.taskTitle ? `, task “${str(data.taskTitle)}”` : ''}: “${clip(str(data.excerpt ?? data.text), 300)}”`,
      };
    case 'signoff_requested':
      return {
        title: head(zh ? '請求簽核' : 'Sign-off requested'),
        body: zh
          ? `${byOf(data) || '指揮官'}請你簽核危機 ${tag} 的決策：「${clip(str(data.decision), 500)}」`
          : `${byOf(data) || 'The commander'} asks you to sign off a decision of crisis ${tag}: “${clip(str(data.decision), 500)}”`,
      };
    case 'sitrep':
      return {
        title: head(zh ? '狀況報告' : 'Situation report'),
        body: clip(str(data.sitrep), 3500) || (zh ? `危機 ${tag} 有新的狀況報告。` : `Crisis ${tag} has a new situation report.`),
      };
    case 'statement_review': {
      const st = clip(str(data.statementTitle), 200);
      return {
        title: head(zh ? '聲明稿待審核' : 'Statement to review'),
        body: zh
          ? `危機 ${tag}的聲明稿「${st}」（第 ${str(data.versionNumber)} 版）等待你${roles ? `以${roles}身分` : ''}審核。`
          : `The statement “${st}” (version ${str(data.versionNumber)}) of crisis ${tag} waits for your review${roles ? ` as ${roles}` : ''}.`,
      };
    }
    case 'statement_changed': {
      const st = clip(str(data.statementTitle), 200);
      return {
        title: head(zh ? '你核准的聲明稿已變更' : 'A statement you approved changed'),
        body: zh
          ? `${byOf(data) || '有人'}修改了危機 ${tag}的聲明稿「${st}」（現為第 ${str(data.versionNumber)} 版）。你核准的文字已變更，先前的核准不再有效，需要重新審核。`
          : `${byOf(data) || 'Someone'} changed the statement “${st}” of crisis ${tag} (now version ${str(data.versionNumber)}). The text you approved changed, so your approval no longer counts; it needs a new review.`,
      };
    }
    case 'briefing_sent': {
      // To employees who may not be on the team: the briefing's own title only, not the crisis's.
      const bt = clip(str(data.briefingTitle), 200);
      return {
        title: zh ? `【對外口徑】${bt}` : `[Employee briefing] ${bt}`,
        body: zh
          ? `${byOf(data) || '危機應變小組'}發給你一份員工對外口徑「${bt}」：對外可以說什麼、不要說什麼。請閱讀後按「我已閱讀並了解」。`
          : `${byOf(data) || 'The crisis team'} sent you the employee briefing “${bt}”: what you may say, and what you must not. Read it and press “I have read and understood”.`,
      };
    }
    case 'briefing_reminder': {
      const bt = clip(str(data.briefingTitle), 200);
      const sent = data.sentAt ? formatTime(str(data.sentAt), locale, tz) : '';
      return {
        title: zh ? `【提醒：請確認對外口徑】${bt}` : `[Reminder: please acknowledge] ${bt}`,
        body: zh
          ? `你還沒有確認員工對外口徑「${bt}」${sent ? `（${sent} 發送）` : ''}。請閱讀後按「我已閱讀並了解」。`
          : `You have not acknowledged the employee briefing “${bt}”${sent ? ` (sent ${sent})` : ''} yet. Read it and press “I have read and understood”.`,
      };
    }
    case 'statement_returned': {
      const st = clip(str(data.statementTitle), 200);
      const rejected = data.decision === 'rejected';
      const note = clip(str(data.comment), 500);
      return {
        title: head(zh ? (rejected ? '聲明稿遭退回' : '聲明稿需要修改') : rejected ? 'Statement rejected' : 'Changes requested'),
        body: zh
          ? `${byOf(data) || '審核者'}${rejected ? '退回了' : '要求修改'}危機 ${tag}的聲明稿「${st}」（第 ${str(data.versionNumber)} 版）${note ? `：「${note}」` : '。'}`
          : `${byOf(data) || 'An approver'} ${rejected ? 'rejected' : 'asked for changes to'} the statement “${st}” (version ${str(data.versionNumber)}) of crisis ${tag}${note ? `: “${note}”` : '.'}`,
      };
    }
  }
}

/** Where the message sends the person: the briefing for a briefing, else the crisis room. */
function linkOf(kind: CrisisMessageKind, c: Crisis, data: Record<string, unknown>): string {
  if ((kind === 'briefing_sent' || kind === 'briefing_reminder') && typeof data.briefingId === 'string')
    return `/briefings/${encodeURIComponent(data.briefingId)}`;
  return `/crises/${c.id}`;
}

/** What made this message (part of its idempotency key): the same cause never sends twice. */
function causeOf(kind: CrisisMessageKind, c: Crisis, data: Record<string, unknown>): string {
  if (data.cause !== undefined) return str(data.cause);
  if (kind === 'team_paged' || kind === 'team_informed') return c.severity; // once per level (a regrade may page again)
  const id = str(data.commentId ?? data.decisionId ?? data.sitrepId ?? data.taskId);
  if (id) return kind === 'task_overdue' ? `${id}@${str(data.dueAt)}` : id; // an overdue task: once per due time
  // Without an id the facts themselves name the cause: the same words to the same person go once.
  return createHash('sha256').update(canonicalJson(data)).digest('hex').slice(0, 24);
}

/**
 * Quiet hours hold back a message to a person, except when waiting could cost the organisation: a page at
 * L1 or L2 (the team must gather now) and anything at L1 (the most severe crises: every minute counts, and
 * the people on such a team have agreed to be woken) — but never an employee briefing, which is not urgent. Held-back messages are queued to go out when the
 * person's quiet hours end; the live room and the crisis page show everything meanwhile.
 */
function overridesQuietHours(kind: CrisisMessageKind, severity: Severity): boolean {
  // A briefing (and its reminder) tells employees what to say; it can wait for the morning, at any level.
  if (kind === 'briefing_sent' || kind === 'briefing_reminder') return false;
  return severity === 'L1' || (kind === 'team_paged' && severity === 'L2');
}

const rank = (s: string) => severities.indexOf(s as Severity);

/**
 * Queues the message for each person (and, for pages, the organisation's channels) in the same transaction
 * as the change that caused it; returns how many deliveries were queued (inactive
 * people and repeats of the same cause are skipped).
 */
export async function notifyCrisisPeople(tx: Executor, m: CrisisMessage): Promise<number> {
  const cr = await tx.execute<Crisis & { default_locale: string }>(sql`
    SELECT c.id, c.number, c.title, c.severity, c.status, o.default_locale FROM crises c JOIN organisations o ON o.id = c.org_id
    WHERE c.id = ${m.crisisId} AND c.org_id = ${m.orgId}`);
  const c = cr.rows[0];
  if (!c) return 0;
  const locale: Locale = c.default_locale === 'en' ? 'en' : 'zh-TW';
  const tz = await orgTimeZone(tx, m.orgId);
  const data = m.data ?? {};
  const at = (m.at ?? new Date()).getTime();
  const cause = causeOf(m.kind, c, data);
  const payload = (w: Words): CrisisPayload => ({
    kind: m.kind,
    crisisId: c.id,
    number: c.number,
    severity: c.severity,
    ...w,
    link: linkOf(m.kind, c, data),
  });
  const queue = async (target: { userId: string } | { channelId: string }, w: Words, runAt?: Date) => {
    const who = 'userId' in target ? `user:${target.userId}` : `channel:${target.channelId}`;
    const r = await tx.execute<{ id: string }>(sql`
      INSERT INTO notification_deliveries (org_id, channel_id, user_id, crisis_id, payload, event, idempotency_key)
      VALUES (${m.orgId}, ${'channelId' in target ? target.channelId : null}, ${'userId' in target ? target.userId : null}, ${c.id},
        ${JSON.stringify(payload(w))}::jsonb, ${`crisis.${m.kind}`}, ${`crisis:${c.id}:${m.kind}:${who}:${cause}`})
      ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`);
    if (!r.rows[0]) return 0;
    await enqueue(tx, r.rows[0].id, runAt);
    return 1;
  };

  let n = 0;
  const ids = [...new Set(m.userIds)];
  if (ids.length > 0) {
    // Each person's own roles on the team (unless the caller named them), so the words say what they are.
    const people = await tx.execute<{
      id: string;
      quiet_hours: { from: string; to: string; timeZone: string } | null;
      roles: string[];
    }>(sql`
      SELECT u.id, p.quiet_hours,
        coalesce((SELECT array_agg(cm.role ORDER BY cm.role) FROM crisis_members cm WHERE cm.crisis_id = ${c.id} AND cm.user_id = u.id), '{}') AS roles
      FROM users u LEFT JOIN notification_preferences p ON p.user_id = u.id
      WHERE u.org_id = ${m.orgId} AND u.status = 'active' AND u.id = ANY(${sql.param(ids)}::uuid[])`);
    const loud = overridesQuietHours(m.kind, c.severity);
    for (const u of people.rows) {
      const quietUntil = loud ? null : quietHoursEnd(u.quiet_hours, at);
      const own = data.role || data.roles ? data : { ...data, roles: teamRoles.filter((r) => u.roles.includes(r)) };
      n += await queue({ userId: u.id }, wordsOf(m.kind, c, own, locale, tz, true), quietUntil === null ? undefined : new Date(quietUntil));
    }
  }
  if (m.kind === 'team_paged') {
    const channels = await tx.execute<{ id: string; min_severity: string }>(
      sql`SELECT id, min_severity FROM notification_channels WHERE org_id = ${m.orgId} AND enabled ORDER BY created_at`,
    );
    const words = wordsOf(m.kind, c, {}, locale, tz, false);
    for (const ch of channels.rows) if (rank(c.severity) <= rank(ch.min_severity)) n += await queue({ channelId: ch.id }, words);
  }
  return n;
}
