// Documents tables: the information hub (documents with versions and attachments), legal holds, evidence
// captures, and the one search index for everything that is not a mention (crises, tasks, notes, statements,
// documents and their attachments' text). Custody of evidence and guests' reads are events on the spine.
import { sql } from 'drizzle-orm';
import { bigint, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { files } from '../../../platform/schema.ts';
import { crises } from '../../crises/server/schema.ts';
import { organisations, users } from '../../people/server/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A document (文件): one kind, one classification, an owner, an optional crisis, tags, versions, attachments. */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** Per organisation, from 1 (shown as D-n). */
    number: integer('number').notNull(),
    kind: text('kind').notNull(),
    classification: text('classification').notNull(),
    title: text('title').notNull(),
    /** The current version's plain text (never HTML; rendered as text only). */
    body: text('body').notNull().default(''),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    crisisId: uuid('crisis_id').references(() => crises.id),
    /** A statement of the statements feature this document mirrors (kind `statement`). */
    statementId: uuid('statement_id'),
    tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
    /** The number of the current version (from 1). */
    currentVersion: integer('current_version').notNull().default(1),
    /** Optimistic concurrency for edits of the row (metadata or a new version). */
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** Soft deletion (refused while a hold applies); deleted documents are seen by no one. */
    deletedAt: timestamp('deleted_at', { withTimezone: true }),
    deletedBy: uuid('deleted_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('documents_org_number_uq').on(t.orgId, t.number),
    index('documents_org_updated_idx').on(t.orgId, t.updatedAt),
    index('documents_crisis_idx').on(t.crisisId),
    index('documents_tags_idx').using('gin', t.tags),
    // Everything `documentVisibleSql` reads, so that search joins its candidates to documents by an index-only scan
    // instead of reading every document's heap, bodies and all (bench:search-everywhere, the member's case).
    index('documents_visibility_idx').on(t.id, t.orgId, t.deletedAt, t.crisisId, t.classification, t.ownerId),
  ],
);

/** Every saved version of a document (title and text as saved, and which attachments it had). */
export const documentVersions = pgTable(
  'document_versions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    number: integer('number').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** What changed, in the author's words (optional). */
    note: text('note'),
    /** Ids of `document_attachments` present in this version. */
    attachmentIds: uuid('attachment_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('document_versions_doc_number_uq').on(t.documentId, t.number)],
);

/** A file attached to a document: the bytes are a `files` row; the extracted text feeds search. */
export const documentAttachments = pgTable(
  'document_attachments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull(),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id),
    /** A preview image (PNG, re-encoded by the server) for images and, where possible, other files. */
    previewFileId: uuid('preview_file_id').references(() => files.id),
    addedInVersion: integer('added_in_version').notNull(),
    /** The version that removed it (it stays in earlier versions). */
    removedInVersion: integer('removed_in_version'),
    /** Text extracted from PDF/DOCX/plain text (capped), for search. */
    extractedText: text('extracted_text'),
    /** ok | none (no text in this type) | failed | truncated */
    textStatus: text('text_status').notNull().default('none'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('document_attachments_doc_idx').on(t.documentId)],
);

/**
 * Legal holds (保全): on one document or on a whole crisis (every document linked to it). While a hold is in
 * force (released_at null) nothing it covers may be deleted, by anyone. Placing and releasing are both events.
 */
export const legalHolds = pgTable(
  'legal_holds',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    /** document | crisis */
    scope: text('scope').notNull(),
    documentId: uuid('document_id').references(() => documents.id),
    crisisId: uuid('crisis_id').references(() => crises.id),
    reason: text('reason').notNull(),
    placedBy: uuid('placed_by').references(() => users.id),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    releasedBy: uuid('released_by').references(() => users.id),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releaseReason: text('release_reason'),
  },
  (t) => [index('legal_holds_doc_idx').on(t.documentId), index('legal_holds_crisis_idx').on(t.crisisId)],
);

/**
 * An evidence capture (證據保全): a document of kind `evidence` or `social_post_capture` with what was captured
 * — the stored text and metadata, the source URL or mention, when (UTC) and by whom, and the SHA-256 of the
 * stored text. Files (screenshots) are the document's attachments, each with its SHA-256 in `files`. The chain
 * of custody is the events with subject `document` and this document's id (captured, viewed, downloaded,
 * exported), hash-chained like every event.
 */
export const evidenceCaptures = pgTable('evidence_captures', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => documents.id),
  orgId: uuid('org_id').notNull(),
  sourceUrl: text('source_url'),
  mentionId: bigint('mention_id', { mode: 'number' }),
  capturedText: text('captured_text').notNull(),
  /** SHA-256 (hex) of the captured text as UTF-8. */
  textSha256: text('text_sha256').notNull(),
  metadata: jsonb('metadata').notNull().default(sql`'{}'::jsonb`),
  capturedAt: timestamp('captured_at', { withTimezone: true }).notNull(),
  capturedBy: uuid('captured_by').references(() => users.id),
});

/**
 * The search index of everything but mentions (mentions have their own `search` column): one row per
 * searchable thing, written by the feature that owns it (documents in their own transaction; crises, tasks,
 * notes and statements by the indexer that follows the event spine). Text matching only: who may see a row is
 * decided at query time from the live tables (documents, crises, grants), never from copies here.
 */
export const searchEntries = pgTable(
  'search_entries',
  {
    orgId: uuid('org_id').notNull(),
    /** crisis | task | note | statement | document | attachment */
    kind: text('kind').notNull(),
    /** The thing's id (a task's, a note event's id as text, a document's …). */
    refId: text('ref_id').notNull(),
    /** The document an attachment belongs to; the crisis a task, note or statement belongs to. */
    parentId: uuid('parent_id'),
    crisisId: uuid('crisis_id'),
    title: text('title').notNull(),
    /** The original text (snippets are cut from it; the normalised form has the same offsets). */
    body: text('body').notNull(),
    /** When it happened or last changed (ranking by recency). */
    at: timestamp('at', { withTimezone: true }).notNull(),
    search: tsvector('search').notNull(),
  },
  (t) => [
    uniqueIndex('search_entries_ref_uq').on(t.orgId, t.kind, t.refId),
    index('search_entries_search_idx').using('gin', t.search),
    index('search_entries_org_at_idx').on(t.orgId, t.at),
  ],
);

/** How far the search indexer has followed the event spine (one row; id 1). */
export const searchIndexerState = pgTable('search_indexer_state', {
  id: integer('id').primaryKey(),
  lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
