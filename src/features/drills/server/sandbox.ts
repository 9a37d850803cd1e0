// A drill's sandbox: a separate, clearly marked organisation (kind 'drill', sandbox_of = the live one) holding a
// copy of the live organisation's configuration and of the people taking part, so the real services (detection,
// alerts, crisis room, statements) run unchanged against it while nothing reaches anyone outside the drill.
// Everything in the caller's one transaction; the configuration's copy is drill-sandbox-config.ts.
import crypto from 'node:crypto';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import { topics } from '../../monitoring/server/schema.ts';
import { validQuery } from '../../monitoring/server/topics.ts';
import { departments, organisations, users } from '../../people/server/schema.ts';
import { notificationPreferences } from '../../warnings/server/schema.ts';
import type { ParticipantRole } from '../contract.ts';
import {
  type CopyCtx,
  copyAlertRules,
  copyChannels,
  copyCrisisConfig,
  copySchedules,
  copyStatementConfig,
  copyWarningSettings,
  type Ids,
  mapped,
} from './drill-sandbox-config.ts';

/** What a sandbox is made from: the live organisation, the drill's title, who takes part, the scenario's topics. */
export type SandboxInput = {
  liveOrgId: string;
  drillTitle: string;
  participants: Array<{ userId: string; role: ParticipantRole }>;
  /** The scenario's topics, created in the sandbox (the live organisation's topics are not copied). */
  topics?: Array<{ name: string; query: string }>;
  /** Who the sandbox's own events are attributed to (default: the system). */
  actor?: Actor;
};

/** The sandbox organisation and each participant's copy (real user id → sandbox user id). */
export type Sandbox = { sandboxOrgId: string; userMap: Map<string, string>; topicIds: string[] };

const SYSTEM: Actor = { type: 'system', label: 'drill' };

/** The sandbox's name in the organisation's language, e.g. 「演練：茶聚堂異物」. */
export function sandboxName(locale: string, title: string) {
  return locale === 'en' ? `Drill: ${title}` : `演練：${title}`;
}

/**
 * Creates the sandbox in the caller's transaction: the organisation, its departments, copies of the participants
 * (no password: they act only through their real person's session), and the configuration with every reference to
 * a person or a department mapped onto the copies (references to people not taking part are dropped or cleared).
 */
export async function createSandbox(tx: Executor, deps: { clock: Clock }, input: SandboxInput): Promise<Sandbox> {
  const [live] = await tx.select().from(organisations).where(eq(organisations.id, input.liveOrgId));
  if (live?.kind !== 'live') throw notFound('No such organisation.');
  const sandboxOrgId = crypto.randomUUID();
  await tx.insert(organisations).values({
    id: sandboxOrgId,
    name: sandboxName(live.defaultLocale, input.drillTitle),
    defaultLocale: live.defaultLocale,
    timeZone: live.timeZone,
    // The real session's second factor covers the copy: copies never enrol.
    totpRequiredRoles: [],
    kind: 'drill',
    sandboxOf: live.id,
    createdAt: deps.clock.now(),
  });
  const ctx: CopyCtx = { tx, from: live.id, to: sandboxOrgId, now: deps.clock.now(), depts: new Map(), people: new Map() };
  ctx.depts = await copyDepartments(ctx);
  ctx.people = await copyPeople(
    ctx,
    input.participants.map((p) => p.userId),
  );
  const schedules = await copySchedules(ctx);
  const channels = await copyChannels(ctx);
  await copyWarningSettings(ctx, channels, schedules);
  await copyCrisisConfig(ctx, schedules);
  await copyStatementConfig(ctx);
  // In the sandbox's own spine a person acts as their copy.
  const actor = input.actor ?? SYSTEM;
  const copy = actor.type === 'user' ? ctx.people.get(actor.id) : undefined;
  const topicActor: Actor = actor.type === 'user' && copy ? { ...actor, id: copy } : actor;
  const topicIds = await createScenarioTopics(tx, deps.clock, sandboxOrgId, input.topics ?? [], topicActor);
  await copyAlertRules(ctx, topicIds);
  return { sandboxOrgId, userMap: ctx.people, topicIds };
}

/**
 * Creates a scenario's topics in an organisation (a demo or a sandbox), in the caller's transaction: the queries are
 * validated the way the topics API does, and each gets its `topic.created` event.
 */
export async function createScenarioTopics(
  tx: Executor,
  clock: Clock,
  orgId: string,
  list: Array<{ name: string; query: string }>,
  actor: Actor,
): Promise<string[]> {
  const ids: string[] = [];
  for (const t of list) {
    validQuery(t.query);
    const [row] = await tx.insert(topics).values({ orgId, name: t.name, query: t.query }).returning({ id: topics.id });
    await recordEvent(tx, clock, {
      orgId,
      type: 'topic.created',
      actor,
      subjectType: 'topic',
      subjectId: row.id,
      data: { after: { name: t.name, query: t.query, sensitivity: 'normal' } },
    });
    ids.push(row.id);
  }
  return ids;
}

async function copyDepartments({ tx, from, to }: CopyCtx): Promise<Ids> {
  const rows = await tx.select().from(departments).where(eq(departments.orgId, from));
  const ids: Ids = new Map(rows.map((d) => [d.id, crypto.randomUUID()]));
  if (rows.length)
    await tx.insert(departments).values(
      rows.map((d) => ({
        id: ids.get(d.id) as string,
        orgId: to,
        kind: d.kind,
        name: d.name,
        position: d.position,
        archived: d.archived,
      })),
    );
  return ids;
}

/** Copies the participants only: same name, e-mail, role, department and title; no password; active. */
async function copyPeople(ctx: CopyCtx, userIds: string[]): Promise<Ids> {
  const { tx, from, to, now, depts } = ctx;
  if (userIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(users)
    .where(and(eq(users.orgId, from), inArray(users.id, userIds), isNull(users.sandboxOf)));
  const ids: Ids = new Map(rows.map((u) => [u.id, crypto.randomUUID()]));
  if (rows.length)
    await tx.insert(users).values(
      rows.map((u) => ({
        id: ids.get(u.id) as string,
        orgId: to,
        email: u.email,
        name: u.name,
        role: u.role,
        departmentId: mapped(depts, u.departmentId),
        title: u.title,
        phone: u.phone,
        status: 'active',
        passwordHash: null,
        locale: u.locale,
        colorScheme: u.colorScheme,
        sandboxOf: u.id,
        createdAt: now,
        updatedAt: now,
      })),
    );
  // Their quiet hours come along: a drill pages people the way a real crisis would.
  const prefs = rows.length
    ? await tx
        .select()
        .from(notificationPreferences)
        .where(inArray(notificationPreferences.userId, [...ids.keys()]))
    : [];
  if (prefs.length)
    await tx
      .insert(notificationPreferences)
      .values(prefs.map((p) => ({ userId: ids.get(p.userId) as string, orgId: to, quietHours: p.quietHours, updatedAt: now })));
  return ids;
}
