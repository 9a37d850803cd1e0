// Early-warning tables: each topic signal's detector state, the alerts, and the organisation's settings.
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { topics } from '../../monitoring/server/schema.ts';
import { organisations, users } from '../../people/server/schema.ts';

/** One detector per topic and signal, continued bucket by bucket (state = SeriesDetector.snapshot()). */
export const detectorStates = pgTable(
  'detector_states',
  {
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id, { onDelete: 'cascade' }),
    signal: text('signal').notNull(),
    orgId: uuid('org_id').notNull(),
    bucketMs: integer('bucket_ms').notNull(),
    /** End of the last bucket fed to the detector; later buckets are fed once they are complete. */
    lastBucketEnd: timestamp('last_bucket_end', { withTimezone: true }).notNull(),
    state: jsonb('state').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.topicId, t.signal] })],
);

/** An alert (預警): open → acknowledged → dismissed (or declared, by the crisis feature). */
export const alerts = pgTable(
  'alerts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id),
    status: text('status').notNull().default('open'),
    risk: integer('risk').notNull(),
    severity: text('severity').notNull(),
    signals: jsonb('signals').notNull(),
    drivers: jsonb('drivers').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    windowEnd: timestamp('window_end', { withTimezone: true }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    lastFiredAt: timestamp('last_fired_at', { withTimezone: true }).notNull(),
    fireCount: integer('fire_count').notNull().default(1),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: uuid('closed_by').references(() => users.id),
    dismissReason: text('dismiss_reason'),
    dismissNote: text('dismiss_note'),
    /** The manual rule that raised it (null: the detector). */
    ruleId: uuid('rule_id'),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('alerts_org_opened_idx').on(t.orgId, t.openedAt),
    // At most one active alert per topic: a repeated firing updates it instead of opening another.
    uniqueIndex('alerts_topic_active_uq').on(t.topicId).where(sql`status IN ('open', 'acknowledged')`),
  ],
);

/** The organisation's early-warning settings (grading thresholds); absent = defaults. */
export const warningSettings = pgTable('warning_settings', {
  orgId: uuid('org_id')
    .primaryKey()
    .references(() => organisations.id),
  settings: jsonb('settings').notNull(),
  version: integer('version').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Where alerts are sent: e-mail, Slack, Microsoft Teams, Discord, LINE push, or a signed JSON webhook. */
export const notificationChannels = pgTable(
  'notification_channels',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** Kind-specific settings, secrets included (never returned whole by the API). */
    config: jsonb('config').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Alerts at this severity or more severe are sent (L4 = all). */
    minSeverity: text('min_severity').notNull().default('L4'),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    lastFailureAt: timestamp('last_failure_at', { withTimezone: true }),
    lastError: text('last_error'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('notification_channels_org_name_uq').on(t.orgId, t.name)],
);

/** One message to one channel (at least once; receivers get its idempotency key). */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull(),
    /** The channel; null for a message to a person (the on-call person of an escalation level). */
    channelId: uuid('channel_id').references(() => notificationChannels.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id),
    alertId: uuid('alert_id').references(() => alerts.id),
    /** A crisis message (team paged on declaration, overdue task, sign-off request, sitrep …): its crisis. */
    crisisId: uuid('crisis_id'),
    /** A crisis message's own words, fixed when queued: { title, body, link } in the organisation's language. */
    payload: jsonb('payload'),
    event: text('event').notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('notification_deliveries_key_uq').on(t.idempotencyKey),
    index('notification_deliveries_channel_idx').on(t.channelId, t.createdAt),
  ],
);

/** Every attempt of every delivery: when, how it ended, how long it took. */
export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: uuid('delivery_id')
      .notNull()
      .references(() => notificationDeliveries.id, { onDelete: 'cascade' }),
    attempt: integer('attempt').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    ok: boolean('ok').notNull(),
    statusCode: integer('status_code'),
    error: text('error'),
    durationMs: integer('duration_ms').notNull(),
  },
  (t) => [index('delivery_attempts_delivery_idx').on(t.deliveryId)],
);

/** Manual rules beside the detector: a count threshold in a time window, or a watch-list of authors/sources. */
export const alertRules = pgTable(
  'alert_rules',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    topicId: uuid('topic_id')
      .notNull()
      .references(() => topics.id),
    name: text('name').notNull(),
    /** { kind: 'threshold', signal, count, minutes } | { kind: 'watchlist', authors, sources } */
    config: jsonb('config').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** Watch-lists look at mentions collected after this; thresholds do not fire again before it + their window. */
    checkedUntil: timestamp('checked_until', { withTimezone: true }),
    lastFiredAt: timestamp('last_fired_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('alert_rules_org_idx').on(t.orgId)],
);

/** On-call schedules (值班表): the settings of `oncall.ts` Schedule. */
export const oncallSchedules = pgTable(
  'oncall_schedules',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    settings: jsonb('settings').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('oncall_schedules_org_name_uq').on(t.orgId, t.name)],
);

/** A person's notification preferences: quiet hours (not paged then, unless the risk is high). */
export const notificationPreferences = pgTable('notification_preferences', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  orgId: uuid('org_id').notNull(),
  /** { from: 'HH:MM', to: 'HH:MM', timeZone } or null for none. */
  quietHours: jsonb('quiet_hours'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
