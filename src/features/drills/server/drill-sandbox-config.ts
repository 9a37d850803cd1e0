// Copying a live organisation's configuration into a drill's sandbox (see sandbox.ts): on-call schedules, channels,
// warning settings, playbooks, grading, crisis lists, statement templates, approval chains and manual rules, with
// every reference to a person, schedule or channel mapped onto the sandbox's copies. Plain SQL over each feature's
// per-organisation tables, in the caller's transaction (the features' own save functions each open their own
// transaction and check the saver's rights).
import crypto from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { crisisPlaybooks, crisisSettings, gradingMatrices } from '../../crises/server/schema.ts';
import { topics } from '../../monitoring/server/schema.ts';
import { users } from '../../people/server/schema.ts';
import { approvalChains, statementTemplates } from '../../statements/server/schema.ts';
import type { ChannelConfig } from '../../warnings/notify-contract.ts';
import { alertRules, notificationChannels, oncallSchedules, warningSettings } from '../../warnings/server/schema.ts';

/** Old id → new id of what was copied. */
export type Ids = Map<string, string>;

/** One copy in progress: the transaction, from and to which organisation, and what has been copied so far. */
export type CopyCtx = { tx: Executor; from: string; to: string; now: Date; depts: Ids; people: Ids };

/** Maps an id through a copy map; null when the thing was not copied (a person not taking part). */
export const mapped = (m: Ids, id: string | null | undefined) => (id ? (m.get(id) ?? null) : null);

/** On-call schedules with only the participants in rotation and overrides; a schedule left with nobody is dropped. */
export async function copySchedules({ tx, from, to, people }: CopyCtx): Promise<Ids> {
  const rows = await tx.select().from(oncallSchedules).where(eq(oncallSchedules.orgId, from));
  const ids: Ids = new Map();
  for (const s of rows) {
    const settings = s.settings as { participants?: string[]; overrides?: Array<{ userId: string }> } & Record<string, unknown>;
    const rotation = (settings.participants ?? []).flatMap((u) => mapped(people, u) ?? []);
    if (rotation.length === 0) continue;
    const overrides = (settings.overrides ?? []).flatMap((o) => {
      const u = mapped(people, o.userId);
      return u ? [{ ...o, userId: u }] : [];
    });
    const id = crypto.randomUUID();
    await tx.insert(oncallSchedules).values({ id, orgId: to, name: s.name, settings: { ...settings, participants: rotation, overrides } });
    ids.set(s.id, id);
  }
  return ids;
}

/** Where a copied outward channel points: a reserved name that never resolves (RFC 2606), so it cannot be re-enabled into the real world. */
const NOWHERE = 'https://drill-sandbox.invalid';

/**
 * Notification channels. E-mail keeps only participants' addresses (disabled when none is left); chat and webhook
 * channels reach people outside the drill, so they are copied disabled and pointed nowhere (their secrets stay in
 * the live organisation).
 */
export async function copyChannels({ tx, from, to, people }: CopyCtx): Promise<Ids> {
  const rows = await tx.select().from(notificationChannels).where(eq(notificationChannels.orgId, from));
  const allowed = new Set<string>();
  if (people.size) {
    const copies = await tx
      .select({ email: users.email })
      .from(users)
      .where(inArray(users.id, [...people.keys()]));
    for (const c of copies) allowed.add(c.email.toLowerCase());
  }
  const ids: Ids = new Map();
  for (const c of rows) {
    const config = c.config as ChannelConfig;
    let next: ChannelConfig;
    let enabled = false;
    if (config.kind === 'email') {
      const to = config.to.filter((a) => allowed.has(a.toLowerCase()));
      next = { kind: 'email', to };
      enabled = c.enabled && to.length > 0;
    } else if (config.kind === 'line') next = { kind: 'line', token: 'drill-sandbox-disabled', to: 'drill-sandbox' };
    else if (config.kind === 'webhook')
      next = { kind: 'webhook', url: `${NOWHERE}/webhook`, secret: crypto.randomBytes(24).toString('hex') };
    else next = { kind: config.kind, url: `${NOWHERE}/${config.kind}` };
    const id = crypto.randomUUID();
    await tx
      .insert(notificationChannels)
      .values({ id, orgId: to, kind: c.kind, name: c.name, config: next, enabled, minSeverity: c.minSeverity });
    ids.set(c.id, id);
  }
  return ids;
}

type Escalation = { levels: Array<{ afterMinutes: number; channelIds: string[]; scheduleIds?: string[] }>; repeat: number };

/** The early-warning settings (grading, bucket size, quiet-hours bypass) with the escalation ladder re-pointed. */
export async function copyWarningSettings({ tx, from, to }: CopyCtx, channels: Ids, schedules: Ids) {
  const [row] = await tx.select().from(warningSettings).where(eq(warningSettings.orgId, from));
  if (!row) return;
  const settings = { ...(row.settings as { escalation?: Escalation } & Record<string, unknown>) };
  if (settings.escalation) {
    const levels = settings.escalation.levels.flatMap((l) => {
      const channelIds = l.channelIds.flatMap((c) => mapped(channels, c) ?? []);
      const scheduleIds = (l.scheduleIds ?? []).flatMap((s) => mapped(schedules, s) ?? []);
      return channelIds.length + scheduleIds.length ? [{ ...l, channelIds, scheduleIds }] : [];
    });
    settings.escalation = { ...settings.escalation, levels };
  }
  await tx.insert(warningSettings).values({ orgId: to, settings });
}

type DefaultPeople = Record<string, { userId: string } | { scheduleId: string }>;

/** Playbooks (default people and schedules re-pointed), the grading matrix, the crisis types' and roles' lists. */
export async function copyCrisisConfig({ tx, from, to, people, now }: CopyCtx, schedules: Ids) {
  const books = await tx.select().from(crisisPlaybooks).where(eq(crisisPlaybooks.orgId, from));
  for (const b of books) {
    const body = { ...(b.body as { defaultPeople?: DefaultPeople } & Record<string, unknown>) };
    if (body.defaultPeople) {
      const next: DefaultPeople = {};
      for (const [role, who] of Object.entries(body.defaultPeople)) {
        const id = 'userId' in who ? mapped(people, who.userId) : mapped(schedules, who.scheduleId);
        if (id) next[role] = 'userId' in who ? { userId: id } : { scheduleId: id };
      }
      body.defaultPeople = next;
    }
    await tx
      .insert(crisisPlaybooks)
      .values({ orgId: to, type: b.type, severity: b.severity, body, updatedBy: mapped(people, b.updatedBy), updatedAt: now });
  }
  const [matrix] = await tx.select().from(gradingMatrices).where(eq(gradingMatrices.orgId, from));
  if (matrix)
    await tx.insert(gradingMatrices).values({ orgId: to, body: matrix.body, updatedBy: mapped(people, matrix.updatedBy), updatedAt: now });
  const [lists] = await tx.select().from(crisisSettings).where(eq(crisisSettings.orgId, from));
  if (lists)
    await tx
      .insert(crisisSettings)
      .values({ orgId: to, types: lists.types, roles: lists.roles, updatedBy: mapped(people, lists.updatedBy), updatedAt: now });
}

/** Statement templates (the legal sign-off's time kept, its signer only if taking part) and approval chains. */
export async function copyStatementConfig({ tx, from, to, people, now }: CopyCtx) {
  const templates = await tx.select().from(statementTemplates).where(eq(statementTemplates.orgId, from));
  if (templates.length)
    await tx.insert(statementTemplates).values(
      templates.map((t) => ({
        orgId: to,
        kind: t.kind,
        language: t.language,
        crisisType: t.crisisType,
        name: t.name,
        body: t.body,
        legalSignedAt: t.legalSignedAt,
        legalSignedBy: mapped(people, t.legalSignedBy),
        archived: t.archived,
        updatedAt: now,
      })),
    );
  const chains = await tx.select().from(approvalChains).where(eq(approvalChains.orgId, from));
  if (chains.length)
    await tx.insert(approvalChains).values(
      chains.map((c) => ({
        orgId: to,
        severity: c.severity,
        kindGroup: c.kindGroup,
        steps: (c.steps as Array<{ role: string; backups?: string[] }>).map((s) => ({
          ...s,
          backups: (s.backups ?? []).flatMap((u) => mapped(people, u) ?? []),
        })),
        updatedAt: now,
      })),
    );
}

/**
 * Manual alert rules belong to a topic, and the sandbox has the scenario's topics instead of the live ones: each
 * rule (threshold or watch-list) is set on every scenario topic, so the organisation's own tripwires are rehearsed.
 */
export async function copyAlertRules({ tx, from, to }: CopyCtx, topicIds: string[]) {
  if (topicIds.length === 0) return;
  const rows = await tx.select().from(alertRules).where(eq(alertRules.orgId, from));
  const names =
    topicIds.length > 1 ? await tx.select({ id: topics.id, name: topics.name }).from(topics).where(inArray(topics.id, topicIds)) : [];
  const nameOf = new Map(names.map((t) => [t.id, t.name]));
  for (const r of rows)
    for (const topicId of topicIds)
      await tx.insert(alertRules).values({
        orgId: to,
        topicId,
        name: topicIds.length > 1 ? `${r.name} · ${nameOf.get(topicId) ?? ''}` : r.name,
        config: r.config,
        enabled: r.enabled,
      });
}
