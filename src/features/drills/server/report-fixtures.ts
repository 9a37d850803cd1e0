// Test fixtures for the after-action report: a drill built directly in the database (a live organisation, its
// sandbox copy of kind 'drill' with copies of the people, a run and the drill row), sessions acting inside the
// sandbox, and the real alert → crisis → holding statement → approval → publication → briefing path driven
// through the real services and HTTP routes, so the report is scored from real events at times the test sets.
import assert from 'node:assert/strict';
import { sql } from 'drizzle-orm';
import { type Client, createClient, PASSWORD, setUpOrg } from '../../../../test/helpers/client.ts';
import type { startTestServer } from '../../../../test/helpers/server.ts';
import type { createTestClock } from '../../../platform/clock.ts';
import { sha256 } from '../../people/server/deps.ts';
import { textToDoc } from '../../statements/contract.ts';
import { openOrUpdateAlert } from '../../warnings/server/alert-open.ts';

type Ctx = Awaited<ReturnType<typeof startTestServer>>;
type TestClock = ReturnType<typeof createTestClock>;
/** A real person: signed in to the live organisation. */
export type Person = { client: Client; id: string; email: string; name: string };

/** The live organisation: an admin (facilitator), a manager, two members (one plays), a reporter, a member left out. */
export async function reportOrg(ctx: Ctx, orgName = '清心茶飲') {
  const org = await setUpOrg(ctx.url, orgName);
  const mk = async (role: 'manager' | 'member' | 'reporter', name: string): Promise<Person> => ({
    ...(await org.userWithRole(role, name)),
    name,
  });
  const admin: Person = { client: org.admin, id: org.adminId, email: org.adminEmail, name: 'Ada Admin' };
  return {
    orgId: org.orgId,
    admin,
    manager: await mk('manager', '林經理'),
    legal: await mk('member', '張法務'),
    player: await mk('member', '王小明'),
    reporter: await mk('reporter', '吳店長'),
    outsider: await mk('member', '局外人'),
  };
}
export type ReportOrg = Awaited<ReturnType<typeof reportOrg>>;

/** A drill of `org` running now: sandbox organisation, copies of the people taking part, a run, the drill row. */
export async function buildDrill(
  ctx: Ctx,
  clock: TestClock,
  org: ReportOrg,
  parts: { person: Person; role: 'admin' | 'manager' | 'member' | 'reporter'; as: 'facilitator' | 'player' | 'observer' }[],
  title = '第三季食安演練',
) {
  const db = ctx.server.db;
  const now = clock.now().toISOString();
  const sb = await db.execute<{ id: string }>(sql`INSERT INTO organisations (name, kind, sandbox_of, default_locale)
    VALUES (${'清心茶飲（演練）'}, 'drill', ${org.orgId}, 'zh-TW') RETURNING id`);
  const sandboxOrgId = sb.rows[0].id;
  const copies = new Map<string, string>();
  for (const p of parts) {
    const c = await db.execute<{ id: string }>(sql`INSERT INTO users (org_id, email, name, role, status, sandbox_of)
      VALUES (${sandboxOrgId}, ${p.person.email}, ${p.person.name}, ${p.role}, 'active', ${p.person.id}) RETURNING id`);
    copies.set(p.person.id, c.rows[0].id);
  }
  const run = await db.execute<{ id: string }>(sql`INSERT INTO scenario_runs (org_id, scenario_id, scenario, locale, seed, status, speed,
    anchored_at, started_at, mentions_ingested) VALUES (${sandboxOrgId}, 'fixture', ${JSON.stringify({ title: '珍珠奶茶驗出塑化劑' })}::jsonb,
    'zh-TW', 1, 'running', 60, ${now}, ${now}, 0) RETURNING id`);
  const drill = await db.execute<{ id: string }>(sql`INSERT INTO drills (org_id, sandbox_org_id, run_id, title, scenario_id, facilitator_id,
    status, created_by, started_at, created_at) VALUES (${org.orgId}, ${sandboxOrgId}, ${run.rows[0].id}, ${title}, 'fixture', ${org.admin.id},
    'running', ${org.admin.id}, ${now}, ${now}) RETURNING id`);
  const drillId = drill.rows[0].id;
  for (const p of parts)
    await db.execute(sql`INSERT INTO drill_participants (drill_id, user_id, sandbox_user_id, role)
      VALUES (${drillId}, ${p.person.id}, ${copies.get(p.person.id)}, ${p.as})`);
  return { drillId, sandboxOrgId, runId: run.rows[0].id, copyOf: (p: Person) => copies.get(p.id) as string };
}
export type BuiltDrill = Awaited<ReturnType<typeof buildDrill>>;

/** A second session of the person, acting as their sandbox copy (what entering a drill does). */
export async function inside(ctx: Ctx, d: BuiltDrill, p: Person): Promise<Client> {
  const c = createClient(ctx.url);
  await c.signIn(p.email, PASSWORD);
  const token = c.cookie.split('=')[1];
  await ctx.server.db.execute(sql`UPDATE sessions SET acting_user_id = ${d.copyOf(p)} WHERE token_hash = ${sha256(token)}`);
  const s = await c.refreshSession();
  assert.equal(s.body.org.id, d.sandboxOrgId, 'the session acts inside the sandbox');
  return c;
}

/** Opens an alert on a topic of the organisation through the detector's own alert service (as a tick would). */
export async function fireAlert(ctx: Ctx, clock: TestClock, orgId: string, topicName = '塑化劑') {
  const db = ctx.server.db;
  const t = await db.execute<{ id: string }>(
    sql`INSERT INTO topics (org_id, name, query) VALUES (${orgId}, ${topicName}, ${topicName}) RETURNING id`,
  );
  const topic = { id: t.rows[0].id, name: topicName };
  const bucketMs = 5 * 60_000;
  await db.transaction((tx) =>
    openOrUpdateAlert(
      tx,
      clock,
      orgId,
      topic,
      Math.floor(clock.now().getTime() / bucketMs) * bucketMs,
      bucketMs,
      [{ signal: 'volume', observed: 40, expected: 3, low: 0, high: 8, deviation: 9 }],
      { openIfNone: true },
    ),
  );
  const a = await db.execute<{ id: string }>(sql`SELECT id FROM alerts WHERE topic_id = ${topic.id}`);
  return a.rows[0].id;
}

/** Expects a 2xx answer and returns its body. */
// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely in tests, as the test client's are.
export async function ok<T = any>(p: Promise<{ status: number; body: T }>, status = 200): Promise<T> {
  const r = await p;
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}

/** Declares a crisis from the alert (L2) with `legal` as legal counsel and `pr` as PR lead. */
export async function declare(c: Client, alertId: string, title: string, team: { legal: string; pr: string }) {
  const crisis = await ok(c.post('/api/crises', { title, type: 'product_quality', severity: 'L2', alertId }), 201);
  await ok(c.request('PUT', `/api/crises/${crisis.id}/team`, { role: 'legal_counsel', userId: team.legal }));
  await ok(c.request('PUT', `/api/crises/${crisis.id}/team`, { role: 'pr_lead', userId: team.pr }));
  return crisis as { id: string };
}

/** Drafts a statement of the crisis; returns its id, head and the head's hash. */
export async function draft(c: Client, crisisId: string, kind: string, title: string, text: string) {
  const s = await ok(c.post(`/api/crises/${crisisId}/statements`, { kind, language: 'zh-TW', title, body: textToDoc(text) }), 201);
  return {
    id: s.id as string,
    head: s.head as number,
    hash: s.headVersion.contentHash as string,
    findings: s.headVersion.findings as unknown[],
  };
}

/** Submits a statement and has each approver approve it in turn. */
export async function approveChain(
  submitter: Client,
  approvers: Client[],
  s: { id: string; head: number; hash: string },
  beforeEach?: () => void,
) {
  await ok(submitter.post(`/api/statements/${s.id}/submit`, { head: s.head }));
  for (const a of approvers) {
    beforeEach?.();
    await ok(a.post(`/api/statements/${s.id}/decisions`, { versionNumber: s.head, contentHash: s.hash, decision: 'approved' }));
  }
}

/** Ends the drill now (run and drill row together, as the player's end does). */
export async function endDrill(ctx: Ctx, clock: TestClock, d: BuiltDrill) {
  const now = clock.now().toISOString();
  await ctx.server.db.execute(
    sql`UPDATE scenario_runs SET status = 'ended', ended_at = ${now}, ended_reason = 'ended' WHERE id = ${d.runId}`,
  );
  await ctx.server.db.execute(sql`UPDATE drills SET status = 'ended', ended_at = ${now}, version = version + 1 WHERE id = ${d.drillId}`);
}
