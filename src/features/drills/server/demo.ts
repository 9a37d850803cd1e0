// The demo workspace: a separate organisation of kind 'demo' (a fictional company, people in every role, a month
// of history, the company's playbooks naming its people) where a shipped scenario plays live through the same
// ingest pipeline as real sources, so the early warning fires and the story unfolds within minutes. Its data never
// mixes with a real organisation's: every table is scoped by organisation, and the demo is its own.
import { sql } from 'drizzle-orm';
import type { Executor } from '../../../platform/db.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { type Actor, recordEvent } from '../../../platform/events.ts';
import type { Principal } from '../../../platform/http.ts';
import { crisisTypes, severities } from '../../crises/contract.ts';
import { playbookOf, savePlaybook } from '../../crises/server/playbook-store.ts';
import { createTopic } from '../../monitoring/server/topics.ts';
import { departmentKinds, type Role } from '../../people/contract.ts';
import { createSession } from '../../people/server/auth.ts';
import type { PeopleDeps, RequestMeta } from '../../people/server/deps.ts';
import { createGrant } from '../../people/server/grants.ts';
import { insertAlertRule } from '../../warnings/server/rules.ts';
import type { DemoInfo } from '../contract.ts';
import type { Scenario } from '../scenario-contract.ts';
import type { DrillDeps } from './deps.ts';
import { commandRun, createRun } from './runs.ts';
import { loadScenario } from './scenarios.ts';

/** The scenario the demo plays: food safety at a drinks chain (an alert within minutes, a story over hours). */
export const DEMO_SCENARIO = 'drinks-food-safety';
/** The demo plays at 10×: a four-hour story in about 25 minutes; its admins can slow it to 1× or speed it up. */
export const DEMO_SPEED = 10;
const DEMO_HISTORY_DAYS = 30;
const DEMO_LOCK = 715_080;
const ACTOR: Actor = { type: 'system', label: 'demo' };

type Person = { key: string; role: Role; department: (typeof departmentKinds)[number]; name: string; title: string; teamRoles: string[] };

/** The demo company's people: every role, named for the locale, each with the crisis-team roles they fill. */
function peopleFor(locale: 'zh-TW' | 'en'): Person[] {
  const zh = locale === 'zh-TW';
  return [
    {
      key: 'admin',
      role: 'admin',
      department: 'pr',
      name: zh ? '陳怡君' : 'Grace Chen',
      title: zh ? '公關長' : 'Chief Communications Officer',
      teamRoles: ['commander'],
    },
    {
      key: 'pr',
      role: 'manager',
      department: 'pr',
      name: zh ? '林志明' : 'Jimmy Lin',
      title: zh ? '公關經理' : 'PR Manager',
      teamRoles: ['pr_lead', 'spokesperson'],
    },
    {
      key: 'legal',
      role: 'member',
      department: 'legal',
      name: zh ? '王雅婷' : 'Tina Wang',
      title: zh ? '法務顧問' : 'Legal Counsel',
      teamRoles: ['legal_counsel'],
    },
    {
      key: 'cs',
      role: 'member',
      department: 'customer_service',
      name: zh ? '張家豪' : 'Kevin Chang',
      title: zh ? '客服主管' : 'Head of Customer Service',
      teamRoles: ['cs_lead'],
    },
    {
      key: 'marketing',
      role: 'member',
      department: 'marketing',
      name: zh ? '李佩珊' : 'Penny Lee',
      title: zh ? '行銷經理' : 'Marketing Manager',
      teamRoles: ['marketing_lead', 'scribe'],
    },
    {
      key: 'exec',
      role: 'manager',
      department: 'executive',
      name: zh ? '黃建國' : 'David Huang',
      title: zh ? '營運長' : 'Chief Operating Officer',
      teamRoles: ['executive_sponsor'],
    },
    {
      key: 'store',
      role: 'reporter',
      department: 'other',
      name: zh ? '吳宗翰' : 'Leo Wu',
      title: zh ? '門市店長' : 'Store Manager',
      teamRoles: [],
    },
    {
      key: 'agency',
      role: 'guest',
      department: 'other',
      name: zh ? '周雅文' : 'Amy Chou',
      title: zh ? '晨光公關 資深顧問' : 'Senior Consultant, Dawnlight PR',
      teamRoles: [],
    },
  ];
}

/** May a demo be opened now: on first run (no real organisation yet), or when the server was started with --demo. */
export async function canOpenDemo(deps: DrillDeps, db: Executor = deps.db): Promise<boolean> {
  if (deps.demo?.allowed) return true;
  const r = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM organisations WHERE kind = 'live'`);
  return r.rows[0].n === 0;
}

async function currentDemo(db: Executor) {
  const r = await db.execute<{ id: string; name: string; title: string | null }>(sql`
    SELECT o.id, o.name, (SELECT r.scenario->>'title' FROM scenario_runs r WHERE r.org_id = o.id ORDER BY r.created_at DESC LIMIT 1) AS title
    FROM organisations o WHERE o.kind = 'demo' ORDER BY o.created_at DESC LIMIT 1`);
  return r.rows[0] ?? null;
}

/** What the setup and sign-in pages show: whether a demo may be opened, and the open demo's people. */
export async function demoInfo(deps: DrillDeps): Promise<DemoInfo> {
  const canOpen = await canOpenDemo(deps);
  const demo = canOpen ? await currentDemo(deps.db) : null;
  if (!demo) return { canOpen, demo: null };
  const people = await deps.db.execute<{ id: string; name: string; role: Role; title: string | null }>(sql`
    SELECT id, name, role, title FROM users WHERE org_id = ${demo.id} AND status = 'active'
    ORDER BY array_position(ARRAY['admin','manager','member','reporter','guest'], role), created_at`);
  return { canOpen, demo: { orgName: demo.name, scenarioTitle: demo.title ?? '', people: people.rows } };
}

/**
 * Opens the demo: creates the demo organisation, its people, topics, a manual rule, playbooks naming its people and
 * a month of history, then starts the scenario. Opening again while a demo exists returns it unchanged.
 */
export async function openDemo(deps: DrillDeps, locale: 'zh-TW' | 'en', meta: RequestMeta = {}): Promise<DemoInfo> {
  const scenario = await loadScenario(deps.scenariosDir, DEMO_SCENARIO, locale);
  const created = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${DEMO_LOCK})`);
    if (!(await canOpenDemo(deps, tx)))
      throw new AppError(
        'setup_closed',
        'This Firebreak is set up: a demo can be opened only on first run, or when the server was started with --demo.',
      );
    if (await currentDemo(tx)) return null;
    return createDemoOrg(tx, deps, scenario, locale, meta);
  });
  if (created) {
    const principal: Principal = { kind: 'system', orgId: created.orgId, label: 'demo' };
    for (const t of scenario.topics) {
      const topic = await createTopic(
        deps,
        principal,
        ACTOR,
        { name: t.name, query: t.query, description: scenario.company.description },
        {},
      );
      // A manual rule as a careful team would set one: a burst of negative posts about the brand alerts at once.
      if (t === scenario.topics[0]) {
        const name = locale === 'zh-TW' ? `${t.name}：10 分鐘內 25 則負面` : `${t.name}: 25 negative in 10 minutes`;
        const config = { kind: 'threshold', signal: 'negative', count: 25, minutes: 10 };
        await deps.db.transaction((tx) =>
          insertAlertRule(tx, deps.clock, created.orgId, { topicId: topic.id, name, config }, { actor: ACTOR }),
        );
      }
    }
    await namePeopleInPlaybooks(deps, created.orgId, scenario, created.people);
    const runId = await createRun(deps, {
      orgId: created.orgId,
      scenario,
      scenarioId: scenario.id,
      locale,
      seed: 20261201,
      speed: DEMO_SPEED,
      historyDays: DEMO_HISTORY_DAYS,
    });
    const run = await deps.db.execute<{ version: number }>(sql`SELECT version FROM scenario_runs WHERE id = ${runId}`);
    await commandRun(deps, ACTOR, runId, { action: 'start', expectedVersion: run.rows[0].version });
  }
  return demoInfo(deps);
}

async function createDemoOrg(tx: Executor, deps: DrillDeps, scenario: Scenario, locale: 'zh-TW' | 'en', meta: RequestMeta) {
  const suffix = locale === 'zh-TW' ? '（示範）' : ' (demo)';
  // No second factor in the demo: its people are fictional and signed in from a picker.
  const org = await tx.execute<{ id: string }>(sql`
    INSERT INTO organisations (name, default_locale, kind, totp_required_roles)
    VALUES (${scenario.company.name + suffix}, ${locale}, 'demo', '{}'::text[]) RETURNING id`);
  const orgId = org.rows[0].id;
  const depts = new Map<string, string>();
  for (const [position, kind] of departmentKinds.entries()) {
    const d = await tx.execute<{ id: string }>(
      sql`INSERT INTO departments (org_id, kind, position) VALUES (${orgId}, ${kind}, ${position}) RETURNING id`,
    );
    depts.set(kind, d.rows[0].id);
  }
  // `.invalid` never delivers (RFC 2606); the random part keeps addresses unique if a demo is opened again later.
  const tag = crypto.randomUUID().slice(0, 8);
  const people = new Map<string, { id: string; teamRoles: string[] }>();
  let agencyId: string | null = null;
  for (const p of peopleFor(locale)) {
    if (p.role === 'guest' && !agencyId) {
      const a = await tx.execute<{ id: string }>(sql`
        INSERT INTO external_orgs (org_id, name, kind, nda_text, created_at, updated_at)
        VALUES (${orgId}, ${locale === 'zh-TW' ? '晨光公關顧問' : 'Dawnlight PR'}, 'agency', ${
          locale === 'zh-TW'
            ? '本示範環境之一切內容皆為虛構。受邀者同意對所接觸之資訊保密，僅用於本次委任範圍。'
            : 'Everything in this demo is fictional. The guest agrees to keep what they see confidential and to use it only for this engagement.'
        }, ${deps.clock.now().toISOString()}, ${deps.clock.now().toISOString()})
        RETURNING id`);
      agencyId = a.rows[0].id;
    }
    const u = await tx.execute<{ id: string }>(sql`
      INSERT INTO users (org_id, email, name, role, department_id, title, status, locale, external_org_id, created_at, updated_at)
      VALUES (${orgId}, ${`${p.key}.${tag}@demo.firebreak.invalid`}, ${p.name}, ${p.role}, ${depts.get(p.department) ?? null}, ${p.title},
        'active', ${locale}, ${p.role === 'guest' ? agencyId : null}, ${deps.clock.now().toISOString()}, ${deps.clock.now().toISOString()})
      RETURNING id`);
    people.set(p.key, { id: u.rows[0].id, teamRoles: p.teamRoles });
  }
  await recordEvent(tx, deps.clock, {
    orgId,
    type: 'demo.opened',
    actor: ACTOR,
    subjectType: 'organisation',
    subjectId: orgId,
    data: { scenarioId: scenario.id, locale, people: people.size },
    requestId: meta.requestId,
    ip: meta.ip,
  });
  return { orgId, people };
}

/** The demo's playbooks for its scenario's crisis type name its people, so declaring fills the team at once. */
async function namePeopleInPlaybooks(
  deps: DrillDeps,
  orgId: string,
  scenario: Scenario,
  people: Map<string, { id: string; teamRoles: string[] }>,
) {
  const principal: Principal = { kind: 'system', orgId, label: 'demo' };
  const type = crisisTypes.includes(scenario.crisisType) ? scenario.crisisType : 'other';
  for (const severity of severities) {
    const stored = await playbookOf(deps.db, orgId, type, severity);
    const defaultPeople: Record<string, { userId: string }> = {};
    for (const { id, teamRoles } of people.values())
      for (const role of teamRoles) if (stored.playbook.roles.includes(role as never)) defaultPeople[role] = { userId: id };
    await savePlaybook(deps, principal, ACTOR, type, severity, {
      playbook: { ...stored.playbook, defaultPeople },
      version: stored.version,
    });
  }
}

/** Signs in as one demo person (the picker); refused for anyone outside a demo organisation, or once the demo is closed. */
export async function demoSignIn(deps: DrillDeps, people: PeopleDeps, userId: string, meta: RequestMeta): Promise<string> {
  if (!(await canOpenDemo(deps)))
    throw new AppError('setup_closed', 'The demo is closed on this server: it is set up for a real organisation.');
  const r = await deps.db.execute<{ id: string; org_id: string; role: string }>(sql`
    SELECT u.id, u.org_id, u.role FROM users u JOIN organisations o ON o.id = u.org_id
    WHERE u.id = ${userId} AND o.kind = 'demo' AND u.status = 'active'`);
  if (!r.rows.length) throw notFound('No such demo person.');
  if (r.rows[0].role === 'guest') await grantDemoGuests(people, r.rows[0].org_id, meta, userId);
  const token = await deps.db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE users SET last_sign_in_at = ${deps.clock.now().toISOString()} WHERE id = ${userId}`);
    return createSession(people, tx, userId, meta);
  });
  return token;
}

/** How long the demo agency's grants last. */
const DEMO_GRANT_DAYS = 30;

/**
 * The demo's agency consultant is given each of the demo's crises, as an agency would be (public, internal and
 * confidential documents; never legal-privileged): nobody in the demo may manage guests, so without this the guest's
 * side of Firebreak (the NDA, granted documents, watermarks) could not be tried. The player does it each tick while
 * the story plays (the guest's open page updates live, as for any grant), and signing in does it after the story has
 * ended. A crisis they were ever granted is not granted again, so a revoked or expired grant stays so.
 */
export async function grantDemoGuests(deps: Pick<PeopleDeps, 'db' | 'clock'>, orgId: string, meta: RequestMeta = {}, guestId?: string) {
  const open = await deps.db.execute<{ crisis_id: string; guest_id: string }>(sql`
    SELECT c.id AS crisis_id, u.id AS guest_id FROM crises c
    JOIN users u ON u.org_id = c.org_id AND u.role = 'guest' AND u.status = 'active'
    JOIN organisations o ON o.id = c.org_id AND o.kind = 'demo'
    WHERE c.org_id = ${orgId} ${guestId ? sql`AND u.id = ${guestId}` : sql``}
      AND NOT EXISTS (SELECT 1 FROM guest_grants g WHERE g.crisis_id = c.id AND g.guest_id = u.id)
    ORDER BY c.number, u.id`);
  const system: Principal = { kind: 'system', orgId, label: 'demo' };
  const expiresAt = new Date(deps.clock.now().getTime() + DEMO_GRANT_DAYS * 86_400_000).toISOString();
  for (const g of open.rows) {
    try {
      await createGrant(
        deps,
        system,
        { guestId: g.guest_id, crisisId: g.crisis_id, classifications: ['public', 'internal', 'confidential'], expiresAt },
        meta,
      );
    } catch (e) {
      // Two at once (a sign-in and a tick): the other one granted it.
      if (!(e instanceof AppError && e.code === 'conflict')) throw e;
    }
  }
}
