// Early-warning API shapes (預警), shared by the server routes and the web app.
import { z } from 'zod';

/** The signals the detector watches per topic, per bucket. */
export const signalNames = ['volume', 'negative', 'negative_share', 'reach'] as const;
export type SignalName = (typeof signalNames)[number];

/** An alert's lifecycle: open → acknowledged → dismissed, or declared (handed over to a crisis; no longer active). */
export const alertStatuses = ['open', 'acknowledged', 'dismissed', 'declared'] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** Why an alert was dismissed (kept for tuning). */
export const dismissReasons = ['false_alarm', 'known_event', 'not_relevant'] as const;
export type DismissReason = (typeof dismissReasons)[number];

/** Crisis severities: L1 is the most severe. */
export const severities = ['L1', 'L2', 'L3', 'L4'] as const;
export type Severity = (typeof severities)[number];

/** How readily a topic alarms. */
export const sensitivities = ['low', 'normal', 'high'] as const;

/** One signal that moved: observed against the expected value and band for its bucket. */
export const signalMove = z.object({
  signal: z.enum(signalNames),
  observed: z.number(),
  expected: z.number(),
  low: z.number(),
  high: z.number(),
  /** Signed distance from expected in noise units (the strongest of a spike or a build-up). */
  deviation: z.number(),
});
export type SignalMove = z.infer<typeof signalMove>;

/** The mentions that drove an alert, over its window. */
export const alertDrivers = z.object({
  mentions: z.number().int(),
  negativeMentions: z.number().int(),
  reach: z.number(),
  clusters: z.array(z.object({ clusterId: z.number(), mentions: z.number().int(), mentionId: z.number(), text: z.string() })),
  authors: z.array(z.object({ author: z.string(), reach: z.number(), mentions: z.number().int() })),
  negatives: z.array(
    z.object({
      id: z.number(),
      text: z.string(),
      author: z.string().nullable(),
      source: z.string(),
      publishedAt: z.string(),
      url: z.string().nullable(),
      reach: z.number(),
    }),
  ),
});
export type AlertDrivers = z.infer<typeof alertDrivers>;

/** An alert as listed. */
export const alertSummary = z.object({
  id: z.uuid(),
  topicId: z.uuid(),
  topicName: z.string(),
  topicArchived: z.boolean(),
  status: z.enum(alertStatuses),
  risk: z.number().int().min(0).max(100),
  severity: z.enum(severities),
  signals: z.array(signalMove),
  /** The window the alert looks at: from its first firing bucket's start to its latest bucket's end. */
  windowStart: z.string(),
  windowEnd: z.string(),
  openedAt: z.string(),
  lastFiredAt: z.string(),
  fireCount: z.number().int(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  dismissReason: z.enum(dismissReasons).nullable(),
  dismissNote: z.string().nullable(),
  /** The manual rule that raised the alert; null when the detector did. */
  rule: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['threshold', 'watchlist']) }).nullable(),
  /** The crisis this alert was declared as (status `declared`), else null. */
  crisisId: z.uuid().nullable(),
  version: z.number().int(),
});
export type AlertSummary = z.infer<typeof alertSummary>;

/** An alert with the mentions behind it. */
export const alertDetail = alertSummary.extend({ drivers: alertDrivers });
export type AlertDetail = z.infer<typeof alertDetail>;

/** The inbox: alerts and how many are in each state. */
export const alertList = z.object({
  alerts: z.array(alertSummary),
  counts: z.object({ open: z.number().int(), acknowledged: z.number().int(), dismissed: z.number().int(), declared: z.number().int() }),
});

/** Inbox filters: `active` is open + acknowledged. */
export const alertListQuery = z.strictObject({
  status: z.enum(['active', ...alertStatuses]).optional(),
  topicId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** Dismissing needs a reason. */
export const dismissInput = z.strictObject({
  reason: z.enum(dismissReasons),
  note: z.string().trim().max(1000).optional(),
  version: z.number().int().optional(),
});

/** Acknowledging (optionally guarded by the version seen). */
export const acknowledgeInput = z.strictObject({ version: z.number().int().optional() });

/**
 * Escalation: while an alert stays open (not acknowledged), each level's channels are notified
 * `afterMinutes` after the previous step; the whole ladder runs `repeat` more times.
 */
export const escalationPolicy = z.strictObject({
  levels: z
    .array(
      z
        .strictObject({
          afterMinutes: z.number().int().min(1).max(1440),
          channelIds: z.array(z.uuid()).max(20),
          /** On-call schedules whose person on call at that moment is e-mailed. */
          scheduleIds: z.array(z.uuid()).max(10).optional(),
        })
        .refine((l) => l.channelIds.length + (l.scheduleIds?.length ?? 0) > 0, {
          message: 'Notify at least one channel or schedule',
          path: ['channelIds'],
        }),
    )
    .max(5),
  repeat: z.number().int().min(0).max(5),
});
export type EscalationPolicy = z.infer<typeof escalationPolicy>;

/** The detector's bucket sizes (minutes) an admin can choose; smaller alerts sooner but is noisier. */
export const bucketMinuteChoices = [1, 5, 10, 15, 30, 60] as const;
export type BucketMinutes = (typeof bucketMinuteChoices)[number];
/** The bucket size until an admin chooses another (and for settings stored before it was configurable). */
export const DEFAULT_BUCKET_MINUTES: BucketMinutes = 5;

/** The organisation's early-warning settings: the risk at which each severity is suggested, escalation, and the bucket size. */
export const warningSettings = z
  .object({
    /** Risk scores (0–100) from which L1, L2 and L3 are suggested; below L3's, L4. */
    grading: z.object({ L1: z.number().int().min(1).max(100), L2: z.number().int().min(1).max(100), L3: z.number().int().min(1).max(100) }),
    /** Unset: no escalation beyond the first notification. Saving settings without it keeps the stored one. */
    escalation: escalationPolicy.optional(),
    /** People in their quiet hours are still paged for alerts at or above this risk (default 70). */
    quietHoursBypassRisk: z.number().int().min(0).max(101).optional(),
    /**
     * The detection bucket in minutes (absent: 5). Saving settings without it keeps the stored one; changing it
     * makes every topic's detector relearn from stored history.
     */
    bucketMinutes: z.literal(bucketMinuteChoices).optional(),
  })
  .refine((s) => s.grading.L1 > s.grading.L2 && s.grading.L2 > s.grading.L3, {
    message: 'Thresholds must fall from L1 to L3',
    path: ['grading'],
  });
export type WarningSettings = z.infer<typeof warningSettings>;

/** The defaults until an admin edits them. */
export const defaultWarningSettings: WarningSettings & { bucketMinutes: BucketMinutes } = {
  grading: { L1: 80, L2: 60, L3: 40 },
  bucketMinutes: DEFAULT_BUCKET_MINUTES,
};

/** The severity a risk score suggests under a grading matrix. */
export function suggestSeverity(risk: number, s: WarningSettings = defaultWarningSettings): Severity {
  if (risk >= s.grading.L1) return 'L1';
  if (risk >= s.grading.L2) return 'L2';
  if (risk >= s.grading.L3) return 'L3';
  return 'L4';
}

/** A manual rule: a count in a time window, or any mention from listed authors or sources. */
export const ruleConfig = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('threshold'),
    signal: z.enum(['volume', 'negative']),
    count: z.number().int().min(1).max(1_000_000),
    minutes: z.number().int().min(1).max(1440),
  }),
  z
    .strictObject({
      kind: z.literal('watchlist'),
      authors: z.array(z.string().trim().min(1).max(200)).max(500),
      sources: z.array(z.string().trim().min(1).max(200)).max(100),
    })
    .refine((w) => w.authors.length + w.sources.length > 0, { message: 'List at least one author or source', path: ['authors'] }),
]);
export type RuleConfig = z.infer<typeof ruleConfig>;

/** Creating a rule. */
export const createRuleInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  topicId: z.uuid(),
  config: ruleConfig,
  enabled: z.boolean().optional(),
});

/** Editing a rule. */
export const updateRuleInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  config: ruleConfig.optional(),
  enabled: z.boolean().optional(),
  version: z.number().int().optional(),
});

/** A rule as shown. */
export const ruleOut = z.object({
  id: z.uuid(),
  name: z.string(),
  topicId: z.uuid(),
  topicName: z.string(),
  config: ruleConfig,
  enabled: z.boolean(),
  lastFiredAt: z.string().nullable(),
  version: z.number().int(),
});

/** A person's quiet hours: not paged by escalation then, unless the alert's risk reaches the organisation's bypass level. */
export const notificationPreferencesInput = z.strictObject({
  quietHours: z
    .strictObject({
      from: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)'),
      to: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM (24-hour)'),
      timeZone: z.string().max(64),
    })
    .refine((q) => q.from !== q.to, { message: 'Quiet hours must not start and end at the same time', path: ['to'] })
    .nullable(),
});
/** A person's notification preferences. */
export type NotificationPreferences = z.infer<typeof notificationPreferencesInput>;
