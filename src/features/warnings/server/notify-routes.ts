// Notification channel routes: list (secrets masked, health shown), add, edit, delete, send a test,
// and each channel's recent deliveries with every attempt.
import { type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import { actorOf, type Principal, type Router } from '../../../platform/http.ts';
import type { Severity } from '../contract.ts';
import * as c from '../notify-contract.ts';
import { FAILING_AFTER, type NotifyDeps, queueTest } from './notify.ts';

type Meta = { requestId?: string; ip?: string };
type Row = {
  id: string;
  kind: c.ChannelKind;
  name: string;
  config: c.ChannelConfig;
  enabled: boolean;
  min_severity: Severity;
  last_success_at: Date | null;
  last_failure_at: Date | null;
  last_error: string | null;
  consecutive_failures: number;
  version: number;
};

const me = (p: Principal | null) => p as Principal;
const meta = (ctx: { requestId: string; ip: string }) => ({ requestId: ctx.requestId, ip: ctx.ip });
const uuidParam = z.strictObject({ id: z.uuid() });
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/** Where a channel sends, without its secrets. */
export function maskedTarget(config: c.ChannelConfig): string {
  if (config.kind === 'email') return config.to.join(', ');
  if (config.kind === 'line') return `LINE → ${config.to}`;
  const u = new URL(config.url);
  return `${u.origin}/…${u.pathname.length > 4 ? '••••' : ''}`;
}

function view(r: Row): c.ChannelOut {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    target: maskedTarget(r.config),
    enabled: r.enabled,
    minSeverity: r.min_severity,
    health: r.consecutive_failures >= FAILING_AFTER ? 'failing' : r.last_success_at || r.last_failure_at ? 'ok' : 'unused',
    lastSuccessAt: iso(r.last_success_at),
    lastFailureAt: iso(r.last_failure_at),
    lastError: r.last_error,
    consecutiveFailures: r.consecutive_failures,
    version: r.version,
  };
}

/** The channel; `lock`ed for the rest of the transaction, an edit compares its version with no other edit between. */
async function load(db: Executor, orgId: string, id: string, lock = false) {
  const r = await db.execute<Row>(
    sql`SELECT * FROM notification_channels WHERE id = ${id} AND org_id = ${orgId} ${lock ? sql`FOR UPDATE` : sql``}`,
  );
  if (!r.rows[0]) throw notFound('No such notification channel.');
  return r.rows[0];
}

async function audit(
  tx: Executor,
  deps: NotifyDeps,
  p: Principal,
  actor: Actor,
  type: string,
  id: string,
  data: Record<string, unknown>,
  m: Meta,
) {
  await recordEvent(tx, deps.clock, { orgId: p.orgId, type, actor, subjectType: 'notification_channel', subjectId: id, data, ...m });
}

const duplicate = (e: unknown) => {
  if ((e as { cause?: { code?: string } }).cause?.code === '23505' || (e as { code?: string }).code === '23505')
    throw new AppError('conflict', 'Another channel already has this name.', {
      errors: [{ path: 'name', message: 'taken', code: 'taken' }],
    });
  throw e;
};

/** Registers the notification channel routes. */
export function registerNotifyRoutes(r: Router, deps: NotifyDeps) {
  const tags = ['warnings'];
  // Writes a channel row and logs it, with what the audit needs of the result, in the caller's transaction.
  const write = async (
    tx: Executor,
    p: Principal,
    m: Meta,
    query: SQL,
    type: string,
    data: (o: c.ChannelOut) => Record<string, unknown>,
  ) => {
    const row = await tx.execute<Row>(query).catch(duplicate);
    const out = view(row.rows[0]);
    await audit(tx, deps, p, actorOf(p), type, out.id, data(out), m);
    return out;
  };
  r.add({
    method: 'GET',
    url: '/api/notification-channels',
    summary: 'Notification channels with their health',
    tags,
    permission: 'channel.read',
    response: z.array(c.channelOut),
    handler: async (ctx) => {
      const rows = await deps.db.execute<Row>(
        sql`SELECT * FROM notification_channels WHERE org_id = ${me(ctx.principal).orgId} ORDER BY created_at`,
      );
      return rows.rows.map(view);
    },
  });

  r.add({
    method: 'POST',
    url: '/api/notification-channels',
    summary: 'Add a channel: e-mail, Slack, Teams, Discord, LINE or a signed webhook',
    tags,
    permission: 'channel.manage',
    body: c.createChannelInput,
    response: c.channelOut,
    status: 201,
    handler: async (ctx) => {
      const p = me(ctx.principal);
      const b = ctx.body;
      return deps.db.transaction((tx) =>
        write(
          tx,
          p,
          meta(ctx),
          sql`
          INSERT INTO notification_channels (org_id, kind, name, config, enabled, min_severity)
          VALUES (${p.orgId}, ${b.config.kind}, ${b.name}, ${JSON.stringify(b.config)}::jsonb, ${b.enabled ?? true}, ${b.minSeverity ?? 'L4'})
          RETURNING *`,
          'notification_channel.created',
          (o) => ({ kind: o.kind, name: o.name, target: o.target }),
        ),
      );
    },
  });

  r.add({
    method: 'PATCH',
    url: '/api/notification-channels/:id',
    summary: 'Edit, enable or disable a channel',
    tags,
    permission: 'channel.manage',
    params: uuidParam,
    body: c.updateChannelInput,
    response: c.channelOut,
    handler: (ctx) =>
      deps.db.transaction(async (tx) => {
        const p = me(ctx.principal);
        const before = await load(tx, p.orgId, ctx.params.id, true);
        const b = ctx.body;
        if (b.version !== undefined && b.version !== before.version)
          throw new AppError('conflict', 'Someone else changed this channel meanwhile; reload it and try again.');
        if (b.config && b.config.kind !== before.kind)
          throw new AppError('validation_failed', 'A channel cannot change its kind; add a new channel.');
        return write(
          tx,
          p,
          meta(ctx),
          sql`
          UPDATE notification_channels SET name = ${b.name ?? before.name}, config = ${JSON.stringify(b.config ?? before.config)}::jsonb,
            enabled = ${b.enabled ?? before.enabled}, min_severity = ${b.minSeverity ?? before.min_severity}, version = version + 1
          WHERE id = ${before.id} RETURNING *`,
          'notification_channel.updated',
          (o) => ({ name: o.name, target: o.target, enabled: o.enabled }),
        );
      }),
  });

  r.add({
    method: 'DELETE',
    url: '/api/notification-channels/:id',
    summary: 'Delete a channel (its delivery log goes with it; the audit log keeps what was sent)',
    tags,
    permission: 'channel.manage',
    params: uuidParam,
    status: 204,
    handler: (ctx) =>
      deps.db.transaction(async (tx) => {
        const p = me(ctx.principal);
        const before = await load(tx, p.orgId, ctx.params.id, true);
        await tx.execute(sql`DELETE FROM notification_channels WHERE id = ${before.id}`);
        await audit(
          tx,
          deps,
          p,
          actorOf(p),
          'notification_channel.deleted',
          before.id,
          { name: before.name, kind: before.kind },
          meta(ctx),
        );
      }),
  });

  r.add({
    method: 'POST',
    url: '/api/notification-channels/:id/test',
    summary: 'Send a test message through the channel now (delivered by the queue; see its deliveries)',
    tags,
    permission: 'channel.manage',
    params: uuidParam,
    status: 202,
    response: z.object({ deliveryId: z.uuid() }),
    handler: async (ctx) => {
      const p = me(ctx.principal);
      const ch = await load(deps.db, p.orgId, ctx.params.id);
      const deliveryId = await deps.db.transaction((tx) => queueTest(tx, p.orgId, ch.id));
      return { deliveryId };
    },
  });

  r.add({
    method: 'GET',
    url: '/api/notification-channels/:id/deliveries',
    summary: 'The channel’s last 50 deliveries, each with every attempt',
    tags,
    permission: 'channel.read',
    params: uuidParam,
    response: z.array(c.deliveryOut),
    handler: async (ctx) => {
      const ch = await load(deps.db, me(ctx.principal).orgId, ctx.params.id);
      const rows = await deps.db.execute<{
        id: string;
        event: string;
        alert_id: string | null;
        status: 'pending' | 'delivered' | 'failed';
        last_error: string | null;
        created_at: Date;
        delivered_at: Date | null;
        attempts: Array<{
          attempt: number;
          at: string;
          ok: boolean;
          status_code: number | null;
          error: string | null;
          duration_ms: number;
        }> | null;
      }>(sql`
        SELECT d.id, d.event, d.alert_id, d.status, d.last_error, d.created_at, d.delivered_at,
          (SELECT json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'ok', a.ok, 'status_code', a.status_code, 'error', a.error,
            'duration_ms', a.duration_ms) ORDER BY a.attempt) FROM delivery_attempts a WHERE a.delivery_id = d.id) AS attempts
        FROM notification_deliveries d WHERE d.channel_id = ${ch.id} ORDER BY d.created_at DESC LIMIT 50`);
      return rows.rows.map((d) => ({
        id: d.id,
        event: d.event,
        alertId: d.alert_id,
        status: d.status,
        lastError: d.last_error,
        createdAt: new Date(d.created_at).toISOString(),
        deliveredAt: iso(d.delivered_at),
        attempts: (d.attempts ?? []).map((a) => ({
          attempt: a.attempt,
          at: new Date(a.at).toISOString(),
          ok: a.ok,
          statusCode: a.status_code,
          error: a.error,
          durationMs: a.duration_ms,
        })),
      }));
    },
  });
}
