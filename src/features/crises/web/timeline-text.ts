// A timeline entry as a human sentence in the interface language ("王小明 將嚴重度由 L2 調整為 L1"), plus the words
// people wrote (a reason, a note) to show beneath it as plain text. Unknown or partial data falls back to a plainer
// sentence rather than showing raw values.
import type { TFunction } from 'i18next';
import { type PublishChannel, publishChannels, type StatementKind, statementKinds } from '../../statements/contract.ts';
import {
  type CrisisStatus,
  crisisStatuses,
  type Severity,
  severities,
  type TaskStatus,
  type TeamRole,
  type TimelineEntry,
  taskStatuses,
  teamRoles,
} from '../contract.ts';

/** What the timeline shows for one entry. */
export type TimelineLine = {
  sentence: string;
  quote: string | null;
  kind: 'note' | 'severity' | 'decision' | 'overdue' | 'other';
  /** The quote is shown as it is (not as "原因：…"). */
  plainQuote?: boolean;
};

/** The timeline's filters: every entry belongs to one group (besides `all` and `starred`). */
export const timelineFilters = ['all', 'notes', 'decisions', 'tasks', 'statements', 'team', 'alerts', 'starred'] as const;
export type TimelineFilter = (typeof timelineFilters)[number];

/** Which filter group an event type belongs to (null: only under "all"). */
export function timelineGroup(type: string): TimelineFilter | null {
  if (type === 'crisis.note_added') return 'notes';
  if (type === 'crisis.role_assigned') return 'team';
  if (type.startsWith('statement.')) return 'statements';
  if (type.startsWith('crisis.task_')) return 'tasks';
  if (
    [
      'crisis.decision_logged',
      'crisis.severity_changed',
      'crisis.signoff_requested',
      'crisis.decision_signed',
      'crisis.decision_declined',
    ].includes(type)
  )
    return 'decisions';
  if (type.startsWith('alert.') || type.startsWith('report.')) return 'alerts';
  return null;
}

/** Whether an entry shows under a filter. */
export function inFilter(e: TimelineEntry, f: TimelineFilter): boolean {
  // Autosaves are many; they show only under the statements filter.
  if (e.type === 'statement.saved' && e.data?.autosave === true) return f === 'statements';
  // So are replies in a draft's comment threads.
  if (e.type === 'statement.comment_replied') return f === 'statements';
  if (f === 'all') return true;
  if (f === 'starred') return e.starred;
  return timelineGroup(e.type) === f;
}

/** The first of `keys` that holds a non-empty string. */
function str(data: Record<string, unknown>, ...keys: string[]): string | null {
  for (const k of keys) {
    const v = data[k];
    if (typeof v === 'string' && v.trim()) return v;
  }
  return null;
}

const oneOf = <T extends string>(list: readonly T[], v: string | null): T | null =>
  v && (list as readonly string[]).includes(v) ? (v as T) : null;

function statusSentence(d: Record<string, unknown>, actor: string, t: TFunction): string {
  const from = oneOf<CrisisStatus>(crisisStatuses, str(d, 'from', 'previous', 'fromStatus'));
  const to = oneOf<CrisisStatus>(crisisStatuses, str(d, 'to', 'status', 'toStatus'));
  if (!to) return t('crises.timeline.other', { actor, type: t('crises.status_change.button') });
  const toText = t(`crises.status.${to}`);
  return from
    ? t('crises.timeline.status_changed', { actor, from: t(`crises.status.${from}`), to: toText })
    : t('crises.timeline.status_changedTo', { actor, to: toText });
}

function severitySentence(d: Record<string, unknown>, actor: string, t: TFunction): string {
  const from = oneOf<Severity>(severities, str(d, 'from', 'previous', 'fromSeverity'));
  const to = oneOf<Severity>(severities, str(d, 'to', 'severity', 'toSeverity'));
  if (!to) return t('crises.timeline.other', { actor, type: t('crises.severity_change.button') });
  return from ? t('crises.timeline.severity_changed', { actor, from, to }) : t('crises.timeline.severity_changedTo', { actor, to });
}

function roleSentence(d: Record<string, unknown>, actor: string, t: TFunction): string {
  const r = oneOf<TeamRole>(teamRoles, str(d, 'role'));
  const role = r ? t(`crises.role.${r}`) : '';
  const name = str(d, 'userName', 'name', 'holder');
  const previous = str(d, 'previousUserName');
  if (name && previous) return t('crises.timeline.role_handedOver', { actor, from: previous, name, role });
  if (name) return t('crises.timeline.role_assigned', { actor, name, role });
  if ('userId' in d && d.userId === null) return t('crises.timeline.role_unassigned', { actor, role });
  return t('crises.timeline.role_changed', { actor, role });
}

function taskSentence(d: Record<string, unknown>, actor: string, t: TFunction, created: boolean): string {
  const title = str(d, 'title', 'taskTitle');
  if (created) return title ? t('crises.timeline.task_created', { actor, title }) : t('crises.timeline.task_createdPlain', { actor });
  // Only a change of state is told as one ("改為「完成」"); other edits are "更新任務".
  const changes = (d.changes ?? {}) as Record<string, { to?: unknown } | undefined>;
  const changed = changes.status?.to;
  const status = oneOf<TaskStatus>(taskStatuses, typeof changed === 'string' ? changed : null);
  if (title && status) return t('crises.timeline.task_status', { actor, title, status: t(`crises.taskStatus.${status}`) });
  const checklist = changes.checklist?.to;
  if (title && typeof checklist === 'string' && Object.keys(changes).length === 1)
    return t('crises.timeline.task_checklist', { actor, title, progress: checklist });
  return title ? t('crises.timeline.task_updated', { actor, title }) : t('crises.timeline.task_updatedPlain', { actor });
}

/** The sentence and quote for an entry; `actor` is the name the server gave (or "某位成員"). */
export function timelineLine(e: TimelineEntry, t: TFunction): TimelineLine {
  const actor = e.actor ?? t('crises.timeline.someone');
  const d = e.data ?? {};
  const reason = str(d, 'reason', 'blockedReason');
  switch (e.type) {
    case 'crisis.declared': {
      const severity = oneOf<Severity>(severities, str(d, 'severity'));
      const title = str(d, 'title');
      const sentence =
        severity && title ? t('crises.timeline.declared', { actor, severity, title }) : t('crises.timeline.declaredPlain', { actor });
      return { sentence, quote: reason, kind: 'other' };
    }
    case 'crisis.status_changed':
      return { sentence: statusSentence(d, actor, t), quote: reason, kind: 'other' };
    case 'crisis.severity_changed':
      return { sentence: severitySentence(d, actor, t), quote: reason, kind: 'severity' };
    case 'crisis.role_assigned':
      return { sentence: roleSentence(d, actor, t), quote: null, kind: 'other' };
    case 'crisis.task_created':
      return { sentence: taskSentence(d, actor, t, true), quote: null, kind: 'other' };
    case 'crisis.task_updated': {
      const changes = (d.changes ?? {}) as Record<string, { to?: unknown } | undefined>;
      const blocked = changes.blockedReason?.to;
      return { sentence: taskSentence(d, actor, t, false), quote: typeof blocked === 'string' ? blocked : reason, kind: 'other' };
    }
    case 'crisis.note_added':
      return { sentence: t('crises.timeline.note_added', { actor }), quote: str(d, 'text', 'note'), kind: 'note' };
    case 'crisis.decision_logged': {
      const decision = str(d, 'decision');
      const sentence = decision
        ? t('crises.timeline.decision_logged', { actor, decision })
        : t('crises.timeline.decision_loggedPlain', { actor });
      return { sentence, quote: str(d, 'rationale'), kind: 'decision' };
    }
    case 'crisis.task_commented': {
      const title = str(d, 'title');
      const sentence = title ? t('crises.timeline.task_commented', { actor, title }) : t('crises.timeline.task_commentedPlain', { actor });
      return { sentence, quote: str(d, 'text'), kind: 'note' };
    }
    case 'crisis.task_overdue': {
      const title = str(d, 'title') ?? '';
      const name = str(d, 'commanderName');
      const sentence = name ? t('crises.timeline.task_overdue', { title, name }) : t('crises.timeline.task_overdueNoCommander', { title });
      return { sentence, quote: null, kind: 'overdue' };
    }
    case 'crisis.signoff_requested':
      return {
        sentence: t('crises.timeline.signoff_requested', { actor, name: str(d, 'fromName') ?? '', decision: str(d, 'decision') ?? '' }),
        quote: null,
        kind: 'decision',
      };
    case 'crisis.decision_signed':
    case 'crisis.decision_declined':
      return {
        sentence: t(e.type === 'crisis.decision_signed' ? 'crises.timeline.decision_signed' : 'crises.timeline.decision_declined', {
          actor,
          decision: str(d, 'decision') ?? '',
        }),
        quote: str(d, 'note') ? t('crises.decisions.signoffNote', { note: str(d, 'note') }) : null,
        kind: 'decision',
        plainQuote: true,
      };
    case 'report.accepted':
    case 'report.attached': {
      const report = typeof d.reportNumber === 'number' ? d.reportNumber : null;
      const crisis = typeof d.crisisNumber === 'number' ? d.crisisNumber : null;
      if (report === null) return { sentence: t('crises.timeline.report_plain', { actor }), quote: null, kind: 'other' };
      const sentence =
        e.type === 'report.accepted' && crisis !== null
          ? t('crises.timeline.report_accepted', { actor, report, crisis })
          : t('crises.timeline.report_attached', { actor, report });
      return { sentence, quote: null, kind: 'other' };
    }
    case 'crisis.sitrep_issued':
      return {
        sentence: d.kind === 'scheduled' ? t('crises.timeline.sitrep_scheduled') : t('crises.timeline.sitrep_manual', { actor }),
        quote: null,
        kind: 'note',
      };
    case 'alert.declared':
      return { sentence: t('crises.timeline.alert_declared', { actor }), quote: null, kind: 'other' };
    default:
      if (e.type.startsWith('statement.')) return statementLine(e.type, d, actor, t);
      return { sentence: t('crises.timeline.other', { actor, type: e.type }), quote: null, kind: 'other' };
  }
}

/** A statement event (聲明稿: drafting, approval, publication, the plan and fact sheet) as a sentence. */
function statementLine(type: string, d: Record<string, unknown>, actor: string, t: TFunction): TimelineLine {
  const k = 'crises.timeline.statement';
  const title = str(d, 'title') ?? '';
  const version = typeof d.version === 'number' ? d.version : '';
  const line = (sentence: string, quote: string | null = null, kind: TimelineLine['kind'] = 'other'): TimelineLine => ({
    sentence,
    quote,
    kind,
  });
  switch (type) {
    case 'statement.created': {
      const kind = oneOf<StatementKind>(statementKinds, str(d, 'kind'));
      return line(t(`${k}.created`, { actor, title, kind: kind ? t(`statementList.kind.${kind}`) : '' }));
    }
    case 'statement.saved':
      return line(t(`${k}.saved`, { actor, title, version }));
    case 'statement.submitted':
      return line(t(`${k}.submitted`, { actor, title, version }));
    case 'statement.decided': {
      const comment = str(d, 'comment');
      if (d.decision === 'approved') {
        const r = oneOf<TeamRole>(teamRoles, str(d, 'role'));
        return line(t(`${k}.approvedStep`, { actor, title, version, role: r ? t(`crises.role.${r}`) : '' }), comment, 'decision');
      }
      return line(t(d.decision === 'rejected' ? `${k}.rejected` : `${k}.changesRequested`, { actor, title }), comment, 'decision');
    }
    case 'statement.approved':
      return line(t(`${k}.approved`, { title, version }), null, 'decision');
    case 'statement.approvals_reset':
      return line(t(`${k}.approvalsReset`, { title }));
    case 'statement.overridden':
      return { sentence: t(`${k}.overridden`, { actor, title }), quote: str(d, 'reason'), kind: 'decision' };
    case 'statement.published': {
      const channel = oneOf<PublishChannel>(publishChannels, str(d, 'channel'));
      return line(
        t(`${k}.published`, { actor, title, version, channel: channel ? t(`statementList.channel.${channel}`) : '' }),
        str(d, 'url'),
      );
    }
    case 'statement.risk_accepted':
      return {
        sentence: t(`${k}.riskAccepted`, { actor, title, excerpt: str(d, 'excerpt') ?? '' }),
        quote: str(d, 'reason'),
        kind: 'decision',
      };
    case 'statement.plan_updated':
      return line(t(`${k}.planUpdated`, { actor }), str(d, 'objectives'));
    case 'statement.audience_added':
    case 'statement.audience_changed':
    case 'statement.audience_removed':
      return line(t(`${k}.audience`, { actor }));
    case 'statement.fact_added':
      return line(t(d.kind === 'question' ? `${k}.questionAdded` : `${k}.factAdded`, { actor, text: str(d, 'text') ?? '' }));
    case 'statement.fact_changed':
      return line(t(`${k}.factChanged`, { actor }));
    case 'statement.answers_added':
    case 'statement.answers_retired': {
      const count = typeof d.count === 'number' ? d.count : 0;
      return line(t(type === 'statement.answers_added' ? `${k}.answersAdded` : `${k}.answersRetired`, { actor, title, count }));
    }
    case 'statement.briefing_sent':
    case 'statement.briefing_acked': {
      const briefing = str(d, 'briefingTitle') ?? '';
      const count = Array.isArray(d.recipients) ? d.recipients.length : typeof d.recipients === 'number' ? d.recipients : 0;
      return line(t(type === 'statement.briefing_sent' ? `${k}.briefingSent` : `${k}.briefingAcked`, { actor, briefing, count }));
    }
    case 'statement.briefing_reminded': {
      const briefing = str(d, 'briefingTitle') ?? '';
      const count = typeof d.recipients === 'number' ? d.recipients : 0;
      return line(t(`${k}.briefingReminded`, { actor, briefing, count }));
    }
    case 'statement.comment_added':
    case 'statement.comment_replied':
    case 'statement.comment_resolved':
    case 'statement.comment_reopened': {
      const which = (
        { added: 'commentAdded', replied: 'commentReplied', resolved: 'commentResolved', reopened: 'commentReopened' } as const
      )[type.slice('statement.comment_'.length) as 'added' | 'replied' | 'resolved' | 'reopened'];
      return line(t(`${k}.${which}`, { actor, title, quote: str(d, 'quote') ?? '' }));
    }
    case 'statement.variant_created':
    case 'statement.variant_changed':
    case 'statement.variant_removed': {
      const channel = oneOf<PublishChannel>(publishChannels, str(d, 'channel'));
      return line(t(`${k}.variant`, { actor, title, channel: channel ? t(`statementList.channel.${channel}`) : '' }));
    }
    default:
      return line(t(`${k}.changed`, { actor, title }));
  }
}
