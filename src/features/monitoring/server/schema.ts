// Monitoring tables: sources, mentions (the big one, written in bulk), topics, sentiment corrections.
import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organisations, users } from '../../people/server/schema.ts';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** Where mentions come from: the push API, feeds, imports, reports, streams. */
export const sources = pgTable(
  'sources',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(), // push | rss | import | report | mastodon | …
    name: text('name').notNull(),
    config: jsonb('config').notNull().default(sql`'{}'::jsonb`),
    status: text('status').notNull().default('active'), // active | paused
    lastRunAt: timestamp('last_run_at', { withTimezone: true }),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
    lastError: text('last_error'),
    lastErrorCode: text('last_error_code'), // stable code for translation (not_a_feed, timeout, http_error…)
    lastErrorAt: timestamp('last_error_at', { withTimezone: true }),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    itemsTotal: bigint('items_total', { mode: 'number' }).notNull().default(0),
    // Collection state kept by the scheduler (connectors never write these themselves).
    nextRunAt: timestamp('next_run_at', { withTimezone: true }),
    etag: text('etag'),
    lastModified: text('last_modified'),
    cursor: text('cursor'), // streams: where the last acknowledged batch ended
    lastItems: integer('last_items'), // new mentions stored by the last run
    lastDurationMs: integer('last_duration_ms'),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('sources_org_name_uq').on(t.orgId, t.name)],
);

/** One collected post, article or comment. Text as received; matching uses the normalised form. */
export const mentions = pgTable(
  'mentions',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    orgId: uuid('org_id').notNull(),
    sourceId: uuid('source_id').notNull(),
    // externalId, else the URL: what makes a re-sent item a duplicate within its source.
    externalKey: text('external_key').notNull(),
    url: text('url'),
    author: text('author'),
    authorFollowers: integer('author_followers'),
    title: text('title'),
    text: text('text').notNull(),
    lang: text('lang').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    collectedAt: timestamp('collected_at', { withTimezone: true }).notNull(),
    likes: integer('likes'),
    shares: integer('shares'),
    comments: integer('comments'),
    views: bigint('views', { mode: 'number' }),
    reach: bigint('reach', { mode: 'number' }).notNull(),
    // sha256 (hex, first 32) of the normalised text: exact duplicates across sources.
    textHash: text('text_hash').notNull(),
    simhash: bigint('simhash', { mode: 'bigint' }).notNull(),
    // The first mention of a repost cluster (itself for an original story).
    clusterId: bigint('cluster_id', { mode: 'number' }),
    sentiment: smallint('sentiment').notNull(), // -1 | 0 | 1
    sentimentScore: real('sentiment_score').notNull(),
    sentimentConfidence: real('sentiment_confidence').notNull(),
    sentimentCorrected: boolean('sentiment_corrected').notNull().default(false),
    topicIds: uuid('topic_ids').array().notNull().default(sql`'{}'::uuid[]`),
    search: tsvector('search').notNull(),
    raw: jsonb('raw'),
  },
  (t) => [
    uniqueIndex('mentions_source_key_uq').on(t.sourceId, t.externalKey),
    index('mentions_org_published_idx').on(t.orgId, t.publishedAt),
    index('mentions_search_idx').using('gin', t.search),
    index('mentions_topics_idx').using('gin', t.topicIds),
    index('mentions_cluster_idx').on(t.clusterId),
    // Per-source counts on the sources page (items in the last hour, per hour).
    index('mentions_source_collected_idx').on(t.sourceId, t.collectedAt),
  ],
);

/**
 * Near-duplicate lookup keys (simhash.ts lshKeys: 10 keys of ~26 bits) of each cluster's first
 * mention, one row per original with key t in column k<t>, each with its own index; reposts add
 * none, so a story reposted 500 times is one candidate, not 500. One row with ten narrow indexes
 * costs under half of ten rows with one index (bench/ingest.ts; ARCHITECTURE.md).
 */
const keyColumns = {
  k0: integer('k0').notNull(),
  k1: integer('k1').notNull(),
  k2: integer('k2').notNull(),
  k3: integer('k3').notNull(),
  k4: integer('k4').notNull(),
  k5: integer('k5').notNull(),
  k6: integer('k6').notNull(),
  k7: integer('k7').notNull(),
  k8: integer('k8').notNull(),
  k9: integer('k9').notNull(),
};
export const clusterKeys = pgTable(
  'cluster_keys',
  {
    orgId: uuid('org_id').notNull(),
    mentionId: bigint('mention_id', { mode: 'number' }).notNull(),
    simhash: bigint('simhash', { mode: 'bigint' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    ...keyColumns,
  },
  (t) => [
    index('cluster_keys_k0_idx').on(t.k0),
    index('cluster_keys_k1_idx').on(t.k1),
    index('cluster_keys_k2_idx').on(t.k2),
    index('cluster_keys_k3_idx').on(t.k3),
    index('cluster_keys_k4_idx').on(t.k4),
    index('cluster_keys_k5_idx').on(t.k5),
    index('cluster_keys_k6_idx').on(t.k6),
    index('cluster_keys_k7_idx').on(t.k7),
    index('cluster_keys_k8_idx').on(t.k8),
    index('cluster_keys_k9_idx').on(t.k9),
  ],
);

/** A named boolean query over normalised text. */
export const topics = pgTable(
  'topics',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    query: text('query').notNull(),
    description: text('description'),
    archived: boolean('archived').notNull().default(false),
    /** How readily the early-warning detector alarms on this topic: low | normal | high. */
    sensitivity: text('sensitivity').notNull().default('normal'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('topics_org_idx').on(t.orgId)],
);

/** People's corrections of a mention's sentiment; the retrain command learns from them. */
export const sentimentCorrections = pgTable(
  'sentiment_corrections',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id').notNull(),
    mentionId: bigint('mention_id', { mode: 'number' }).notNull(),
    text: text('text').notNull(),
    sentiment: text('sentiment').notNull(), // negative | neutral | positive
    correctedBy: uuid('corrected_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sentiment_corrections_org_idx').on(t.orgId)],
);

/**
 * A CSV or NDJSON file import into a source. The file itself is kept (see import.ts) so a dry run, the
 * real run and a resumed run read the same bytes; `rowsDone` is the resume point; re-sent rows dedupe by
 * (source, externalId|url), so a re-import of the same file is idempotent.
 */
export const imports = pgTable(
  'imports',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    sourceId: uuid('source_id')
      .notNull()
      .references(() => sources.id),
    fileName: text('file_name').notNull(),
    format: text('format').notNull(), // csv | ndjson
    sha256: text('sha256').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    /** CSV: mention field → column header; NDJSON: null (lines are mention objects). */
    mapping: jsonb('mapping'),
    /** uploaded | checking | checked | running | done | failed | cancelled */
    status: text('status').notNull().default('uploaded'),
    dryRun: jsonb('dry_run'), // the last dry run's counts and first rejections
    rowsTotal: integer('rows_total'),
    rowsDone: integer('rows_done').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    duplicate: integer('duplicate').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    /** The first rejections: [{ row, reason, code?, field? }] (see `rejection` in import-contract.ts). */
    rejections: jsonb('rejections').notNull().default(sql`'[]'::jsonb`),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('imports_org_idx').on(t.orgId, t.createdAt), index('imports_source_sha_idx').on(t.sourceId, t.sha256)],
);

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

/** An import's file, in order, in chunks of at most 1 MiB: kept in PostgreSQL so it is backed up and crash-safe. */
export const importChunks = pgTable(
  'import_chunks',
  {
    importId: uuid('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [uniqueIndex('import_chunks_pk').on(t.importId, t.seq)],
);
