// People flows against a real server and database: setup, sign-in, sessions, invites, deactivation, tokens.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import pg from 'pg';
import { createClient, PASSWORD, setUpOrg } from '../../../../test/helpers/client.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';

describe('setup', () => {
  test('first run creates the organisation and admin, then setup is closed', async () => {
    const { url } = await startTestServer();
    const anon = createClient(url);
    assert.deepEqual((await anon.get('/api/setup')).body, { needed: true });
    const { admin } = await setUpOrg(url);
    const s = await admin.get('/api/session');
    assert.equal(s.status, 200);
    assert.equal(s.body.user.role, 'admin');
    assert.equal(s.body.org.name, 'Acme 食品');
    assert.ok(s.body.permissions.includes('user.manage'));
    assert.deepEqual((await anon.get('/api/setup')).body, { needed: false });
    const again = await anon.post('/api/setup', { orgName: 'X', name: 'Y', email: 'y@example.com', password: PASSWORD, locale: 'en' });
    assert.equal(again.status, 409);
    assert.equal(again.body.code, 'setup_closed');
    const deps = await admin.get('/api/departments');
    assert.deepEqual(
      deps.body.map((d: { kind: string }) => d.kind),
      ['pr', 'marketing', 'legal', 'customer_service', 'executive', 'it', 'other'],
    );
  });

  test('setup from the environment for unattended installs', async () => {
    const { setUpFromEnvironment } = await import('./setup.ts');
    const { url, server } = await startTestServer();
    assert.equal(await setUpFromEnvironment(server.deps, { orgName: 'Env Org', email: 'ops@example.com', password: PASSWORD }), true);
    assert.equal(await setUpFromEnvironment(server.deps, { orgName: 'Env Org', email: 'ops@example.com', password: PASSWORD }), false);
    const c = createClient(url);
    await c.signIn('ops@example.com', PASSWORD);
    assert.equal((await c.get('/api/session')).body.org.name, 'Env Org');
  });
});

describe('sign-in and sessions', () => {
  test('sign in, cookie attributes, sign out', async () => {
    const { url } = await startTestServer();
    const { adminEmail } = await setUpOrg(url);
    const c = createClient(url);
    const r = await c.post('/api/session', { email: adminEmail.toUpperCase(), password: PASSWORD });
    assert.equal(r.status, 201);
    const cookie = r.headers.getSetCookie().join(';');
    assert.match(cookie, /HttpOnly/i);
    assert.match(cookie, /SameSite=Lax/i);
    assert.doesNotMatch(cookie, /Secure/i);
    const token = c.cookie.split('=')[1];
    assert.equal(Buffer.from(token, 'base64url').length, 32, '256-bit session token');
    await c.refreshSession();
    assert.equal((await c.del('/api/session')).status, 204);
    assert.equal((await c.get('/api/session')).status, 401);
  });

  test('Secure cookies when configured', async () => {
    const { url } = await startTestServer({ env: { FIREBREAK_SECURE_COOKIES: '1' } });
    const { adminEmail } = await setUpOrg(url);
    const r = await createClient(url).post('/api/session', { email: adminEmail, password: PASSWORD });
    assert.equal(r.status, 201);
    assert.match(r.headers.getSetCookie().join(';'), /;\s*Secure/i);
  });

  test('wrong password and unknown e-mail give the same generic error', async () => {
    const { url } = await startTestServer();
    const { adminEmail } = await setUpOrg(url);
    const c = createClient(url);
    const a = await c.post('/api/session', { email: adminEmail, password: 'wrong password!!' });
    const b = await c.post('/api/session', { email: 'nobody@example.com', password: 'wrong password!!' });
    assert.equal(a.status, 401);
    assert.equal(b.status, 401);
    assert.equal(a.body.code, 'invalid_credentials');
    assert.equal(a.body.detail, b.body.detail);
  });

  test('throttles an account after repeated failures, without revealing whether it exists', async () => {
    const { url } = await startTestServer({ env: { FIREBREAK_LOGIN_MAX_FAILURES: '3' } });
    const { adminEmail } = await setUpOrg(url);
    const c = createClient(url);
    for (const email of [adminEmail, 'ghost@example.com']) {
      for (let i = 0; i < 3; i++) assert.equal((await c.post('/api/session', { email, password: 'nope nope nope' })).status, 401);
      const locked = await c.post('/api/session', { email, password: PASSWORD });
      assert.equal(locked.status, 429, email);
      assert.equal(locked.body.code, 'too_many_attempts');
      assert.ok(Number(locked.headers.get('retry-after')) > 0);
    }
  });

  test('idle and absolute timeouts end sessions', async () => {
    const clock = createTestClock(new Date());
    const { url } = await startTestServer({ clock, env: { FIREBREAK_SESSION_IDLE_MINUTES: '30', FIREBREAK_SESSION_MAX_HOURS: '2' } });
    const { admin, adminEmail } = await setUpOrg(url);
    clock.advance(29 * 60_000);
    assert.equal((await admin.get('/api/session')).status, 200);
    clock.advance(31 * 60_000);
    assert.equal((await admin.get('/api/session')).status, 401, 'idle timeout');
    const c = createClient(url);
    await c.signIn(adminEmail, PASSWORD);
    for (let i = 0; i < 4; i++) {
      clock.advance(25 * 60_000);
      assert.equal((await c.get('/api/session')).status, 200);
    }
    clock.advance(25 * 60_000);
    assert.equal((await c.get('/api/session')).status, 401, 'absolute timeout');
  });

  test('state changes need the CSRF token and a same-site origin', async () => {
    const { url } = await startTestServer();
    const { admin } = await setUpOrg(url);
    const noCsrf = await admin.request('PATCH', '/api/me', { name: 'X' }, { 'x-csrf-token': 'wrong' });
    assert.equal(noCsrf.status, 403);
    assert.equal(noCsrf.body.code, 'csrf_failed');
    const crossSite = await admin.request('PATCH', '/api/me', { name: 'X' }, { origin: 'https://evil.example' });
    assert.equal(crossSite.status, 403);
    const raw = await fetch(`${url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email":"a@b.c","password":"x"}',
    });
    assert.equal(raw.status, 403, 'pre-session POST without X-Requested-With');
    assert.equal((await admin.patch('/api/me', { name: 'Ada L.' })).status, 200);
  });

  test('changing the password ends other sessions and needs the current one', async () => {
    const { url } = await startTestServer();
    const { admin, adminEmail } = await setUpOrg(url);
    const other = createClient(url);
    await other.signIn(adminEmail, PASSWORD);
    const wrong = await admin.post('/api/me/password', { currentPassword: 'not it at all', newPassword: 'a new long password' });
    assert.equal(wrong.body.code, 'wrong_password');
    const weak = await admin.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'short' });
    assert.equal(weak.status, 400);
    assert.equal((await admin.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'a new long password' })).status, 204);
    assert.equal((await admin.get('/api/session')).status, 200);
    assert.equal((await other.get('/api/session')).status, 401);
    await createClient(url).signIn(adminEmail, 'a new long password');
  });
});

describe('users and invites', () => {
  test('an admin invites a user who accepts; the link works once', async () => {
    const { url } = await startTestServer();
    const { admin } = await setUpOrg(url);
    const created = await admin.post('/api/users', { email: 'Lin@Example.com', name: '林小姐', role: 'member' });
    assert.equal(created.status, 201);
    assert.equal(created.body.user.status, 'invited');
    assert.equal(created.body.user.email, 'lin@example.com');
    assert.match(created.body.inviteUrl, /^http:\/\/127\.0\.0\.1:\d+\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = created.body.inviteUrl.split('/invite/')[1];
    const anon = createClient(url);
    assert.deepEqual((await anon.get(`/api/invites/${token}`)).body, { email: 'lin@example.com', name: '林小姐', orgName: 'Acme 食品' });
    assert.equal((await anon.post(`/api/invites/${token}/accept`, { password: PASSWORD })).status, 201);
    assert.equal((await anon.get('/api/session')).body.user.status, 'active');
    assert.equal((await createClient(url).post(`/api/invites/${token}/accept`, { password: PASSWORD })).status, 404);
    const dup = await admin.post('/api/users', { email: 'lin@example.com', name: 'Again', role: 'member' });
    assert.equal(dup.status, 409);
  });

  test('deactivating a user ends their sessions at once and blocks sign-in', async () => {
    const { url } = await startTestServer();
    const { admin, userWithRole, adminId } = await setUpOrg(url);
    const m = await userWithRole('member');
    assert.equal((await m.client.get('/api/session')).status, 200);
    const d = await admin.post(`/api/users/${m.id}/deactivate`);
    assert.equal(d.status, 200);
    assert.equal(d.body.status, 'deactivated');
    assert.equal((await m.client.get('/api/session')).status, 401);
    const again = createClient(url);
    assert.equal((await again.post('/api/session', { email: m.email, password: PASSWORD })).status, 401);
    assert.equal((await admin.post(`/api/users/${adminId}/deactivate`)).status, 409, 'cannot deactivate yourself');
    assert.equal((await admin.post(`/api/users/${m.id}/reactivate`)).body.status, 'active');
    await createClient(url).signIn(m.email, PASSWORD);
  });

  test('the last admin cannot be demoted', async () => {
    const { url } = await startTestServer();
    const { admin, adminId } = await setUpOrg(url);
    const r = await admin.patch(`/api/users/${adminId}`, { role: 'member' });
    assert.equal(r.status, 409);
  });

  test('updates check the expected version and record before/after in the audit log', async () => {
    const { url } = await startTestServer();
    const { admin, userWithRole } = await setUpOrg(url);
    const m = await userWithRole('member');
    const u = (await admin.get(`/api/users/${m.id}`)).body;
    const deps = (await admin.get('/api/departments')).body;
    const legal = deps.find((d: { kind: string }) => d.kind === 'legal');
    const ok = await admin.patch(`/api/users/${m.id}`, { role: 'manager', departmentId: legal.id, expectedVersion: u.version });
    assert.equal(ok.status, 200);
    assert.equal(ok.body.role, 'manager');
    const counts = (await admin.get('/api/departments')).body;
    assert.equal(counts.find((d: { id: string }) => d.id === legal.id).memberCount, 1);
    assert.equal(counts.find((d: { kind: string }) => d.kind === 'pr').memberCount, 0);
    const stale = await admin.patch(`/api/users/${m.id}`, { role: 'member', expectedVersion: u.version });
    assert.equal(stale.status, 409);
    const audit = await admin.get(`/api/audit?type=user.updated&subjectId=${m.id}`);
    assert.equal(audit.body.events[0].data.before.role, 'member');
    assert.equal(audit.body.events[0].data.after.role, 'manager');
    const badDept = await admin.patch(`/api/users/${m.id}`, { departmentId: '00000000-0000-4000-8000-000000000000' });
    assert.equal(badDept.status, 400);
  });
});

describe('API tokens', () => {
  test('created once, stored hashed, scoped, revocable', async () => {
    const { url, databaseUrl } = await startTestServer();
    const { admin } = await setUpOrg(url);
    const created = await admin.post('/api/tokens', { name: 'RSS collector', scopes: ['mentions:write'] });
    assert.equal(created.status, 201);
    const secret: string = created.body.secret;
    assert.match(secret, /^fbk_[A-Za-z0-9_-]{43}$/);
    const list = await admin.get('/api/tokens');
    assert.equal(JSON.stringify(list.body).includes(secret), false, 'the secret is never shown again');
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const stored = await db.query('SELECT token_hash FROM api_tokens');
    await db.end();
    assert.notEqual(stored.rows[0].token_hash, secret);
    const machine = createClient(url);
    machine.useToken(secret);
    const who = await machine.get('/api/token');
    assert.equal(who.status, 200);
    assert.deepEqual(who.body.scopes, ['mentions:write']);
    assert.equal((await machine.get('/api/users')).status, 401, 'tokens cannot use people routes');
    assert.equal((await admin.del(`/api/tokens/${created.body.token.id}`)).status, 204);
    assert.equal((await machine.get('/api/token')).status, 401);
  });

  test('expired tokens stop working', async () => {
    const clock = createTestClock(new Date());
    const { url } = await startTestServer({ clock });
    const { admin } = await setUpOrg(url);
    const created = await admin.post('/api/tokens', { name: 'short', scopes: ['mentions:read'], expiresInDays: 1 });
    const machine = createClient(url);
    machine.useToken(created.body.secret);
    assert.equal((await machine.get('/api/token')).status, 200);
    clock.advance(86_400_000 + 1000);
    assert.equal((await machine.get('/api/token')).status, 401);
  });
});

describe('audit log', () => {
  test('every state change writes an event, in a filterable, paginated log', async () => {
    const { url } = await startTestServer();
    const { admin, adminEmail, userWithRole } = await setUpOrg(url);
    await createClient(url).post('/api/session', { email: adminEmail, password: 'not the password' });
    const m = await userWithRole('member');
    await admin.patch(`/api/users/${m.id}`, { role: 'reporter' });
    await admin.post(`/api/users/${m.id}/deactivate`);
    await admin.post(`/api/users/${m.id}/reactivate`);
    const dept = (await admin.post('/api/departments', { name: '品牌溝通組' })).body.id;
    await admin.patch(`/api/departments/${dept}`, { name: '品牌溝通' });
    const tok = (await admin.post('/api/tokens', { name: 'feeds', scopes: ['mentions:write'] })).body.token.id;
    await admin.del(`/api/tokens/${tok}`);
    await admin.patch('/api/org', { name: 'Acme Foods' });
    await admin.patch('/api/me', { locale: 'en' });
    await admin.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'another long password' });
    const other = createClient(url);
    await other.signIn(adminEmail, 'another long password');
    await other.del('/api/session');
    const all = await admin.get('/api/audit?limit=200');
    const types = new Set(all.body.events.map((e: { type: string }) => e.type));
    for (const t of [
      'org.set_up',
      'org.updated',
      'user.signed_in',
      'user.sign_in_failed',
      'user.signed_out',
      'user.created',
      'user.invited',
      'user.invite_accepted',
      'user.updated',
      'user.password_changed',
      'user.deactivated',
      'user.reactivated',
      'department.created',
      'department.updated',
      'token.created',
      'token.revoked',
    ]) {
      assert.ok(types.has(t), `missing ${t}`);
    }
    const ev = all.body.events[0];
    assert.equal(typeof ev.requestId, 'string');
    assert.equal(ev.ip, '127.0.0.1');
    const onlyUsers = await admin.get('/api/audit?type=user.&limit=200');
    assert.ok(onlyUsers.body.events.length > 0);
    assert.ok(onlyUsers.body.events.every((e: { type: string }) => e.type.startsWith('user.')));
    const byActor = await admin.get(`/api/audit?actorId=${m.id}&limit=200`);
    assert.ok(byActor.body.events.every((e: { actorId: string }) => e.actorId === m.id));
    const future = await admin.get(`/api/audit?from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`);
    assert.equal(future.body.events.length, 0);
    const page1 = await admin.get('/api/audit?limit=5');
    const page2 = await admin.get(`/api/audit?limit=5&before=${page1.body.nextBefore}`);
    assert.equal(page1.body.events.length, 5);
    assert.ok(page2.body.events[0].id < page1.body.events[4].id);
    assert.deepEqual((await admin.get('/api/audit/verify')).body.ok, true);
    const noPasswords = JSON.stringify(all.body);
    assert.equal(noPasswords.includes(PASSWORD), false);
    assert.equal(noPasswords.includes('argon2'), false);
  });
});

describe('organisation time zone', () => {
  test('Asia/Taipei by default; an admin sets another IANA zone, in the org, the session and the audit log', async () => {
    const { url } = await startTestServer();
    const { admin } = await setUpOrg(url);
    const before = await admin.get('/api/org');
    assert.equal(before.body.timeZone, 'Asia/Taipei');
    assert.equal((await admin.get('/api/session')).body.org.timeZone, 'Asia/Taipei');
    const r = await admin.patch('/api/org', { timeZone: 'Europe/London' });
    assert.equal(r.status, 200, JSON.stringify(r.body));
    assert.equal(r.body.timeZone, 'Europe/London');
    assert.equal(r.body.version, before.body.version + 1);
    assert.equal(r.body.name, before.body.name, 'other settings kept');
    assert.equal((await admin.get('/api/org')).body.timeZone, 'Europe/London');
    assert.equal((await admin.get('/api/session')).body.org.timeZone, 'Europe/London');
    const audit = await admin.get('/api/audit?type=org.updated');
    const ev = audit.body.events[0];
    assert.deepEqual(ev.data.before, { name: before.body.name, defaultLocale: 'zh-TW', timeZone: 'Asia/Taipei' });
    assert.deepEqual(ev.data.after, { name: before.body.name, defaultLocale: 'zh-TW', timeZone: 'Europe/London' });
    // Any case is accepted and stored in the usual spelling.
    assert.equal((await admin.patch('/api/org', { timeZone: 'asia/tokyo' })).body.timeZone, 'Asia/Tokyo');
    assert.equal((await admin.patch('/api/org', { timeZone: 'UTC' })).body.timeZone, 'UTC');
  });

  test('a zone that is not a known IANA name is a 400 problem and changes nothing', async () => {
    const { url } = await startTestServer();
    const { admin } = await setUpOrg(url);
    const before = (await admin.get('/api/org')).body;
    const events = (await admin.get('/api/audit?type=org.updated')).body.events.length;
    for (const timeZone of ['Mars/Olympus', '+08:00', 'GMT+8 台北', '', 'Asia/Taipei/../UTC', 8, null]) {
      const r = await admin.patch('/api/org', { name: 'Renamed', timeZone });
      assert.equal(r.status, 400, String(timeZone));
      assert.equal(r.body.code, 'validation_failed');
      assert.match(r.headers.get('content-type') ?? '', /application\/problem\+json/);
      assert.deepEqual(
        r.body.errors.map((e: { path: string }) => e.path),
        ['timeZone'],
      );
    }
    assert.deepEqual((await admin.get('/api/org')).body, before, 'nothing changed');
    assert.equal((await admin.get('/api/audit?type=org.updated')).body.events.length, events, 'nothing recorded');
  });

  test('only an admin changes it; everyone signed in sees it', async () => {
    const { url } = await startTestServer();
    const { admin, userWithRole } = await setUpOrg(url);
    for (const role of ['manager', 'member'] as const) {
      const u = await userWithRole(role);
      const r = await u.client.patch('/api/org', { timeZone: 'Europe/London' });
      assert.equal(r.status, 403, role);
      assert.equal(r.body.code, 'forbidden');
      assert.equal((await u.client.get('/api/session')).body.org.timeZone, 'Asia/Taipei');
    }
    assert.equal((await admin.get('/api/org')).body.timeZone, 'Asia/Taipei');
  });
});
