// People: the plain value lists (no zod), shared by the contract, the server and the web bundle.

/** Organisation roles, most to least privileged. */
export const roles = ['admin', 'manager', 'member', 'reporter', 'guest'] as const;

/** Built-in department kinds (their names are translated unless renamed). */
export const departmentKinds = ['pr', 'marketing', 'legal', 'customer_service', 'executive', 'it', 'other'] as const;

/** Scopes a machine API token can carry. */
export const tokenScopes = ['mentions:write', 'mentions:read'] as const;

/** Interface languages (zh-TW is the default). */
export const locales = ['zh-TW', 'en'] as const;

/** Colour-scheme preferences. */
export const colorSchemes = ['auto', 'light', 'dark'] as const;

/** Event types this feature writes (dotted, past tense). */
export const peopleEvents = [
  'org.set_up',
  'org.updated',
  'user.signed_in',
  'user.sign_in_failed',
  'user.signed_out',
  'user.created',
  'user.invited',
  'user.invite_accepted',
  'user.updated',
  'user.password_changed',
  'user.password_reset',
  'user.deactivated',
  'user.reactivated',
  'department.created',
  'department.updated',
  'token.created',
  'token.revoked',
] as const;

/** An organisation role. */
export type Role = (typeof roles)[number];
