// The search indexer for crises, tasks, timeline notes and statements: it follows the event spine from where it
// stopped (`search_indexer_state`), and for every thing an event touched re-reads the LIVE row and upserts its
// `search_entries` row (or removes it when the thing is gone). Re-reading instead of applying event data makes
// it idempotent: running a batch twice, or out of order with a direct write, ends in the same rows. One runner
// at a time (a transaction advisory lock, tried, never waited for), one transaction per batch, so the cursor
// only moves with the entries it covers. Documents and attachments are indexed by their own transactions.
import { type SQL, sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Db, Executor } from '../../../platform/db.ts';
import { upsertSearchEntry } from './search-index.ts';

/** Advisory lock class of the indexer (transaction-scoped, tried). */
const INDEXER_LOCK = 715_040;
/** Events read per batch (one transaction). */
export const INDEXER_BATCH = 500;

type EventRow = {
  id: string;
  type: string;
  subject_type: string | null;
  subject_id: string | null;
  crisis_id: string | null;
  org_id: string | null;
  note: string | null;
  created_at: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What one batch of events asks to re-read: the latest event time per thing. */
function touched(rows: EventRow[]) {
  const crises = new Map<string, Date>();
  const tasks = new Map<string, Date>();
  const statements = new Map<string, Date>();
  for (const e of rows) {
    const at = new Date(e.created_at);
    if (e.crisis_id) crises.set(e.crisis_id, at);
    if (!e.subject_id || !UUID.test(e.subject_id)) continue;
    if (e.subject_type === 'crisis') crises.set(e.subject_id, at);
    if (e.subject_type === 'crisis_task') tasks.set(e.subject_id, at);
    if (e.subject_type === 'statement') statements.set(e.subject_id, at);
  }
  return { crises, tasks, statements };
}

/** Removes entries of `kind` among `ids` whose thing no longer exists (`live` lists those that do). */
async function removeGone(tx: Executor, kind: string, ids: string[], live: Set<string>) {
  const gone = ids.filter((id) => !live.has(id));
  if (gone.length) await tx.execute(sql`DELETE FROM search_entries WHERE kind = ${kind} AND ref_id = ANY(${sql.param(gone)}::text[])`);
}

type LiveRow = { id: string; org_id: string; crisis_id: string; title: string; body: string | null };

/** Upserts the live rows of `kind` that events touched (read by `read`), and removes the entries of those gone. */
async function reindex(tx: Executor, kind: 'crisis' | 'task' | 'statement', touchedAt: Map<string, Date>, read: (ids: SQL) => SQL) {
  const ids = [...touchedAt.keys()];
  if (!ids.length) return;
  const r = await tx.execute<LiveRow>(read(sql`${sql.param(ids)}::uuid[]`));
  for (const x of r.rows)
    await upsertSearchEntry(tx, {
      orgId: x.org_id,
      kind,
      refId: x.id,
      parentId: kind === 'crisis' ? null : x.crisis_id,
      crisisId: x.crisis_id,
      title: x.title,
      body: x.body ?? '',
      at: touchedAt.get(x.id) as Date,
    });
  await removeGone(tx, kind, ids, new Set(r.rows.map((x) => x.id)));
}

const indexCrises = (tx: Executor, touchedAt: Map<string, Date>) =>
  reindex(
    tx,
    'crisis',
    touchedAt,
    (ids) => sql`SELECT id, org_id, id AS crisis_id, title, summary AS body FROM crises WHERE id = ANY(${ids})`,
  );

// A task's text: its title, then its detail, blocked reason and comments (the task's notes), oldest first.
const indexTasks = (tx: Executor, touchedAt: Map<string, Date>) =>
  reindex(
    tx,
    'task',
    touchedAt,
    (ids) => sql`
    SELECT t.id, t.org_id, t.crisis_id, t.title,
      concat_ws(E'\n', t.detail, t.blocked_reason,
        (SELECT string_agg(c.body, E'\n' ORDER BY c.created_at) FROM crisis_task_comments c WHERE c.task_id = t.id)) AS body
    FROM crisis_tasks t WHERE t.id = ANY(${ids})`,
  );

// A statement's text: its head version's.
const indexStatements = (tx: Executor, touchedAt: Map<string, Date>) =>
  reindex(
    tx,
    'statement',
    touchedAt,
    (ids) => sql`
    SELECT s.id, c.org_id, s.crisis_id, s.title, v.text AS body
    FROM statements s JOIN crises c ON c.id = s.crisis_id
    LEFT JOIN statement_versions v ON v.statement_id = s.id AND v.number = s.head
    WHERE s.id = ANY(${ids})`,
  );

/** Timeline notes are events themselves (append-only): the entry is written once from the event. */
async function indexNotes(tx: Executor, rows: EventRow[]) {
  for (const e of rows) {
    if (e.type !== 'crisis.note_added' || !e.org_id || !e.crisis_id) continue;
    await upsertSearchEntry(tx, {
      orgId: e.org_id,
      kind: 'note',
      refId: String(e.id),
      parentId: e.crisis_id,
      crisisId: e.crisis_id,
      title: '',
      body: e.note ?? '',
      at: new Date(e.created_at),
    });
  }
}

/**
 * Indexes one batch of events after the cursor, if no one else is indexing. Returns how many events it
 * consumed, or null when another runner holds the lock.
 */
export async function indexBatch(db: Db, clock: Clock, batch = INDEXER_BATCH): Promise<number | null> {
  return db.transaction(async (tx) => {
    const lock = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${INDEXER_LOCK}) AS ok`);
    if (!lock.rows[0]?.ok) return null;
    const st = await tx.execute<{ last_event_id: string }>(sql`SELECT last_event_id FROM search_indexer_state WHERE id = 1`);
    const cursor = st.rows[0] ? Number(st.rows[0].last_event_id) : 0;
    const ev = await tx.execute<EventRow>(sql`
      SELECT id, type, subject_type, subject_id, crisis_id, org_id, data->>'text' AS note, created_at
      FROM events WHERE id > ${cursor} ORDER BY id LIMIT ${batch}`);
    if (ev.rows.length === 0) return 0;
    const t = touched(ev.rows);
    await indexCrises(tx, t.crises);
    await indexTasks(tx, t.tasks);
    await indexStatements(tx, t.statements);
    await indexNotes(tx, ev.rows);
    const last = Number(ev.rows[ev.rows.length - 1].id);
    await tx.execute(sql`
      INSERT INTO search_indexer_state (id, last_event_id, updated_at) VALUES (1, ${last}, ${clock.now().toISOString()})
      ON CONFLICT (id) DO UPDATE SET last_event_id = EXCLUDED.last_event_id, updated_at = EXCLUDED.updated_at`);
    return ev.rows.length;
  });
}

/**
 * Runs batches until the spine is caught up, at most `maxBatches` (bounded: a search waits for at most a few),
 * or another runner holds the lock. Returns the events consumed.
 */
export async function catchUpIndex(db: Db, clock: Clock, maxBatches: number): Promise<number> {
  let total = 0;
  for (let i = 0; i < maxBatches; i++) {
    const n = await indexBatch(db, clock);
    if (n === null || n === 0) break;
    total += n;
    if (n < INDEXER_BATCH) break;
  }
  return total;
}
