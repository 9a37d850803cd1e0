// Guests (外部協力): external organisations (PR agencies, law firms …), their guests, grants to crises and
// classifications, NDA acceptance and the access report.
import { z } from 'zod';
import { classifications } from '../documents/contract.ts';
import { email, text } from './contract.ts';

export const externalOrgKinds = ['agency', 'law_firm', 'digital_marketing', 'other'] as const;
export type ExternalOrgKind = (typeof externalOrgKinds)[number];

export const guestEvents = [
  'external_org.created',
  'external_org.updated',
  'guest.invited',
  'guest.nda_accepted',
  'guest.grant_created',
  'guest.grant_updated',
  'guest.grant_revoked',
  'user.totp_enabled',
  'user.totp_disabled',
  'user.totp_failed',
  'org.security_updated',
] as const;

const isoDate = z.iso.date();
const contact = z.strictObject({
  name: text(120),
  email: email.optional(),
  phone: text(40).optional(),
  title: text(120).optional(),
});

export const externalOrgInput = z.strictObject({
  name: text(200),
  kind: z.enum(externalOrgKinds),
  contacts: z.array(contact).max(20).default([]),
  contractScope: z.string().trim().max(2000).nullable().default(null),
  contractStart: isoDate.nullable().default(null),
  contractEnd: isoDate.nullable().default(null),
  ndaSignedOn: isoDate.nullable().default(null),
  /** An uploaded file (PDF) of the signed NDA. */
  ndaFileId: z.uuid().nullable().default(null),
  /** What guests of this organisation accept before first access. */
  ndaText: z.string().trim().min(20, 'at least 20 characters').max(20_000),
});

export const externalOrgPatch = externalOrgInput.partial().extend({
  version: z.number().int().positive(),
  archived: z.boolean().optional(),
});

export const externalOrgOut = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(externalOrgKinds),
  contacts: z.array(
    z.object({ name: z.string(), email: z.string().optional(), phone: z.string().optional(), title: z.string().optional() }),
  ),
  contractScope: z.string().nullable(),
  contractStart: z.string().nullable(),
  contractEnd: z.string().nullable(),
  ndaSignedOn: z.string().nullable(),
  ndaFileId: z.uuid().nullable(),
  ndaText: z.string(),
  archived: z.boolean(),
  guestCount: z.number().int(),
  activeGrantCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type ExternalOrg = z.infer<typeof externalOrgOut>;

/** Invite a guest of an external organisation (an e-mail with a one-time link is sent). */
export const guestInviteInput = z.strictObject({
  externalOrgId: z.uuid(),
  email,
  name: text(120),
  locale: z.enum(['zh-TW', 'en']).default('zh-TW'),
});

export const grantInput = z.strictObject({
  guestId: z.uuid(),
  crisisId: z.uuid(),
  classifications: z.array(z.enum(classifications)).min(1).max(4),
  /** At most a year ahead. */
  expiresAt: z.iso.datetime({ offset: true }),
});

export const grantPatch = z.strictObject({
  version: z.number().int().positive(),
  classifications: z.array(z.enum(classifications)).min(1).max(4).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});

export const grantOut = z.object({
  id: z.uuid(),
  guestId: z.uuid(),
  guestName: z.string(),
  externalOrgId: z.uuid().nullable(),
  crisisId: z.uuid(),
  crisisTitle: z.string(),
  crisisNumber: z.number().int(),
  classifications: z.array(z.enum(classifications)),
  expiresAt: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  /** active | expired | revoked */
  state: z.enum(['active', 'expired', 'revoked']),
  version: z.number().int(),
});
export type Grant = z.infer<typeof grantOut>;

/** What a guest sees of themselves: their organisation, the NDA to accept, their live grants. */
export const guestSelfOut = z.object({
  externalOrg: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(externalOrgKinds) }),
  nda: z.object({ text: z.string(), sha256: z.string(), acceptedAt: z.string().nullable() }),
  grants: z.array(grantOut),
});

export const ndaAcceptInput = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) });

/** One line of the access report: a guest's read of something, from the audit log. */
export const accessReportRow = z.object({
  at: z.string(),
  guestId: z.uuid(),
  guestName: z.string(),
  /** The event type: document.viewed, document.downloaded, guest.nda_accepted, user.signed_in, search … */
  action: z.string(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /** Title of what was opened, where there is one. */
  subjectTitle: z.string().nullable(),
  crisisId: z.uuid().nullable(),
  ip: z.string().nullable(),
});
export const accessReportQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  guestId: z.uuid().optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

// ---- Added by the guests server: what the routes take and give beyond the shared seams above. ----

/** The invite body of POST /api/external-orgs/:id/guests (the organisation is in the path; if sent, it must match). */
export const guestInviteBody = guestInviteInput.extend({ externalOrgId: z.uuid().optional() });

/** A guest as the people who manage guests see them. */
export const guestOut = z.object({
  id: z.uuid(),
  externalOrgId: z.uuid(),
  name: z.string(),
  email: z.string(),
  locale: z.string(),
  /** invited | active | deactivated */
  status: z.string(),
  lastSignInAt: z.string().nullable(),
  /** When they accepted the organisation's current NDA text (null: never, or the text changed since). */
  ndaAcceptedAt: z.string().nullable(),
  activeGrantCount: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type GuestView = z.infer<typeof guestOut>;

/** The answer to an invitation: the guest, the link (also e-mailed when mail is configured), and whether it was sent. */
export const guestInviteOut = z.object({
  guest: guestOut,
  inviteUrl: z.string(),
  expiresAt: z.string(),
  emailSent: z.boolean(),
});

export const grantListQuery = z.strictObject({
  guestId: z.uuid().optional(),
  crisisId: z.uuid().optional(),
});

/** DELETE /api/guest-grants/:id?version= (revocation). */
export const grantRevokeQuery = z.strictObject({ version: z.coerce.number().int().positive() });

/** The JSON access report (newest first, at most `limit` rows; `truncated` when there were more). */
export const accessReportOut = z.object({
  rows: z.array(accessReportRow),
  limit: z.number().int(),
  truncated: z.boolean(),
});

/**
 * The PATCH body the server parses: the same fields as `externalOrgPatch`, without `externalOrgInput`'s defaults
 * (`.partial()` keeps them, so a field left out would be reset to [] or null instead of kept).
 */
export const externalOrgChanges = z.strictObject({
  version: z.number().int().positive(),
  archived: z.boolean().optional(),
  name: text(200).optional(),
  kind: z.enum(externalOrgKinds).optional(),
  contacts: z.array(contact).max(20).optional(),
  contractScope: z.string().trim().max(2000).nullable().optional(),
  contractStart: isoDate.nullable().optional(),
  contractEnd: isoDate.nullable().optional(),
  ndaSignedOn: isoDate.nullable().optional(),
  ndaFileId: z.uuid().nullable().optional(),
  ndaText: z.string().trim().min(20, 'at least 20 characters').max(20_000).optional(),
});
