// File import (CSV / NDJSON) into an import source: upload (streamed into ≤ 1 MiB chunks with its
// sha256), column mapping, dry run, start/resume and cancel. The rows go through the same ingest
// pipeline as the push API, so a re-import of the same file stores nothing twice.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import {
  DEFAULT_TIME_ZONE,
  type ImportDetail,
  type ImportFormat,
  type ImportList,
  type ImportMapping,
  MAX_IMPORT_BYTES,
} from '../import-contract.ts';
import { checkMapping, dryRun } from './import-items.ts';
import { createUtf8Check, detectFormat, importProblem, readPreview } from './import-parse.ts';
import { looksLikeHeader } from './import-rows.ts';
import type { ImportRunner } from './import-runner.ts';
import {
  CHUNK_BYTES,
  type ImportRow,
  importSources,
  loadImport,
  loadImports,
  readChunks,
  resolveImportSource,
  toImportOut,
  writeChunk,
} from './import-store.ts';
import type { IngestDeps } from './ingest.ts';

type Meta = { requestId?: string; ip?: string };
const userIdOf = (p: Principal) => (p.kind === 'user' ? p.userId : null);
const EDITABLE = ['uploaded', 'checked', 'failed'];

/** What the upload needs besides the bytes. */
export type UploadInput = { fileName: string; source: string; format?: ImportFormat; contentType?: string };

/**
 * Stores an uploaded file as a new import (one transaction: a failed upload leaves nothing). Refuses
 * files over 100 MB, invalid UTF-8 (naming Big5 or UTF-16 when it looks like it) and CSV without a header row.
 */
export async function uploadImport(
  deps: IngestDeps,
  p: Principal,
  actor: Actor,
  input: UploadInput,
  body: AsyncIterable<Uint8Array>,
  meta: Meta,
) {
  const id = await deps.db.transaction(async (tx) => {
    const source = await resolveImportSource(tx, p.orgId, input.source, userIdOf(p));
    const ins = await tx.execute<{ id: string }>(sql`
      INSERT INTO imports (org_id, source_id, file_name, format, sha256, size_bytes, created_by, created_at, updated_at)
      VALUES (${p.orgId}, ${source.id}, ${input.fileName}, 'csv', '', 0, ${userIdOf(p)}, ${deps.clock.now().toISOString()}, ${deps.clock.now().toISOString()})
      RETURNING id`);
    const importId = ins.rows[0].id;
    const hash = crypto.createHash('sha256');
    const utf8 = createUtf8Check();
    let size = 0;
    let seq = 0;
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let head: Buffer | null = null;
    for await (const piece of body) {
      const b = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      size += b.length;
      if (size > MAX_IMPORT_BYTES)
        throw importProblem('too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it into smaller files.`);
      hash.update(b);
      utf8.push(b);
      pending.push(b);
      pendingBytes += b.length;
      while (pendingBytes >= CHUNK_BYTES) {
        const all = Buffer.concat(pending);
        head ??= all.subarray(0, 4096);
        await writeChunk(tx, importId, seq++, all.subarray(0, CHUNK_BYTES));
        pending = [all.subarray(CHUNK_BYTES)];
        pendingBytes = all.length - CHUNK_BYTES;
      }
    }
    utf8.end();
    if (pendingBytes > 0) {
      const rest = Buffer.concat(pending);
      head ??= rest.subarray(0, 4096);
      await writeChunk(tx, importId, seq++, rest);
    }
    if (size === 0 || !head) throw importProblem('empty_file', 'The file is empty.');
    const format = detectFormat(input.fileName, input.contentType, head, input.format);
    let mapping: ImportMapping | null = null;
    if (format === 'csv') {
      const preview = await readPreview('csv', readChunks(tx, importId), 1);
      if (!preview.headers.some((h) => h !== '') || !looksLikeHeader(preview.headers)) {
        throw importProblem(
          'no_header',
          'The first row must name the columns (e.g. 內容, 發布時間, 作者, 網址); it is missing or looks like data.',
        );
      }
      mapping = { columns: preview.suggested, timeZone: DEFAULT_TIME_ZONE };
    }
    await tx.execute(sql`
      UPDATE imports SET format = ${format}, sha256 = ${hash.digest('hex')}, size_bytes = ${size},
        mapping = ${mapping ? JSON.stringify(mapping) : null}::jsonb WHERE id = ${importId}`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'import.created',
      actor,
      subjectType: 'import',
      subjectId: importId,
      data: { fileName: input.fileName, source: source.name, format, sizeBytes: size },
      ...meta,
    });
    return importId;
  });
  return getImport(deps, p, id);
}

/** Past imports, newest first, and the import sources to choose from. */
export async function listImports(deps: IngestDeps, p: Principal): Promise<ImportList> {
  const [rows, sources] = await Promise.all([loadImports(deps.db, p.orgId), importSources(deps.db, p.orgId)]);
  return { imports: rows.map(toImportOut), sources };
}

/** One import with a preview of its first rows. */
export async function getImport(deps: IngestDeps, p: Principal, id: string): Promise<ImportDetail> {
  const row = await loadImport(deps.db, p.orgId, id);
  const preview = await readPreview(row.format, readChunks(deps.db, id)).catch(() => null);
  return { ...toImportOut(row), preview };
}

function assertEditable(row: ImportRow) {
  if (!EDITABLE.includes(row.status) || row.rows_done > 0) {
    throw importProblem('wrong_status', 'This import has started storing rows; its mapping and source can no longer change.', 'conflict');
  }
}

/** Changes the column mapping or the target source; the previous dry run no longer applies. */
export async function updateImport(deps: IngestDeps, p: Principal, id: string, input: { mapping?: ImportMapping; source?: string }) {
  await deps.db.transaction(async (tx) => {
    const row = await loadImport(tx, p.orgId, id, true);
    assertEditable(row);
    if (input.mapping && row.format !== 'csv') throw new AppError('bad_request', 'Only CSV imports have a column mapping.');
    const sourceId = input.source ? (await resolveImportSource(tx, p.orgId, input.source, userIdOf(p))).id : row.source_id;
    const mapping = input.mapping ? JSON.stringify(input.mapping) : null;
    await tx.execute(sql`
      UPDATE imports SET source_id = ${sourceId}, mapping = coalesce(${mapping}::jsonb, mapping), dry_run = NULL, status = 'uploaded',
        error = NULL, updated_at = ${deps.clock.now().toISOString()}, version = version + 1 WHERE id = ${id}`);
  });
  return getImport(deps, p, id);
}

/** Parses and validates every row without storing any; keeps the counts and first rejections on the import. */
export async function dryRunImport(deps: IngestDeps, p: Principal, id: string) {
  const row = await loadImport(deps.db, p.orgId, id);
  assertEditable(row);
  const result = await dryRun(deps.db, deps.clock, row);
  await deps.db.execute(sql`
    UPDATE imports SET dry_run = ${JSON.stringify(result)}::jsonb, status = 'checked', rows_total = ${result.rows},
      updated_at = ${deps.clock.now().toISOString()}, version = version + 1
    WHERE id = ${id} AND status IN ('uploaded', 'checked', 'failed') AND rows_done = 0`);
  return getImport(deps, p, id);
}

/** Checks, inside the start transaction, that an import may run now. */
export async function checkStartable(tx: Executor, row: ImportRow) {
  if (row.status === 'done') throw importProblem('wrong_status', 'This import has finished.', 'conflict');
  if (row.status === 'cancelled')
    throw importProblem('wrong_status', 'This import was cancelled; upload the file again to import it.', 'conflict');
  if (row.source_status !== 'active')
    throw importProblem('source_paused', `The source “${row.source_name}” is paused; resume it first.`, 'conflict');
  if (row.format === 'csv') {
    const preview = await readPreview('csv', readChunks(tx, row.id), 1);
    checkMapping(row, preview.headers);
  }
}

/** Starts the import, or resumes it from the last committed batch (after a failure, crash or restart). */
export async function startImport(deps: IngestDeps, runner: ImportRunner, p: Principal, actor: Actor, id: string, meta: Meta) {
  await runner.start(p.orgId, id, actor, meta, checkStartable);
  return getImport(deps, p, id);
}

/** Cancels an import; rows already stored stay (a new upload of the same file skips them as duplicates). */
export async function cancelImport(deps: IngestDeps, p: Principal, actor: Actor, id: string, meta: Meta) {
  await deps.db.transaction(async (tx) => {
    const row = await loadImport(tx, p.orgId, id, true);
    if (row.status === 'done' || row.status === 'cancelled') {
      throw importProblem('wrong_status', `This import is already ${row.status === 'done' ? 'finished' : 'cancelled'}.`, 'conflict');
    }
    const now = deps.clock.now().toISOString();
    await tx.execute(
      sql`UPDATE imports SET status = 'cancelled', updated_at = ${now}, finished_at = ${now}, version = version + 1 WHERE id = ${id}`,
    );
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'import.cancelled',
      actor,
      subjectType: 'import',
      subjectId: id,
      data: { fileName: row.file_name, source: row.source_name, rowsDone: row.rows_done },
      ...meta,
    });
  });
  return getImport(deps, p, id);
}
