// The second factor against a real server and database: enrolment, the sign-in's second step, replay and
// recovery codes, throttling, pending sessions refused everywhere else (HTTP and the live socket), guests who
// must enrol first, the admins' 14-day grace, the organisation's policy, and turning it off.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import pg from 'pg';
import { type Client, createClient, PASSWORD, setUpOrg } from '../../../../test/helpers/client.ts';
import { onCleanup } from '../../../../test/helpers/db.ts';
import { openLive } from '../../../../test/helpers/live.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { enrolTotpWithCodes, passSecondFactor, totpNow } from '../../../../test/helpers/totp.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { hashPassword } from './deps.ts';

const STEP = 30_000;
// The server's clock starts at the wall clock, because users.created_at (the grace period's start) is the database's.
const clock = createTestClock(new Date());
let ctx: Awaited<ReturnType<typeof startTestServer>>;
let org: Awaited<ReturnType<typeof setUpOrg>>;
let db: pg.Client;

before(async () => {
  ctx = await startTestServer({ clock });
  org = await setUpOrg(ctx.url);
  db = new pg.Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  onCleanup(() => db.end());
});

const events = async (type: string, subjectId: string) =>
  (await db.query('SELECT data FROM events WHERE type = $1 AND subject_id = $2 ORDER BY id', [type, subjectId])).rows;

/** A fresh sign-in for `email`: the client and what the sign-in answered about the second factor. */
async function signIn(email: string): Promise<{ c: Client; secondFactor: string }> {
  const c = createClient(ctx.url);
  const r = await c.signIn(email, PASSWORD);
  return { c, secondFactor: r.body.secondFactor };
}

function assertRequired(r: { status: number; body: any }, step: 'verify' | 'enrol') {
  assert.equal(r.status, 403, JSON.stringify(r.body));
  assert.equal(r.body.code, 'second_factor_required');
  assert.equal(r.body.errors[0].code, step);
}

describe('enrolment and the sign-in’s second step', () => {
  let secret: string;
  let recoveryCodes: string[];

  test('start answers a secret and an otpauth URI; a wrong first code is refused; the right one turns it on', async () => {
    const start = await org.admin.post('/api/profile/totp');
    assert.equal(start.status, 201);
    assert.match(start.body.secret, /^[A-Z2-7]{32}$/);
    const uri = new URL(start.body.otpauthUri);
    assert.equal(uri.searchParams.get('issuer'), 'Firebreak');
    assert.match(decodeURIComponent(uri.pathname), new RegExp(`Firebreak:Acme 食品 ${org.adminEmail}`));
    const wrong = String((Number(totpNow(start.body.secret, clock)) + 500_000) % 1_000_000).padStart(6, '0');
    const bad = await org.admin.post('/api/profile/totp/confirm', { code: wrong });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'invalid_second_factor');
    assert.equal((await events('user.totp_failed', org.adminId)).length, 1);
    // Restarting replaces the pending secret; the helper does start + confirm.
    ({ secret, recoveryCodes } = await enrolTotpWithCodes(org.admin, clock));
    assert.equal(recoveryCodes.length, 10);
    const s = (await org.admin.get('/api/session')).body;
    assert.equal(s.secondFactor.state, 'ok', 'the enrolling session has passed the second factor');
    assert.equal(s.secondFactor.enabled, true);
    assert.equal(s.secondFactor.recoveryCodesLeft, 10);
    assert.equal((await events('user.totp_enabled', org.adminId)).length, 1);
    const again = await org.admin.post('/api/profile/totp');
    assert.equal(again.status, 409, 'a confirmed factor is not replaced behind the person’s back');
  });

  test('signing in with the password leaves the session pending until a code is given', async () => {
    clock.advance(STEP);
    const { c, secondFactor } = await signIn(org.adminEmail);
    assert.equal(secondFactor, 'verify');
    const s = await c.get('/api/session');
    assert.equal(s.status, 200);
    assert.equal(s.body.secondFactor.state, 'verify');
    assert.deepEqual(s.body.permissions, [], 'a pending session holds no permissions');
    assertRequired(await c.get('/api/users'), 'verify');
    assertRequired(await c.post('/api/profile/totp'), 'verify');
    const wrong = String((Number(totpNow(secret, clock)) + 500_000) % 1_000_000).padStart(6, '0');
    const bad = await c.post('/api/session/second-factor', { code: wrong });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.code, 'invalid_second_factor');
    assert.equal((await events('user.totp_failed', org.adminId)).at(-1).data.during, 'sign_in');
    await passSecondFactor(c, secret, clock);
    assert.equal((await c.get('/api/users')).status, 200);
    assert.ok((await c.get('/api/session')).body.permissions.includes('user.manage'));
    assert.equal((await events('user.second_factor_passed', org.adminId)).at(-1).data.method, 'totp');
  });

  test('a code is never accepted twice, not even in another session', async () => {
    const code = totpNow(secret, clock); // accepted in the previous test
    const { c } = await signIn(org.adminEmail);
    const replay = await c.post('/api/session/second-factor', { code });
    assert.equal(replay.status, 400);
    assert.equal(replay.body.code, 'invalid_second_factor');
    clock.advance(STEP);
    await passSecondFactor(c, secret, clock);
    assert.equal((await c.get('/api/users')).status, 200);
  });

  test('a recovery code works once (in any case), and is counted down', async () => {
    const [first, second] = recoveryCodes;
    const a = (await signIn(org.adminEmail)).c;
    assert.equal((await a.post('/api/session/second-factor', { code: first })).status, 204);
    await a.refreshSession();
    assert.equal((await a.get('/api/users')).status, 200);
    assert.equal((await a.get('/api/session')).body.secondFactor.recoveryCodesLeft, 9);
    const b = (await signIn(org.adminEmail)).c;
    const reused = await b.post('/api/session/second-factor', { code: first });
    assert.equal(reused.status, 400);
    assert.equal((await b.post('/api/session/second-factor', { code: second.toUpperCase() })).status, 204);
    assert.equal((await events('user.second_factor_passed', org.adminId)).at(-1).data.method, 'recovery');
  });

  test('a pending session is refused by the live socket', async () => {
    const { c } = await signIn(org.adminEmail);
    const live = openLive(ctx.url, c.cookie);
    const closed = new Promise<number>((resolve) => live.ws.once('close', (n) => resolve(n)));
    const hello = live
      .next((m) => m.type === 'hello', 3000)
      .then(
        () => 'hello' as const,
        () => 'none' as const,
      );
    const first = await Promise.race([closed, hello]);
    live.ws.close();
    assert.equal(first, 4401, 'closed as not signed in, never greeted');
  });

  test('wrong codes are throttled like passwords', async () => {
    const m = await org.userWithRole('member', 'Mia Member');
    const mSecret = (await enrolTotpWithCodes(m.client, clock)).secret;
    const { c } = await signIn(m.email);
    const wrong = String((Number(totpNow(mSecret, clock)) + 500_000) % 1_000_000).padStart(6, '0');
    let last = 0;
    for (let i = 0; i < 12 && last !== 429; i++) last = (await c.post('/api/session/second-factor', { code: wrong })).status;
    assert.equal(last, 429, 'locked after the sign-in limit');
    clock.advance(STEP);
    const right = await c.post('/api/session/second-factor', { code: totpNow(mSecret, clock) });
    assert.equal(right.status, 429, 'even the right code waits out the lock');
    clock.advance(16 * 60_000);
    await c.refreshSession(); // keep the session from idling out in the test's sense; it is still pending
    await passSecondFactor(c, mSecret, clock);
  });
});

describe('guests must enrol before anything else', () => {
  test('a guest without a second factor reaches only enrolment and the session', async () => {
    const ext = await db.query(
      `INSERT INTO external_orgs (org_id, name, kind, nda_text, created_at, updated_at) VALUES ($1, '正義法律事務所', 'law_firm', 'NDA', now(), now()) RETURNING id`,
      [org.orgId],
    );
    const email = `guest-${Date.now()}@lawfirm.example`;
    const hash = await hashPassword(ctx.server.deps, PASSWORD);
    const g = await db.query(
      `INSERT INTO users (org_id, email, name, role, external_org_id, status, password_hash) VALUES ($1, $2, 'Gary Guest', 'guest', $3, 'active', $4) RETURNING id`,
      [org.orgId, email, ext.rows[0].id, hash],
    );
    const { c, secondFactor } = await signIn(email);
    assert.equal(secondFactor, 'enrol');
    const s = (await c.get('/api/session')).body;
    assert.equal(s.secondFactor.state, 'enrol');
    assert.equal(s.secondFactor.required, true);
    assertRequired(await c.get('/api/org'), 'enrol');
    assertRequired(await c.post('/api/session/second-factor', { code: '123456' }), 'enrol');
    const secret = (await enrolTotpWithCodes(c, clock)).secret;
    assert.equal((await c.get('/api/org')).status, 200);
    // Next time: the code.
    clock.advance(STEP);
    const next = await signIn(email);
    assert.equal(next.secondFactor, 'verify');
    await passSecondFactor(next.c, secret, clock);
    assert.equal((await next.c.get('/api/org')).status, 200);
    assert.equal((await events('user.totp_enabled', g.rows[0].id)).length, 1);
    const off = await c.request('DELETE', '/api/profile/totp', { password: PASSWORD });
    assert.equal(off.status, 409, 'a guest cannot turn it off');
  });
});

describe('the organisation’s policy', () => {
  test('admins read and change which roles must use it; managers may not; stale versions are refused', async () => {
    const mgr = await org.userWithRole('manager', 'Max Manager');
    const got = await org.admin.get('/api/org/security');
    assert.equal(got.status, 200);
    assert.deepEqual(got.body.totpRequiredRoles, ['admin', 'guest']);
    assert.equal((await mgr.client.get('/api/org/security')).status, 403);
    const denied = await mgr.client.patch('/api/org/security', { version: got.body.version, totpRequiredRoles: [] });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.code, 'forbidden');
    const stale = await org.admin.patch('/api/org/security', { version: got.body.version - 1 || 99, totpRequiredRoles: ['admin'] });
    assert.equal(stale.status, 409);
    const bad = await org.admin.patch('/api/org/security', { version: got.body.version, totpRequiredRoles: ['owner'] });
    assert.equal(bad.status, 400);
    const ok = await org.admin.patch('/api/org/security', { version: got.body.version, totpRequiredRoles: ['manager', 'admin', 'guest'] });
    assert.equal(ok.status, 200);
    assert.deepEqual(ok.body.totpRequiredRoles, ['admin', 'guest', 'manager']);
    const ev = await events('org.security_updated', org.orgId);
    assert.deepEqual(ev.at(-1).data, {
      before: { totpRequiredRoles: ['admin', 'guest'] },
      after: { totpRequiredRoles: ['admin', 'guest', 'manager'] },
    });

    // The manager is new: within the grace period, told when it ends.
    const s = (await mgr.client.get('/api/session')).body.secondFactor;
    assert.equal(s.state, 'ok');
    assert.equal(s.required, true);
    assert.ok(s.graceEndsAt && new Date(s.graceEndsAt) > clock.now());
    await enrolTotpWithCodes(mgr.client, clock);
    const refused = await mgr.client.request('DELETE', '/api/profile/totp', { password: PASSWORD });
    assert.equal(refused.status, 409, 'required for managers now');

    const relaxed = await org.admin.patch('/api/org/security', { version: ok.body.version, totpRequiredRoles: ['admin', 'guest'] });
    assert.equal(relaxed.status, 200);
    const wrongPassword = await mgr.client.request('DELETE', '/api/profile/totp', { password: 'not the password at all' });
    assert.equal(wrongPassword.status, 400);
    assert.equal(wrongPassword.body.code, 'wrong_password');
    assert.equal((await mgr.client.request('DELETE', '/api/profile/totp', { password: PASSWORD })).status, 204);
    assert.equal((await events('user.totp_disabled', mgr.id)).length, 1);
    const after = (await mgr.client.get('/api/session')).body.secondFactor;
    assert.deepEqual([after.enabled, after.required, after.state], [false, false, 'ok']);
    assert.equal((await signIn(mgr.email)).secondFactor, 'ok', 'no second step once it is off');
    const adminOff = await org.admin.request('DELETE', '/api/profile/totp', { password: PASSWORD });
    assert.equal(adminOff.status, 409, 'admins must keep it');
  });
});

describe('the admins’ grace period', () => {
  test('an admin without a second factor works for 14 days, then must enrol', async () => {
    const graceClock = createTestClock(new Date());
    const srv = await startTestServer({ clock: graceClock });
    const o = await setUpOrg(srv.url, '新公司');
    const s = (await o.admin.get('/api/session')).body.secondFactor;
    assert.equal(s.state, 'ok');
    assert.equal(s.required, true);
    const ends = new Date(s.graceEndsAt).getTime();
    assert.ok(Math.abs(ends - (Date.now() + 14 * 86_400_000)) < 60_000, 'fourteen days from the account’s creation');
    assert.equal((await o.admin.get('/api/users')).status, 200);

    graceClock.set(new Date(ends + 60_000));
    const c = createClient(srv.url);
    const r = await c.signIn(o.adminEmail, PASSWORD);
    assert.equal(r.body.secondFactor, 'enrol');
    assertRequired(await c.get('/api/users'), 'enrol');
    assert.equal((await c.get('/api/session')).body.secondFactor.graceEndsAt, null);
    await enrolTotpWithCodes(c, graceClock);
    assert.equal((await c.get('/api/users')).status, 200);
  });
});
