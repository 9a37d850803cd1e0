// Drills tables: scenario runs (the player's state, used by the demo and by drills), their injects, drills
// (a run in a sandbox copy of an organisation), participants, observations, after-action reports and actions.
import { sql } from 'drizzle-orm';
import { bigint, boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/**
 * One playing of a scenario into one organisation (the demo organisation, or a drill's sandbox). Scenario time
 * is `positionMs` at `anchoredAt`, advancing at `speed` while running; the player generates every scenario
 * minute up to the current position (`generatedMinutes` of them so far) and delivers injects that are due.
 */
export const scenarioRuns = pgTable(
  'scenario_runs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull(),
    scenarioId: text('scenario_id').notNull(),
    // The validated scenario as it was when the run was created (a later edit of the file changes nothing).
    scenario: jsonb('scenario').notNull(),
    locale: text('locale').notNull(),
    seed: integer('seed').notNull(),
    // ready | running | paused | ended
    status: text('status').notNull().default('ready'),
    speed: integer('speed').notNull().default(1),
    positionMs: bigint('position_ms', { mode: 'number' }).notNull().default(0),
    anchoredAt: timestamp('anchored_at', { withTimezone: true }),
    generatedMinutes: integer('generated_minutes').notNull().default(0),
    mentionsIngested: integer('mentions_ingested').notNull().default(0),
    // The process playing the run holds it until then (renewed every tick); an expired lease after a restart
    // means nobody played it meanwhile, and the run resumes from where it was (downtime counts as a pause).
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    // finished (the timeline ran out) | ended (by the facilitator) | restarted (ended cleanly after a restart)
    endedReason: text('ended_reason'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scenario_runs_org_idx').on(t.orgId), index('scenario_runs_status_idx').on(t.status)],
);

/** The injects of a run: copied from the scenario when the run is created, plus surprises added during it. */
export const scenarioInjects = pgTable(
  'scenario_injects',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    runId: uuid('run_id')
      .notNull()
      .references(() => scenarioRuns.id),
    orgId: uuid('org_id').notNull(),
    // The inject's id in the scenario file (`surprise-<n>` for surprises).
    key: text('key').notNull(),
    atMs: bigint('at_ms', { mode: 'number' }).notNull(),
    // email | phone | chat | video | news | social | regulator | rumour | internal | other
    kind: text('kind').notNull(),
    sender: text('sender').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    // Free text such as 「今天 18:00 前回覆」 (the scenario's words).
    respondBy: text('respond_by'),
    surprise: boolean('surprise').notNull().default(false),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    // Released by hand (facilitator) rather than by the clock.
    releasedBy: uuid('released_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scenario_injects_run_idx').on(t.runId, t.atMs)],
);

/** A drill: a scenario run in a sandbox copy (`sandboxOrgId`) of the organisation `orgId`. */
export const drills = pgTable(
  'drills',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull(),
    sandboxOrgId: uuid('sandbox_org_id').notNull(),
    runId: uuid('run_id')
      .notNull()
      .references(() => scenarioRuns.id),
    title: text('title').notNull(),
    scenarioId: text('scenario_id').notNull(),
    facilitatorId: uuid('facilitator_id').notNull(),
    // ready | running | paused | ended (mirrors the run; the drill row is what lists show)
    status: text('status').notNull().default('ready'),
    createdBy: uuid('created_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('drills_org_idx').on(t.orgId, t.createdAt)],
);

/** Who takes part: players act in the sandbox, observers take notes and scores, the facilitator runs it. */
export const drillParticipants = pgTable(
  'drill_participants',
  {
    drillId: uuid('drill_id')
      .notNull()
      .references(() => drills.id),
    // The real person (in the drill's organisation) and their copy in the sandbox.
    userId: uuid('user_id').notNull(),
    sandboxUserId: uuid('sandbox_user_id').notNull(),
    // player | observer | facilitator
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.drillId, t.userId] }), index('drill_participants_user_idx').on(t.userId)],
);

/** An observer's note, with an optional 1–5 score, on one capability. */
export const drillObservations = pgTable(
  'drill_observations',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    drillId: uuid('drill_id')
      .notNull()
      .references(() => drills.id),
    authorId: uuid('author_id').notNull(),
    // detect | decide | coordinate | communicate | legal | employees | other
    capability: text('capability').notNull(),
    score: integer('score'),
    note: text('note').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('drill_observations_drill_idx').on(t.drillId)],
);

/** The after-action report: measured clocks and timeline (JSON), the team's words, the exported PDF. */
export const drillReports = pgTable('drill_reports', {
  drillId: uuid('drill_id')
    .primaryKey()
    .references(() => drills.id),
  report: jsonb('report').notNull(),
  wentWell: text('went_well').notNull().default(''),
  toImprove: text('to_improve').notNull().default(''),
  pdf: bytea('pdf'),
  pdfSha256: text('pdf_sha256'),
  generatedAt: timestamp('generated_at', { withTimezone: true }).notNull(),
  version: integer('version').notNull().default(1),
});

/** Follow-up actions from a drill, assigned to real people of the organisation. */
export const drillActions = pgTable(
  'drill_actions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    drillId: uuid('drill_id')
      .notNull()
      .references(() => drills.id),
    title: text('title').notNull(),
    assigneeId: uuid('assignee_id'),
    dueOn: date('due_on'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('drill_actions_drill_idx').on(t.drillId)],
);
