// Notification channel API shapes: where alerts are sent, and what happened to each delivery.
import { z } from 'zod';
import { escalationPolicy, severities } from './contract.ts';

/** Kinds of channel. */
export const channelKinds = ['email', 'slack', 'teams', 'discord', 'line', 'webhook'] as const;
export type ChannelKind = (typeof channelKinds)[number];

const httpsUrl = z.url({ protocol: /^https?$/ }).max(2000);
const email = z.email().max(320);

/** Per-kind settings as written (secrets included). */
export const channelConfig = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('email'), to: z.array(email).min(1).max(50) }),
  z.strictObject({ kind: z.literal('slack'), url: httpsUrl }),
  z.strictObject({ kind: z.literal('teams'), url: httpsUrl }),
  z.strictObject({ kind: z.literal('discord'), url: httpsUrl }),
  z.strictObject({ kind: z.literal('line'), token: z.string().trim().min(10).max(500), to: z.string().trim().min(1).max(100) }),
  z.strictObject({ kind: z.literal('webhook'), url: httpsUrl, secret: z.string().min(16).max(200) }),
]);
export type ChannelConfig = z.infer<typeof channelConfig>;

/** Creating a channel. */
export const createChannelInput = z.strictObject({
  name: z.string().trim().min(1).max(120),
  config: channelConfig,
  minSeverity: z.enum(severities).optional(),
  enabled: z.boolean().optional(),
});

/** Editing a channel (config replaces the whole settings of the same kind). */
export const updateChannelInput = z.strictObject({
  name: z.string().trim().min(1).max(120).optional(),
  config: channelConfig.optional(),
  minSeverity: z.enum(severities).optional(),
  enabled: z.boolean().optional(),
  version: z.number().int().optional(),
});

/** A channel as shown: where it sends (secrets masked) and whether it is healthy. */
export const channelOut = z.object({
  id: z.uuid(),
  kind: z.enum(channelKinds),
  name: z.string(),
  /** Where it sends, with secrets masked (e.g. https://hooks.slack.com/…/••••). */
  target: z.string(),
  enabled: z.boolean(),
  minSeverity: z.enum(severities),
  /** `failing` after three failed attempts in a row. */
  health: z.enum(['ok', 'failing', 'unused']),
  lastSuccessAt: z.string().nullable(),
  lastFailureAt: z.string().nullable(),
  lastError: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  version: z.number().int(),
});
export type ChannelOut = z.infer<typeof channelOut>;

/** One delivery with its attempts. */
export const deliveryOut = z.object({
  id: z.uuid(),
  event: z.string(),
  alertId: z.uuid().nullable(),
  status: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.array(
    z.object({
      attempt: z.number().int(),
      at: z.string(),
      ok: z.boolean(),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      durationMs: z.number().int(),
    }),
  ),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

/** Testing the escalation policy: the unsaved one the admin is editing, or (without it, or without a body) the saved one. */
export const escalationTestInput = z.strictObject({ escalation: escalationPolicy.optional() }).optional();

/** What happened to a level's test message for one receiver. */
export const testOutcomes = ['queued', 'disabled', 'missing', 'quiet_hours', 'inactive'] as const;

/** A channel as an escalation step would use it. */
const planChannel = z.object({
  id: z.uuid(),
  /** Null when the channel no longer exists. */
  name: z.string().nullable(),
  kind: z.enum(channelKinds).nullable(),
  health: z.enum(['ok', 'failing', 'unused', 'missing']),
  enabled: z.boolean(),
  test: z.enum(testOutcomes),
});

/** An on-call schedule at the moment a step would fire: who would be paged, or nobody (a gap). */
const planSchedule = z.object({
  id: z.uuid(),
  /** Null when the schedule no longer exists. */
  name: z.string().nullable(),
  onCall: z
    .object({
      userId: z.uuid(),
      name: z.string(),
      /** In their quiet hours then: paged only for alerts at or above the plan's `quietHoursBypassRisk`. */
      quietHours: z.boolean(),
      test: z.enum(testOutcomes),
    })
    .nullable(),
});

/**
 * The escalation ladder worked out for an alert opening now: each step (every level, in every round) with
 * when it fires, the channels with their health, and who is on call then; plus the test messages sent.
 */
export const escalationPlan = z.object({
  /** The moment the alert is imagined to open (now). */
  openedAt: z.string(),
  source: z.enum(['saved', 'draft']),
  /** People in quiet hours are still paged for alerts at or above this risk (101: never). */
  quietHoursBypassRisk: z.number().int(),
  steps: z.array(
    z.object({
      step: z.number().int(),
      level: z.number().int(),
      /** 1 for the first pass through the ladder, 2… for repeats. */
      round: z.number().int(),
      /** Minutes after the alert opens. */
      afterMinutes: z.number().int(),
      at: z.string(),
      channels: z.array(planChannel),
      schedules: z.array(planSchedule),
    }),
  ),
  /** Test messages queued now (one per level and receiver, each naming its level). */
  sent: z.object({ channels: z.number().int(), people: z.number().int(), deliveryIds: z.array(z.uuid()) }),
});
export type EscalationPlan = z.infer<typeof escalationPlan>;
