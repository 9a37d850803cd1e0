// Running an import in the background: batches of ≤ 1,000 rows through the ingest pipeline, each batch
// and its progress committed together (a crash never double-counts), resumable from `rows_done`, one
// process per import (a session advisory lock), stopped cleanly between batches when the server closes.
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { Db, Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import { MAX_BATCH, type PushResult } from '../contract.ts';
import type { Rejection } from '../import-contract.ts';
import { countRows, type ImportItem, importItems, keepFirst, rejectionOf } from './import-items.ts';
import { importProblem } from './import-parse.ts';
import { type ImportRow, loadImport } from './import-store.ts';
import { type IngestDeps, ingestMentions } from './ingest.ts';

const LOCK_CLASS = 715_010;
const SYSTEM: Actor = { type: 'system', label: 'import' };

/** Progress reported after each committed batch. */
export type ImportProgress = { rowsDone: number; rowsTotal: number; accepted: number; duplicate: number; rejected: number };

type Meta = { requestId?: string; ip?: string };

async function tryLock(pool: pg.Pool, id: string): Promise<pg.PoolClient | null> {
  const client = await pool.connect();
  try {
    const r = await client.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS ok', [LOCK_CLASS, id]);
    if (r.rows[0].ok) return client;
  } catch (e) {
    client.release();
    throw e;
  }
  client.release();
  return null;
}

async function unlock(client: pg.PoolClient, id: string) {
  try {
    await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [LOCK_CLASS, id]);
    client.release();
  } catch (e) {
    client.release(e as Error); // a broken connection: drop it (its session lock went with it)
  }
}

/** Stores one batch and its progress in one transaction; false if the import was cancelled or moved on meanwhile. */
async function commitBatch(deps: IngestDeps, imp: ImportRow, actor: Actor, items: ImportItem[], expected: number) {
  return deps.db.transaction(async (tx) => {
    const cur = await tx.execute<{ status: string; rows_done: number; rejections: ImportItem[]; source_status: string }>(sql`
      SELECT i.status, i.rows_done, i.rejections, s.status AS source_status
      FROM imports i JOIN sources s ON s.id = i.source_id WHERE i.id = ${imp.id} FOR UPDATE OF i`);
    const c = cur.rows[0];
    if (c.status !== 'running' || c.rows_done !== expected) return false;
    if (c.source_status !== 'active')
      throw importProblem(
        'source_paused',
        `The source “${imp.source_name}” was paused; resume it, then start the import again.`,
        'conflict',
      );
    const raws = items.flatMap((x) => ('raw' in x ? [x.raw] : []));
    let results: PushResult['items'] = [];
    if (raws.length) {
      // The import source is this batch's collector: ingestMentions stores into it although it is not a push source.
      const db = tx as unknown as Db; // a nested transaction becomes a savepoint: the batch and its progress commit together
      results = (await ingestMentions({ db, clock: deps.clock }, imp.org_id, actor, raws, {}, { collectorId: imp.source_id })).items;
    }
    const n = { accepted: 0, duplicate: 0, rejected: 0 };
    const rejections: Rejection[] = [];
    let k = 0;
    for (const x of items) {
      if (!('raw' in x)) {
        n.rejected++;
        rejections.push(rejectionOf(x.row, x));
        continue;
      }
      const r = results[k++];
      n[r.status]++;
      if (r.status === 'rejected')
        rejections.push(rejectionOf(x.row, { reason: r.reason ?? 'rejected', code: r.code ?? 'invalid', field: r.field }));
    }
    const kept = keepFirst(c.rejections as never, rejections);
    await tx.execute(sql`
      UPDATE imports SET rows_done = rows_done + ${items.length}, accepted = accepted + ${n.accepted},
        duplicate = duplicate + ${n.duplicate}, rejected = rejected + ${n.rejected}, rejections = ${JSON.stringify(kept)}::jsonb,
        updated_at = ${deps.clock.now().toISOString()} WHERE id = ${imp.id}`);
    return true;
  });
}

async function finish(deps: IngestDeps, imp: ImportRow, actor: Actor, expected: number, failure?: string) {
  await deps.db.transaction(async (tx) => {
    const cur = await tx.execute<{ status: string; rows_done: number }>(
      sql`SELECT status, rows_done FROM imports WHERE id = ${imp.id} FOR UPDATE`,
    );
    if (cur.rows[0].status !== 'running' || (!failure && cur.rows[0].rows_done !== expected)) return;
    const now = deps.clock.now().toISOString();
    const done = await tx.execute<{ accepted: number; duplicate: number; rejected: number; rows_done: number }>(sql`
      UPDATE imports SET status = ${failure ? 'failed' : 'done'}, error = ${failure ?? null}, updated_at = ${now},
        finished_at = ${failure ? null : now}, version = version + 1
      WHERE id = ${imp.id} RETURNING accepted, duplicate, rejected, rows_done`);
    const r = done.rows[0];
    await recordEvent(tx, deps.clock, {
      orgId: imp.org_id,
      type: failure ? 'import.failed' : 'import.finished',
      actor,
      subjectType: 'import',
      subjectId: imp.id,
      data: {
        fileName: imp.file_name,
        source: imp.source_name,
        rowsDone: r.rows_done,
        accepted: r.accepted,
        duplicate: r.duplicate,
        rejected: r.rejected,
        ...(failure ? { error: failure } : {}),
      },
    });
  });
}

/** Creates the runner a server (or the CLI) uses to run imports; close() stops it between batches. */
export function createImportRunner(deps: IngestDeps, opts: { log?: (message: string, err?: unknown) => void } = {}) {
  const pool = (deps.db as unknown as { $client: pg.Pool }).$client;
  const active = new Map<string, Promise<void>>();
  const stop = new AbortController();

  async function loop(imp: ImportRow, actor: Actor, onProgress?: (p: ImportProgress) => void) {
    let expected = imp.rows_done;
    try {
      const rowsTotal = imp.rows_total ?? (await countRows(deps.db, imp));
      if (imp.rows_total === null) await deps.db.execute(sql`UPDATE imports SET rows_total = ${rowsTotal} WHERE id = ${imp.id}`);
      let seen = 0;
      let batch: ImportItem[] = [];
      const flush = async () => {
        const ok = await commitBatch(deps, imp, actor, batch, expected);
        if (!ok) return false;
        expected += batch.length;
        batch = [];
        if (onProgress) {
          const now = await loadImport(deps.db, imp.org_id, imp.id);
          onProgress({ rowsDone: now.rows_done, rowsTotal, accepted: now.accepted, duplicate: now.duplicate, rejected: now.rejected });
        }
        return !stop.signal.aborted;
      };
      for await (const item of importItems(deps.db, imp)) {
        if (seen++ < imp.rows_done) continue; // committed before a crash or restart
        batch.push(item);
        if (batch.length >= MAX_BATCH && !(await flush())) return;
      }
      if (batch.length && !(await flush())) return;
      await finish(deps, imp, actor, expected);
    } catch (e) {
      if (stop.signal.aborted) return; // closing: stays `running`, resumed at the next start
      opts.log?.(`import ${imp.id} failed`, e);
      const message = e instanceof AppError ? e.message : 'The import stopped on an unexpected error; start it again to resume.';
      await finish(deps, imp, actor, expected, message).catch((err) => opts.log?.(`import ${imp.id}: could not record the failure`, err));
    }
  }

  function launch(imp: ImportRow, lock: pg.PoolClient, actor: Actor, onProgress?: (p: ImportProgress) => void) {
    const run = loop(imp, actor, onProgress).finally(async () => {
      active.delete(imp.id);
      await unlock(lock, imp.id);
    });
    active.set(imp.id, run);
    return run;
  }

  /** Takes the import's lock and marks it running; `check` validates it inside that transaction. */
  async function begin(orgId: string, id: string, actor: Actor, meta: Meta, check: (tx: Executor, imp: ImportRow) => Promise<void>) {
    if (stop.signal.aborted) throw new AppError('database_unavailable', 'The server is shutting down.');
    const lock = active.has(id) ? null : await tryLock(pool, id);
    if (!lock) throw importProblem('already_running', 'This import is already running.', 'conflict');
    try {
      const imp = await deps.db.transaction(async (tx) => {
        const row = await loadImport(tx, orgId, id, true);
        await check(tx, row);
        const now = deps.clock.now().toISOString();
        await tx.execute(
          sql`UPDATE imports SET status = 'running', error = NULL, updated_at = ${now}, version = version + 1 WHERE id = ${id}`,
        );
        await recordEvent(tx, deps.clock, {
          orgId,
          type: 'import.started',
          actor,
          subjectType: 'import',
          subjectId: id,
          data: { fileName: row.file_name, source: row.source_name, resumedAt: row.rows_done },
          ...meta,
        });
        return { ...row, status: 'running' as const };
      });
      return { imp, lock };
    } catch (e) {
      await unlock(lock, id);
      throw e;
    }
  }

  return {
    /** Starts (or resumes) an import in the background; answers once it is marked running. */
    async start(orgId: string, id: string, actor: Actor, meta: Meta, check: (tx: Executor, imp: ImportRow) => Promise<void>) {
      const { imp, lock } = await begin(orgId, id, actor, meta, check);
      void launch(imp, lock, actor);
    },
    /** Starts (or resumes) an import and waits for it to end (the CLI). */
    async runToEnd(
      orgId: string,
      id: string,
      actor: Actor,
      check: (tx: Executor, imp: ImportRow) => Promise<void>,
      onProgress?: (p: ImportProgress) => void,
    ) {
      const { imp, lock } = await begin(orgId, id, actor, {}, check);
      await launch(imp, lock, actor, onProgress);
    },
    /** Resumes imports left running by a crash or restart (those no other process holds). */
    async resumeRunning() {
      const res = await deps.db.execute<{ id: string; org_id: string }>(sql`SELECT id, org_id FROM imports WHERE status = 'running'`);
      for (const r of res.rows) {
        if (active.has(r.id) || stop.signal.aborted) continue;
        const lock = await tryLock(pool, r.id);
        if (!lock) continue;
        const imp = await loadImport(deps.db, r.org_id, r.id).catch(async (e) => {
          await unlock(lock, r.id);
          throw e;
        });
        if (imp.status !== 'running') await unlock(lock, r.id);
        else void launch(imp, lock, SYSTEM);
      }
    },
    /** Stops after the current batches (their imports stay `running` and resume at the next start). */
    async close() {
      stop.abort();
      await Promise.allSettled([...active.values()]);
    },
  };
}

/** The import runner. */
export type ImportRunner = ReturnType<typeof createImportRunner>;
