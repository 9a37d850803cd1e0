// Platform tables: the event spine (timeline, audit log, real-time and job trigger in one row).
import { sql } from 'drizzle-orm';
import { bigint, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** Hash-chained, append-only log of every state change. */
export const events = pgTable(
  'events',
  {
    // Assigned as previous id + 1 under an advisory lock, so a deleted row leaves a visible gap.
    id: bigint('id', { mode: 'number' }).primaryKey(),
    orgId: uuid('org_id'),
    type: text('type').notNull(),
    actorType: text('actor_type').notNull(), // user | token | system
    actorId: uuid('actor_id'),
    actorLabel: text('actor_label'),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    crisisId: uuid('crisis_id'),
    data: jsonb('data').notNull().default(sql`'{}'::jsonb`),
    requestId: text('request_id'),
    ip: text('ip'),
    createdAt: timestamp('created_at', { withTimezone: true, precision: 3 }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('events_org_id_idx').on(t.orgId, t.id),
    index('events_type_idx').on(t.orgId, t.type, t.id),
    index('events_actor_idx').on(t.orgId, t.actorId, t.id),
    index('events_crisis_idx').on(t.crisisId, t.id),
    // A document's chain of custody (every event about it), read for each evidence view and export.
    index('events_subject_idx').on(t.subjectType, t.subjectId, t.id),
  ],
);

/**
 * Which version of a derivation the stored rows were made with (`normalise`: the text normalisation behind every
 * stored search vector and text hash). No row: version 1, from before versions were kept.
 */
export const textVersions = pgTable('text_versions', {
  name: text('name').primaryKey(),
  version: integer('version').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** Throttling counters shared by all app processes (never in one process's memory). */
export const throttles = pgTable('throttles', {
  key: text('key').primaryKey(),
  count: bigint('count', { mode: 'number' }).notNull(),
  windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/**
 * Uploaded files (screenshots of reports now; documents and evidence later). The bytes live in the file
 * store under the server-chosen `storageKey`; the type is the one sniffed from the bytes, never the client's.
 */
export const files = pgTable(
  'files',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull(),
    /** Where the bytes are in the store (chosen by the server, never from the client's name). */
    storageKey: text('storage_key').notNull(),
    sha256: text('sha256').notNull(),
    /** Sniffed from the magic bytes (image/png, image/jpeg, image/webp, image/gif, application/pdf …). */
    contentType: text('content_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    /** The client's file name, for display only (cleaned; never used as a path). */
    displayName: text('display_name'),
    uploadedBy: uuid('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('files_org_idx').on(t.orgId, t.createdAt)],
);
