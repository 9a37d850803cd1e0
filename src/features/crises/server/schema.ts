// Crisis tables: the crisis, its team (who holds which role), its tasks with clocks, its decision log,
// and the alerts and topics linked to it. The timeline is the event spine (events.crisis_id).
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { files } from '../../../platform/schema.ts';
import { topics } from '../../monitoring/server/schema.ts';
import { organisations, users } from '../../people/server/schema.ts';
import { alerts } from '../../warnings/server/schema.ts';

/** A crisis (危機): declared → responding → monitoring → recovering → closed. */
export const crises = pgTable(
  'crises',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** Per organisation, from 1 (shown as #n). */
    number: integer('number').notNull(),
    title: text('title').notNull(),
    type: text('type').notNull(),
    summary: text('summary'),
    severity: text('severity').notNull(),
    status: text('status').notNull().default('declared'),
    declaredAt: timestamp('declared_at', { withTimezone: true }).notNull(),
    declaredBy: uuid('declared_by').references(() => users.id),
    /** Who declared, as shown (a person's name, or the operator at the command line). */
    declaredByLabel: text('declared_by_label').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the next scheduled situation report is due (from the playbook's update interval; null when closed). */
    nextSitrepAt: timestamp('next_sitrep_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('crises_org_number_uq').on(t.orgId, t.number), index('crises_org_declared_idx').on(t.orgId, t.declaredAt)],
);

/** Who holds which role on a crisis's team (one person per role; a person may hold several). */
export const crisisMembers = pgTable(
  'crisis_members',
  {
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.crisisId, t.role] }), index('crisis_members_user_idx').on(t.userId)],
);

/** A task with its clock. */
export const crisisTasks = pgTable(
  'crisis_tasks',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    detail: text('detail'),
    role: text('role'),
    assigneeId: uuid('assignee_id').references(() => users.id),
    status: text('status').notNull().default('todo'),
    blockedReason: text('blocked_reason'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    playbookKey: text('playbook_key'),
    /** Checklist items from the playbook, with their state: [{ text, done }]. */
    checklist: jsonb('checklist').notNull().default(sql`'[]'::jsonb`),
    /** When the commander was told this task is overdue (once per due time). */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('crisis_tasks_crisis_idx').on(t.crisisId, t.dueAt)],
);

/** The decision log: a severity change or any decision, with options and rationale. */
export const crisisDecisions = pgTable(
  'crisis_decisions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // severity | general
    decision: text('decision').notNull(),
    options: text('options'),
    rationale: text('rationale'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedByLabel: text('decided_by_label').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    /** Executive sign-off: null (not needed) | requested | signed | declined. */
    signoffStatus: text('signoff_status'),
    signoffFrom: uuid('signoff_from').references(() => users.id),
    signoffBy: uuid('signoff_by').references(() => users.id),
    signoffAt: timestamp('signoff_at', { withTimezone: true }),
    signoffNote: text('signoff_note'),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('crisis_decisions_crisis_idx').on(t.crisisId, t.decidedAt)],
);

/** Alerts handed over to a crisis (an alert belongs to at most one). */
export const crisisAlerts = pgTable(
  'crisis_alerts',
  {
    alertId: uuid('alert_id')
      .primaryKey()
      .references(() => alerts.id),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
  },
  (t) => [index('crisis_alerts_crisis_idx').on(t.crisisId)],
);

/** Topics whose monitoring the crisis room shows. */
export const crisisTopics = pgTable(
  'crisis_topics',
  {
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id),
  },
  (t) => [primaryKey({ columns: [t.crisisId, t.topicId] })],
);

/** Comments on a task (with the people @mentioned in them). */
export const crisisTaskComments = pgTable(
  'crisis_task_comments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    taskId: uuid('task_id')
      .notNull()
      .references(() => crisisTasks.id, { onDelete: 'cascade' }),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    authorLabel: text('author_label').notNull(),
    body: text('body').notNull(),
    /** User ids @mentioned (resolved by the server from the text). */
    mentions: jsonb('mentions').notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('crisis_task_comments_task_idx').on(t.taskId, t.createdAt)],
);

/** Timeline entries starred for the after-action review (one star per entry, by whoever starred it). */
export const crisisTimelineStars = pgTable(
  'crisis_timeline_stars',
  {
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    eventId: bigint('event_id', { mode: 'number' }).notNull(),
    starredBy: uuid('starred_by').references(() => users.id),
    starredAt: timestamp('starred_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.crisisId, t.eventId] })],
);

/** Situation reports (sitreps): one-click or scheduled summaries, kept as issued. */
export const crisisSitreps = pgTable(
  'crisis_sitreps',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // manual | scheduled
    locale: text('locale').notNull(),
    body: text('body').notNull(),
    /** The facts the text was built from (metrics, counts, next update time). */
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    createdBy: uuid('created_by').references(() => users.id),
    createdByLabel: text('created_by_label').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('crisis_sitreps_crisis_idx').on(t.crisisId, t.createdAt)],
);

/** Employee reports (通報): anyone signed in may report a possible crisis; managers triage them. */
export const crisisReports = pgTable(
  'crisis_reports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** Per organisation, from 1. */
    number: integer('number').notNull(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => users.id),
    /** Hidden from colleagues in the triage queue (the audit log still names the reporter). */
    anonymous: boolean('anonymous').notNull().default(false),
    what: text('what').notNull(),
    links: jsonb('links').notNull().default(sql`'[]'::jsonb`),
    whereSeen: text('where_seen'),
    urgency: text('urgency').notNull(), // low | normal | high | critical
    status: text('status').notNull().default('new'), // new | accepted | attached | closed
    closeReason: text('close_reason'),
    crisisId: uuid('crisis_id').references(() => crises.id),
    triagedBy: uuid('triaged_by').references(() => users.id),
    triagedAt: timestamp('triaged_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('crisis_reports_org_number_uq').on(t.orgId, t.number),
    index('crisis_reports_org_status_idx').on(t.orgId, t.status, t.createdAt),
    index('crisis_reports_reporter_idx').on(t.reporterId, t.createdAt),
    index('crisis_reports_crisis_idx').on(t.crisisId),
  ],
);

/** Screenshots (and other files) attached to a report. */
export const crisisReportFiles = pgTable(
  'crisis_report_files',
  {
    reportId: uuid('report_id')
      .notNull()
      .references(() => crisisReports.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.reportId, t.fileId] })],
);

/** An organisation's own playbook for a crisis type and level (absent: the shipped default applies). */
export const crisisPlaybooks = pgTable(
  'crisis_playbooks',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    type: text('type').notNull(),
    severity: text('severity').notNull(),
    /** The playbook as the contract's schema (roles, default people, tasks, checklists, notification plan). */
    body: jsonb('body').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.type, t.severity] })],
);

/** An organisation's grading matrix (危機分級) — absent: the shipped default applies. */
export const gradingMatrices = pgTable('grading_matrices', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id),
  body: jsonb('body').notNull(),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * An organisation's own lists: crisis types (renamed, hidden or added) and team roles (labels, hidden or
 * added). Absent: the shipped lists apply. Ids of shipped entries never change.
 */
export const crisisSettings = pgTable('crisis_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id),
  /** [{ id, label: { 'zh-TW', en }, hidden }] */
  types: jsonb('types').notNull().default(sql`'[]'::jsonb`),
  /** [{ id, label: { 'zh-TW', en }, hidden }] */
  roles: jsonb('roles').notNull().default(sql`'[]'::jsonb`),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
