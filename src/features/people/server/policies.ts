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
  'crisis.read',
  'crisis.declare',
  'crisis.manage',
  'crisis.work',
  'crisis.configure',
  'report.create',
  'report.triage',
  'briefing.receive',
  'document.read',
  'document.write',
  'document.hold',
  'evidence.capture',
  'evidence.export',
  'search.use',
  'guest.manage',
  'guest.report',
  'guest.self',
  'drill.read',
  'drill.manage',
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
  // Members hold these only on crises whose team they are on (see crisisRights).
  'crisis.read': staff,
  'crisis.declare': ['admin', 'manager'],
  'crisis.manage': staff,
  'crisis.work': staff,
  // Playbooks, the grading matrix, the lists of crisis types and team roles.
  'crisis.configure': ['admin'],
  // Employee reports (通報): anyone on the staff or a reporter may report and follow their own reports.
  'report.create': ['admin', 'manager', 'member', 'reporter'],
  'report.triage': ['admin', 'manager'],
  // Employee briefings (對外口徑): every employee receives and acknowledges them; guests are outsiders.
  'briefing.receive': ['admin', 'manager', 'member', 'reporter'],
  // Documents (文件): which ones is decided per document by documents/server/access.ts (classification, crisis
  // team, owner, legal department; guests through their grants). Reporters have no documents.
  'document.read': ['admin', 'manager', 'member', 'guest'],
  'document.write': staff,
  // Legal holds: placing and releasing them (no one may delete what a hold covers, admins included).
  'document.hold': ['admin', 'manager'],
  'evidence.capture': staff,
  // Evidence bundles for counsel (each export is on the chain of custody).
  'evidence.export': ['admin', 'manager'],
  // One search box; results are filtered per thing to what the person may open.
  'search.use': ['admin', 'manager', 'member', 'guest'],
  // External organisations, guest invitations and grants; the access report.
  'guest.manage': ['admin', 'manager'],
  'guest.report': ['admin', 'manager'],
  // A guest's own view: their grants, the NDA to accept.
  'guest.self': ['guest'],
  // Drills (演練): everyone on the staff may take part (which drills is decided per drill: participants, and all
  // of them for admins and managers); admins and managers plan and run them. Inside a demo or a drill's sandbox
  // the same actions cover the scenario's messages and the demo's controls.
  'drill.read': ['admin', 'manager', 'member', 'reporter'],
  'drill.manage': ['admin', 'manager'],
};

/** Which token scopes hold each action (machines never act as people). */
const scopeGrants: Partial<Record<Action, string[]>> = {
  'token.introspect': ['mentions:write', 'mentions:read'],
  'mention.ingest': ['mentions:write'],
  'mention.read': ['mentions:read'],
};

/**
 * What nobody may do inside the demo workspace or a drill's sandbox, whatever their role there: whatever reaches
 * people or systems outside it — accounts and invitations (e-mail to anyone), API tokens, outside firms' guests,
 * notification channels (webhooks to real Slack/Teams…), and sources that make the server fetch URLs.
 */
const outsideReach: readonly Action[] = ['user.manage', 'token.manage', 'guest.manage', 'channel.manage', 'source.manage'];

/** True if the principal may perform `action` (organisation scoping is checked by the service). */
export function can(principal: Principal | null, action: string): boolean {
  if (!principal) return false;
  if (!(actions as readonly string[]).includes(action)) return false;
  const a = action as Action;
  if (principal.kind === 'user') return roleGrants[a].includes(principal.role as Role) && !(principal.orgKind && outsideReach.includes(a));
  if (principal.kind === 'system') return false;
  return (scopeGrants[a] ?? []).some((s) => principal.scopes.includes(s));
}

/** Every action the principal holds, for the web app to hide what it cannot do. */
export function permissionsOf(principal: Principal): Action[] {
  return actions.filter((a) => can(principal, a));
}

/** Roles that see and manage every crisis of their organisation. */
const crisisOfficers: Role[] = ['admin', 'manager'];

/** What a principal may do on one crisis. */
export type CrisisRights = { read: boolean; work: boolean; manage: boolean };

/** True when the principal sees every crisis of its organisation (admins, managers, the operator at the command line). */
export function seesEveryCrisis(p: Principal): boolean {
  return p.kind === 'system' || (p.kind === 'user' && crisisOfficers.includes(p.role as Role));
}

/**
 * What a principal may do on one crisis, given the team roles it holds there. Admins and managers (and the
 * operator) may do everything; a member reads and works on crises whose team they are on, and manages them
 * (status, severity, team, decisions) only as commander. Anyone else: nothing (the crisis is then 404).
 */
export function crisisRights(p: Principal, held: readonly string[]): CrisisRights {
  if (seesEveryCrisis(p)) return { read: true, work: true, manage: true };
  if (p.kind !== 'user' || !can(p, 'crisis.read') || held.length === 0) return { read: false, work: false, manage: false };
  return { read: true, work: can(p, 'crisis.work'), manage: held.includes('commander') && can(p, 'crisis.manage') };
}

/** Looks up the team roles a user holds on a crisis of their organisation (null: no such crisis there). */
export type CrisisRolesLookup = (orgId: string, crisisId: string, userId: string) => Promise<string[] | null>;

/**
 * May this principal subscribe to the live room `room`? `org:` and `user:` rooms are decided at once; a
 * `crisis:<id>` room needs the database (who is on the team), so it answers asynchronously, and is refused
 * when no lookup is given. Guests hear only their own `user:` room: the organisation's and crises' rooms carry
 * crisis ids and activity they must not see (their grants' changes are addressed to their own room).
 */
export function canSubscribe(principal: Principal, room: string, crisisRoles?: CrisisRolesLookup): boolean | Promise<boolean> {
  if (principal.kind !== 'user') return false;
  const [kind, id] = room.split(':');
  if (principal.role === 'guest') return room === `user:${principal.userId}`;
  if (kind === 'org') return id === principal.orgId;
  if (kind === 'user') return id === principal.userId;
  if (kind === 'crisis' && crisisRoles && /^[0-9a-f-]{36}$/i.test(id ?? '') && can(principal, 'crisis.read')) {
    return crisisRoles(principal.orgId, id, principal.userId).then((held) => held !== null && crisisRights(principal, held).read);
  }
  return false;
}
