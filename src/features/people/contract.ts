// People: zod schemas, types and event names shared by the server and the web app.
import { z } from 'zod';
import { canonicalTimeZone, isIanaTimeZone } from '../../platform/time-zone.ts';
import { colorSchemes, departmentKinds, locales, roles, tokenScopes } from './values.ts';

export * from './values.ts';

// Control characters (other than tab and newline) are refused everywhere: they hide text and break logs.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A trimmed single-line human text field. */
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'required')
    .max(max, `at most ${max} characters`)
    .refine((s) => !CONTROL.test(s) && !/[\r\n]/.test(s), 'must not contain control characters or line breaks');

export const email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('not a valid e-mail address'))
  .transform((s) => s.toLowerCase());

/** Passwords: length is what matters (NIST 800-63B); no composition rules. */
export const password = z.string().min(12, 'at least 12 characters').max(256, 'at most 256 characters');

export const uuidParam = z.strictObject({ id: z.uuid() });

export const setupInput = z.strictObject({
  orgName: text(200),
  name: text(120),
  email,
  password,
  locale: z.enum(locales).default('zh-TW'),
});

export const signInInput = z.strictObject({
  email: z
    .string()
    .trim()
    .max(254)
    .transform((s) => s.toLowerCase()),
  password: z.string().max(256),
});

export const departmentOut = z.object({
  id: z.uuid(),
  kind: z.enum(departmentKinds).nullable(),
  name: z.string().nullable(),
  archived: z.boolean(),
  memberCount: z.number().int(),
  version: z.number().int(),
});
export type Department = z.infer<typeof departmentOut>;

export const userOut = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  departmentId: z.uuid().nullable(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  status: z.enum(['invited', 'active', 'deactivated']),
  locale: z.enum(locales),
  colorScheme: z.enum(colorSchemes),
  version: z.number().int(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type User = z.infer<typeof userOut>;

export const sessionOut = z.object({
  user: userOut,
  // kind: live (a real organisation), demo (the fictional demo workspace) or drill (a drill's sandbox copy).
  org: z.object({ id: z.uuid(), name: z.string(), timeZone: z.string(), kind: z.enum(['live', 'demo', 'drill']) }),
  // Inside a drill: the drill this session is acting in (leave it to return to the real organisation).
  drillId: z.uuid().nullable(),
  csrfToken: z.string(),
  permissions: z.array(z.string()),
  /**
   * The second factor (TOTP): `state` ok, or `verify` (give a code) / `enrol` (set one up) before anything else;
   * `required` when the person's role must use it; `graceEndsAt` while someone required has not set it up yet.
   */
  secondFactor: z.object({
    state: z.enum(['ok', 'verify', 'enrol']),
    enabled: z.boolean(),
    required: z.boolean(),
    graceEndsAt: z.string().nullable(),
    recoveryCodesLeft: z.number().int(),
  }),
});
export type Session = z.infer<typeof sessionOut>;

export const setupStatusOut = z.object({ needed: z.boolean() });

export const profileInput = z
  .strictObject({
    name: text(120).optional(),
    locale: z.enum(locales).optional(),
    colorScheme: z.enum(colorSchemes).optional(),
    title: text(120).nullable().optional(),
    phone: text(40).nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const changePasswordInput = z.strictObject({ currentPassword: z.string().max(256), newPassword: password });

export const createUserInput = z.strictObject({
  email,
  name: text(120),
  role: z.enum(roles),
  departmentId: z.uuid().nullable().optional(),
  title: text(120).nullable().optional(),
});

export const updateUserInput = z
  .strictObject({
    name: text(120).optional(),
    role: z.enum(roles).optional(),
    departmentId: z.uuid().nullable().optional(),
    title: text(120).nullable().optional(),
    phone: text(40).nullable().optional(),
    expectedVersion: z.number().int().optional(),
  })
  .refine((v) => Object.keys(v).filter((k) => k !== 'expectedVersion').length > 0, 'nothing to change');

export const inviteOut = z.object({ user: userOut, inviteUrl: z.string(), expiresAt: z.string() });

export const inviteInfoOut = z.object({ email: z.string(), name: z.string(), orgName: z.string() });
export const acceptInviteInput = z.strictObject({ name: text(120).optional(), password, locale: z.enum(locales).optional() });

export const departmentInput = z.strictObject({ name: text(80) });
export const departmentUpdateInput = z.strictObject({ name: text(80).nullable().optional(), archived: z.boolean().optional() });

export const tokenOut = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  scopes: z.array(z.enum(tokenScopes)),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  expiresAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type ApiToken = z.infer<typeof tokenOut>;

export const createTokenInput = z.strictObject({
  name: text(80),
  scopes: z.array(z.enum(tokenScopes)).min(1, 'choose at least one scope').max(tokenScopes.length),
  expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
});
export const createdTokenOut = z.object({ token: tokenOut, secret: z.string() });

/** An IANA time zone name the server knows ("Asia/Taipei", "Europe/London"; not an offset), in its usual spelling. */
export const timeZoneName = z
  .string()
  .trim()
  .refine(isIanaTimeZone, 'not a known IANA time zone (e.g. Asia/Taipei)')
  .transform(canonicalTimeZone);

export const orgOut = z.object({
  id: z.uuid(),
  name: z.string(),
  defaultLocale: z.enum(locales),
  timeZone: z.string(),
  version: z.number().int(),
});
export type Org = z.infer<typeof orgOut>;
export const orgUpdateInput = z.strictObject({
  name: text(200).optional(),
  defaultLocale: z.enum(locales).optional(),
  timeZone: timeZoneName.optional(),
});

export const auditQuery = z.strictObject({
  type: z.string().max(80).optional(),
  actorId: z.uuid().optional(),
  subjectId: z.string().max(80).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const auditEventOut = z.object({
  id: z.number().int(),
  type: z.string(),
  actorType: z.string(),
  actorId: z.string().nullable(),
  actorLabel: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: z.string(),
});
export const auditPageOut = z.object({ events: z.array(auditEventOut), nextBefore: z.number().int().nullable() });
export type AuditEvent = z.infer<typeof auditEventOut>;

export const chainReportOut = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  brokenAt: z.number().int().optional(),
  reason: z.string().optional(),
});
