// People tables: organisations, departments, users, sessions, invites, API tokens.
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

export const organisations = pgTable('organisations', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  defaultLocale: text('default_locale').notNull().default('zh-TW'),
  // IANA zone: where the detector's days and weeks begin, times in notifications, defaults for schedules.
  timeZone: text('time_zone').notNull().default('Asia/Taipei'),
  // Roles that must use a second factor (TOTP). Guests before first access; others after a grace period.
  totpRequiredRoles: text('totp_required_roles').array().notNull().default(sql`'{admin,guest}'::text[]`),
  // live: a real organisation; demo: the fictional demo workspace; drill: a drill's sandbox copy of `sandboxOf`.
  kind: text('kind').notNull().default('live'),
  sandboxOf: uuid('sandbox_of'),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const departments = pgTable(
  'departments',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    // Built-in kind for default bilingual names (pr, marketing, legal, customer_service, executive, it, other); null for custom.
    kind: text('kind'),
    // Custom name; when null the UI shows the translated name of `kind`.
    name: text('name'),
    position: integer('position').notNull().default(100),
    version: integer('version').notNull().default(1),
    archived: boolean('archived').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('departments_org_idx').on(t.orgId)],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: text('role').notNull(), // admin | manager | member | reporter | guest
    departmentId: uuid('department_id').references(() => departments.id),
    // Guests only: the external organisation (PR agency, law firm …) they work for.
    externalOrgId: uuid('external_org_id'),
    title: text('title'),
    phone: text('phone'),
    status: text('status').notNull(), // invited | active | deactivated
    passwordHash: text('password_hash'),
    locale: text('locale').notNull().default('zh-TW'),
    colorScheme: text('color_scheme').notNull().default('auto'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    // Drill sandboxes only: the real person this sandbox copy stands for (same e-mail, no password).
    sandboxOf: uuid('sandbox_of'),
  },
  (t) => [
    // One person per e-mail address among real people; drill copies share their person's address.
    uniqueIndex('users_email_uq').on(t.email).where(sql`sandbox_of IS NULL`),
    index('users_org_idx').on(t.orgId),
  ],
);

export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
    // When this session passed the second factor (null: password only).
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
    // Inside a drill: the sandbox copy of this session's person that the session acts as (null: themselves).
    actingUserId: uuid('acting_user_id'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

export const invites = pgTable(
  'invites',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('invites_user_idx').on(t.userId)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    scopes: text('scopes').array().notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_tokens_hash_uq').on(t.tokenHash), index('api_tokens_org_idx').on(t.orgId)],
);

/** An external organisation the company works with in a crisis: PR agency, law firm, digital marketing, other. */
export const externalOrgs = pgTable(
  'external_orgs',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    name: text('name').notNull(),
    /** agency | law_firm | digital_marketing | other */
    kind: text('kind').notNull(),
    /** [{ name, email, phone, title }] */
    contacts: jsonb('contacts').notNull().default(sql`'[]'::jsonb`),
    /** Contract metadata: scope, start and end, NDA signed date and file. */
    contractScope: text('contract_scope'),
    contractStart: date('contract_start'),
    contractEnd: date('contract_end'),
    ndaSignedOn: date('nda_signed_on'),
    ndaFileId: uuid('nda_file_id'),
    /** The NDA text this organisation's guests must accept before first access. */
    ndaText: text('nda_text').notNull(),
    archived: boolean('archived').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('external_orgs_org_idx').on(t.orgId)],
);

/**
 * A guest's access: one crisis, the classifications of its documents they may open, until `expires_at`.
 * Revoking sets `revoked_at`; every read checks the live row, so revocation takes effect at once.
 */
export const guestGrants = pgTable(
  'guest_grants',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organisations.id),
    guestId: uuid('guest_id')
      .notNull()
      .references(() => users.id),
    crisisId: uuid('crisis_id').notNull(),
    classifications: text('classifications').array().notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('guest_grants_guest_idx').on(t.guestId), index('guest_grants_crisis_idx').on(t.crisisId)],
);

/** A guest's acceptance of their external organisation's NDA text (the exact text by hash, time, IP). */
export const ndaAcceptances = pgTable(
  'nda_acceptances',
  {
    id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    externalOrgId: uuid('external_org_id').notNull(),
    ndaSha256: text('nda_sha256').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('nda_acceptances_user_idx').on(t.userId)],
);

/** A person's TOTP second factor (RFC 6238): pending until confirmed with a first code. */
export const userTotp = pgTable('user_totp', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  /** The shared secret, base32. */
  secret: text('secret').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** The last 30-second step a code was accepted for (a code is never accepted twice). */
  lastStep: bigint('last_step', { mode: 'number' }),
  /** SHA-256 of unused one-time recovery codes. */
  recoveryHashes: text('recovery_hashes').array().notNull().default(sql`'{}'::text[]`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});
