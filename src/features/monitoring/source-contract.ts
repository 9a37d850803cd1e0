// Sources (來源): zod schemas and types shared by the source API and the web app's source pages.
import { z } from 'zod';

/** Shortest and longest polling interval a source may set, in seconds. */
export const INTERVAL_MIN_SECONDS = 60;
export const INTERVAL_MAX_SECONDS = 86_400;

/** Kinds that are not created on the sources page (push sources appear on first push; imports and reports elsewhere). */
export const builtInKinds = ['push', 'import', 'report'] as const;

/** How a kind of source collects. */
export const collectionModes = ['push', 'poll', 'stream', 'other'] as const;
export type CollectionMode = (typeof collectionModes)[number];

/** A connector as the "add source" form sees it: what it is, how it collects, and its settings as JSON Schema. */
export const connectorInfo = z.object({
  kind: z.string(),
  label: z.string(),
  mode: z.enum(['poll', 'stream']),
  defaultIntervalSeconds: z.number().int().nullable(),
  configSchema: z.record(z.string(), z.unknown()),
});
export type ConnectorInfo = z.infer<typeof connectorInfo>;
export const connectorList = z.array(connectorInfo);

const sourceName = z.string().trim().min(1, 'required').max(100);
const interval = z.number().int().min(INTERVAL_MIN_SECONDS).max(INTERVAL_MAX_SECONDS);
const connectorConfig = z.record(z.string(), z.unknown());

/** POST /api/sources: the connector's kind, a unique name, its settings (checked by the connector), an interval. */
export const createSourceInput = z.strictObject({
  kind: z.string().trim().min(1).max(40),
  name: sourceName,
  config: connectorConfig,
  /** Polled sources: seconds between polls (default: the connector's). */
  intervalSeconds: interval.optional(),
});
export type CreateSourceInput = z.infer<typeof createSourceInput>;

/** PATCH /api/sources/:id: any of name, settings, interval (null = the connector's default), status. */
export const updateSourceInput = z.strictObject({
  name: sourceName.optional(),
  config: connectorConfig.optional(),
  intervalSeconds: interval.nullable().optional(),
  status: z.enum(['active', 'paused']).optional(),
  /** The version the change was based on; a newer version on the server answers 409. */
  version: z.number().int().positive().optional(),
});
export type UpdateSourceInput = z.infer<typeof updateSourceInput>;

/**
 * Health for the badge: `ok` (last run worked), `failing` (the last run failed; see lastError), `waiting` (never run
 * yet), `paused`.
 */
export const sourceHealth = z.enum(['ok', 'failing', 'waiting', 'paused']);
export type SourceHealth = z.infer<typeof sourceHealth>;

/** A source with its status. `config` and `intervalSeconds` are null for push/import/report sources. */
export const sourceOut = z.object({
  id: z.uuid(),
  kind: z.string(),
  kindLabel: z.string(),
  mode: z.enum(collectionModes),
  name: z.string(),
  status: z.enum(['active', 'paused']),
  health: sourceHealth,
  config: connectorConfig.nullable(),
  intervalSeconds: z.number().int().nullable(),
  lastRunAt: z.string().nullable(),
  lastSuccessAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** Stable code of the last error, for translation; `lastError` is the detail in English. */
  lastErrorCode: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  lastItems: z.number().int().nullable(),
  lastDurationMs: z.number().int().nullable(),
  nextRunAt: z.string().nullable(),
  itemsTotal: z.number().int(),
  itemsLastHour: z.number().int(),
  /** Average over the last 24 hours. */
  itemsPerHour: z.number(),
  createdAt: z.string(),
  version: z.number().int(),
});
export type SourceOut = z.infer<typeof sourceOut>;
export const sourceList = z.array(sourceOut);

/** POST /api/sources/:id/run: what the poll did. */
export const runResult = z.object({
  status: z.enum(['ok', 'error', 'skipped']),
  accepted: z.number().int().optional(),
  duplicate: z.number().int().optional(),
  rejected: z.number().int().optional(),
  notModified: z.boolean().optional(),
  message: z.string().optional(),
  reason: z.string().optional(),
  nextRunAt: z.string().optional(),
});
export type RunResult = z.infer<typeof runResult>;

/** Event types the source API writes. */
export const sourceEvents = ['source.created', 'source.updated', 'source.deleted'] as const;
