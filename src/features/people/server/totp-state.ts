// Where a session stands with the second factor: the one rule, used by authentication (every request) and by
// the session view. Pure, so the rule is read in one place and tested without a database.

/** `ok`: may use the app; `verify`: give a code first; `enrol`: set up a second factor first. */
export type SecondFactorState = 'ok' | 'verify' | 'enrol';

/**
 * Roles other than guests who must use a second factor may work without one for this long after their account
 * was created, so that turning the requirement on (admins are required by default) does not lock out the people
 * of an existing organisation before they have set it up; guests, outsiders by definition, get no grace.
 */
export const TOTP_GRACE_MS = 14 * 86_400_000;

/** What the rule needs to know. */
export type SecondFactorFacts = {
  /** When this session passed the second factor (null: password only). */
  secondFactorAt: Date | null;
  /** The person has a confirmed TOTP. */
  enabled: boolean;
  role: string;
  requiredRoles: readonly string[];
  userCreatedAt: Date;
  now: Date;
};

/** The session's state and, during a grace period, when it ends. */
export function secondFactorOf(f: SecondFactorFacts): { state: SecondFactorState; required: boolean; graceEndsAt: Date | null } {
  const required = f.requiredRoles.includes(f.role);
  if (f.enabled) return { state: f.secondFactorAt ? 'ok' : 'verify', required, graceEndsAt: null };
  if (!required) return { state: 'ok', required, graceEndsAt: null };
  if (f.role === 'guest') return { state: 'enrol', required, graceEndsAt: null };
  const graceEndsAt = new Date(f.userCreatedAt.getTime() + TOTP_GRACE_MS);
  return { state: f.now < graceEndsAt ? 'ok' : 'enrol', required, graceEndsAt };
}
