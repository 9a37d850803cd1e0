// Storage of imports: the file in ≤ 1 MiB chunks, the import row as the API shows it, and the
// import source (found or created by name; other kinds and paused sources are refused).
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { notFound } from '../../../platform/errors.ts';
import type { DryRunResult, ImportFormat, ImportMapping, ImportOut, ImportStatus, Rejection } from '../import-contract.ts';
import { importProblem } from './import-parse.ts';

/** Size of one stored piece of a file. */
export const CHUNK_BYTES = 1024 * 1024;

/** The import row with its source, as loaded for the services. */
export type ImportRow = {
  id: string;
  org_id: string;
  source_id: string;
  source_name: string;
  source_status: string;
  source_kind: string;
  file_name: string;
  format: ImportFormat;
  sha256: string;
  size_bytes: string;
  mapping: ImportMapping | null;
  status: ImportStatus;
  dry_run: DryRunResult | null;
  rows_total: number | null;
  rows_done: number;
  accepted: number;
  duplicate: number;
  rejected: number;
  rejections: Rejection[];
  error: string | null;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  finished_at: Date | null;
  version: number;
};

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

const SELECT = sql`
  SELECT i.*, s.name AS source_name, s.status AS source_status, s.kind AS source_kind, u.name AS created_by_name
  FROM imports i JOIN sources s ON s.id = i.source_id LEFT JOIN users u ON u.id = i.created_by`;

/** Loads an import of the organisation (404 otherwise); `lock` takes the row for update. */
export async function loadImport(db: Executor, orgId: string, id: string, lock = false): Promise<ImportRow> {
  const res = await db.execute<ImportRow>(sql`${SELECT} WHERE i.id = ${id} AND i.org_id = ${orgId} ${lock ? sql`FOR UPDATE OF i` : sql``}`);
  if (!res.rows[0]) throw notFound('No such import.');
  return res.rows[0];
}

/** The organisation's imports, newest first. */
export async function loadImports(db: Executor, orgId: string, limit = 100): Promise<ImportRow[]> {
  const res = await db.execute<ImportRow>(sql`${SELECT} WHERE i.org_id = ${orgId} ORDER BY i.created_at DESC, i.id LIMIT ${limit}`);
  return res.rows;
}

/** The API shape of an import row. */
export function toImportOut(r: ImportRow): ImportOut {
  return {
    id: r.id,
    fileName: r.file_name,
    format: r.format,
    sizeBytes: Number(r.size_bytes),
    sha256: r.sha256,
    source: { id: r.source_id, name: r.source_name, status: r.source_status },
    mapping: r.mapping,
    status: r.status,
    dryRun: r.dry_run,
    rowsTotal: r.rows_total,
    rowsDone: r.rows_done,
    accepted: r.accepted,
    duplicate: r.duplicate,
    rejected: r.rejected,
    rejections: r.rejections ?? [],
    error: r.error,
    createdBy: r.created_by_name,
    createdAt: iso(r.created_at) as string,
    updatedAt: iso(r.updated_at) as string,
    finishedAt: iso(r.finished_at),
    version: r.version,
  };
}

/** The file's bytes, chunk by chunk, in order (one chunk in memory at a time). */
export async function* readChunks(db: Executor, importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const res = await db.execute<{ data: Buffer }>(sql`SELECT data FROM import_chunks WHERE import_id = ${importId} AND seq = ${seq}`);
    if (!res.rows[0]) return;
    yield res.rows[0].data;
  }
}

/** Stores one chunk of a file. */
export async function writeChunk(db: Executor, importId: string, seq: number, data: Buffer) {
  await db.execute(sql`INSERT INTO import_chunks (import_id, seq, data) VALUES (${importId}, ${seq}, ${data})`);
}

/** The organisation's import sources (for the target picker). */
export async function importSources(db: Executor, orgId: string) {
  const res = await db.execute<{ id: string; name: string; status: string }>(
    sql`SELECT id, name, status FROM sources WHERE org_id = ${orgId} AND kind = 'import' ORDER BY name`,
  );
  return res.rows;
}

/**
 * The import source with this name, created if missing. An existing source of another kind is refused
 * (a push or feed source's ids belong to its collector; mixing files in would confuse both), and so
 * is a paused one (paused means "collect nothing": resume it first).
 */
export async function resolveImportSource(tx: Executor, orgId: string, name: string, userId: string | null) {
  await tx.execute(sql`
    INSERT INTO sources (org_id, kind, name, created_by) VALUES (${orgId}, 'import', ${name}, ${userId})
    ON CONFLICT (org_id, name) DO NOTHING`);
  const res = await tx.execute<{ id: string; name: string; kind: string; status: string }>(
    sql`SELECT id, name, kind, status FROM sources WHERE org_id = ${orgId} AND name = ${name}`,
  );
  const s = res.rows[0];
  if (s.kind !== 'import') {
    throw importProblem('source_kind', `“${name}” is a ${s.kind} source; imports go into import sources. Choose another name.`, 'conflict');
  }
  if (s.status !== 'active') {
    throw importProblem('source_paused', `The source “${name}” is paused; resume it on the sources page or choose another.`, 'conflict');
  }
  return s;
}
