// On-call schedule routes: list (with who is on call now), add, edit, delete, and a schedule's
// coverage over the coming days with its gaps.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { AppError, notFound } from '../../../platform/errors.ts';
import { recordEvent } from '../../../platform/events.ts';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import { type NotificationPreferences, notificationPreferencesInput } from '../contract.ts';
import { coverageOf, onCallAt, type Schedule, scheduleInput } from '../oncall.ts';
import type { WarningDeps } from './run.ts';

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const uuidParam = z.strictObject({ id: z.uuid() });
const scheduleOut = scheduleInput.safeExtend({ id: z.uuid(), onCallNow: z.string().nullable(), version: z.number().int() });
type Row = { id: string; settings: Schedule; version: number };

/** Registers the on-call routes (viewing: staff; editing: admins and managers). */
export function registerOncallRoutes(r: Router, deps: WarningDeps) {
  const tags = ['warnings'];
  const view = (row: Row) => ({
    ...row.settings,
    id: row.id,
    onCallNow: onCallAt(row.settings, deps.clock.now().getTime()),
    version: row.version,
  });
  const load = async (orgId: string, id: string) => {
    const r = await deps.db.execute<Row>(sql`SELECT id, settings, version FROM oncall_schedules WHERE id = ${id} AND org_id = ${orgId}`);
    if (!r.rows[0]) throw notFound('No such on-call schedule.');
    return r.rows[0];
  };
  const checkPeople = async (orgId: string, s: Schedule) => {
    const ids = [...new Set([...s.participants, ...s.overrides.map((o) => o.userId)])];
    const n = await deps.db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM users WHERE org_id = ${orgId} AND status = 'active' AND id = ANY(${sql.param(ids)}::uuid[])`,
    );
    if (n.rows[0].n !== ids.length)
      throw new AppError('validation_failed', 'Everyone on a schedule must be an active member of the organisation.', {
        errors: [{ path: 'participants', message: 'unknown or inactive person', code: 'unknown_person' }],
      });
  };
  const save = async (p: Principal, id: string | null, s: Schedule, version: number | undefined, m: ReturnType<typeof meta>) => {
    await checkPeople(p.orgId, s);
    return deps.db.transaction(async (tx) => {
      let row: Row;
      try {
        const r = id
          ? await tx.execute<Row>(sql`UPDATE oncall_schedules SET name = ${s.name}, settings = ${JSON.stringify(s)}::jsonb, version = version + 1
              WHERE id = ${id} AND org_id = ${p.orgId} ${version === undefined ? sql`` : sql`AND version = ${version}`} RETURNING id, settings, version`)
          : await tx.execute<Row>(sql`INSERT INTO oncall_schedules (org_id, name, settings) VALUES (${p.orgId}, ${s.name}, ${JSON.stringify(s)}::jsonb)
              RETURNING id, settings, version`);
        if (!r.rows[0]) throw new AppError('conflict', 'Someone else changed this schedule meanwhile; reload it and try again.');
        row = r.rows[0];
      } catch (e) {
        if ((e as { cause?: { code?: string } }).cause?.code === '23505')
          throw new AppError('conflict', 'Another schedule already has this name.', {
            errors: [{ path: 'name', message: 'taken', code: 'taken' }],
          });
        throw e;
      }
      await recordEvent(tx, deps.clock, {
        orgId: p.orgId,
        type: id ? 'oncall.updated' : 'oncall.created',
        actor: actorOf(p),
        subjectType: 'oncall_schedule',
        subjectId: row.id,
        data: { name: s.name, participants: s.participants, overrides: s.overrides.length },
        ...m,
      });
      return view(row);
    });
  };

  r.add({
    method: 'GET',
    url: '/api/oncall-schedules',
    summary: 'On-call schedules, with who is on call now',
    tags,
    permission: 'alert.read',
    response: z.array(scheduleOut),
    handler: async (ctx) => {
      const rows = await deps.db.execute<Row>(
        sql`SELECT id, settings, version FROM oncall_schedules WHERE org_id = ${me(ctx.principal).orgId} ORDER BY created_at`,
      );
      return rows.rows.map(view);
    },
  });
  r.add({
    method: 'POST',
    url: '/api/oncall-schedules',
    summary: 'Add an on-call schedule: a rotation, its time zone, covered hours and overrides',
    tags,
    permission: 'oncall.manage',
    body: scheduleInput,
    response: scheduleOut,
    status: 201,
    handler: (ctx) => save(me(ctx.principal), null, ctx.body, undefined, meta(ctx)),
  });
  r.add({
    method: 'PUT',
    url: '/api/oncall-schedules/:id',
    summary: 'Replace a schedule’s settings (send `version` to guard against lost updates)',
    tags,
    permission: 'oncall.manage',
    params: uuidParam,
    body: scheduleInput.safeExtend({ version: z.number().int().optional() }),
    response: scheduleOut,
    handler: async (ctx) => {
      await load(me(ctx.principal).orgId, ctx.params.id);
      const { version, ...s } = ctx.body;
      return save(me(ctx.principal), ctx.params.id, s, version, meta(ctx));
    },
  });
  r.add({
    method: 'DELETE',
    url: '/api/oncall-schedules/:id',
    summary: 'Delete a schedule',
    tags,
    permission: 'oncall.manage',
    params: uuidParam,
    status: 204,
    handler: async (ctx) => {
      const p = me(ctx.principal);
      const row = await load(p.orgId, ctx.params.id);
      await deps.db.transaction(async (tx) => {
        await tx.execute(sql`DELETE FROM oncall_schedules WHERE id = ${row.id}`);
        await recordEvent(tx, deps.clock, {
          orgId: p.orgId,
          type: 'oncall.deleted',
          actor: actorOf(p),
          subjectType: 'oncall_schedule',
          subjectId: row.id,
          data: { name: row.settings.name },
          ...meta(ctx),
        });
      });
    },
  });
  r.add({
    method: 'GET',
    url: '/api/me/notification-preferences',
    summary: 'My quiet hours',
    tags,
    permission: 'profile.read',
    response: notificationPreferencesInput,
    handler: async (ctx) => {
      const p = me(ctx.principal);
      const r = await deps.db.execute<{ quiet_hours: NotificationPreferences['quietHours'] }>(
        sql`SELECT quiet_hours FROM notification_preferences WHERE user_id = ${p.kind === 'user' ? p.userId : null}`,
      );
      return { quietHours: r.rows[0]?.quiet_hours ?? null };
    },
  });
  r.add({
    method: 'PUT',
    url: '/api/me/notification-preferences',
    summary: 'Set my quiet hours (null: none); escalation does not page me then, unless the risk is high',
    tags,
    permission: 'profile.update',
    body: notificationPreferencesInput,
    response: notificationPreferencesInput,
    handler: async (ctx) => {
      const p = me(ctx.principal);
      if (p.kind !== 'user') throw new AppError('forbidden', 'Only people have quiet hours.');
      await deps.db.transaction(async (tx) => {
        await tx.execute(sql`
          INSERT INTO notification_preferences (user_id, org_id, quiet_hours, updated_at)
          VALUES (${p.userId}, ${p.orgId}, ${JSON.stringify(ctx.body.quietHours)}::jsonb, ${deps.clock.now().toISOString()})
          ON CONFLICT (user_id) DO UPDATE SET quiet_hours = EXCLUDED.quiet_hours, updated_at = EXCLUDED.updated_at`);
        await recordEvent(tx, deps.clock, {
          orgId: p.orgId,
          type: 'oncall.quiet_hours_set',
          actor: actorOf(p),
          subjectType: 'user',
          subjectId: p.userId,
          data: { quietHours: ctx.body.quietHours },
          ...meta(ctx),
        });
      });
      return ctx.body;
    },
  });

  r.add({
    method: 'GET',
    url: '/api/oncall-schedules/:id/coverage',
    summary: 'Who is on call over the next days, in segments; null segments are gaps',
    tags,
    permission: 'alert.read',
    params: uuidParam,
    query: z.strictObject({ days: z.coerce.number().int().min(1).max(28).optional() }),
    response: z.object({
      segments: z.array(z.object({ start: z.string(), end: z.string(), userId: z.string().nullable() })),
      gapMinutes: z.number().int(),
    }),
    handler: async (ctx) => {
      const row = await load(me(ctx.principal).orgId, ctx.params.id);
      const from = Math.floor(deps.clock.now().getTime() / 900_000) * 900_000;
      const segments = coverageOf(row.settings, from, from + (ctx.query.days ?? 7) * 86_400_000);
      const gapMinutes = segments
        .filter((s) => s.userId === null)
        .reduce((a, s) => a + (Date.parse(s.end) - Date.parse(s.start)) / 60_000, 0);
      return { segments, gapMinutes: Math.round(gapMinutes) };
    },
  });
}
