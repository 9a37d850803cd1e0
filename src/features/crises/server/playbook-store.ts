// The organisation's playbooks (應變手冊): its own for a crisis type × level (crisis_playbooks), else the
// shipped default. Listing all 36 with what was customised, saving one (guarded by the version seen),
// resetting one, exporting all as YAML or JSON, and importing a file all-or-nothing with every problem
// pointed at its line and column (YAML syntax, schema, duplicate keys, unknown people or schedules).
import { sql } from 'drizzle-orm';
import { stringify } from 'yaml';
import type { Executor } from '../../../platform/db.ts';
import { AppError, type FieldError } from '../../../platform/errors.ts';
import { type Actor, canonicalJson, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { locate, parseYaml, pathText, sortIssues, zodIssuesAt } from '../../../platform/yaml-issues.ts';
import { onCallAt, type Schedule } from '../../warnings/oncall.ts';
import { type CrisisType, crisisTypes, type Playbook, playbook, playbookFile, type Severity, severities } from '../contract.ts';
import type { ImportIssue, ImportResult, PlaybookEntry } from '../playbook-contract.ts';
import { defaultPlaybook } from '../playbooks.ts';
import type { CrisisDeps, Meta } from './access.ts';

/** The file's format marker. */
export const FILE_FORMAT = 'firebreak.playbooks/v1';

/** Serialises an organisation's crisis-configuration writes (a first save has no row to lock). */
const CONFIG_LOCK = 715_030;
/** Takes the organisation's configuration lock for the rest of the transaction. */
export async function lockCrisisConfig(tx: Executor, orgId: string) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${CONFIG_LOCK}, hashtext(${orgId}))`);
}

type Row = { type: string; severity: string; body: unknown; version: number; updated_at: Date | string | null };

/** One playbook as it applies to the organisation. */
export type StoredPlaybook = { playbook: Playbook; customised: boolean; version: number; updatedAt: string | null };

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function fromRow(type: CrisisType, severity: Severity, row: Row | undefined): StoredPlaybook {
  if (!row) return { playbook: defaultPlaybook(type, severity), customised: false, version: 0, updatedAt: null };
  const parsed = playbook.safeParse(row.body);
  // A stored body that no longer parses (a role removed since) falls back to the default, still marked as customised.
  return {
    playbook: parsed.success ? parsed.data : defaultPlaybook(type, severity),
    customised: true,
    version: row.version,
    updatedAt: iso(row.updated_at),
  };
}

/** The playbook declaring instantiates for the organisation: its own, else the default. */
export async function playbookOf(db: Executor, orgId: string, type: CrisisType, severity: Severity): Promise<StoredPlaybook> {
  const r = await db.execute<Row>(
    sql`SELECT type, severity, body, version, updated_at FROM crisis_playbooks WHERE org_id = ${orgId} AND type = ${type} AND severity = ${severity}`,
  );
  return fromRow(type, severity, r.rows[0]);
}

/** Every type × level as it applies to the organisation. */
async function allOf(db: Executor, orgId: string): Promise<StoredPlaybook[]> {
  const r = await db.execute<Row>(sql`SELECT type, severity, body, version, updated_at FROM crisis_playbooks WHERE org_id = ${orgId}`);
  const byKey = new Map(r.rows.map((x) => [`${x.type}/${x.severity}`, x]));
  return crisisTypes.flatMap((type) => severities.map((severity) => fromRow(type, severity, byKey.get(`${type}/${severity}`))));
}

/** The 36 playbooks for the settings grid. */
export async function listPlaybooks(db: Executor, orgId: string): Promise<{ playbooks: PlaybookEntry[] }> {
  return {
    playbooks: (await allOf(db, orgId)).map((s) => ({
      type: s.playbook.type,
      severity: s.playbook.severity,
      customised: s.customised,
      version: s.version,
      roles: s.playbook.roles.length,
      tasks: s.playbook.tasks.length,
      updatedAt: s.updatedAt,
    })),
  };
}

/** A reference problem: where in the playbook (path segments) and what. */
type RefIssue = { book: number; path: Array<string | number>; message: string; code: string };

/** Default people who are not active team-capable people of the organisation, and schedules it does not have. */
async function checkRefs(tx: Executor, orgId: string, books: Playbook[]): Promise<RefIssue[]> {
  const userIds = new Set<string>();
  const scheduleIds = new Set<string>();
  for (const b of books)
    for (const who of Object.values(b.defaultPeople ?? {})) {
      if (who && 'userId' in who) userIds.add(who.userId);
      else if (who) scheduleIds.add(who.scheduleId);
    }
  const users = new Map<string, { name: string; role: string; status: string }>();
  if (userIds.size) {
    const r = await tx.execute<{ id: string; name: string; role: string; status: string }>(
      sql`SELECT id, name, role, status FROM users WHERE org_id = ${orgId} AND id = ANY(${sql.param([...userIds])}::uuid[])`,
    );
    for (const u of r.rows) users.set(u.id, u);
  }
  const schedules = new Set<string>();
  if (scheduleIds.size) {
    const r = await tx.execute<{ id: string }>(
      sql`SELECT id FROM oncall_schedules WHERE org_id = ${orgId} AND id = ANY(${sql.param([...scheduleIds])}::uuid[])`,
    );
    for (const s of r.rows) schedules.add(s.id);
  }
  const issues: RefIssue[] = [];
  books.forEach((b, book) => {
    for (const [role, who] of Object.entries(b.defaultPeople ?? {})) {
      if (!who) continue;
      if ('userId' in who) {
        const u = users.get(who.userId);
        const path = ['defaultPeople', role, 'userId'];
        if (!u) issues.push({ book, path, message: `No such person in this organisation: ${who.userId}.`, code: 'unknown_user' });
        else if (u.status !== 'active') issues.push({ book, path, message: `${u.name} is not an active user.`, code: 'inactive_user' });
        else if (!['admin', 'manager', 'member'].includes(u.role))
          issues.push({ book, path, message: `${u.name} is a ${u.role} and cannot work on crises.`, code: 'role_not_allowed' });
      } else if (!schedules.has(who.scheduleId))
        issues.push({
          book,
          path: ['defaultPeople', role, 'scheduleId'],
          message: `No such on-call schedule: ${who.scheduleId}.`,
          code: 'unknown_schedule',
        });
    }
  });
  return issues;
}

/** Saves one playbook (409 when someone saved it since `version`; 0 = never saved). Audited. */
export async function savePlaybook(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  type: CrisisType,
  severity: Severity,
  input: { playbook: Playbook; version: number },
  meta: Meta = {},
): Promise<StoredPlaybook> {
  const book = input.playbook;
  if (book.type !== type || book.severity !== severity)
    throw new AppError('validation_failed', 'The playbook is for another crisis type or level.', {
      errors: [{ path: 'playbook.type', message: `Expected ${type} ${severity}.`, code: 'mismatch' }],
    });
  return deps.db.transaction(async (tx) => {
    await lockCrisisConfig(tx, p.orgId);
    const cur = await tx.execute<{ version: number }>(
      sql`SELECT version FROM crisis_playbooks WHERE org_id = ${p.orgId} AND type = ${type} AND severity = ${severity} FOR UPDATE`,
    );
    const current = cur.rows[0]?.version ?? 0;
    if (current !== input.version)
      throw new AppError(
        'conflict',
        `Someone else changed this playbook meanwhile (it is now at version ${current}); reload it and try again.`,
      );
    const refs = await checkRefs(tx, p.orgId, [book]);
    if (refs.length)
      throw new AppError('validation_failed', refs[0].message, {
        errors: refs.map((r) => ({ path: ['playbook', ...r.path].join('.'), message: r.message, code: r.code })),
      });
    await upsert(tx, deps, p, type, severity, book);
    await recordEvent(tx, deps.clock, {
      orgId: p.orgId,
      type: 'crisis_config.playbook_saved',
      actor,
      subjectType: 'crisis_playbook',
      data: { type, severity, version: current + 1, roles: book.roles, tasks: book.tasks.length },
      ...meta,
    });
    return playbookOf(tx, p.orgId, type, severity);
  });
}

async function upsert(tx: Executor, deps: CrisisDeps, p: Principal, type: string, severity: string, book: Playbook) {
  await tx.execute(sql`
    INSERT INTO crisis_playbooks (org_id, type, severity, body, version, updated_by, updated_at)
    VALUES (${p.orgId}, ${type}, ${severity}, ${JSON.stringify(book)}::jsonb, 1, ${p.kind === 'user' ? p.userId : null}, ${deps.clock.now().toISOString()})
    ON CONFLICT (org_id, type, severity) DO UPDATE SET body = EXCLUDED.body, version = crisis_playbooks.version + 1,
      updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`);
}

/** Goes back to the shipped default for one type × level. Audited (only when something was customised). */
export async function resetPlaybook(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  type: CrisisType,
  severity: Severity,
  meta: Meta = {},
): Promise<StoredPlaybook> {
  return deps.db.transaction(async (tx) => {
    await lockCrisisConfig(tx, p.orgId);
    const r = await tx.execute<{ version: number }>(
      sql`DELETE FROM crisis_playbooks WHERE org_id = ${p.orgId} AND type = ${type} AND severity = ${severity} RETURNING version`,
    );
    if (r.rows.length)
      await recordEvent(tx, deps.clock, {
        orgId: p.orgId,
        type: 'crisis_config.playbook_reset',
        actor,
        subjectType: 'crisis_playbook',
        data: { type, severity, previousVersion: r.rows[0].version },
        ...meta,
      });
    return playbookOf(tx, p.orgId, type, severity);
  });
}

/** Every playbook that applies, as a file (YAML or JSON); importing it back changes nothing. */
export async function exportPlaybooks(db: Executor, orgId: string, format: 'yaml' | 'json'): Promise<string> {
  const file = { format: FILE_FORMAT, playbooks: (await allOf(db, orgId)).map((s) => s.playbook) };
  if (format === 'json') return `${JSON.stringify(file, null, 2)}\n`;
  return stringify(file, { lineWidth: 0 });
}

/** Parses and checks an import file: the playbooks, or every problem with its line and column. */
async function checkFile(tx: Executor, orgId: string, text: string): Promise<{ books: Playbook[]; issues: ImportIssue[] }> {
  const file = parseYaml(text, { maxAliasCount: 100 });
  if (!file.ok) return { books: [], issues: file.issues };
  const { root, at } = file;
  const parsed = playbookFile.safeParse(file.data);
  const issues: ImportIssue[] = [];
  if (!parsed.success) {
    issues.push(...zodIssuesAt(file, parsed.error.issues));
  } else {
    const seen = new Map<string, number>();
    parsed.data.playbooks.forEach((b, i) => {
      const k = `${b.type}/${b.severity}`;
      const first = seen.get(k);
      if (first !== undefined)
        issues.push({
          ...at(locate(root, ['playbooks', i, 'type']).offset),
          path: `playbooks.${i}.type`,
          message: `The playbook for ${b.type} ${b.severity} appears twice (also playbook ${first + 1}).`,
          code: 'duplicate_playbook',
        });
      else seen.set(k, i);
    });
    for (const r of await checkRefs(tx, orgId, parsed.data.playbooks)) {
      const path = ['playbooks', r.book, ...r.path];
      issues.push({ ...at(locate(root, path).offset), path: pathText(path), message: r.message, code: r.code });
    }
  }
  sortIssues(issues);
  return { books: parsed.success ? parsed.data.playbooks : [], issues };
}

/**
 * Imports a YAML or JSON file of playbooks: all or nothing, in one transaction. Problems come back as 400
 * problem details whose `errors` carry line and column. Playbooks equal to the shipped default are stored
 * as "not customised"; playbooks absent from the file are left as they are. `dryRun` checks only.
 */
export async function importPlaybooks(
  deps: CrisisDeps,
  p: Principal,
  actor: Actor,
  input: { text: string; dryRun?: boolean },
  meta: Meta = {},
): Promise<ImportResult> {
  return deps.db.transaction(async (tx) => {
    await lockCrisisConfig(tx, p.orgId);
    const { books, issues } = await checkFile(tx, p.orgId, input.text);
    if (issues.length)
      throw new AppError(
        'validation_failed',
        `The file has ${issues.length} problem${issues.length === 1 ? '' : 's'} (first at line ${issues[0].line}); nothing was imported.`,
        { errors: issues satisfies FieldError[] },
      );
    const current = new Map((await allOf(tx, p.orgId)).map((s) => [`${s.playbook.type}/${s.playbook.severity}`, s]));
    const changed: string[] = [];
    for (const b of books) {
      const k = `${b.type}/${b.severity}`;
      const now = current.get(k);
      if (now && canonicalJson(now.playbook) === canonicalJson(b)) continue;
      changed.push(k);
      if (input.dryRun) continue;
      if (canonicalJson(b) === canonicalJson(defaultPlaybook(b.type, b.severity)))
        await tx.execute(sql`DELETE FROM crisis_playbooks WHERE org_id = ${p.orgId} AND type = ${b.type} AND severity = ${b.severity}`);
      else await upsert(tx, deps, p, b.type, b.severity, b);
    }
    if (!input.dryRun)
      await recordEvent(tx, deps.clock, {
        orgId: p.orgId,
        type: 'crisis_config.playbooks_imported',
        actor,
        subjectType: 'crisis_playbook',
        data: { playbooks: books.length, changed },
        ...meta,
      });
    return { dryRun: input.dryRun === true, playbooks: books.length, changed };
  });
}

/** Who holds a role when declaring, from a playbook's default people: a person, or a schedule's on-call person now. */
export async function defaultHolders(
  tx: Executor,
  orgId: string,
  book: Playbook,
  at: Date,
): Promise<Map<string, { userId: string; via: 'person' | 'schedule' }>> {
  const out = new Map<string, { userId: string; via: 'person' | 'schedule' }>();
  const wanted = Object.entries(book.defaultPeople ?? {}).filter(
    ([role, who]) => who && book.roles.includes(role as Playbook['roles'][number]),
  );
  if (wanted.length === 0) return out;
  const scheduleIds = wanted.flatMap(([, w]) => (w && 'scheduleId' in w ? [w.scheduleId] : []));
  const schedules = new Map<string, Schedule>();
  if (scheduleIds.length) {
    const r = await tx.execute<{ id: string; settings: Schedule }>(
      sql`SELECT id, settings FROM oncall_schedules WHERE org_id = ${orgId} AND id = ANY(${sql.param(scheduleIds)}::uuid[])`,
    );
    for (const s of r.rows) schedules.set(s.id, s.settings);
  }
  const candidates = new Map<string, { userId: string; via: 'person' | 'schedule' }>();
  for (const [role, who] of wanted) {
    if (!who) continue;
    if ('userId' in who) candidates.set(role, { userId: who.userId, via: 'person' });
    else {
      const s = schedules.get(who.scheduleId);
      const userId = s ? onCallAt(s, at.getTime()) : null;
      if (userId) candidates.set(role, { userId, via: 'schedule' });
    }
  }
  const ids = [...new Set([...candidates.values()].map((c) => c.userId))];
  if (ids.length === 0) return out;
  // Only active people who may be on a crisis team (someone deactivated since the playbook was saved is skipped).
  const ok = await tx.execute<{ id: string }>(
    sql`SELECT id FROM users WHERE org_id = ${orgId} AND status = 'active' AND role IN ('admin', 'manager', 'member')
      AND id = ANY(${sql.param(ids)}::uuid[])`,
  );
  const allowed = new Set(ok.rows.map((r) => r.id));
  for (const [role, c] of candidates) if (allowed.has(c.userId)) out.set(role, c);
  return out;
}
