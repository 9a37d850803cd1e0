// `npm start -- --demo` as a real process on a fresh data directory: it says where the demo is, the demo's people
// (every role) sign in from the picker, its scenario raises an alert within a bounded time, setup stays open beside
// it and, because of --demo, the demo stays reachable after setup; SIGTERM stops everything, PostgreSQL included.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClient, PASSWORD } from '../helpers/client.ts';
import { cleanUpAfterEachTest, type FirebreakProcess, http, makeDataDir, postmasterPids, spawnFirebreak, waitFor } from './harness.ts';

cleanUpAfterEachTest();

/** How long the demo may take to raise its first alert once sped up to 60×. */
const ALERT_WITHIN_MS = 90_000;

test('firebreak start --demo: the demo opens unattended, its alert fires, and it outlives setup', { timeout: 200_000 }, async (t) => {
  const dir = makeDataDir();
  const server: FirebreakProcess = spawnFirebreak(['start', '--demo'], { FIREBREAK_DATA_DIR: dir });
  let finished = false;
  t.after(() => {
    if (!finished)
      t.diagnostic(
        `server exit ${JSON.stringify(server.exitedWith)}\n--- stdout ---\n${server.stdout.slice(-3000)}\n--- stderr ---\n${server.stderr.slice(-3000)}`,
      );
  });
  const url = await server.waitForUrl(90_000);
  const line = await server.waitForOutput(/^Demo: (.+) — "(.+)" is playing\. Pick a person at (\S+)$/m, 90_000);
  assert.equal(line[3], `${url}/demo`, 'names where to pick a person');
  const demoAt = Date.now();

  // The picker: the demo's people, in every role.
  const info = await http(`${url}/api/demo`);
  assert.equal(info.status, 200, JSON.stringify(info.body));
  assert.equal(info.body.canOpen, true);
  assert.equal(info.body.demo.orgName, line[1], 'the line names the demo');
  assert.equal(info.body.demo.scenarioTitle, line[2]);
  const people = info.body.demo.people as Array<{ id: string; name: string; role: string }>;
  assert.deepEqual([...new Set(people.map((p) => p.role))].sort(), ['admin', 'guest', 'manager', 'member', 'reporter']);

  // Signing in as the demo's admin.
  const adminPerson = people.find((p) => p.role === 'admin');
  assert.ok(adminPerson);
  const demoAdmin = createClient(url);
  const signIn = await demoAdmin.post('/api/demo/sign-in', { userId: adminPerson.id });
  assert.equal(signIn.status, 201, JSON.stringify(signIn.body));
  const session = await demoAdmin.refreshSession();
  assert.equal(session.status, 200);
  assert.equal(session.body.user.id, adminPerson.id);
  assert.equal(session.body.user.role, 'admin');
  assert.equal(session.body.org.name, line[1]);

  // The scenario plays at 10×; the demo's admin speeds it to 60×.
  const room = await demoAdmin.get('/api/scenario-room');
  assert.equal(room.status, 200, JSON.stringify(room.body));
  assert.equal(room.body.run.status, 'running');
  assert.equal(room.body.run.speed, 10);
  const sped = await demoAdmin.post('/api/scenario-room/control', { action: 'speed', speed: 60, expectedVersion: room.body.run.version });
  assert.equal(sped.status, 200, JSON.stringify(sped.body));
  assert.equal(sped.body.speed, 60);
  const spedAt = Date.now();

  // An alert opens in the demo organisation.
  let alerts: { alerts: Array<{ id: string; topicName: string; status: string; openedAt: string }> } = { alerts: [] };
  const fired = await waitFor(
    async () => {
      const r = await demoAdmin.get('/api/alerts');
      assert.equal(r.status, 200, JSON.stringify(r.body));
      alerts = r.body;
      return alerts.alerts.length > 0;
    },
    ALERT_WITHIN_MS,
    1000,
  );
  const minute = (await demoAdmin.get('/api/scenario-room')).body.run?.minute;
  assert.ok(fired, `an alert within ${ALERT_WITHIN_MS / 1000} s of 60× play (scenario minute ${minute})`);
  t.diagnostic(
    `first alert ${((Date.now() - spedAt) / 1000).toFixed(1)} s after speeding up to 60× ` +
      `(${((Date.now() - demoAt) / 1000).toFixed(1)} s after the demo line; scenario minute ${minute}): ` +
      `${alerts.alerts[0].topicName}, ${alerts.alerts[0].status}`,
  );
  assert.equal(alerts.alerts[0].status, 'open');

  // Setup is still open beside the demo; once done, --demo keeps the demo reachable.
  const anon = createClient(url);
  assert.deepEqual((await anon.get('/api/setup')).body, { needed: true });
  const setup = await anon.post('/api/setup', {
    orgName: '真正的公司',
    name: 'Ada Admin',
    email: 'ada@example.com',
    password: PASSWORD,
    locale: 'zh-TW',
  });
  assert.equal(setup.status, 201, JSON.stringify(setup.body));
  assert.deepEqual((await anon.get('/api/setup')).body, { needed: false });
  const still = await http(`${url}/api/demo`);
  assert.equal(still.status, 200);
  assert.equal(still.body.canOpen, true, '--demo keeps the demo open after setup');
  assert.deepEqual(
    still.body.demo.people.map((p: { id: string }) => p.id),
    people.map((p) => p.id),
  );
  const again = createClient(url);
  const signInAgain = await again.post('/api/demo/sign-in', { userId: people.find((p) => p.role === 'member')?.id });
  assert.equal(signInAgain.status, 201, JSON.stringify(signInAgain.body));
  await again.refreshSession();
  assert.equal((await again.get('/api/alerts')).body.alerts.length > 0, true, 'the demo still shows its alert');
  assert.equal((await demoAdmin.get('/api/session')).status, 200, "the demo admin's session still works");
  // The real organisation sees none of the demo's data.
  const real = (await anon.get('/api/alerts')).body;
  assert.deepEqual(real.alerts, [], 'the real organisation has no alerts');

  // SIGTERM: exit 0, PostgreSQL stopped.
  server.signal('SIGTERM');
  assert.deepEqual(await server.waitExit(15_000), { code: 0, signal: null }, server.stderr);
  assert.match(server.stdout, /Firebreak stopped\./);
  assert.deepEqual(postmasterPids(dir), [], 'PostgreSQL stopped with the server');
  finished = true;
});
