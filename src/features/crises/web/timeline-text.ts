// A timeline entry as a human sentence in the interface language ("王小明 將嚴重度由 L2 調整為 L1"), plus the words
// people wrote (a reason, a note) to show beneath it as plain text. Unknown or partial data falls back to a plainer
// sentence rather than showing raw values.
import type { TFunction } from 'i18next';
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
export type TimelineLine = { sentence: string; quote: string | null; kind: 'note' | 'severity' | 'decision' | 'other' };

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
    case 'alert.declared':
      return { sentence: t('crises.timeline.alert_declared', { actor }), quote: null, kind: 'other' };
    default:
      return { sentence: t('crises.timeline.other', { actor, type: e.type }), quote: null, kind: 'other' };
  }
}
