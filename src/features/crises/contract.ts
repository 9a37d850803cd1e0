// Crisis API shapes (危機): declaring and grading, the response team, tasks with clocks, the decision
// log and the timeline — shared by the server routes, the CLI and the web app.
import { z } from 'zod';
import { severities } from '../warnings/contract.ts';
import { gradingAnswers, makePlaybookSchemas } from './playbook-contract.ts';

export type { Severity } from '../warnings/contract.ts';
export { severities };

/** Default crisis types (an organisation's list is editable later; ids are stable). */
export const crisisTypes = [
  'product_quality',
  'service_failure',
  'data_breach',
  'misconduct',
  'offensive_content',
  'misinformation',
  'legal_regulatory',
  'partner_influencer',
  'other',
] as const;
export type CrisisType = (typeof crisisTypes)[number];

/** A crisis's lifecycle: declared → responding → monitoring → recovering → closed (reopen allowed). */
export const crisisStatuses = ['declared', 'responding', 'monitoring', 'recovering', 'closed'] as const;
export type CrisisStatus = (typeof crisisStatuses)[number];

/** Which status may follow which (any open state may close; a closed crisis may be reopened to responding). */
export const crisisTransitions: Record<CrisisStatus, readonly CrisisStatus[]> = {
  declared: ['responding', 'monitoring', 'closed'],
  responding: ['monitoring', 'recovering', 'closed'],
  monitoring: ['responding', 'recovering', 'closed'],
  recovering: ['responding', 'monitoring', 'closed'],
  closed: ['responding'],
};

/** The response team's roles (應變小組). */
export const teamRoles = [
  'commander',
  'pr_lead',
  'legal_counsel',
  'cs_lead',
  'marketing_lead',
  'executive_sponsor',
  'spokesperson',
  'scribe',
] as const;
export type TeamRole = (typeof teamRoles)[number];

/** A task's state. */
export const taskStatuses = ['todo', 'doing', 'blocked', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

const text = (max: number) => z.string().trim().min(1).max(max);

/** Declaring (宣告): from scratch, or from an alert (which is then marked declared and linked). */
export const declareInput = z.strictObject({
  title: text(200),
  type: z.enum(crisisTypes),
  summary: z.string().trim().max(5000).optional(),
  severity: z.enum(severities),
  /** Why this level (kept as the first decision of the log). */
  reason: z.string().trim().max(2000).optional(),
  alertId: z.uuid().optional(),
  /** Who commands the response (default: the person declaring; needed to have one when declaring from the command line). */
  commanderId: z.uuid().optional(),
  /** An employee report (通報) this crisis answers: it becomes `accepted` and linked. */
  reportId: z.uuid().optional(),
  /** Topics whose monitoring the room shows (an alert's topic is added automatically). */
  topicIds: z.array(z.uuid()).max(20).optional(),
  /** The grading questionnaire's answers (criterion id → option id): kept with the first decision. */
  grading: gradingAnswers.optional(),
});
export type DeclareInput = z.infer<typeof declareInput>;

/** One person on the team. */
export const teamMember = z.object({
  role: z.enum(teamRoles),
  userId: z.uuid(),
  name: z.string(),
  assignedAt: z.string(),
});
export type TeamMember = z.infer<typeof teamMember>;

/** One task with its clock. */
export const crisisTask = z.object({
  id: z.uuid(),
  title: z.string(),
  detail: z.string().nullable(),
  role: z.enum(teamRoles).nullable(),
  assigneeId: z.uuid().nullable(),
  assigneeName: z.string().nullable(),
  status: z.enum(taskStatuses),
  blockedReason: z.string().nullable(),
  dueAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  /** Created by declaring from the playbook (its key), or null when added by hand. */
  playbookKey: z.string().nullable(),
  /** The checklist (from the playbook, or edited): ticked items are done. */
  checklist: z.array(z.object({ text: z.string(), done: z.boolean() })),
  /** When the commander was told it is overdue (null: not for its current due time). */
  escalatedAt: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type CrisisTask = z.infer<typeof crisisTask>;

/** An executive sign-off's state. */
export const signoffStatuses = ['requested', 'signed', 'declined'] as const;
export type SignoffStatus = (typeof signoffStatuses)[number];

/** One entry of the decision log. */
export const crisisDecision = z.object({
  id: z.uuid(),
  kind: z.enum(['severity', 'general']),
  decision: z.string(),
  options: z.string().nullable(),
  rationale: z.string().nullable(),
  decidedBy: z.string(),
  decidedAt: z.string(),
  /** Executive sign-off, when asked for: who was asked, and their verdict. */
  signoff: z
    .object({
      status: z.enum(signoffStatuses),
      fromId: z.uuid(),
      fromName: z.string(),
      byName: z.string().nullable(),
      at: z.string().nullable(),
      note: z.string().nullable(),
    })
    .nullable(),
  version: z.number().int(),
});
export type CrisisDecision = z.infer<typeof crisisDecision>;

/** One timeline entry: an event of the spine that carries this crisis (declared, graded, tasks, notes …). */
export const timelineEntry = z.object({
  id: z.number().int(),
  type: z.string(),
  actor: z.string().nullable(),
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
  /** Starred for the after-action review. */
  starred: z.boolean(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

/** A comment on a task; `@name` mentions resolved by the server to people who may read the crisis. */
export const taskComment = z.object({
  id: z.uuid(),
  taskId: z.uuid(),
  authorId: z.uuid().nullable(),
  author: z.string(),
  /** Plain text, never HTML. */
  body: z.string(),
  mentions: z.array(z.object({ userId: z.uuid(), name: z.string() })),
  createdAt: z.string(),
});
export type TaskComment = z.infer<typeof taskComment>;

/** An employee report linked to the crisis (never the reporter's name). */
export const linkedReport = z.object({
  id: z.uuid(),
  number: z.number().int(),
  /** The first 200 characters of what was reported. */
  what: z.string(),
  urgency: z.string(),
  status: z.string(),
  createdAt: z.string(),
});
export type LinkedReport = z.infer<typeof linkedReport>;

/** A crisis as listed. */
export const crisisSummary = z.object({
  id: z.uuid(),
  /** Per organisation, from 1: shown as #12. */
  number: z.number().int(),
  title: z.string(),
  type: z.enum(crisisTypes),
  severity: z.enum(severities),
  status: z.enum(crisisStatuses),
  declaredAt: z.string(),
  declaredBy: z.string(),
  closedAt: z.string().nullable(),
  /** The earliest due time among tasks not done (null when none). */
  nextDueAt: z.string().nullable(),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  version: z.number().int(),
});
export type CrisisSummary = z.infer<typeof crisisSummary>;

/** The crisis room's data. */
export const crisisDetail = crisisSummary.extend({
  summary: z.string().nullable(),
  alertIds: z.array(z.uuid()),
  topicIds: z.array(z.uuid()),
  team: z.array(teamMember),
  /** Roles the playbook for this type and level calls for that nobody holds yet. */
  rolesToFill: z.array(z.enum(teamRoles)),
  tasks: z.array(crisisTask),
  decisions: z.array(crisisDecision),
  timeline: z.array(timelineEntry),
  /** Comments on the tasks, oldest first. */
  comments: z.array(taskComment),
  /** Employee reports accepted as or attached to this crisis. */
  reports: z.array(linkedReport),
  /** What the caller may do here. */
  can: z.object({ manage: z.boolean(), work: z.boolean() }),
});
export type CrisisDetail = z.infer<typeof crisisDetail>;

/** The list, newest first. */
export const crisisList = z.object({ crises: z.array(crisisSummary) });

/** List filters: `active` is every state but closed. */
export const crisisListQuery = z.strictObject({
  status: z.enum(['active', ...crisisStatuses]).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** Moving the lifecycle on (the reason is logged; required to reopen). */
export const statusInput = z.strictObject({
  status: z.enum(crisisStatuses),
  reason: z.string().trim().max(2000).optional(),
  version: z.number().int(),
});

/** Changing the level is a decision: the reason is required. */
export const severityInput = z.strictObject({
  severity: z.enum(severities),
  reason: text(2000),
  version: z.number().int(),
});

/**
 * Assigning (or handing over) a role; `userId: null` leaves it unfilled. `expectedUserId` is who the client
 * believed holds the role (null: unfilled): when someone else changed it meanwhile the change is a 409.
 */
export const roleInput = z.strictObject({
  role: z.enum(teamRoles),
  userId: z.uuid().nullable(),
  expectedUserId: z.uuid().nullable().optional(),
});

/** Adding a task by hand. */
export const taskInput = z.strictObject({
  title: text(300),
  detail: z.string().trim().max(5000).optional(),
  role: z.enum(teamRoles).optional(),
  assigneeId: z.uuid().optional(),
  dueAt: z.iso.datetime({ offset: true }).optional(),
});

/** One checklist item as sent. */
export const checklistItem = z.strictObject({ text: text(500), done: z.boolean() });

/** Changing a task: the version seen guards against overwriting someone else's change. */
export const taskPatch = z
  .strictObject({
    version: z.number().int(),
    title: text(300).optional(),
    detail: z.string().trim().max(5000).nullable().optional(),
    status: z.enum(taskStatuses).optional(),
    blockedReason: z.string().trim().max(1000).optional(),
    role: z.enum(teamRoles).nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    dueAt: z.iso.datetime({ offset: true }).nullable().optional(),
    checklist: z.array(checklistItem).max(50).optional(),
  })
  .refine((p) => p.status !== 'blocked' || (p.blockedReason?.length ?? 0) > 0, {
    message: 'Say why the task is blocked',
    path: ['blockedReason'],
  });

/** A note on the timeline. */
export const noteInput = z.strictObject({ text: text(5000) });

/** A decision for the log; `requestSignoff` asks `signoffFrom` (default: the team's executive sponsor) to sign it. */
export const decisionInput = z.strictObject({
  decision: text(2000),
  options: z.string().trim().max(5000).optional(),
  rationale: z.string().trim().max(5000).optional(),
  requestSignoff: z.boolean().optional(),
  signoffFrom: z.uuid().optional(),
});

/** Signing (or declining) a decision one was asked to sign; guarded by the decision's version. */
export const signoffInput = z.strictObject({
  verdict: z.enum(['signed', 'declined']),
  note: z.string().trim().max(2000).optional(),
  version: z.number().int(),
});

/** A comment on a task (plain text; `@name` mentions a person who may read the crisis). */
export const commentInput = z.strictObject({ body: text(5000) });

/** Event types this feature records (each carries the crisis id, so it is also the timeline). */
export const crisisEvents = [
  'crisis.declared',
  'crisis.status_changed',
  'crisis.severity_changed',
  'crisis.role_assigned',
  'crisis.task_created',
  'crisis.task_updated',
  'crisis.note_added',
  'crisis.decision_logged',
  'crisis.task_commented',
  'crisis.task_overdue',
  'crisis.signoff_requested',
  'crisis.decision_signed',
  'crisis.decision_declined',
] as const;

/** The playbook schemas (playbook-contract.ts) for the shipped crisis types and team roles. */
const playbookSchemas = makePlaybookSchemas(crisisTypes, teamRoles);
/** A playbook task: what, whose role, when it is due after the declaration, its detail and checklist. */
export const playbookTask = playbookSchemas.playbookTask;
export type PlaybookTask = z.infer<typeof playbookTask>;

/** A playbook for one crisis type at one level: roles (with default people), tasks with clocks, the notification plan. */
export const playbook = playbookSchemas.playbook;
export type Playbook = z.infer<typeof playbook>;
/** The playbooks' import/export file. */
export const playbookFile = playbookSchemas.playbookFile;
