// The people contract's types and value lists for the web app, without pulling zod into the bundle.
import { departmentKinds, peopleEvents, roles, tokenScopes } from '../values.ts';

export type { ApiToken, AuditEvent, Department, Org, Session, User } from '../contract.ts';
export type { Role } from '../values.ts';

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

/** Built-in department kinds. */
export const kindList = departmentKinds;
/** Roles, most to least privileged. */
export const roleList = roles;
/** Token scopes. */
export const scopeList = tokenScopes;
/** Event types shown in the audit filter. */
export const eventTypeList = peopleEvents;

/** True if the string is an event type this feature knows (and so has a translated label). */
export function isPeopleEvent(type: string): type is PeopleEvent {
  return (eventTypeList as readonly string[]).includes(type);
}
