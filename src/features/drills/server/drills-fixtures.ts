// Test fixtures for drills (server tests, the report's tests, the browser tests): an organisation with a finished
// set-up and a signed-in person of each role, a drill planned from the fixture scenario, entering it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Client, setUpOrg } from '../../../../test/helpers/client.ts';
import type { DrillView } from '../contract.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** The 30-minute fixture scenario (茶聚堂, one topic, three injects at minutes 2, 10 and 25). */
export const FIXTURE_SCENARIO_ID = 'fixture-mini';
/** The folder of test scenarios (`<locale>/<id>.yaml`), usable as `scenariosDir`. */
export const FIXTURE_SCENARIOS_DIR = path.join(root, 'test/fixtures/scenarios');

/** The fixture scenario file's text. */
export function fixtureScenarioText(locale: 'zh-TW' | 'en' = 'zh-TW') {
  return fs.readFileSync(path.join(FIXTURE_SCENARIOS_DIR, locale, `${FIXTURE_SCENARIO_ID}.yaml`), 'utf8');
}

/** A signed-in person of the organisation. */
export type Person = { client: Client; id: string; email: string };

/**
 * An organisation with a finished set-up and a signed-in person of each role: the admin, a manager, two members
 * (one to play, one to observe), a reporter, and a member left out of drills.
 */
export async function drillOrg(url: string, orgName = '茶聚堂') {
  const org = await setUpOrg(url, orgName);
  const admin: Person = { client: org.admin, id: org.adminId, email: org.adminEmail };
  const manager = await org.userWithRole('manager', '林經理');
  const player = await org.userWithRole('member', '王小明');
  const observer = await org.userWithRole('member', '陳觀察');
  const reporter = await org.userWithRole('reporter', '吳店長');
  const outsider = await org.userWithRole('member', '局外人');
  return { ...org, admin, manager, player, observer, reporter, outsider };
}

/** What to plan: by default the fixture scenario's text, at 60×, without history (fast), no one else taking part. */
export type PlanOptions = {
  title?: string;
  participants?: Array<{ userId: string; role: 'player' | 'observer' }>;
  speed?: 1 | 10 | 60;
  historyDays?: number;
  scenarioText?: string;
};

/** Plans a drill as `client` (an admin or manager, who facilitates it); throws unless it answers 201. */
export async function planDrill(client: Client, opts: PlanOptions = {}): Promise<DrillView> {
  const r = await client.post('/api/drills', {
    title: opts.title ?? '茶聚堂異物演練',
    scenarioText: opts.scenarioText ?? fixtureScenarioText(),
    speed: opts.speed ?? 60,
    historyDays: opts.historyDays ?? 0,
    participants: opts.participants ?? [],
  });
  if (r.status !== 201) throw new Error(`planning the drill failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body as DrillView;
}

/** Enters a drill with this client's session and reloads its CSRF token; returns the session inside. */
export async function enterDrill(client: Client, drillId: string) {
  const r = await client.post(`/api/drills/${drillId}/enter`);
  if (r.status !== 200) throw new Error(`entering the drill failed: ${r.status} ${JSON.stringify(r.body)}`);
  return (await client.refreshSession()).body;
}

/** Leaves the drill this client's session is in. */
export async function leaveDrill(client: Client) {
  const r = await client.post('/api/drill-session/leave');
  if (r.status !== 200) throw new Error(`leaving the drill failed: ${r.status} ${JSON.stringify(r.body)}`);
  return (await client.refreshSession()).body;
}

/** Sends a facilitator's command with the run's current version; returns the response (status and body). */
export async function control(client: Client, drillId: string, cmd: Record<string, unknown>) {
  const d = await client.get(`/api/drills/${drillId}`);
  if (d.status !== 200) throw new Error(`reading the drill failed: ${d.status} ${JSON.stringify(d.body)}`);
  return client.post(`/api/drills/${drillId}/control`, { ...cmd, expectedVersion: d.body.run.version });
}
