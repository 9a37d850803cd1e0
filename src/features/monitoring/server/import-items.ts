// The rows of an import as mention objects (or the reason a row cannot be one), and the dry run:
// every row parsed and validated, duplicates looked up, nothing stored.
import { sql } from 'drizzle-orm';
import type { Clock } from '../../../platform/clock.ts';
import type { Executor } from '../../../platform/db.ts';
import type { RejectionCode } from '../contract.ts';
import { type DryRunResult, MAX_REJECTIONS, type Rejection } from '../import-contract.ts';
import { fileRecords, importProblem } from './import-parse.ts';
import { rowToMention } from './import-rows.ts';
import { type ImportRow, readChunks } from './import-store.ts';
import { validateItem } from './ingest.ts';

/** One row of an import: a mention object to ingest, or why it is rejected before ingest. */
export type ImportItem =
  | { row: number; raw: Record<string, unknown> }
  | { row: number; reason: string; code: RejectionCode; field?: string };

/** The stored rejection of a row (no `field` key when the rejection concerns no one field). */
export function rejectionOf(row: number, r: { reason: string; code: RejectionCode; field?: string }): Rejection {
  return r.field === undefined ? { row, reason: r.reason, code: r.code } : { row, reason: r.reason, code: r.code, field: r.field };
}

function ndjsonItem(row: number, line: string, source: string): ImportItem {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { row, reason: `not valid JSON: ${(e as Error).message.slice(0, 120)}`, code: 'bad_json' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { row, reason: 'not a JSON object', code: 'not_object' };
  // The file's lines go into the chosen source, whatever `source` they name.
  return { row, raw: { ...(value as Record<string, unknown>), source } };
}

/** Checks a CSV mapping against the file's header: `text` and `publishedAt` mapped, to columns that exist once. */
export function checkMapping(imp: Pick<ImportRow, 'mapping'>, headers: string[]) {
  const columns = imp.mapping?.columns ?? {};
  const missing = (['text', 'publishedAt'] as const).filter((f) => !columns[f]);
  if (missing.length) {
    throw importProblem(
      'mapping_required',
      `Map a column to ${missing.join(' and ')} first (the file has: ${headers.join(', ').slice(0, 300)}).`,
    );
  }
  for (const [field, h] of Object.entries(columns)) {
    const n = headers.filter((x) => x === h).length;
    if (n === 0) throw importProblem('unknown_column', `${field}: the file has no column “${h}”.`);
    if (n > 1) throw importProblem('duplicate_header', `${field}: the file has ${n} columns named “${h}”; rename them.`);
  }
}

/** Every row of the import in order, as mention objects for the import's source. */
export async function* importItems(db: Executor, imp: ImportRow): AsyncGenerator<ImportItem> {
  const records = fileRecords(imp.format, readChunks(db, imp.id));
  let headers: string[] | null = null;
  for await (const r of records) {
    if ('line' in r) yield ndjsonItem(r.row, r.line, imp.source_name);
    else if (!headers) {
      headers = r.cells.map((c) => c.trim());
      checkMapping(imp, headers);
    } else {
      const m = rowToMention(headers, r.cells, imp.mapping as NonNullable<ImportRow['mapping']>, imp.source_name);
      yield m.ok ? { row: r.row, raw: m.value } : { row: r.row, reason: m.reason, code: m.code, field: m.field };
    }
  }
}

/** How many rows an import has (records after the header; blank lines not counted). */
export async function countRows(db: Executor, imp: ImportRow): Promise<number> {
  let n = 0;
  for await (const _ of fileRecords(imp.format, readChunks(db, imp.id))) n++;
  return imp.format === 'csv' ? Math.max(0, n - 1) : n;
}

/** Adds rejections to a list, keeping the first MAX_REJECTIONS. */
export function keepFirst(list: Rejection[], more: Rejection[]): Rejection[] {
  return list.length >= MAX_REJECTIONS ? list : [...list, ...more].slice(0, MAX_REJECTIONS);
}

/** What a run would do now: per row accepted / duplicate (in the file or already stored) / rejected and why. */
export async function dryRun(db: Executor, clock: Clock, imp: ImportRow): Promise<DryRunResult> {
  const now = clock.now();
  const out: DryRunResult = { rows: 0, accepted: 0, duplicate: 0, rejected: 0, rejections: [], error: null, checkedAt: now.toISOString() };
  const seen = new Set<string>();
  let pending: string[] = [];
  const flush = async () => {
    if (!pending.length) return;
    const res = await db.execute<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM mentions WHERE source_id = ${imp.source_id} AND external_key = ANY(${sql.param(pending)}::text[])`,
    );
    out.duplicate += res.rows[0].n;
    out.accepted += pending.length - res.rows[0].n;
    pending = [];
  };
  try {
    for await (const item of importItems(db, imp)) {
      out.rows++;
      const v = 'raw' in item ? validateItem(item.raw, now) : { ok: false as const, ...item };
      if (!v.ok) {
        out.rejected++;
        if (out.rejections.length < MAX_REJECTIONS) out.rejections = keepFirst(out.rejections, [rejectionOf(item.row, v)]);
        continue;
      }
      const key = v.value.externalId ?? (v.value.url as string);
      if (seen.has(key)) out.duplicate++;
      else {
        seen.add(key);
        pending.push(key);
        if (pending.length >= 1000) await flush();
      }
    }
    await flush();
  } catch (e) {
    const err = e as { errors?: Array<{ code: string }> };
    if (err.errors?.[0]?.code !== 'csv_syntax') throw e;
    await flush();
    out.error = (e as Error).message;
  }
  return out;
}
