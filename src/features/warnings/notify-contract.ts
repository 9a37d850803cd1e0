// Notification channel API shapes: where alerts are sent, and what happened to each delivery.
import { z } from 'zod';
import { severities } from './contract.ts';

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
