// Changing sources: create a polled or streamed source (settings checked by its connector, URLs checked against the
// private-address rules), edit, pause/resume, delete (only without mentions), and "run now". Each change records a
// `source.*` event in its transaction; a poll is queued after commit so a new or resumed source is collected at once.
import { sql } from 'drizzle-orm';
import { AppError, type FieldError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { checkTarget, SafeFetchError } from '../../../platform/safe-fetch.ts';
import { builtInKinds, type CreateSourceInput, type RunResult, type SourceOut, type UpdateSourceInput } from '../source-contract.ts';
import { type CollectDeps, lookup, splitConfig } from './collect.ts';
import type { Connector } from './connectors/types.ts';
import { pollSource } from './scheduler.ts';
import { enqueuePoll } from './scheduler-worker.ts';
import { getSource } from './sources.ts';

type Meta = { requestId?: string; ip?: string };

const invalid = (errors: FieldError[]) => new AppError('validation_failed', 'The source settings are not valid.', { errors });

/** Every URL-looking string in a config, with its path. */
function urlsIn(value: unknown, path: string[] = []): Array<{ path: string; url: string }> {
  if (typeof value === 'string') return /^(https?|wss?):\/\//i.test(value) ? [{ path: path.join('.'), url: value }] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => urlsIn(v, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => urlsIn(v, [...path, k]));
  return [];
}

/** Validates settings with the connector's schema, then refuses URLs that point at private addresses (unless allow-listed). */
async function checkConfig(deps: CollectDeps, connector: Connector, config: Record<string, unknown>) {
  const parsed = connector.configSchema.safeParse(config);
  if (!parsed.success) {
    throw invalid(
      parsed.error.issues.map((i) => ({ path: ['config', ...i.path.map(String)].join('.'), message: i.message, code: i.code })),
    );
  }
  const errors: FieldError[] = [];
  for (const u of urlsIn(parsed.data)) {
    try {
      await checkTarget(u.url, { allowPrivate: deps.config.fetchAllowPrivate, protocols: ['http:', 'https:', 'ws:', 'wss:'] });
    } catch (e) {
      // A name that does not resolve now may resolve later: that is the source's status, not a refusal.
      if (e instanceof SafeFetchError && (e.code === 'blocked_address' || e.code === 'bad_url'))
        errors.push({ path: `config.${u.path}`, message: e.message, code: e.code });
    }
  }
  if (errors.length) throw invalid(errors);
  return parsed.data as Record<string, unknown>;
}

function stored(config: Record<string, unknown>, intervalSeconds: number | undefined) {
  return intervalSeconds === undefined ? config : { ...config, intervalSeconds };
}

const nameTaken = () =>
  new AppError('conflict', 'Another source already has this name.', {
    errors: [{ path: 'name', message: 'already in use', code: 'already_in_use' }],
  });
const isUniqueViolation = (e: unknown) =>
  (e as { code?: string; cause?: { code?: string } }).code === '23505' || (e as { cause?: { code?: string } }).cause?.code === '23505';

/** Creates a polled or streamed source; it is collected right away. */
export async function createSource(
  deps: CollectDeps,
  p: Principal,
  actor: Actor,
  input: CreateSourceInput,
  meta: Meta,
): Promise<SourceOut> {
  const connector = lookup(deps)(input.kind);
  if (!connector || (builtInKinds as readonly string[]).includes(input.kind)) {
    throw invalid([{ path: 'kind', message: `No connector of kind "${input.kind}" can be added here.`, code: 'invalid_value' }]);
  }
  if (input.intervalSeconds !== undefined && !connector.poll) {
    throw invalid([
      { path: 'intervalSeconds', message: 'Streamed sources collect continuously; they have no interval.', code: 'invalid_value' },
    ]);
  }
  const config = stored(await checkConfig(deps, connector, input.config), input.intervalSeconds);
  let id = '';
  try {
    await deps.db.transaction(async (tx) => {
      const res = await tx.execute<{ id: string }>(sql`
        INSERT INTO sources (org_id, kind, name, config, created_by)
        VALUES (${p.orgId}, ${input.kind}, ${input.name}, ${JSON.stringify(config)}::jsonb, ${p.kind === 'user' ? p.userId : null})
        RETURNING id`);
      id = res.rows[0].id;
      await recordEvent(tx, deps.clock, {
        orgId: p.orgId,
        type: 'source.created',
        actor,
        subjectType: 'source',
        subjectId: id,
        data: { after: { kind: input.kind, name: input.name, config } },
        ...meta,
      });
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
  if (connector.poll) await pollSoon(deps, id);
  return getSource(deps, p, id);
}

type Current = { id: string; kind: string; name: string; status: string; config: unknown; version: number };

/** Edits a source: name, settings, interval (null = the connector's default), status; `version` guards lost updates. */
export async function updateSource(deps: CollectDeps, p: Principal, actor: Actor, id: string, input: UpdateSourceInput, meta: Meta) {
  let pollAfter = false;
  try {
    await deps.db.transaction(async (tx) => {
      const res = await tx.execute<Current>(
        sql`SELECT id, kind, name, status, config, version FROM sources WHERE id = ${id} AND org_id = ${p.orgId} FOR UPDATE`,
      );
      const s = res.rows[0];
      if (!s) throw notFound('No such source.');
      if (input.version !== undefined && input.version !== s.version) {
        throw new AppError('conflict', 'Someone else changed this source meanwhile; reload it and try again.');
      }
      const connector = lookup(deps)(s.kind);
      if ((input.config !== undefined || input.intervalSeconds !== undefined) && !connector) {
        throw invalid([{ path: 'config', message: `A ${s.kind} source has no settings to change.`, code: 'invalid_value' }]);
      }
      if (input.intervalSeconds != null && !connector?.poll) {
        throw invalid([
          { path: 'intervalSeconds', message: 'Streamed sources collect continuously; they have no interval.', code: 'invalid_value' },
        ]);
      }
      const before = splitConfig(s.config);
      const connectorConfig =
        input.config !== undefined && connector ? await checkConfig(deps, connector, input.config) : before.connectorConfig;
      const interval = input.intervalSeconds === null ? undefined : (input.intervalSeconds ?? before.intervalSeconds);
      const config = stored(connectorConfig, interval);
      const configChanged = JSON.stringify(config) !== JSON.stringify(s.config);
      const status = input.status ?? s.status;
      const name = input.name ?? s.name;
      const resumed = status === 'active' && s.status !== 'active';
      await tx.execute(sql`
        UPDATE sources SET name = ${name}, status = ${status}, config = ${JSON.stringify(config)}::jsonb, version = version + 1
          ${configChanged && input.config !== undefined ? sql`, etag = NULL, last_modified = NULL` : sql``}
          ${configChanged || resumed ? sql`, next_run_at = NULL` : sql``}
        WHERE id = ${id}`);
      const changed = (k: string, a: unknown, b: unknown) => (JSON.stringify(a) === JSON.stringify(b) ? {} : { [k]: b });
      await recordEvent(tx, deps.clock, {
        orgId: p.orgId,
        type: 'source.updated',
        actor,
        subjectType: 'source',
        subjectId: id,
        data: {
          before: { ...changed('name', name, s.name), ...changed('status', status, s.status), ...changed('config', config, s.config) },
          after: { ...changed('name', s.name, name), ...changed('status', s.status, status), ...changed('config', s.config, config) },
        },
        ...meta,
      });
      pollAfter = !!connector?.poll && status === 'active' && (configChanged || resumed);
    });
  } catch (e) {
    if (isUniqueViolation(e)) throw nameTaken();
    throw e;
  }
  if (pollAfter) await pollSoon(deps, id);
}

/** Queues a poll now; if the job queue is not ready yet, the minute tick finds the source anyway (next_run_at is null). */
async function pollSoon(deps: CollectDeps, id: string) {
  await enqueuePoll(deps.db, id).catch(() => {});
}

/** Deletes a source that never collected anything; one with mentions must be paused instead (its mentions stay traceable). */
export async function deleteSource(deps: CollectDeps, p: Principal, actor: Actor, id: string, meta: Meta) {
  await deps.db.transaction(async (tx) => {
    const res = await tx.execute<{ kind: string; name: string; config: unknown; used: boolean }>(sql`
      SELECT kind, name, config, EXISTS (SELECT 1 FROM mentions WHERE source_id = s.id) OR EXISTS (SELECT 1 FROM imports WHERE source_id = s.id) AS used
      FROM sources s WHERE id = ${id} AND org_id = ${p.orgId} FOR UPDATE`);
    const s = res.rows[0];
    if (!s) throw notFound('No such source.');
    if (s.used) throw new AppError('conflict', 'This source has collected mentions, so it cannot be deleted; pause it instead.');
    await tx.execute(sql`DELETE FROM sources WHERE id = ${id}`);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'source.deleted',
      actor,
      subjectType: 'source',
      subjectId: id,
      data: { before: { kind: s.kind, name: s.name, config: s.config } },
      ...meta,
    });
  });
}

/** Polls a source now, whatever its schedule, and says what happened. */
export async function runSource(deps: CollectDeps, p: Principal, id: string, signal?: AbortSignal): Promise<RunResult> {
  const s = await getSource(deps, p, id);
  if (s.mode !== 'poll') {
    throw new AppError(
      'conflict',
      s.mode === 'stream' ? 'A streamed source collects continuously; there is nothing to run.' : 'Only polled sources can be run.',
    );
  }
  if (s.status !== 'active') throw new AppError('conflict', 'The source is paused; resume it first.');
  return pollSource(deps, id, { force: true, signal });
}
