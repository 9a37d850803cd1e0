// The demo workspace over real HTTP: opened on first run from the setup page's choice, a separate organisation
// with people in every role and a month of history, a scenario playing; signed into from a picker; closed once a
// real organisation exists (unless started with --demo); never mixed with the real organisation's data.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClient, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { tickRuns } from './player.ts';

test('the demo opens on first run, beside setup, and its people sign in from the picker', async () => {
  const { url, server } = await startTestServer({ background: false });
  const anon = createClient(url);
  const before = await anon.get('/api/demo');
  assert.equal(before.status, 200);
  assert.deepEqual(before.body, { canOpen: true, demo: null });

  const opened = await anon.post('/api/demo', { locale: 'zh-TW' });
  assert.equal(opened.status, 201, JSON.stringify(opened.body));
  const demo = opened.body.demo;
  assert.match(demo.orgName, /（示範）$/);
  assert.ok(demo.scenarioTitle.length > 0);
  const roles = new Set(demo.people.map((p: { role: string }) => p.role));
  assert.deepEqual([...roles].sort(), ['admin', 'guest', 'manager', 'member', 'reporter']);

  // Opening again changes nothing.
  const again = await anon.post('/api/demo', { locale: 'en' });
  assert.equal(again.status, 201);
  assert.deepEqual(
    again.body.demo.people.map((p: { id: string }) => p.id),
    demo.people.map((p: { id: string }) => p.id),
  );

  // Setup is still open: the demo is not the organisation.
  assert.deepEqual((await anon.get('/api/setup')).body, { needed: true });

  const db = server.db;
  const { sql } = await import('drizzle-orm');
  const org = await db.execute<{ id: string; kind: string; totp: string[] }>(
    sql`SELECT id, kind, totp_required_roles AS totp FROM organisations WHERE kind = 'demo'`,
  );
  assert.equal(org.rows.length, 1);
  assert.deepEqual(org.rows[0].totp, []);
  const demoOrg = org.rows[0].id;
  // A month of history through the ingest pipeline, in the demo organisation only.
  const hist = await db.execute<{ n: number; oldest: Date }>(
    sql`SELECT count(*)::int AS n, min(published_at) AS oldest FROM mentions WHERE org_id = ${demoOrg}`,
  );
  assert.ok(hist.rows[0].n > 500, `history: ${hist.rows[0].n}`);
  assert.ok(Date.now() - new Date(hist.rows[0].oldest).getTime() > 28 * 86_400_000);
  const topics = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM topics WHERE org_id = ${demoOrg}`);
  assert.ok(topics.rows[0].n >= 1);
  const rules = await db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM alert_rules WHERE org_id = ${demoOrg}`);
  assert.equal(rules.rows[0].n, 1);
  const run = await db.execute<{ status: string; speed: number }>(sql`SELECT status, speed FROM scenario_runs WHERE org_id = ${demoOrg}`);
  assert.deepEqual(run.rows, [{ status: 'running', speed: 10 }]);
  // The playbooks of the scenario's crisis type name the demo's people, so declaring fills the team.
  const books = await db.execute<{ n: number; legal: number }>(
    sql`SELECT count(*)::int AS n, count(*) FILTER (WHERE body->'defaultPeople' ? 'legal_counsel')::int AS legal
      FROM crisis_playbooks WHERE org_id = ${demoOrg} AND body->'defaultPeople' ? 'commander'`,
  );
  assert.equal(books.rows[0].n, 4);
  assert.ok(books.rows[0].legal >= 2);

  // The picker: sign in as the PR manager, no password, no second factor.
  const pr = demo.people.find((p: { role: string }) => p.role === 'manager');
  const member = createClient(url);
  const signedIn = await member.post('/api/demo/sign-in', { userId: pr.id });
  assert.equal(signedIn.status, 201, JSON.stringify(signedIn.body));
  assert.equal(signedIn.body.org.kind, 'demo');
  assert.equal(signedIn.body.secondFactor.state, 'ok');
  const session = await member.refreshSession();
  assert.equal(session.body.user.id, pr.id);
  assert.ok(session.body.permissions.includes('alert.read'));
  const room = await member.get('/api/scenario-room');
  assert.equal(room.status, 200);
  assert.equal(room.body.run.status, 'running');

  // Not a way into anything else: a made-up id or a real person's id is not a demo person.
  assert.equal((await createClient(url).post('/api/demo/sign-in', { userId: crypto.randomUUID() })).status, 404);

  // Once the real organisation exists the demo closes: no picker, no sign-in, and none of its data is visible.
  const { admin } = await setUpOrg(url);
  assert.deepEqual((await anon.get('/api/demo')).body, { canOpen: false, demo: null });
  assert.equal((await createClient(url).post('/api/demo/sign-in', { userId: pr.id })).status, 409);
  assert.equal((await anon.post('/api/demo', { locale: 'zh-TW' })).status, 409);
  const realSession = await admin.get('/api/session');
  assert.equal(realSession.body.org.kind, 'live');
  assert.equal(realSession.body.drillId, null);
  const realMentions = await admin.get('/api/mentions');
  assert.equal(realMentions.status, 200);
  assert.equal(realMentions.body.mentions.length, 0);
  assert.deepEqual((await admin.get('/api/topics')).body, []);
});

test('with --demo the demo stays open after setup, and the demo never counts as the organisation', async () => {
  const { url } = await startTestServer({ background: false, demo: true });
  const { admin } = await setUpOrg(url);
  const anon = createClient(url);
  const info = await anon.get('/api/demo');
  assert.equal(info.body.canOpen, true);
  const opened = await anon.post('/api/demo', { locale: 'en' });
  assert.equal(opened.status, 201);
  assert.match(opened.body.demo.orgName, / \(demo\)$/);
  const exec = opened.body.demo.people.find((p: { role: string }) => p.role === 'admin');
  assert.equal(exec.name, 'Grace Chen');
  const c = createClient(url);
  assert.equal((await c.post('/api/demo/sign-in', { userId: exec.id })).status, 201);
  await c.refreshSession();
  // The demo's admin sees the demo's people only; the real admin sees the real organisation's only.
  const demoUsers = await c.get('/api/users');
  assert.ok(demoUsers.body.every((u: { email: string }) => u.email.endsWith('@demo.firebreak.invalid')));
  // Nothing in the demo reaches outside it: no accounts or invitations, tokens, guests, channels or sources.
  assert.equal((await c.post('/api/users', { email: 'someone@example.com', name: 'X', role: 'member' })).status, 403);
  assert.equal((await c.post('/api/tokens', { name: 'x', scopes: ['mentions:write'] })).status, 403);
  const perms: string[] = (await c.get('/api/session')).body.permissions;
  for (const a of ['user.manage', 'token.manage', 'guest.manage', 'channel.manage', 'source.manage']) assert.ok(!perms.includes(a), a);
  assert.ok(perms.includes('crisis.declare'));
  const realUsers = await admin.get('/api/users');
  assert.ok(realUsers.body.every((u: { email: string }) => !u.email.endsWith('@demo.firebreak.invalid')));
});

test('the demo agency consultant is given each declared crisis: NDA first, then its documents', async () => {
  const { url, server } = await startTestServer({ background: false });
  const anon = createClient(url);
  const opened = await anon.post('/api/demo', { locale: 'zh-TW' });
  const person = (role: string) => opened.body.demo.people.find((p: { role: string }) => p.role === role);
  const signIn = async (role: string) => {
    const c = createClient(url);
    const r = await c.post('/api/demo/sign-in', { userId: person(role).id });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    await c.refreshSession();
    return c;
  };
  // Before a crisis exists there is nothing to give.
  const early = await signIn('guest');
  assert.deepEqual((await early.get('/api/guest/me')).body.grants, []);

  const commander = await signIn('admin');
  const crisis = await commander.post('/api/crises', { title: '門市食安事件', type: 'product_quality', severity: 'L2' });
  assert.equal(crisis.status, 201, JSON.stringify(crisis.body));
  const doc = (classification: string) =>
    commander.post('/api/documents', { kind: 'internal_memo', title: `${classification} 備忘`, classification, crisisId: crisis.body.id });
  const internal = await doc('internal');
  const privileged = await doc('legal_privileged');
  assert.equal(internal.status, 201, JSON.stringify(internal.body));
  assert.equal(privileged.status, 201, JSON.stringify(privileged.body));

  // While the story plays, the player's tick gives it to the guest already signed in (their page updates live).
  await tickRuns(server.drillDeps);
  assert.equal((await early.get('/api/guest/me')).body.grants.length, 1);

  const guest = await signIn('guest');
  const me = await guest.get('/api/guest/me');
  assert.equal(me.body.grants.length, 1);
  assert.equal(me.body.grants[0].crisisId, crisis.body.id);
  assert.deepEqual([...me.body.grants[0].classifications].sort(), ['confidential', 'internal', 'public']);
  assert.equal(me.body.nda.acceptedAt, null);
  // The NDA comes first, as for any guest.
  assert.equal((await guest.get(`/api/documents/${internal.body.id}`)).status, 403);
  assert.equal((await guest.post('/api/guest/nda', { sha256: me.body.nda.sha256 })).status, 201);
  assert.equal((await guest.get(`/api/documents/${internal.body.id}`)).status, 200);
  // An agency never sees legal-privileged documents.
  assert.equal((await guest.get(`/api/documents/${privileged.body.id}`)).status, 404);
  // Signing in again grants nothing twice.
  await signIn('guest');
  assert.equal((await guest.get('/api/guest/me')).body.grants.length, 1);
});
