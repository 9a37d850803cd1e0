// The audit log: the organisation's events, newest first, filtered; and the chain check.
import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Principal } from '../../../platform/http.ts';
import { events } from '../../../platform/schema.ts';
import type { AuditEvent } from '../contract.ts';
import type { PeopleDeps } from './deps.ts';

/** Filters of the audit log. */
export type AuditFilter = {
  type?: string;
  actorId?: string;
  subjectId?: string;
  from?: string;
  to?: string;
  before?: number;
  limit: number;
};

/** One page of the organisation's audit log (keyset paginated by event id). */
export async function listAudit(
  deps: PeopleDeps,
  p: Principal,
  f: AuditFilter,
): Promise<{ events: AuditEvent[]; nextBefore: number | null }> {
  const where: SQL[] = [eq(events.orgId, p.orgId)];
  if (f.type) where.push(f.type.endsWith('.') ? gte(events.type, f.type) : eq(events.type, f.type));
  if (f.type?.endsWith('.')) where.push(lt(events.type, `${f.type.slice(0, -1)}/`));
  if (f.actorId) where.push(eq(events.actorId, f.actorId));
  if (f.subjectId) where.push(eq(events.subjectId, f.subjectId));
  if (f.from) where.push(gte(events.createdAt, new Date(f.from)));
  if (f.to) where.push(lte(events.createdAt, new Date(f.to)));
  if (f.before) where.push(lt(events.id, f.before));
  const rows = await deps.db
    .select()
    .from(events)
    .where(and(...where))
    .orderBy(desc(events.id))
    .limit(f.limit + 1);
  const page = rows.slice(0, f.limit);
  return {
    events: page.map((e) => ({
      id: e.id,
      type: e.type,
      actorType: e.actorType,
      actorId: e.actorId,
      actorLabel: e.actorLabel,
      subjectType: e.subjectType,
      subjectId: e.subjectId,
      data: (e.data ?? {}) as Record<string, unknown>,
      requestId: e.requestId,
      ip: e.ip,
      createdAt: e.createdAt.toISOString(),
    })),
    nextBefore: rows.length > f.limit ? page[page.length - 1].id : null,
  };
}
