// The event spine: one hash-chained row per state change, written in the caller's transaction,
// announced to every app process after commit through NOTIFY.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Clock } from './clock.ts';
import type { Executor } from './db.ts';

/** Who did it. */
export type Actor =
  | { type: 'user'; id: string; label: string }
  | { type: 'token'; id: string; label: string }
  | { type: 'system'; label: string };

/**
 * What to record. The live notice goes to the organisation's room (unless `orgRoom: false`, for things not
 * everyone there may see), the crisis's room when there is one, and any `rooms` added (listed first, so a
 * `user:` room's re-check runs before the other rooms hear of the event).
 */
export type EventInput = {
  orgId: string | null;
  type: string;
  actor: Actor;
  subjectType?: string;
  subjectId?: string;
  crisisId?: string;
  data?: Record<string, unknown>;
  rooms?: string[];
  /** Announce to `org:<orgId>` (default true). */
  orgRoom?: boolean;
  requestId?: string;
  ip?: string;
};

/** The channel all app processes LISTEN on. */
export const EVENTS_CHANNEL = 'firebreak_events';
/** The invalidation message sent to live clients. */
export type LiveMessage = { type: string; id: string | null; subject: string | null; version: number };
/** The payload NOTIFY carries between processes. */
export type EventNotice = LiveMessage & { rooms: string[] };

const CHAIN_LOCK = 715_002;
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every level, so the same row always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The fields of an event row that the hash covers. */
export type HashedRow = {
  id: number;
  orgId: string | null;
  type: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string | null;
  subjectType: string | null;
  subjectId: string | null;
  crisisId: string | null;
  data: unknown;
  requestId: string | null;
  ip: string | null;
  createdAt: Date;
};

/** sha256(previous_hash || canonical_json(row)). */
export function chainHash(prevHash: string, row: HashedRow): string {
  return crypto.createHash('sha256').update(prevHash).update(canonicalJson(row)).digest('hex');
}

/** Appends an event in the caller's transaction; the NOTIFY is delivered only if it commits. */
export async function recordEvent(tx: Executor, clock: Clock, input: EventInput): Promise<{ id: number }> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const last = await tx.execute<{ id: string; hash: string }>(sql`SELECT id, hash FROM events ORDER BY id DESC LIMIT 1`);
  const prev = last.rows[0];
  const row: HashedRow = {
    id: prev ? Number(prev.id) + 1 : 1,
    orgId: input.orgId,
    type: input.type,
    actorType: input.actor.type,
    actorId: input.actor.type === 'system' ? null : input.actor.id,
    actorLabel: input.actor.label,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    crisisId: input.crisisId ?? null,
    data: JSON.parse(canonicalJson(input.data ?? {})),
    requestId: input.requestId ?? null,
    ip: input.ip ?? null,
    createdAt: new Date(Math.floor(clock.now().getTime())),
  };
  const prevHash = prev?.hash ?? GENESIS_HASH;
  const hash = chainHash(prevHash, row);
  await tx.execute(sql`
    INSERT INTO events (id, org_id, type, actor_type, actor_id, actor_label, subject_type, subject_id,
      crisis_id, data, request_id, ip, created_at, prev_hash, hash)
    VALUES (${row.id}, ${row.orgId}, ${row.type}, ${row.actorType}, ${row.actorId}, ${row.actorLabel},
      ${row.subjectType}, ${row.subjectId}, ${row.crisisId}, ${JSON.stringify(row.data)}::jsonb,
      ${row.requestId}, ${row.ip}, ${row.createdAt.toISOString()}, ${prevHash}, ${hash})`);
  const rooms = new Set(input.rooms ?? []);
  if (input.orgId && input.orgRoom !== false) rooms.add(`org:${input.orgId}`);
  if (input.crisisId) rooms.add(`crisis:${input.crisisId}`);
  const notice: EventNotice = {
    type: input.type,
    id: input.subjectId ?? null,
    subject: input.subjectType ?? null,
    version: row.id,
    rooms: [...rooms],
  };
  await tx.execute(sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify(notice)})`);
  return { id: row.id };
}

/** Result of walking the chain. */
export type ChainReport = { ok: true; checked: number } | { ok: false; checked: number; brokenAt: number; reason: string };

/** Walks the whole chain in id order and reports the first broken link. */
export async function verifyChain(db: Executor, batch = 2000): Promise<ChainReport> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const res = await db.execute<Record<string, unknown>>(sql`
      SELECT id, org_id, type, actor_type, actor_id, actor_label, subject_type, subject_id, crisis_id,
        data, request_id, ip, created_at, prev_hash, hash
      FROM events WHERE id >= ${expectedId} ORDER BY id LIMIT ${batch}`);
    if (res.rows.length === 0) return { ok: true, checked };
    for (const r of res.rows) {
      const id = Number(r.id);
      if (id !== expectedId) return { ok: false, checked, brokenAt: expectedId, reason: `event ${expectedId} is missing` };
      if (r.prev_hash !== prevHash) return { ok: false, checked, brokenAt: id, reason: 'prev_hash does not match the previous event' };
      const row: HashedRow = {
        id,
        orgId: (r.org_id as string) ?? null,
        type: r.type as string,
        actorType: r.actor_type as string,
        actorId: (r.actor_id as string) ?? null,
        actorLabel: (r.actor_label as string) ?? null,
        subjectType: (r.subject_type as string) ?? null,
        subjectId: (r.subject_id as string) ?? null,
        crisisId: (r.crisis_id as string) ?? null,
        data: r.data,
        requestId: (r.request_id as string) ?? null,
        ip: (r.ip as string) ?? null,
        createdAt: new Date(r.created_at as string),
      };
      if (chainHash(prevHash, row) !== r.hash) return { ok: false, checked, brokenAt: id, reason: 'content does not match its hash' };
      prevHash = r.hash as string;
      expectedId = id + 1;
      checked++;
    }
  }
}
