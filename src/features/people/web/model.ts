// The people contract's types and value lists for the web app, without pulling zod into the bundle.
import type { departmentKinds, peopleEvents, Role, tokenScopes } from '../contract.ts';

export type { ApiToken, AuditEvent, Department, Role, Session, User } from '../contract.ts';

/** A built-in department kind. */
export type DepartmentKind = (typeof departmentKinds)[number];
/** A scope an API token can carry. */
export type TokenScope = (typeof tokenScopes)[number];
/** An event type the people feature writes. */
export type PeopleEvent = (typeof peopleEvents)[number];
/** A user's account status. */
export type UserStatus = 'invited' | 'active' | 'deactivated';
/** A colour scheme preference. */
export type ColorSchemePref = 'auto' | 'light' | 'dark';

// Compile-time check that a local list names every member of a contract union, and nothing else.
const complete =
  <T>() =>
  <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): L =>
    list;

/** Built-in department kinds (mirrors the contract). */
export const kindList = complete<DepartmentKind>()(['pr', 'marketing', 'legal', 'customer_service', 'executive', 'it', 'other']);
/** Roles, most to least privileged (mirrors the contract; the compiler checks it stays complete). */
export const roleList = complete<Role>()(['admin', 'manager', 'member', 'reporter', 'guest']);
/** Token scopes (mirrors the contract). */
export const scopeList = complete<TokenScope>()(['mentions:write', 'mentions:read']);
/** Event types shown in the audit filter (mirrors the contract). */
export const eventTypeList = complete<PeopleEvent>()([
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
]);

/** True if the string is an event type this feature knows (and so has a translated label). */
export function isPeopleEvent(type: string): type is PeopleEvent {
  return (eventTypeList as readonly string[]).includes(type);
}
