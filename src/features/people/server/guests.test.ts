// External organisations, guest invitations (a real e-mail on a loopback SMTP server), the NDA flow, the NDA
// gate, guests' live rooms, and who may call which guest route.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { type Client, createClient, PASSWORD, setUpOrg } from '../../../../test/helpers/client.ts';
import { openLive } from '../../../../test/helpers/live.ts';
import { bodyOf, headerOf, type Mail, startMailbox, waitFor } from '../../../../test/helpers/mail.ts';
import { startTestServer } from '../../../../test/helpers/server.ts';
import { createTestClock } from '../../../platform/clock.ts';
import { ndaHash } from './external-orgs.ts';
import { guestGate } from './guest-gate.ts';
import { acceptCurrentNda, guestPrincipal, makeCrisis, makeExternalOrg, makeGuest, NDA_TEXT, tokenOf } from './guests-fixtures.ts';

describe('guests: external organisations, invitations, NDA', () => {
  const clock = createTestClock(new Date('2026-03-10T02:00:00Z'));
  let ctx: Awaited<ReturnType<typeof startTestServer>>;
  let org: Awaited<ReturnType<typeof setUpOrg>>;
  let manager: Client;
  let member: Client;
  const mail: Mail[] = [];
  let mailbox: Awaited<ReturnType<typeof startMailbox>>;

  before(async () => {
    mailbox = await startMailbox(mail);
    ctx = await startTestServer({
      clock,
      env: { FIREBREAK_SMTP_URL: `smtp://127.0.0.1:${mailbox.port}`, FIREBREAK_PUBLIC_URL: 'https://firebreak.example' },
    });
    org = await setUpOrg(ctx.url);
    manager = (await org.userWithRole('manager', '經理 陳')).client;
    member = (await org.userWithRole('member', '成員 林')).client;
  });
  after(async () => {
    await ctx.close();
    await mailbox.close();
  });

  test('an external organisation is created, read, listed and changed with its version', async () => {
    const c = await org.admin.post('/api/external-orgs', {
      name: '明日公關顧問',
      kind: 'agency',
      contacts: [{ name: '王小明', email: 'Ming@Agency.example', phone: '02-2345-6789', title: '總監' }],
      contractScope: '危機溝通與媒體應對',
      contractStart: '2026-01-01',
      contractEnd: '2026-12-31',
      ndaSignedOn: '2026-01-02',
      ndaText: NDA_TEXT,
    });
    assert.equal(c.status, 201, JSON.stringify(c.body));
    assert.equal(c.body.contacts[0].email, 'ming@agency.example');
    assert.equal(c.body.guestCount, 0);
    assert.equal(c.body.version, 1);
    const id = c.body.id;

    const one = await manager.get(`/api/external-orgs/${id}`);
    assert.equal(one.status, 200);
    assert.equal(one.body.contractEnd, '2026-12-31');
    const list = await manager.get('/api/external-orgs');
    assert.ok(list.body.some((o: { id: string }) => o.id === id));

    const p = await manager.patch(`/api/external-orgs/${id}`, { version: 1, contractScope: '危機溝通' });
    assert.equal(p.status, 200, JSON.stringify(p.body));
    assert.equal(p.body.version, 2);
    assert.equal(p.body.contractScope, '危機溝通');
    assert.equal(p.body.name, '明日公關顧問', 'fields not sent are kept');
    assert.equal(p.body.contacts.length, 1);
    assert.equal(p.body.contractEnd, '2026-12-31');
    const stale = await manager.patch(`/api/external-orgs/${id}`, { version: 1, name: '別的名字' });
    assert.equal(stale.status, 409);
    assert.equal(stale.body.code, 'conflict');

    const ev = await ctx.server.db.execute<{ type: string }>(
      sql`SELECT type FROM events WHERE subject_type = 'external_org' AND subject_id = ${id} ORDER BY id`,
    );
    assert.deepEqual(
      ev.rows.map((r) => r.type),
      ['external_org.created', 'external_org.updated'],
    );
  });

  test('validation: kind, NDA text, dates, an NDA file of another organisation, unknown ids', async () => {
    const bad = await org.admin.post('/api/external-orgs', { name: '', kind: 'bank', ndaText: 'short' });
    assert.equal(bad.status, 400);
    const paths = bad.body.errors.map((e: { path: string }) => e.path).sort();
    assert.deepEqual(paths, ['kind', 'name', 'ndaText']);

    const dates = await org.admin.post('/api/external-orgs', {
      name: '法律事務所',
      kind: 'law_firm',
      ndaText: NDA_TEXT,
      contractStart: '2026-05-01',
      contractEnd: '2026-04-01',
    });
    assert.equal(dates.status, 400);
    assert.equal(dates.body.errors[0].path, 'contractEnd');

    // A file row of another organisation is not this organisation's NDA.
    // One server holds one set-up organisation; a second one is written directly.
    const otherOrg = (await ctx.server.db.execute<{ id: string }>(sql`INSERT INTO organisations (name) VALUES ('別家公司') RETURNING id`))
      .rows[0].id;
    const f = await ctx.server.db.execute<{ id: string }>(sql`
      INSERT INTO files (org_id, storage_key, sha256, content_type, size, created_at)
      VALUES (${otherOrg}, 'x', ${'a'.repeat(64)}, 'application/pdf', 10, now()) RETURNING id`);
    const foreign = await org.admin.post('/api/external-orgs', {
      name: '法律事務所',
      kind: 'law_firm',
      ndaText: NDA_TEXT,
      ndaFileId: f.rows[0].id,
    });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.body.errors[0].path, 'ndaFileId');
    const own = await ctx.server.db.execute<{ id: string }>(sql`
      INSERT INTO files (org_id, storage_key, sha256, content_type, size, created_at)
      VALUES (${org.orgId}, 'y', ${'b'.repeat(64)}, 'application/pdf', 10, now()) RETURNING id`);
    const ok = await org.admin.post('/api/external-orgs', {
      name: '法律事務所',
      kind: 'law_firm',
      ndaText: NDA_TEXT,
      ndaFileId: own.rows[0].id,
    });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));

    // Another organisation's external organisation is not found.
    const theirs = (
      await ctx.server.db.execute<{ id: string }>(sql`
        INSERT INTO external_orgs (org_id, name, kind, nda_text, created_at, updated_at)
        VALUES (${otherOrg}, '他們的公關', 'agency', ${NDA_TEXT}, now(), now()) RETURNING id`)
    ).rows[0];
    assert.equal((await org.admin.get(`/api/external-orgs/${theirs.id}`)).status, 404);
    assert.equal((await org.admin.patch(`/api/external-orgs/${theirs.id}`, { version: 1, name: 'x' })).status, 404);
    assert.equal((await org.admin.get('/api/external-orgs/not-a-uuid')).status, 400);
  });

  test('inviting a guest e-mails a working link in their language; a used e-mail is a 409', async () => {
    const eo = await makeExternalOrg(org.admin, { name: '晨光法律事務所', kind: 'law_firm' });
    const inv = await manager.post(`/api/external-orgs/${eo.id}/guests`, { email: 'Lawyer@Firm.example', name: '張律師', locale: 'zh-TW' });
    assert.equal(inv.status, 201, JSON.stringify(inv.body));
    assert.equal(inv.body.emailSent, true);
    assert.equal(inv.body.guest.status, 'invited');
    assert.equal(inv.body.guest.email, 'lawyer@firm.example');
    assert.match(inv.body.inviteUrl, /^https:\/\/firebreak\.example\/invite\//);

    const m = await waitFor('the invitation', () => mail.find((x) => x.to.includes('lawyer@firm.example')));
    assert.match(headerOf(m.raw, 'Subject'), /邀請您使用 Firebreak/);
    const body = bodyOf(m.raw);
    assert.ok(body.includes('晨光法律事務所'), body);
    assert.ok(body.includes(inv.body.inviteUrl), 'the e-mail carries the link');
    assert.ok(body.includes('保密協議'));

    // The link in the e-mail works through the existing invite route.
    const link = /https:\/\/firebreak\.example\/invite\/\S+/.exec(body)?.[0] ?? '';
    const guest = createClient(ctx.url);
    const info = await guest.get(`/api/invites/${tokenOf(link)}`);
    assert.equal(info.status, 200, JSON.stringify(info.body));
    const acc = await guest.post(`/api/invites/${tokenOf(link)}/accept`, { password: PASSWORD });
    assert.equal(acc.status, 201, JSON.stringify(acc.body));
    const users = await ctx.server.db.execute<{ role: string; status: string; external_org_id: string }>(
      sql`SELECT role, status, external_org_id FROM users WHERE email = 'lawyer@firm.example'`,
    );
    assert.deepEqual(users.rows[0], { role: 'guest', status: 'active', external_org_id: eo.id });

    const en = await org.admin.post(`/api/external-orgs/${eo.id}/guests`, {
      email: 'counsel@firm.example',
      name: 'Jane Counsel',
      locale: 'en',
    });
    assert.equal(en.status, 201);
    const m2 = await waitFor('the English invitation', () => mail.find((x) => x.to.includes('counsel@firm.example')));
    assert.match(headerOf(m2.raw, 'Subject'), /invites you to Firebreak/);
    assert.match(bodyOf(m2.raw), /Hello Jane Counsel/);

    // Any user's e-mail, staff included, is taken.
    const dup = await org.admin.post(`/api/external-orgs/${eo.id}/guests`, { email: 'LAWYER@firm.example', name: '另一位' });
    assert.equal(dup.status, 409);
    assert.equal(dup.body.errors[0].path, 'email');
    const staffEmail = await org.admin.post(`/api/external-orgs/${eo.id}/guests`, { email: org.adminEmail, name: '冒名' });
    assert.equal(staffEmail.status, 409);

    // The body's organisation, when sent, must be the one in the address.
    const other = await makeExternalOrg(org.admin);
    const mismatch = await org.admin.post(`/api/external-orgs/${eo.id}/guests`, {
      externalOrgId: other.id,
      email: 'x@firm.example',
      name: 'X',
    });
    assert.equal(mismatch.status, 400);

    const list = await manager.get(`/api/external-orgs/${eo.id}/guests`);
    assert.equal(list.status, 200);
    assert.deepEqual(list.body.map((g: { email: string }) => g.email).sort(), ['counsel@firm.example', 'lawyer@firm.example']);
    const lawyer = list.body.find((g: { email: string }) => g.email === 'lawyer@firm.example');
    assert.equal(lawyer.status, 'active');
    assert.ok(lawyer.lastSignInAt);
    assert.equal(lawyer.ndaAcceptedAt, null);
    assert.equal(lawyer.activeGrantCount, 0);
  });

  test('without SMTP the invitation still answers with the link', async () => {
    const bare = await startTestServer({ clock });
    const o = await setUpOrg(bare.url, '無信箱公司');
    const eo = await makeExternalOrg(o.admin);
    const inv = await o.admin.post(`/api/external-orgs/${eo.id}/guests`, { email: 'nomail@agency.example', name: '無信' });
    assert.equal(inv.status, 201, JSON.stringify(inv.body));
    assert.equal(inv.body.emailSent, false);
    assert.match(inv.body.inviteUrl, /\/invite\/[\w-]{20,}$/);
    await bare.close();
  });

  test('NDA: visible before acceptance, stale hash 409, gate refuses until accepted, a new text needs a new acceptance', async () => {
    const eo = await makeExternalOrg(org.admin, { name: '數位行銷社', kind: 'digital_marketing' });
    const { client: guest, id } = await makeGuest(ctx.url, org.admin, eo.id, clock);
    const p = guestPrincipal(org.orgId, id);

    const me = await guest.get('/api/guest/me');
    assert.equal(me.status, 200, JSON.stringify(me.body));
    assert.equal(me.body.externalOrg.name, '數位行銷社');
    assert.equal(me.body.nda.text, NDA_TEXT);
    assert.equal(me.body.nda.sha256, ndaHash(NDA_TEXT));
    assert.equal(me.body.nda.acceptedAt, null);
    assert.deepEqual(me.body.grants, []);
    await assert.rejects(guestGate(ctx.server.db, p), (e: { code: string }) => e.code === 'nda_required');

    const wrong = await guest.post('/api/guest/nda', { sha256: ndaHash('another text entirely') });
    assert.equal(wrong.status, 409);
    assert.equal(wrong.body.errors[0].code, 'stale');
    assert.equal((await guest.post('/api/guest/nda', { sha256: 'nope' })).status, 400);

    const ok = await guest.request('POST', '/api/guest/nda', { sha256: me.body.nda.sha256 }, { 'user-agent': 'GuestBrowser/1.0' });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.ok(ok.body.nda.acceptedAt);
    await guestGate(ctx.server.db, p);
    const row = await ctx.server.db.execute<{ ip: string; user_agent: string; nda_sha256: string }>(
      sql`SELECT ip, user_agent, nda_sha256 FROM nda_acceptances WHERE user_id = ${id}`,
    );
    assert.equal(row.rows[0].user_agent, 'GuestBrowser/1.0');
    assert.equal(row.rows[0].ip, '127.0.0.1');
    assert.equal(row.rows[0].nda_sha256, ndaHash(NDA_TEXT));
    const ev = await ctx.server.db.execute(sql`SELECT 1 FROM events WHERE type = 'guest.nda_accepted' AND actor_id = ${id}`);
    assert.equal(ev.rows.length, 1);
    const listed = await org.admin.get(`/api/external-orgs/${eo.id}/guests`);
    assert.ok(listed.body[0].ndaAcceptedAt);

    // The text changes: the old acceptance no longer counts, the old hash is stale, the new one is accepted.
    const cur = await org.admin.get(`/api/external-orgs/${eo.id}`);
    const newText = `${NDA_TEXT}違反者應負損害賠償責任。`;
    assert.equal((await org.admin.patch(`/api/external-orgs/${eo.id}`, { version: cur.body.version, ndaText: newText })).status, 200);
    await assert.rejects(guestGate(ctx.server.db, p), (e: { code: string }) => e.code === 'nda_required');
    const me2 = await guest.get('/api/guest/me');
    assert.equal(me2.body.nda.acceptedAt, null);
    assert.equal(me2.body.nda.sha256, ndaHash(newText));
    assert.equal((await guest.post('/api/guest/nda', { sha256: me.body.nda.sha256 })).status, 409);
    assert.equal((await guest.post('/api/guest/nda', { sha256: me2.body.nda.sha256 })).status, 201);
    await guestGate(ctx.server.db, p);

    // Archiving the organisation ends access: the gate and the guest's own view refuse.
    const cur2 = await org.admin.get(`/api/external-orgs/${eo.id}`);
    assert.equal((await org.admin.patch(`/api/external-orgs/${eo.id}`, { version: cur2.body.version, archived: true })).status, 200);
    await assert.rejects(guestGate(ctx.server.db, p), (e: { code: string }) => e.code === 'forbidden');
    assert.equal((await guest.get('/api/guest/me')).status, 403);
    const again = await org.admin.post(`/api/external-orgs/${eo.id}/guests`, { email: 'late@agency.example', name: '遲到' });
    assert.equal(again.status, 409, 'no invitations into an archived organisation');
  });

  test('a guest hears only their own user room; archiving the organisation reaches their socket', async () => {
    const eo = await makeExternalOrg(org.admin);
    const { client: guest, id } = await makeGuest(ctx.url, org.admin, eo.id, clock);
    await acceptCurrentNda(guest);
    const crisisId = await makeCrisis(org.admin);
    const live = openLive(ctx.url, guest.cookie);
    await live.subscribe([`user:${id}`]);
    live.send({ type: 'subscribe', rooms: [`org:${org.orgId}`, `crisis:${crisisId}`, `user:${org.adminId}`, `user:${id}:x`] });
    for (const room of [`org:${org.orgId}`, `crisis:${crisisId}`, `user:${org.adminId}`, `user:${id}:x`])
      await live.next((m) => m.type === 'denied' && m.room === room);
    // Even on the crisis team a guest stays out of the crisis room (their reads go through grants).
    await org.admin.request('PUT', `/api/crises/${crisisId}/team`, { role: 'legal_counsel', userId: id });
    live.send({ type: 'subscribe', rooms: [`crisis:${crisisId}`] });
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!live.messages.some((m) => m.type === 'subscribed' && m.room !== `user:${id}`));

    const cur = await org.admin.get(`/api/external-orgs/${eo.id}`);
    const started = Date.now();
    await org.admin.patch(`/api/external-orgs/${eo.id}`, { version: cur.body.version, archived: true });
    await live.next((m) => m.type === 'event' && m.room === `user:${id}` && m.event.type === 'external_org.updated', 1000);
    assert.ok(Date.now() - started < 1000);
    live.ws.close();

    // Staff still subscribe as before.
    const staffLive = openLive(ctx.url, member.cookie);
    await staffLive.subscribe([`org:${org.orgId}`]);
    staffLive.ws.close();
  });

  test('managers re-invite (a new e-mail, the old link dead), deactivate (the socket closes) and reactivate guests', async () => {
    const eo = await makeExternalOrg(org.admin, { name: '重寄公關' });
    const inv = await manager.post(`/api/external-orgs/${eo.id}/guests`, { email: 'again@agency.example', name: 'Again', locale: 'en' });
    assert.equal(inv.status, 201);
    const re = await manager.post(`/api/external-orgs/${eo.id}/guests/${inv.body.guest.id}/invite`);
    assert.equal(re.status, 201, JSON.stringify(re.body));
    assert.equal(re.body.emailSent, true);
    assert.notEqual(re.body.inviteUrl, inv.body.inviteUrl);
    await waitFor('the second e-mail', () => (mail.filter((x) => x.to.includes('again@agency.example')).length === 2 ? true : undefined));
    assert.equal((await createClient(ctx.url).get(`/api/invites/${tokenOf(inv.body.inviteUrl)}`)).status, 404, 'the old link is dead');
    // Only guests of that organisation, only before acceptance.
    assert.equal((await manager.post(`/api/external-orgs/${eo.id}/guests/${org.adminId}/invite`)).status, 404);
    const { client: guest, id } = await makeGuest(ctx.url, org.admin, eo.id, clock);
    assert.equal((await manager.post(`/api/external-orgs/${eo.id}/guests/${id}/invite`)).status, 409);
    const elsewhere = await makeExternalOrg(org.admin);
    assert.equal((await manager.post(`/api/external-orgs/${elsewhere.id}/guests/${id}/deactivate`)).status, 404);

    const live = openLive(ctx.url, guest.cookie);
    await live.subscribe([`user:${id}`]);
    const off = await manager.post(`/api/external-orgs/${eo.id}/guests/${id}/deactivate`);
    assert.equal(off.status, 200, JSON.stringify(off.body));
    assert.equal(off.body.status, 'deactivated');
    await live.next((m) => m.type === 'session.ended', 1000);
    assert.equal((await guest.get('/api/guest/me')).status, 401);
    const on = await manager.post(`/api/external-orgs/${eo.id}/guests/${id}/reactivate`);
    assert.equal(on.body.status, 'active');
    live.ws.close();
  });

  test('who may call the guest routes', async () => {
    const eo = await makeExternalOrg(org.admin);
    const { client: guest } = await makeGuest(ctx.url, org.admin, eo.id, clock);
    const reporter = (await org.userWithRole('reporter')).client;
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/external-orgs'],
      ['POST', '/api/external-orgs', { name: 'x', kind: 'other', ndaText: NDA_TEXT }],
      ['GET', `/api/external-orgs/${eo.id}`],
      ['PATCH', `/api/external-orgs/${eo.id}`, { version: 99 }],
      ['GET', `/api/external-orgs/${eo.id}/guests`],
      ['POST', `/api/external-orgs/${eo.id}/guests`, { email: 'perm@x.example', name: 'p' }],
      ['GET', `/api/external-orgs/${eo.id}/access-report`],
      ['POST', `/api/external-orgs/${eo.id}/guests/${org.adminId}/invite`],
      ['POST', `/api/external-orgs/${eo.id}/guests/${org.adminId}/deactivate`],
      ['POST', `/api/external-orgs/${eo.id}/guests/${org.adminId}/reactivate`],
      ['GET', '/api/guest-grants'],
      ['POST', '/api/guest-grants', {}],
      ['PATCH', `/api/guest-grants/${eo.id}`, { version: 1 }],
      ['DELETE', `/api/guest-grants/${eo.id}?version=1`],
    ];
    for (const [method, path, body] of routes) {
      for (const [who, c] of [
        ['member', member],
        ['reporter', reporter],
        ['guest', guest],
      ] as const) {
        const r = await c.request(method, path, body);
        assert.equal(r.status, 403, `${who} ${method} ${path}: ${r.status}`);
      }
      // Admins and managers pass the permission (then validation, 404 or 409 decide).
      for (const c of [org.admin, manager]) {
        const r = await c.request(method, path, body);
        assert.notEqual(r.status, 403, `${method} ${path}`);
        assert.notEqual(r.status, 401, `${method} ${path}`);
      }
    }
    for (const c of [org.admin, manager, member, reporter]) {
      assert.equal((await c.get('/api/guest/me')).status, 403);
      assert.equal((await c.post('/api/guest/nda', { sha256: ndaHash(NDA_TEXT) })).status, 403);
    }
    assert.equal((await guest.get('/api/guest/me')).status, 200);
    assert.equal((await createClient(ctx.url).get('/api/guest/me')).status, 401);
    // The routes describe themselves in the OpenAPI document (the schemas convert to JSON Schema).
    const api = await createClient(ctx.url).get('/api/openapi.json');
    assert.equal(api.status, 200);
    for (const path of [
      '/api/external-orgs/{id}/guests',
      '/api/guest-grants/{id}',
      '/api/guest/nda',
      '/api/external-orgs/{id}/access-report',
    ])
      assert.ok(api.body.paths[path], path);
  });
});
