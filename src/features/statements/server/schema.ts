// Statement tables: the communication plan and fact sheet of a crisis, statements with every saved version,
// approvals bound to a version's content hash, publications, channel variants, anchored comments, the
// organisation's templates and approval chains, and what an approved statement feeds: the customer-service
// answer book and the employee briefing with its acknowledgements.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { crises } from '../../crises/server/schema.ts';
import { organisations, users } from '../../people/server/schema.ts';

/** The communication plan (溝通策略) of a crisis: its objectives; audiences are rows of their own. */
export const commPlans = pgTable('comm_plans', {
  crisisId: uuid('crisis_id')
    .primaryKey()
    .references(() => crises.id, { onDelete: 'cascade' }),
  objectives: text('objectives').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/** One audience of the plan: its channels, key messages, spokesperson, timing and owner. */
export const commAudiences = pgTable(
  'comm_audiences',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    /** A built-in audience id (customers, affected, media, employees, regulators, investors, partners) or 'custom'. */
    kind: text('kind').notNull(),
    /** The name shown for a custom audience (built-in ones are translated). */
    name: text('name'),
    channels: text('channels').array().notNull().default(sql`'{}'::text[]`),
    keyMessages: text('key_messages').notNull().default(''),
    spokespersonId: uuid('spokesperson_id').references(() => users.id),
    timing: text('timing').notNull().default(''),
    ownerId: uuid('owner_id').references(() => users.id),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('comm_audiences_crisis_idx').on(t.crisisId, t.position)],
);

/** The fact sheet (事實清單 / Q&A): confirmed facts with source and time, and open questions (with answers once known). */
export const crisisFacts = pgTable(
  'crisis_facts',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(), // fact | question
    text: text('text').notNull(),
    /** fact: where it was confirmed (lab report, store manager, system log…). question: the answer, once known. */
    source: text('source'),
    answer: text('answer'),
    /** fact: when it was confirmed. */
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    /** A fact no longer true (replaced by a newer one): kept, shown struck through, not compared against. */
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('crisis_facts_crisis_idx').on(t.crisisId, t.createdAt)],
);

/** A statement (聲明稿) of a crisis. Its text lives in its versions; `head` is the latest version's number. */
export const statements = pgTable(
  'statements',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    /** holding | apology | clarification | update | closing | internal_memo | cs_script | media_qa */
    kind: text('kind').notNull(),
    language: text('language').notNull(), // zh-TW | en
    title: text('title').notNull(),
    /** An audience of the plan this statement speaks to, if any. */
    audienceId: uuid('audience_id').references(() => commAudiences.id, { onDelete: 'set null' }),
    /** draft | in_review | changes_requested | rejected | approved | published | withdrawn */
    status: text('status').notNull().default('draft'),
    head: integer('head').notNull().default(1),
    /** The version number that is approved (all steps on its hash, or overridden); null when none is. */
    approvedVersion: integer('approved_version'),
    /** Emergency override by the commander: marked on the statement forever. */
    overrideBy: uuid('override_by').references(() => users.id),
    overrideReason: text('override_reason'),
    overrideAt: timestamp('override_at', { withTimezone: true }),
    /** The playbook task this statement answers (its clock), e.g. the holding-statement task. */
    taskId: uuid('task_id'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** Optimistic concurrency for the statement row itself (status, title…); text edits go by `head`. */
    version: integer('version').notNull().default(1),
  },
  (t) => [index('statements_crisis_idx').on(t.crisisId, t.createdAt)],
);

/** Every saved version of a statement's text. */
export const statementVersions = pgTable(
  'statement_versions',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    number: integer('number').notNull(),
    /** The rich text as a restricted document (see contract.ts `statementDoc`); never HTML. */
    body: jsonb('body').notNull(),
    /** Its plain text (blocks joined by newlines): what the checker, the diff and the hash read. */
    text: text('text').notNull(),
    /** SHA-256 of `text`, hex: approvals are bound to it. */
    contentHash: text('content_hash').notNull(),
    /** The checker's findings on `text` when it was saved. */
    findings: jsonb('findings').notNull().default(sql`'[]'::jsonb`),
    /** Findings a reviewer accepted as a risk, with the reason: [{ rule, category, start, end, excerpt, reason, by, byName, at }]. */
    accepted: jsonb('accepted').notNull().default(sql`'[]'::jsonb`),
    /** True while an autosave may still replace this version in place (same author, not yet submitted). */
    autosaved: boolean('autosaved').notNull().default(false),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('statement_versions_uq').on(t.statementId, t.number)],
);

/** An approval decision at one step of the chain, bound to the exact text (content hash). */
export const statementApprovals = pgTable(
  'statement_approvals',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    contentHash: text('content_hash').notNull(),
    step: integer('step').notNull(),
    /** The team role the step asks for (pr_lead, legal_counsel…). */
    role: text('role').notNull(),
    approverId: uuid('approver_id')
      .notNull()
      .references(() => users.id),
    /** True when the approver decided as a named backup, not as the role holder. */
    asBackup: boolean('as_backup').notNull().default(false),
    decision: text('decision').notNull(), // approved | changes_requested | rejected
    comment: text('comment'),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
    /** Set when the text changed after this decision: it no longer counts. */
    resetAt: timestamp('reset_at', { withTimezone: true }),
  },
  (t) => [index('statement_approvals_statement_idx').on(t.statementId, t.decidedAt)],
);

/** Where and when an approved version went out. */
export const statementPublications = pgTable(
  'statement_publications',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    contentHash: text('content_hash').notNull(),
    /** press_release | facebook | instagram | threads | x | website | line | email | other */
    channel: text('channel').notNull(),
    url: text('url'),
    note: text('note'),
    publishedBy: uuid('published_by')
      .notNull()
      .references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('statement_publications_statement_idx').on(t.statementId, t.publishedAt)],
);

/** A channel variant derived from the master text; stale when the master moved on after `basedOn`. */
export const statementVariants = pgTable(
  'statement_variants',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    channel: text('channel').notNull(),
    text: text('text').notNull(),
    /** The master version it was made from or last reconciled with. */
    basedOn: integer('based_on').notNull(),
    /** The content hash of the master text it was made from or reconciled with (an in-place autosave keeps the
     *  version number but changes the hash, so staleness is judged by hash). Null for rows made before it. */
    baseHash: text('base_hash'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [uniqueIndex('statement_variants_uq').on(t.statementId, t.channel)],
);

/** A comment anchored to a span of one version's text. */
export const statementComments = pgTable(
  'statement_comments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    start: integer('start').notNull(),
    end: integer('end').notNull(),
    quote: text('quote').notNull(),
    /** Up to 32 characters before and after the quote when it was made: with the quote, they re-anchor the
     *  comment in later versions of the text. */
    prefix: text('prefix').notNull().default(''),
    suffix: text('suffix').notNull().default(''),
    body: text('body').notNull(),
    /** A reply belongs to a thread started by an anchored comment. */
    parentId: uuid('parent_id').references((): AnyPgColumn => statementComments.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('statement_comments_statement_idx').on(t.statementId, t.createdAt)],
);

/**
 * The organisation's own statement templates (the shipped ones live in code): per kind and language, with
 * fill-in fields; a pre-approved holding statement for a crisis type records when legal last signed it off.
 */
export const statementTemplates = pgTable(
  'statement_templates',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    kind: text('kind').notNull(),
    language: text('language').notNull(),
    crisisType: text('crisis_type'),
    name: text('name').notNull(),
    body: text('body').notNull(),
    legalSignedAt: timestamp('legal_signed_at', { withTimezone: true }),
    legalSignedBy: uuid('legal_signed_by').references(() => users.id),
    archived: boolean('archived').notNull().default(false),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('statement_templates_org_idx').on(t.orgId, t.kind)],
);

/** Approval chains by severity and kind group (external | internal); absent rows use the shipped defaults. */
export const approvalChains = pgTable(
  'approval_chains',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    severity: text('severity').notNull(),
    kindGroup: text('kind_group').notNull(),
    /** [{ role, backups: [userId…] }] in order. */
    steps: jsonb('steps').notNull(),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.severity, t.kindGroup] })],
);

/** The customer-service answer book: Q&A entries from approved statements; a newer approval retires older ones. */
export const csAnswers = pgTable(
  'cs_answers',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    statementId: uuid('statement_id')
      .notNull()
      .references(() => statements.id, { onDelete: 'cascade' }),
    versionNumber: integer('version_number').notNull(),
    question: text('question').notNull(),
    answer: text('answer').notNull(),
    position: integer('position').notNull().default(0),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('cs_answers_crisis_idx').on(t.crisisId, t.retiredAt)],
);

/** The internal employee briefing (對外口徑) from an approved statement: what to say and what not to say. */
export const briefings = pgTable(
  'briefings',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    crisisId: uuid('crisis_id')
      .notNull()
      .references(() => crises.id, { onDelete: 'cascade' }),
    statementId: uuid('statement_id').references(() => statements.id, { onDelete: 'set null' }),
    title: text('title').notNull(),
    say: text('say').notNull(),
    dontSay: text('dont_say').notNull(),
    /** Department ids it went to; empty: everyone in the organisation. */
    departmentIds: uuid('department_ids').array().notNull().default(sql`'{}'::uuid[]`),
    sentBy: uuid('sent_by').references(() => users.id),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('briefings_crisis_idx').on(t.crisisId, t.sentAt)],
);

/** Who a briefing went to, and when they acknowledged it. */
export const briefingRecipients = pgTable(
  'briefing_recipients',
  {
    briefingId: uuid('briefing_id')
      .notNull()
      .references(() => briefings.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    ackedAt: timestamp('acked_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.briefingId, t.userId] }), index('briefing_recipients_user_idx').on(t.userId)],
);
