// The one place that answers "may this principal do this action on this thing?" — deny by default.
import type { Principal } from '../../../platform/http.ts';
import type { Role } from '../contract.ts';

/** Every action a route or service can ask about. */
export const actions = [
  'org.read',
  'org.update',
  'profile.read',
  'profile.update',
  'user.list',
  'user.read',
  'user.manage',
  'department.list',
  'department.manage',
  'token.manage',
  'audit.read',
  'token.introspect',
  'mention.ingest',
  'mention.read',
  'mention.correct',
  'mention.import',
  'topic.read',
  'topic.manage',
  'source.read',
  'source.manage',
  'alert.read',
  'alert.respond',
  'warning.configure',
  'channel.read',
  'channel.manage',
  'oncall.manage',
] as const;
export type Action = (typeof actions)[number];

const everyone: Role[] = ['admin', 'manager', 'member', 'reporter', 'guest'];
const staff: Role[] = ['admin', 'manager', 'member'];

/** Which organisation roles hold each action. Anything not listed is denied. */
const roleGrants: Record<Action, Role[]> = {
  'org.read': everyone,
  'org.update': ['admin'],
  'profile.read': everyone,
  'profile.update': everyone,
  'user.list': staff,
  'user.read': staff,
  'user.manage': ['admin'],
  'department.list': staff,
  'department.manage': ['admin'],
  'token.manage': ['admin'],
  'audit.read': ['admin'],
  'token.introspect': [],
  'mention.ingest': [],
  'mention.read': staff,
  'mention.correct': staff,
  'mention.import': staff,
  'topic.read': staff,
  'topic.manage': ['admin', 'manager'],
  'source.read': staff,
  'source.manage': ['admin', 'manager'],
  'alert.read': staff,
  'alert.respond': staff,
  'warning.configure': ['admin'],
  'channel.read': ['admin', 'manager'],
  'channel.manage': ['admin'],
  'oncall.manage': ['admin', 'manager'],
};

/** Which token scopes hold each action (machines never act as people). */
const scopeGrants: Partial<Record<Action, string[]>> = {
  'token.introspect': ['mentions:write', 'mentions:read'],
  'mention.ingest': ['mentions:write'],
  'mention.read': ['mentions:read'],
};

/** True if the principal may perform `action` (organisation scoping is checked by the service). */
export function can(principal: Principal | null, action: string): boolean {
  if (!principal) return false;
  if (!(actions as readonly string[]).includes(action)) return false;
  const a = action as Action;
  if (principal.kind === 'user') return roleGrants[a].includes(principal.role as Role);
  if (principal.kind === 'system') return false;
  return (scopeGrants[a] ?? []).some((s) => principal.scopes.includes(s));
}

/** Every action the principal holds, for the web app to hide what it cannot do. */
export function permissionsOf(principal: Principal): Action[] {
  return actions.filter((a) => can(principal, a));
}

/** May this principal subscribe to the live room `room`? */
export function canSubscribe(principal: Principal, room: string): boolean {
  if (principal.kind !== 'user') return false;
  const [kind, id] = room.split(':');
  if (kind === 'org') return id === principal.orgId;
  if (kind === 'user') return id === principal.userId;
  // crisis rooms arrive with the crises feature; until then nobody may join one.
  return false;
}
