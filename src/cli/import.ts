// `firebreak import FILE --source NAME`: the same import services as the web upload, run in the foreground;
// an unfinished import of the same file (sha256) into the same source is resumed, not started over.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { importFormats, importMapping, mappableFields } from '../features/monitoring/import-contract.ts';
import { checkStartable, dryRunImport, getImport, updateImport, uploadImport } from '../features/monitoring/server/import.ts';
import { createImportRunner } from '../features/monitoring/server/import-runner.ts';
import { organisations } from '../features/people/server/schema.ts';
import { systemClock } from '../platform/clock.ts';
import type { Config } from '../platform/config.ts';
import { openDatabase } from '../platform/database-target.ts';
import { createDb, type Db } from '../platform/db.ts';
import { AppError } from '../platform/errors.ts';
import { actorOf, type Principal } from '../platform/http.ts';
import { runMigrations } from '../platform/migrate.ts';

type Values = Record<string, string | boolean | undefined>;
type Options = {
  file: string;
  source: string;
  format?: (typeof importFormats)[number];
  columns?: Record<string, string>;
  timeZone?: string;
};

function fail(message: string): number {
  console.error(message);
  return 1;
}

/** Checks the command line; returns the options or the message to print. */
function readOptions(v: Values, args: string[]): Options | string {
  if (args.length !== 1) return 'Give exactly one FILE to import.';
  const file = path.resolve(args[0]);
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return `No such file: ${args[0]}`;
  const source = typeof v.source === 'string' ? v.source.trim() : '';
  if (!source || source.length > 100) return '--source NAME is required (1 to 100 characters).';
  if (v.format !== undefined && !(importFormats as readonly string[]).includes(String(v.format))) return '--format must be csv or ndjson.';
  const out: Options = { file, source, format: v.format as Options['format'] };
  if (typeof v.map === 'string') {
    out.columns = {};
    for (const pair of v.map.split(',')) {
      const eq = pair.indexOf('=');
      const field = pair.slice(0, eq).trim();
      if (eq < 1 || !(mappableFields as readonly string[]).includes(field))
        return `--map: "${pair}" is not field=header (fields: ${mappableFields.join(', ')}).`;
      out.columns[field] = pair.slice(eq + 1).trim();
    }
  }
  if (typeof v.timezone === 'string') out.timeZone = v.timezone;
  return out;
}

async function sha256Of(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const c of fs.createReadStream(file)) h.update(c as Buffer);
  return h.digest('hex');
}

async function findUnfinished(db: Db, orgId: string, source: string, sha: string) {
  const r = await db.execute<{ id: string }>(sql`
    SELECT i.id FROM imports i JOIN sources s ON s.id = i.source_id
    WHERE i.org_id = ${orgId} AND s.name = ${source} AND i.sha256 = ${sha} AND i.status IN ('uploaded', 'checked', 'running', 'failed')
    ORDER BY i.created_at DESC LIMIT 1`);
  return r.rows[0]?.id;
}

/** `firebreak import FILE --source NAME [--format] [--map] [--dry-run] [--timezone] [--org]` */
export async function importCommand(config: Config, v: Values, args: string[]): Promise<number> {
  const o = readOptions(v, args);
  if (typeof o === 'string') return fail(o);
  const target = await openDatabase(config, { exclusive: false, log: (m) => console.error(m) });
  const database = createDb(target.url, { max: 3 });
  const deps = { db: database.db, clock: systemClock };
  const runner = createImportRunner(deps, { log: (m, e) => console.error(m, e) });
  const onSignal = () => {
    console.error('Stopping after the current batch; run the same command again to resume.');
    void runner.close();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await runMigrations(target.url);
    const [org] =
      typeof v.org === 'string'
        ? await database.db.execute<{ id: string }>(sql`SELECT id FROM organisations WHERE id::text = ${v.org}`).then((r) => r.rows)
        : await database.db
            .select({ id: organisations.id })
            .from(organisations)
            .where(eq(organisations.kind, 'live'))
            .orderBy(asc(organisations.createdAt))
            .limit(1);
    if (!org) return fail(v.org ? `No organisation ${v.org}.` : 'Firebreak is not set up yet: open the web app first.');
    const p: Principal = { kind: 'system', orgId: org.id, label: 'cli' };
    const actor = actorOf(p);
    let id = await findUnfinished(database.db, org.id, o.source, await sha256Of(o.file));
    const resumed = id !== undefined;
    if (id) console.error(`Resuming import ${id} of ${path.basename(o.file)} into “${o.source}”.`);
    else {
      const input = { fileName: path.basename(o.file), source: o.source, format: o.format };
      id = (await uploadImport(deps, p, actor, input, fs.createReadStream(o.file), {})).id;
    }
    let imp = await getImport(deps, p, id);
    if (imp.format === 'csv' && (o.columns || o.timeZone) && imp.rowsDone === 0) {
      const mapping = importMapping.safeParse({
        columns: o.columns ?? imp.mapping?.columns ?? {},
        timeZone: o.timeZone ?? imp.mapping?.timeZone,
      });
      if (!mapping.success) return fail(`--map/--timezone: ${mapping.error.issues[0].message}`);
      imp = await updateImport(deps, p, id, { mapping: mapping.data });
    } else if (o.columns && imp.rowsDone > 0)
      console.error('This import has stored rows already; it resumes with the mapping it started with.');
    if (imp.format === 'csv')
      console.error(`Columns: ${JSON.stringify(imp.mapping?.columns)}; dates without a zone read as ${imp.mapping?.timeZone}.`);
    if (v['dry-run']) {
      const checked = await dryRunImport(deps, p, id);
      console.log(
        JSON.stringify({ importId: id, resumed, fileName: imp.fileName, source: o.source, format: imp.format, dryRun: checked.dryRun }),
      );
      return 0;
    }
    await runner.runToEnd(org.id, id, actor, checkStartable, (pr) => {
      const pct = pr.rowsTotal ? Math.floor((pr.rowsDone / pr.rowsTotal) * 100) : 100;
      console.error(
        `import: ${pr.rowsDone}/${pr.rowsTotal} rows (${pct}%), ${pr.accepted} stored, ${pr.duplicate} duplicates, ${pr.rejected} rejected`,
      );
    });
    const done = await getImport(deps, p, id);
    const { status, rowsTotal, rowsDone, accepted, duplicate, rejected, rejections, error } = done;
    console.log(
      JSON.stringify({
        importId: id,
        resumed,
        fileName: done.fileName,
        source: o.source,
        format: done.format,
        status,
        rowsTotal,
        rowsDone,
        accepted,
        duplicate,
        rejected,
        rejections,
        error,
      }),
    );
    return status === 'done' ? 0 : 1;
  } catch (e) {
    if (e instanceof AppError) return fail(e.message);
    throw e;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await runner.close();
    await database.close();
    await target.release();
  }
}
