// The second factor (TOTP, RFC 6238): enrolment, the sign-in's second step, the organisation's policy.
import { z } from 'zod';

// --- Second factor (TOTP, RFC 6238) ----------------------------------------------------------------------------

export const totpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'six digits');
/** Start enrolment: a new secret (shown once as otpauth:// URI and base32). */
export const totpSetupOut = z.object({ secret: z.string(), otpauthUri: z.string() });
/** Confirm enrolment with a first code; answers the one-time recovery codes (shown once). */
export const totpConfirmInput = z.strictObject({ code: totpCode });
export const totpConfirmOut = z.object({ recoveryCodes: z.array(z.string()) });
/** The second step of signing in: a code from the app, or a recovery code. */
export const secondFactorInput = z.strictObject({
  code: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^(\d{6}|[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})$/, 'a six-digit code or a recovery code'),
});
/** Turning the second factor off asks for the password again (a left-open session must not be enough). */
export const totpDisableInput = z.strictObject({ password: z.string().min(1).max(256) });
/** The roles a second factor can be required of. */
export const totpRoles = ['admin', 'manager', 'member', 'reporter', 'guest'] as const;
/** The organisation's policy: which roles must use a second factor. */
export const securitySettingsOut = z.object({ version: z.number().int(), totpRequiredRoles: z.array(z.enum(totpRoles)) });
export type SecuritySettings = z.infer<typeof securitySettingsOut>;
/** The events of this feature. */
export const totpEvents = [
  'user.totp_setup_started',
  'user.totp_enabled',
  'user.totp_disabled',
  'user.totp_failed',
  'user.second_factor_passed',
  'org.security_updated',
] as const;
export const securitySettingsInput = z.strictObject({
  version: z.number().int().positive(),
  totpRequiredRoles: z.array(z.enum(totpRoles)).max(5),
});
