// Crisis tables: the crisis, its team (who holds which role), its tasks with clocks, its decision log,
// and the alerts and topics linked to it. The timeline is the event spine (events.crisis_id).
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
